import { afterEach, describe, expect, it } from 'vitest';
import { createHealthCheck } from '../../src/health.js';
import { healthRoutes } from '../../src/http/routes/health.js';
import { createServer, type AppServer } from '../../src/http/server.js';
import { createTestDb, type TestDb } from '../helpers/db.js';

let t: TestDb;
let app: AppServer;
afterEach(async () => {
  await app.close();
  await t.cleanup();
});

async function build(pack: { id: string; name: string; warnings: string[] } | null) {
  t = createTestDb();
  app = createServer();
  await app.register(healthRoutes, { health: createHealthCheck({ store: t.store, pack: () => pack, channels: () => ['web'] }) });
}

describe('GET /healthz', () => {
  it('is 200 with the database, pack, channels and outbox counts', async () => {
    await build({ id: 'demo', name: '示范', warnings: ['city.calendar: 2027 not covered'] });
    await t.store.outbox.enqueue({ channel: 'web', address: 'a', payload: { kind: 'text', text: 'x' } }, 0);
    const res = await app.inject({ url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: 'ok',
      database: 'ok',
      pack: { id: 'demo', name: '示范', warnings: ['city.calendar: 2027 not covered'] },
      channels: ['web'],
      outbox: { pending: 1, delivered: 0, failed: 0 },
    });
  });

  it('is 503 when the database does not answer', async () => {
    await build({ id: 'demo', name: '示范', warnings: [] });
    await t.store.close();
    const res = await app.inject({ url: '/healthz' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ status: 'down', database: 'down' });
  });

  it('is 503 without a pack', async () => {
    await build(null);
    expect((await app.inject({ url: '/healthz' })).statusCode).toBe(503);
  });
});
