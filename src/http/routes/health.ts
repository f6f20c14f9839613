import type { FastifyPluginAsync } from 'fastify';
import type { HealthReport } from '../../health.js';

export interface HealthRouteOptions {
  health: () => Promise<HealthReport>;
}

/** GET /healthz: 200 when the database answers and a pack is loaded, 503 otherwise. */
export const healthRoutes: FastifyPluginAsync<HealthRouteOptions> = async (app, opts) => {
  app.get('/healthz', async (_req, reply) => {
    const report = await opts.health();
    return reply.status(report.status === 'ok' ? 200 : 503).send(report);
  });
};
