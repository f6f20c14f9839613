/**
 * A county that has been running for a while, written through the product's own services (and,
 * where no service writes a table on its own, the store's repositories): residents on two
 * channels, tickets with events, photos, a follower and a rating, staff with a console session
 * and a bound chat, a campaign with a survey that has been sent and answered, FAQ entries and
 * feedback, web chat messages, a conversation, a registered photo, and outbox rows in every
 * state. Every table of the schema ends up with rows, so a copy of it exercises every column.
 */
import { join } from 'node:path';
import { parseConfig } from '../../src/config.js';
import { createCore, type Core } from '../../src/core.js';
import { createLogger } from '../../src/logger.js';
import type { Resident, Ticket } from '../../src/store/ports.js';
import { garbageCategory, reportPlace } from './garbage-report.js';

/** 2026-03-04 (a Wednesday) 10:00 in the demo county. */
export const COUNTY_NOW = Date.parse('2026-03-04T10:00:00+08:00');

export interface SeededCounty {
  core: Core;
  residents: Resident[];
  tickets: Ticket[];
  /** The ticket a second resident follows. */
  followed: Ticket;
  staffId: number;
  campaignId: string;
  runId: number;
}

/** A core on DATABASE_URL (the demo pack, media under `dir`), its clock stopped at `now`. */
export async function openCounty(databaseUrl: string, dir: string, now = COUNTY_NOW): Promise<Core> {
  const config = parseConfig({ DATABASE_URL: databaseUrl, PACK: 'packs/demo/pack.yaml', MEDIA_DIR: join(dir, 'media'), LOG_LEVEL: 'silent' });
  return createCore(config, { logger: createLogger('silent'), clock: () => now, deadlines: { schedule: false } });
}

export async function seedCounty(core: Core, now = COUNTY_NOW): Promise<SeededCounty> {
  const { store, pack } = core;
  const place = reportPlace(pack, garbageCategory(pack));
  const alice = await store.residents.upsert({ channel: 'web', platformUserId: 'session-alice', address: 'session-alice', language: 'zh-CN', now });
  const bob = await store.residents.upsert({ channel: 'telegram', platformUserId: '4242', address: 'chat-4242', language: 'en', now });

  const garbage = await core.tickets.file({
    resident: alice,
    text: '这里的垃圾堆了好几天没人清运，苍蝇乱飞，臭得很',
    location: { lat: place.lat, lon: place.lon, crs: 'wgs84' },
    photos: [{ path: '2026/03/garbage.jpg', mime: 'image/jpeg' }],
  });
  const lamp = await core.tickets.file({ resident: bob, text: '路灯坏了好几天了，晚上很黑' });
  const question = await core.tickets.file({ resident: alice, text: '请问周末垃圾清运时间有变化吗？', kind: 'inquiry' });
  await core.tickets.follow(garbage.id, bob.id);

  const staff = await core.staff.add({ login: 'wang', name: '王科长', unitId: garbage.unitId, role: 'officer', password: 'correct horse battery' });
  await core.tickets.act(garbage.id, { type: 'accept' }, `staff:${staff.id}`);
  await core.tickets.act(garbage.id, { type: 'resolve', note: '已清运' }, `staff:${staff.id}`, { photo: { path: '2026/03/cleaned.jpg', mime: 'image/jpeg' } });
  await core.tickets.rate(garbage.id, 'satisfied', alice.id, '很快');
  const { code } = await core.staff.issueBindCode(staff.id);
  await core.staff.redeemBindCode(code, 'telegram', '777');
  await core.staff.issueBindCode(staff.id); // left unused
  await core.staff.login('wang', 'correct horse battery');

  await store.subscriptions.subscribe({ residentId: alice.id, channel: 'web', address: alice.address, areaId: place.area.id, language: 'zh-CN', tags: ['创卫', '垃圾'] }, now);
  await store.subscriptions.subscribe({ residentId: bob.id, channel: 'telegram', address: bob.address, areaId: null, language: 'en', tags: [] }, now);
  const campaign = await core.campaigns.create({
    id: 'satisfaction',
    name: '满意度调查',
    text: '创卫办想听听您的意见。',
    at: '2026-04-01T09:00:00+08:00',
    survey: { question: '您对本月小区环境满意吗？', options: ['满意', '一般', '不满意'] },
  });
  const run = await core.campaigns.sendNow(campaign.id);
  for (let i = 0; i < 10 && (await core.campaigns.step(run.id)).state === 'sending'; i++);
  await store.campaigns.answer({ runId: run.id, residentId: alice.id, option: 1, areaId: place.area.id, now });

  await store.faqFeedback.add({ kind: 'unanswered', faqId: null, question: '垃圾分类罚款吗', residentId: alice.id, ticketId: null, createdAt: now });
  await store.faqFeedback.add({ kind: 'helpful', faqId: pack.faq[0]!.id, question: pack.faq[0]!.question, residentId: bob.id, ticketId: lamp.id, createdAt: now });
  const edited = (await store.faq.byId(pack.faq[0]!.id))!;
  await store.faq.put({ ...edited, source: 'staff', deleted: true, updatedAt: now + 1 });
  await store.webMessages.add({ sessionId: 'session-alice', direction: 'in', payload: { kind: 'text', text: '你好' }, createdAt: now });
  await store.webMessages.add({ sessionId: 'session-alice', direction: 'out', payload: { kind: 'text', text: '您好', buttons: [{ id: 'a', label: '反映问题' }] }, createdAt: now + 1 });
  await store.conversations.put({ channel: 'web', chatId: 'session-alice', flow: 'report', step: 'location', state: { text: '井盖丢了', nested: { n: 1.5, ok: true, none: null } }, language: 'zh-CN', updatedAt: now });
  await store.inboundSeen.markSeen('telegram', 'update-1001', now);
  // The numbered list a WeChat resident was last sent (the adapter writes it; no service does).
  await store.numberedChoices.put('wechat', 'wxid_county_carol', { data: ['rate:satisfied:20260304-0001', 'rate:neutral:20260304-0001', 'rate:unsatisfied:20260304-0001'], sentAt: now });
  // A photo saved through the media store is registered for the photo sweep.
  await core.media.save(Buffer.from('a photo of a blocked drain'), 'image/jpeg');

  // Outbox rows in every state: one delivered, one failed, the rest pending.
  const [first, second] = await store.outbox.lease(now, now + 60_000, 2);
  await store.outbox.markDelivered(first!.id, now + 5);
  await store.outbox.markFailed(second!.id, 'blocked by the user');

  return {
    core,
    residents: [alice, bob],
    tickets: [(await core.tickets.byId(garbage.id))!, lamp, question],
    followed: garbage,
    staffId: staff.id,
    campaignId: campaign.id,
    runId: run.id,
  };
}
