import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { installErrorHandler } from '../../src/http/error-handler.js';
import { campaignAdminRoutes } from '../../src/http/routes/campaign-admin.js';
import { harness, seed, type Harness } from './helpers.js';

let h: Harness | undefined;
let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  await h?.service.stop();
  await h?.dispatcher.stop();
  await h?.db.cleanup();
  h = undefined;
  app = undefined;
});

/** A bearer token names the role; no token, no entry. */
async function api(hx: Harness): Promise<FastifyInstance> {
  const a = Fastify();
  a.setValidatorCompiler(validatorCompiler);
  a.setSerializerCompiler(serializerCompiler);
  installErrorHandler(a);
  await a.register(campaignAdminRoutes, {
    campaigns: hx.service,
    authorize: async (req) => {
      const role = req.headers.authorization?.replace(/^Bearer /, '');
      if (role !== 'officer' && role !== 'supervisor' && role !== 'admin') throw new AppError('UNAUTHENTICATED', 'log in first');
      return { staffId: 7, role };
    },
  });
  return a;
}

const admin = { authorization: 'Bearer admin' };
const create = { id: 'cleanup', name: '周末大扫除', text: '本周六上午9点大扫除。', schedule: '0 9 * * 6', audience: { channels: ['telegram'] } };

describe('campaign admin API', () => {
  it('creates, lists, changes, previews, test-sends, sends and reports progress', async () => {
    h = await harness();
    app = await api(h);
    await seed(h.store, 3, h.clock.now());
    await h.service.start();

    const created = await app.inject({ method: 'POST', url: '/api/admin/campaigns', headers: admin, payload: create });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ id: 'cleanup', source: 'admin', status: 'active', nextRunAt: expect.any(Number) });

    const list = await app.inject({ method: 'GET', url: '/api/admin/campaigns', headers: { authorization: 'Bearer officer' } });
    expect(list.json().campaigns.map((c: { id: string }) => c.id)).toEqual(['cleanup']);

    const patched = await app.inject({
      method: 'PATCH',
      url: '/api/admin/campaigns/cleanup',
      headers: admin,
      payload: { survey: { question: '参加吗？', options: ['参加', '不参加'] } },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().survey.options).toEqual(['参加', '不参加']);

    const preview = await app.inject({ method: 'POST', url: '/api/admin/campaigns/cleanup/preview', headers: admin, payload: { language: 'en' } });
    expect(preview.json().message).toMatchObject({ kind: 'text', buttons: [[{ label: '参加', data: 'sv:0:1' }], [{ label: '不参加', data: 'sv:0:2' }]] });
    expect(preview.json().message.text).toContain('Tap one option');

    const test = await app.inject({ method: 'POST', url: '/api/admin/campaigns/cleanup/test', headers: admin, payload: { channel: 'telegram', address: '555' } });
    expect(test.statusCode).toBe(202);
    await h.dispatcher.drain();
    expect(h.sender.calls).toEqual([expect.objectContaining({ address: '555', text: expect.stringMatching(/^【测试】本周六/) })]);

    const send = await app.inject({ method: 'POST', url: '/api/admin/campaigns/cleanup/send', headers: admin });
    expect(send.statusCode).toBe(202);
    const runId = send.json().run.id as number;
    await h.service.stop();
    await h.runToEnd(runId);
    const status = await app.inject({ method: 'GET', url: `/api/admin/campaigns/cleanup/status?run=${runId}`, headers: admin });
    expect(status.json().progress).toMatchObject({ runId, status: 'done', total: 3, sent: 3, failed: 0, pending: 0 });

    const paused = await app.inject({ method: 'POST', url: '/api/admin/campaigns/cleanup/pause', headers: admin });
    expect(paused.json()).toMatchObject({ status: 'paused', nextRunAt: null });
    expect((await app.inject({ method: 'POST', url: '/api/admin/campaigns/cleanup/pause', headers: admin })).statusCode).toBe(409);
    expect((await app.inject({ method: 'POST', url: '/api/admin/campaigns/cleanup/resume', headers: admin })).json().status).toBe('active');
    expect((await app.inject({ method: 'POST', url: '/api/admin/campaigns/cleanup/cancel', headers: admin })).json().status).toBe('cancelled');
  });

  it('answers bad input with one clear line, and keeps out strangers and officers', async () => {
    h = await harness();
    app = await api(h);
    expect((await app.inject({ method: 'GET', url: '/api/admin/campaigns' })).statusCode).toBe(401);
    const officer = await app.inject({ method: 'POST', url: '/api/admin/campaigns', headers: { authorization: 'Bearer officer' }, payload: create });
    expect(officer.statusCode).toBe(403);

    const badCron = await app.inject({ method: 'POST', url: '/api/admin/campaigns', headers: admin, payload: { ...create, schedule: '0 9 * *' } });
    expect(badCron.statusCode).toBe(400);
    expect(JSON.stringify(badCron.json())).toContain('not a 5-field cron expression');

    const badArea = await app.inject({ method: 'POST', url: '/api/admin/campaigns', headers: admin, payload: { ...create, audience: { areas: ['atlantis'] } } });
    expect(badArea.statusCode).toBe(422);
    expect(badArea.json().error.message).toBe('campaign "cleanup": audience.areas: no area "atlantis" in the pack');

    const badSurvey = await app.inject({ method: 'POST', url: '/api/admin/campaigns', headers: admin, payload: { ...create, survey: { question: 'q', options: ['only one'] } } });
    expect(badSurvey.statusCode).toBe(400);
    expect(JSON.stringify(badSurvey.json())).toContain('at least 2 options');

    expect((await app.inject({ method: 'GET', url: '/api/admin/campaigns/nope/status', headers: admin })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/admin/campaigns/nope/survey.csv', headers: admin })).statusCode).toBe(404);
  });
});
