import { join } from 'node:path';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterEach, describe, expect, it } from 'vitest';
import { createSurveyFlow } from '../../flows/survey.js';
import { createFlowKit } from '../../flows/support/resume.js';
import type { ChatFlow } from '../../flows/support/types.js';
import type { InboundMessage } from '../../src/channels/types.js';
import { createConversationEngine } from '../../src/conversations/engine.js';
import type { ChatServices } from '../../src/conversations/services.js';
import { installErrorHandler } from '../../src/http/error-handler.js';
import { campaignAdminRoutes } from '../../src/http/routes/campaign-admin.js';
import { createMediaStore } from '../../src/media/store.js';
import { harness, MONDAY_10H, seed, type Harness } from './helpers.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.dispatcher.stop();
  await h?.db.cleanup();
  h = undefined;
});

const survey = { question: '您对本月小区环境满意吗？', options: ['满意', '一般', '不满意'] };

function engineFor(hx: Harness) {
  const kit = createFlowKit();
  const stub: ChatFlow = { name: 'stub', begin: async (ctx) => ctx.say('menu'), handle: async (ctx) => ctx.say('menu') };
  return createConversationEngine({
    store: hx.store,
    media: createMediaStore({ dir: join(hx.db.dir, 'media') }),
    flows: kit.register([createSurveyFlow(kit), stub]),
    entry: 'stub',
    services: {} as ChatServices,
    clock: () => hx.clock.now(),
  });
}

let seq = 0;
const tap = (chatId: string, data: string): InboundMessage => ({
  channel: 'telegram',
  chatId,
  chatType: 'private',
  userId: `u${Number(chatId) - 1000}`,
  messageId: `m${++seq}`,
  at: MONDAY_10H,
  content: { kind: 'button', data },
});

describe('surveys', () => {
  it('sends the options as buttons, tallies answers per option and area, and exports CSV for Excel', async () => {
    h = await harness();
    const subs = await seed(h.store, 6, h.clock.now(), (i) => ({ areaId: i < 3 ? 'hexi-jiedao' : i < 5 ? 'wenchang' : null }));
    await h.service.create({ id: 'satisfaction', name: '满意度调查 11月', text: '创卫办想听听您的意见。', at: '2026-12-01T09:00:00+08:00', survey });
    const run = (await h.service.fire('satisfaction', MONDAY_10H))!;
    await h.runToEnd(run.id);

    // The first outbox row is the first subscriber's campaign message.
    const row = await h.store.outbox.byId(1);
    expect(row?.payload).toMatchObject({
      kind: 'text',
      buttons: [[{ label: '满意', data: `sv:${run.id}:1` }], [{ label: '一般', data: `sv:${run.id}:2` }], [{ label: '不满意', data: `sv:${run.id}:3` }]],
    });
    expect(row?.payload.kind === 'text' && row.payload.text).toContain(survey.question);

    const engine = engineFor(h);
    const answers = [1, 1, 2, 3, 1, 2];
    for (const [i, s] of subs.entries()) await engine.handle(tap(s.address, `sv:${run.id}:${answers[i]}`));
    // A change of mind replaces the earlier answer; a stale or foreign button counts nothing.
    await engine.handle(tap(subs[0]!.address, `sv:${run.id}:3`));
    await engine.handle(tap(subs[1]!.address, `sv:999:1`));
    await engine.handle(tap(subs[1]!.address, `sv:${run.id}:9`));

    const tally = await h.service.surveyTally('satisfaction');
    expect(tally.totals).toEqual([2, 2, 2]);
    const byArea = tally.rows.map((r) => [r.option, r.areaId, r.count]);
    expect(byArea).toEqual([
      [1, 'hexi-jiedao', 1],
      [1, 'wenchang', 1],
      [2, null, 1],
      [2, 'hexi-jiedao', 1],
      [3, 'hexi-jiedao', 1],
      [3, 'wenchang', 1],
    ]);
    const replies = (await h.store.outbox.counts()).pending;
    expect(replies).toBe(9);

    const app = Fastify();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    installErrorHandler(app);
    await app.register(campaignAdminRoutes, { campaigns: h.service, authorize: async () => ({ staffId: 1, role: 'officer' }) });
    const res = await app.inject({ method: 'GET', url: '/api/admin/campaigns/satisfaction/survey.csv' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('满意度调查 11月-survey.csv')}`);
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = res.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('run,run_time,option,option_text,area,area_name,answers');
    expect(lines).toHaveLength(7);
    expect(lines[1]).toMatch(new RegExp(`^${run.id},.*,1,满意,hexi-jiedao,禾西街道,1$`));
    await app.close();
  });
});
