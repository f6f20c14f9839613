/**
 * The staff-facing campaigns API under /api/admin/campaigns (the console mounts it at
 * /console/api/admin/campaigns, behind its session): list, create, change, pause, resume, cancel,
 * preview, "send to me" test, send now, progress, and survey results (JSON and CSV).
 * Every route needs staff; only supervisors and admins may change campaigns or send them.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CampaignService } from '../../campaigns/index.js';
import { campaignCreateInput, campaignUpdateInput } from '../../campaigns/index.js';
import { AppError } from '../../errors.js';
import { ID_PATTERN } from '../../pack/schema.js';
import { sendCsv } from '../download.js';

export type CampaignStaffRole = 'officer' | 'supervisor' | 'admin';

export interface CampaignAdminOptions {
  campaigns: CampaignService;
  /** Who is asking; throws AppError UNAUTHENTICATED (no or bad credentials) or FORBIDDEN. */
  authorize: (req: FastifyRequest) => Promise<{ staffId: number; role: CampaignStaffRole }>;
}

const EDITORS: ReadonlySet<CampaignStaffRole> = new Set(['supervisor', 'admin']);

const params = z.object({
  id: z
    .string()
    .max(64, 'must be at most 64 characters')
    .regex(ID_PATTERN, 'must match [a-z0-9][a-z0-9_-]* (lower-case letters, digits, _ and -)'),
});

const previewBody = z.object({ language: z.enum(['zh-CN', 'en'], 'must be zh-CN or en').default('zh-CN') });

const testBody = z.union(
  [
    z.strictObject({ residentId: z.number('must be a number').int().positive() }),
    z.strictObject({ channel: z.enum(['telegram', 'wechat', 'web', 'wecom']), address: z.string().trim().min(1).max(200) }),
  ],
  'give either residentId, or channel and address',
);

const statusQuery = z.object({ run: z.coerce.number('must be a number').int().positive().optional() });

export const campaignAdminRoutes: FastifyPluginAsync<CampaignAdminOptions> = async (app, o) => {
  const svc = o.campaigns;
  const staff = new WeakMap<FastifyRequest, { staffId: number; role: CampaignStaffRole }>();
  const r = app.withTypeProvider<ZodTypeProvider>();

  // Authentication runs before body validation, so a stranger learns nothing from a 400.
  app.addHook('onRequest', async (req) => {
    staff.set(req, await o.authorize(req));
  });
  const editor = async (req: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const who = staff.get(req);
    if (!who || !EDITORS.has(who.role)) throw new AppError('FORBIDDEN', 'only supervisors and admins may change or send campaigns');
  };
  const audit = (req: FastifyRequest, campaignId: string, action: string) =>
    req.log.info({ staffId: staff.get(req)?.staffId, campaignId, action }, 'campaign changed');

  r.get('/api/admin/campaigns', async () => ({ campaigns: await svc.list() }));

  r.post('/api/admin/campaigns', { schema: { body: campaignCreateInput }, onRequest: editor }, async (req, reply) => {
    const c = await svc.create(req.body);
    audit(req, c.id, 'create');
    return reply.status(201).send(await svc.get(c.id));
  });

  r.get('/api/admin/campaigns/:id', { schema: { params } }, async (req) => svc.get(req.params.id));

  r.patch('/api/admin/campaigns/:id', { schema: { params, body: campaignUpdateInput }, onRequest: editor }, async (req) => {
    await svc.update(req.params.id, req.body);
    audit(req, req.params.id, 'update');
    return svc.get(req.params.id);
  });

  for (const action of ['pause', 'resume', 'cancel'] as const) {
    r.post(`/api/admin/campaigns/:id/${action}`, { schema: { params }, onRequest: editor }, async (req) => {
      await svc[action](req.params.id);
      audit(req, req.params.id, action);
      return svc.get(req.params.id);
    });
  }

  r.post('/api/admin/campaigns/:id/preview', { schema: { params, body: previewBody } }, async (req) => ({
    message: await svc.preview(req.params.id, req.body.language),
  }));

  r.post('/api/admin/campaigns/:id/test', { schema: { params, body: testBody }, onRequest: editor }, async (req, reply) => {
    const res = await svc.testSend(req.params.id, req.body);
    audit(req, req.params.id, 'test-send');
    return reply.status(202).send(res);
  });

  r.post('/api/admin/campaigns/:id/send', { schema: { params }, onRequest: editor }, async (req, reply) => {
    const run = await svc.sendNow(req.params.id);
    audit(req, req.params.id, 'send-now');
    return reply.status(202).send({ run });
  });

  r.get('/api/admin/campaigns/:id/status', { schema: { params, querystring: statusQuery } }, async (req) => ({
    progress: await svc.status(req.params.id, req.query.run),
  }));

  r.get('/api/admin/campaigns/:id/survey', { schema: { params } }, async (req) => svc.surveyTally(req.params.id));

  r.get('/api/admin/campaigns/:id/survey.csv', { schema: { params } }, async (req, reply) => {
    const { filename, csv } = await svc.surveyCsv(req.params.id);
    return sendCsv(reply, filename, csv);
  });
};
