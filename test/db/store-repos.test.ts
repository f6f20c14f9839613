/**
 * The store contract, continued: tickets and their history, residents, conversations, the web
 * chat, subscriptions, the FAQ, staff and campaigns behave the same on every implementation.
 */
import { expect, it } from 'vitest';
import type { CampaignRecord } from '../../src/campaigns/ports.js';
import type { Store } from '../../src/store/ports.js';
import { usePostgres } from '../helpers/postgres.js';
import { baseTicket as base, describeStores } from '../helpers/stores.js';

usePostgres();

const campaign = (id: string, over: Partial<CampaignRecord> = {}): CampaignRecord => ({
  id,
  name: `活动${id}`,
  text: '垃圾分类从我做起',
  image: null,
  audience: {},
  schedule: '0 9 * * 1',
  at: null,
  survey: null,
  status: 'active',
  source: 'pack',
  createdAt: 1,
  updatedAt: 1,
  ...over,
});

async function subscriber(store: Store, user: string, over: { channel?: 'web' | 'telegram'; areaId?: string | null; language?: string; tags?: string[] } = {}) {
  const channel = over.channel ?? 'web';
  const r = await store.residents.upsert({ channel, platformUserId: user, address: `addr-${user}`, language: 'zh-CN', now: 1 });
  return store.subscriptions.subscribe(
    { residentId: r.id, channel, address: r.address, areaId: over.areaId ?? null, language: over.language ?? 'zh-CN', tags: over.tags ?? [] },
    2,
  );
}

describeStores('repositories', (t) => {
  it('stores tickets with exact coordinates, filters, pages and summarises them', async () => {
    const s = t.store.tickets;
    const a = await s.insert({ ...base, number: 'n1', lat: 30.123456789012, lon: 120.987654321098, createdAt: 10, ackDueAt: 100, resolveDueAt: 1000 });
    const b = await s.insert({ ...base, number: 'n2', unitId: 'police', categoryId: null, areaId: 'east', createdAt: 20 });
    await s.insert({ ...base, number: 'n3', state: 'assigned', createdAt: 30, ackDueAt: 5, resolveDueAt: 50 });
    expect((await s.byId(a.id))!.lat).toBe(30.123456789012);
    expect((await s.byNumber('c', 'n2'))!.id).toBe(b.id);
    expect(await s.byNumber('other', 'n2')).toBeUndefined();
    const numbers = async (f: Parameters<typeof s.list>[0]) => (await s.list(f)).map((x) => x.number);
    expect(await numbers({})).toEqual(['n3', 'n2', 'n1']);
    expect(await numbers({ unitIds: ['police'] })).toEqual(['n2']);
    expect(await numbers({ unitIds: [] })).toEqual([]);
    expect(await numbers({ categoryId: null })).toEqual(['n2']);
    expect(await numbers({ areaIds: ['east', 'west'] })).toEqual(['n2']);
    expect(await numbers({ states: ['assigned'] })).toEqual(['n3']);
    expect(await numbers({ overdueAt: 60 })).toEqual(['n3']);
    expect(await numbers({ createdFrom: 15, createdTo: 30 })).toEqual(['n2']);
    expect(await numbers({ limit: 1, offset: 1 })).toEqual(['n2']);
    const updated = await s.update(a.id, { state: 'resolved', acceptedAt: 50, resolvedAt: 900, rating: 'satisfied' });
    expect(updated).toMatchObject({ state: 'resolved', number: 'n1', resolvedAt: 900 });
    await expect(s.update(9999, { state: 'closed' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await s.unitSummary({ from: 0, to: 100 })).toEqual([
      { unitId: 'police', received: 1, acceptedOnTime: 0, resolved: 0, resolvedOnTime: 0, rated: 0, satisfied: 0, neutral: 0, unsatisfied: 0 },
      { unitId: 'sanitation', received: 2, acceptedOnTime: 1, resolved: 1, resolvedOnTime: 1, rated: 1, satisfied: 1, neutral: 0, unsatisfied: 0 },
    ]);
  });

  it('keeps a ticket’s events in order with their data, its photos and its followers', async () => {
    const s = t.store.tickets;
    const tk = await s.insert({ ...base, number: 'n1' });
    await s.appendEvent({ ticketId: tk.id, at: 1, actor: 'system', type: 'created', fromState: null, toState: 'submitted', note: null, data: { area: '东城', n: 1.5, list: [1, '二'] } });
    await s.appendEvent({ ticketId: tk.id, at: 2, actor: 'staff:1', type: 'accepted', fromState: 'assigned', toState: 'accepted', note: '马上处理', data: null });
    const events = await s.events(tk.id);
    expect(events.map((e) => e.type)).toEqual(['created', 'accepted']);
    expect(events[0]!.data).toEqual({ area: '东城', n: 1.5, list: [1, '二'] });
    expect(events[1]).toMatchObject({ note: '马上处理', data: null, at: 2 });
    await s.addPhoto({ ticketId: tk.id, path: 'a/b.png', mime: 'image/png', source: 'resident', createdAt: 3 });
    expect(await s.photos(tk.id)).toEqual([expect.objectContaining({ path: 'a/b.png', source: 'resident', createdAt: 3 })]);
    const r1 = await t.store.residents.upsert({ channel: 'web', platformUserId: 'u1', address: 'a1', language: 'zh-CN', now: 1 });
    const r2 = await t.store.residents.upsert({ channel: 'web', platformUserId: 'u2', address: 'a2', language: 'zh-CN', now: 1 });
    expect(await s.addFollower(tk.id, r2.id, 5)).toBe(true);
    expect(await s.addFollower(tk.id, r1.id, 6)).toBe(true);
    expect(await s.addFollower(tk.id, r2.id, 7)).toBe(false);
    expect(await s.followers(tk.id)).toEqual([r2.id, r1.id]);
    expect(await s.followerCounts([tk.id, 999])).toEqual(new Map([[tk.id, 2]]));
    expect(await s.followerCounts([])).toEqual(new Map());
  });

  it('creates a resident once per channel and user, following a new address', async () => {
    const r = t.store.residents;
    const a = await r.upsert({ channel: 'telegram', platformUserId: '42', address: 'chat-1', language: 'en', now: 5 });
    expect(a.pseudonym).toMatch(/^居民[A-Z2-9]{5}$/);
    const again = await r.upsert({ channel: 'telegram', platformUserId: '42', address: 'chat-2', language: 'zh-CN', now: 6 });
    expect(again).toMatchObject({ id: a.id, address: 'chat-2', language: 'en', createdAt: 5 });
    expect((await r.upsert({ channel: 'wechat', platformUserId: '42', address: 'x', language: 'zh-CN', now: 7 })).id).not.toBe(a.id);
    await r.setLanguage(a.id, 'zh-CN');
    expect(await r.byId(a.id)).toMatchObject({ address: 'chat-2', language: 'zh-CN', phone: null });
    expect(await r.byId(999)).toBeUndefined();
  });

  it('keeps conversation state and web chat messages', async () => {
    const c = t.store.conversations;
    expect(await c.get('web', 's1')).toBeUndefined();
    await c.put({ channel: 'web', chatId: 's1', flow: 'report', step: 'place', state: { draft: { text: '垃圾', photos: [] } }, language: null, updatedAt: 1 });
    await c.put({ channel: 'web', chatId: 's1', flow: 'report', step: 'photo', state: { draft: { text: '垃圾' } }, language: 'zh-CN', updatedAt: 2 });
    expect(await c.get('web', 's1')).toEqual({ channel: 'web', chatId: 's1', flow: 'report', step: 'photo', state: { draft: { text: '垃圾' } }, language: 'zh-CN', updatedAt: 2 });
    await c.put({ channel: 'web', chatId: 's2', flow: null, step: null, state: {}, language: null, updatedAt: 3 });
    expect((await c.get('web', 's2'))!.state).toEqual({});

    const w = t.store.webMessages;
    const m1 = await w.add({ sessionId: 's1', direction: 'in', payload: { text: '你好' }, createdAt: 1 });
    await w.add({ sessionId: 's2', direction: 'out', payload: { text: 'other' }, createdAt: 2 });
    const m3 = await w.add({ sessionId: 's1', direction: 'out', payload: { kind: 'text', text: '您好' }, createdAt: 3 });
    expect((await w.since('s1', 0)).map((m) => m.id)).toEqual([m1.id, m3.id]);
    expect(await w.since('s1', m1.id)).toEqual([{ id: m3.id, sessionId: 's1', direction: 'out', payload: { kind: 'text', text: '您好' }, createdAt: 3 }]);
    expect(await w.since('s1', 0, 1)).toHaveLength(1);
  });

  it('subscribes, re-subscribes and unsubscribes residents, and pages the active ones', async () => {
    const a = await subscriber(t.store, 'a', { areaId: 'east', tags: ['垃圾分类'] });
    const b = await subscriber(t.store, 'b', { channel: 'telegram' });
    const subs = t.store.subscriptions;
    expect(a).toMatchObject({ status: 'active', tags: ['垃圾分类'], areaId: 'east', createdAt: 2 });
    expect(await subs.unsubscribe(a.residentId, 3)).toBe(true);
    expect(await subs.unsubscribe(a.residentId, 4)).toBe(false);
    expect((await subs.active({})).map((s) => s.id)).toEqual([b.id]);
    const again = await subs.subscribe({ residentId: a.residentId, channel: 'web', address: 'new', areaId: null, language: 'en', tags: [] }, 9);
    expect(again).toMatchObject({ id: a.id, status: 'active', address: 'new', createdAt: 2, updatedAt: 9 });
    expect((await subs.active({ channels: ['web'] })).map((s) => s.id)).toEqual([a.id]);
    expect((await subs.active({ afterId: a.id, limit: 5 })).map((s) => s.id)).toEqual([b.id].filter((id) => id > a.id));
    expect(await subs.byResident(b.residentId)).toMatchObject({ channel: 'telegram' });
  });

  it('keeps FAQ entries and feedback', async () => {
    const f = t.store.faq;
    await f.put({ id: 'b', question: '几点收垃圾？', variants: ['收运时间'], answer: '早七点', tags: ['垃圾'], source: 'pack', deleted: false, updatedAt: 1 });
    await f.put({ id: 'a', question: '怎么投诉？', variants: [], answer: '发消息', tags: [], source: 'pack', deleted: false, updatedAt: 1 });
    await f.put({ id: 'b', question: '几点收垃圾？', variants: ['收运时间', '几点来'], answer: '早七点', tags: ['垃圾'], source: 'staff', deleted: true, updatedAt: 2 });
    expect((await f.all()).map((e) => e.id)).toEqual(['a', 'b']);
    expect(await f.byId('b')).toEqual({ id: 'b', question: '几点收垃圾？', variants: ['收运时间', '几点来'], answer: '早七点', tags: ['垃圾'], source: 'staff', deleted: true, updatedAt: 2 });
    const fb = t.store.faqFeedback;
    await fb.add({ kind: 'unanswered', faqId: null, question: '狗叫扰民', residentId: 1, ticketId: null, createdAt: 1 });
    const h = await fb.add({ kind: 'helpful', faqId: 'a', question: '投诉', residentId: null, ticketId: null, createdAt: 2 });
    await fb.add({ kind: 'unhelpful', faqId: 'b', question: '收垃圾', residentId: null, ticketId: 3, createdAt: 3 });
    expect((await fb.list({})).map((x) => x.kind)).toEqual(['unhelpful', 'helpful', 'unanswered']);
    expect(await fb.list({ kinds: ['helpful'], limit: 5 })).toEqual([h]);
  });

  it('keeps staff, single-use bind codes, chat links and console sessions', async () => {
    const st = t.store.staff;
    const wang = await st.insert({ login: 'wang', name: '王科长', unitId: 'sanitation', role: 'officer', passwordHash: null, disabled: false, createdAt: 1 });
    await st.insert({ login: 'li', name: '李', unitId: 'police', role: 'admin', passwordHash: 'h', disabled: false, createdAt: 1 });
    await st.insert({ login: 'Zhao', name: '赵', unitId: 'sanitation', role: 'officer', passwordHash: 'h', disabled: false, createdAt: 1 });
    await expect(st.insert({ login: 'wang', name: 'x', unitId: 'u', role: 'officer', passwordHash: null, disabled: false, createdAt: 2 })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await st.list()).map((s) => s.login)).toEqual(['li', 'Zhao', 'wang']);
    expect(await st.update(wang.id, { disabled: true, role: 'supervisor' })).toMatchObject({ disabled: true, role: 'supervisor', login: 'wang' });
    expect((await st.byLogin('wang'))!.disabled).toBe(true);
    await expect(st.update(999, { name: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    await st.addBindCode({ code: 'C1', staffId: wang.id, expiresAt: 100, usedAt: null });
    expect(await st.useBindCode('C1', 5)).toBe(true);
    expect(await st.useBindCode('C1', 6)).toBe(false);
    expect(await st.bindCode('C1')).toEqual({ code: 'C1', staffId: wang.id, expiresAt: 100, usedAt: 5 });
    const l1 = await st.link({ staffId: wang.id, channel: 'telegram', platformUserId: '7', createdAt: 1 });
    const l2 = await st.link({ staffId: wang.id + 1, channel: 'telegram', platformUserId: '7', createdAt: 2 });
    expect(l2).toMatchObject({ id: l1.id, staffId: wang.id + 1 });
    expect(await st.linkByIdentity('telegram', '7')).toMatchObject({ staffId: wang.id + 1 });
    expect(await st.links(wang.id)).toEqual([]);

    const cs = t.store.consoleSessions;
    await cs.insert({ tokenHash: 'old', staffId: wang.id, createdAt: 1, expiresAt: 10 });
    await cs.insert({ tokenHash: 'new', staffId: wang.id, createdAt: 1, expiresAt: 100 });
    expect(await cs.deleteExpired(50)).toBe(1);
    expect(await cs.byHash('new')).toEqual({ tokenHash: 'new', staffId: wang.id, createdAt: 1, expiresAt: 100 });
    await cs.delete('new');
    expect(await cs.byHash('new')).toBeUndefined();
  });

  it('keeps campaigns and their runs, claimed by one instance at a time', async () => {
    const c = t.store.campaigns;
    await c.put(campaign('b', { createdAt: 2, survey: { question: '满意吗？', options: ['是', '否'] } }));
    await c.put(campaign('a', { createdAt: 2, audience: { channels: ['web'], tags: ['x'] } }));
    await c.put(campaign('b', { createdAt: 2, status: 'paused', survey: { question: '满意吗？', options: ['是', '否'] }, updatedAt: 5 }));
    expect((await c.list()).map((x) => x.id)).toEqual(['a', 'b']);
    expect(await c.byId('b')).toEqual(campaign('b', { createdAt: 2, status: 'paused', survey: { question: '满意吗？', options: ['是', '否'] }, updatedAt: 5 }));
    expect((await c.byId('a'))!.audience).toEqual({ channels: ['web'], tags: ['x'] });

    const first = await c.createRun('a', 1000, 1);
    const again = await c.createRun('a', 1000, 2);
    expect(first.created).toBe(true);
    expect(again).toEqual({ run: first.run, created: false });
    const skipped = await c.createRun('a', 2000, 3, 'skipped');
    expect(skipped.run).toMatchObject({ status: 'skipped', finishedAt: 3 });
    expect((await c.runs('a')).map((r) => r.scheduledFor)).toEqual([2000, 1000]);
    expect((await c.unfinishedRuns()).map((r) => r.id)).toEqual([first.run.id]);

    const id = first.run.id;
    expect(await c.claimRun(id, 'p1', 10, 100)).toBe(true);
    expect(await c.claimRun(id, 'p2', 20, 200)).toBe(false);
    expect(await c.claimRun(id, 'p1', 30, 300)).toBe(true);
    expect(await c.claimRun(id, 'p2', 301, 400)).toBe(true);
    await c.releaseRun(id, 'p1');
    expect((await c.runById(id))!.ownerId).toBe('p2');
    await c.releaseRun(id, 'p2');
    expect(await c.runById(id)).toMatchObject({ ownerId: null, leaseUntil: null });
    await c.setRunStatus(id, 'sending', { total: 7 });
    expect(await c.runById(id)).toMatchObject({ status: 'sending', total: 7, finishedAt: null });
    await c.setRunStatus(id, 'done', { finishedAt: 99 });
    expect(await c.runById(id)).toMatchObject({ status: 'done', total: 7, finishedAt: 99 });
    expect(await c.claimRun(id, 'p1', 500, 600)).toBe(false);
  });

  it('prepares, feeds, syncs and drops a run’s deliveries set by set', async () => {
    const subs = [
      await subscriber(t.store, 's1', { tags: ['垃圾分类'] }),
      await subscriber(t.store, 's2', { channel: 'telegram', tags: ['垃圾分类', '噪音'] }),
      await subscriber(t.store, 's3', { tags: ['噪音'] }),
      await subscriber(t.store, 's4', { tags: ['垃圾分类'], areaId: 'east' }),
    ];
    const c = t.store.campaigns;
    await c.put(campaign('k'));
    const run = (await c.createRun('k', 1000, 1)).run;
    const audience = { tags: ['垃圾分类'] };
    expect(await c.addDeliveries(run.id, audience, 0, 2, 5)).toBe(subs[1]!.id);
    expect(await c.addDeliveries(run.id, audience, 0, 2, 5)).toBe(subs[1]!.id);
    expect(await c.addDeliveries(run.id, audience, subs[1]!.id, 2, 5)).toBe(subs[3]!.id);
    expect(await c.addDeliveries(run.id, audience, subs[3]!.id, 2, 5)).toBeUndefined();
    expect(await c.addDeliveries(run.id, { channels: ['telegram'], areas: ['east'] }, 0, 10, 5)).toBeUndefined();
    expect(await c.counts(run.id)).toEqual({ pending: 3, queued: 0, sent: 0, failed: 0, skipped: 0 });

    await t.store.subscriptions.unsubscribe(subs[3]!.residentId, 6);
    // Delivery rows come in whatever order the database inserts a set; compare by resident.
    const feed = (await c.nextToFeed(run.id, 10)).sort((x, y) => x.residentId - y.residentId);
    expect(feed.map((f) => [f.residentId, f.channel, f.subscriptionActive])).toEqual([
      [subs[0]!.residentId, 'web', true],
      [subs[1]!.residentId, 'telegram', true],
      [subs[3]!.residentId, 'web', false],
    ]);
    await c.markSkipped([feed[2]!.id], 7);
    const o1 = (await t.store.outbox.enqueue({ channel: 'web', address: feed[0]!.address, payload: { kind: 'text', text: 'k' } }, 7))!;
    const o2 = (await t.store.outbox.enqueue({ channel: 'telegram', address: feed[1]!.address, payload: { kind: 'text', text: 'k' } }, 7))!;
    await c.markQueued([{ id: feed[0]!.id, outboxId: o1 }, { id: feed[1]!.id, outboxId: o2 }], 8);
    expect(await c.queuedCount(run.id)).toBe(2);
    expect(await c.deliveryByOutboxId(o2)).toEqual({ runId: run.id, residentId: subs[1]!.residentId });
    expect(await c.deliveryByOutboxId(12345)).toBeUndefined();

    await t.store.outbox.markDelivered(o1, 9);
    expect(await c.syncFromOutbox(run.id, 10)).toBe(1);
    expect(await c.finishedSince(run.id, 10)).toBe(1);
    expect(await c.finishedSince(run.id, 11)).toBe(0);
    // o2 leased by a dispatcher: it is on its way and stays.
    await t.store.outbox.lease(11, 100, 10);
    expect(await c.dropUnsent(run.id, 'all', 'pending', 12)).toBe(0);
    expect(await c.dropUnsent(run.id, 'all', 'pending', 101)).toBe(1);
    expect(await t.store.outbox.byId(o2)).toBeUndefined();
    expect(await c.counts(run.id)).toEqual({ pending: 1, queued: 0, sent: 1, failed: 0, skipped: 1 });

    const o3 = (await t.store.outbox.enqueue({ channel: 'telegram', address: feed[1]!.address, payload: { kind: 'text', text: 'k' } }, 102))!;
    await c.markQueued([{ id: feed[1]!.id, outboxId: o3 }], 102);
    expect(await c.dropUnsent(run.id, 'unsubscribed', 'skipped', 103)).toBe(0);
    expect(await c.unsubscribeAddress('telegram', feed[1]!.address, 104)).toBe(true);
    expect(await c.unsubscribeAddress('telegram', feed[1]!.address, 105)).toBe(false);
    expect(await c.dropUnsent(run.id, 'unsubscribed', 'skipped', 106)).toBe(1);
    expect(await c.counts(run.id)).toEqual({ pending: 0, queued: 0, sent: 1, failed: 0, skipped: 2 });
  });

  it('keeps one survey answer per resident and run, tallied by option and area', async () => {
    const c = t.store.campaigns;
    await c.put(campaign('q', { survey: { question: '满意吗？', options: ['是', '否'] } }));
    const r1 = (await c.createRun('q', 1000, 1)).run;
    const r2 = (await c.createRun('q', 2000, 1)).run;
    await c.answer({ runId: r1.id, residentId: 1, option: 1, areaId: 'east', now: 5 });
    await c.answer({ runId: r1.id, residentId: 2, option: 2, areaId: null, now: 6 });
    await c.answer({ runId: r1.id, residentId: 1, option: 2, areaId: 'east', now: 7 });
    await c.answer({ runId: r2.id, residentId: 1, option: 1, areaId: 'west', now: 8 });
    expect(await c.tally('q')).toEqual([
      { runId: r1.id, option: 2, areaId: null, count: 1 },
      { runId: r1.id, option: 2, areaId: 'east', count: 1 },
      { runId: r2.id, option: 1, areaId: 'west', count: 1 },
    ]);
    expect(await c.answers('q')).toEqual([
      { runId: r1.id, scheduledFor: 1000, option: 2, areaId: 'east', createdAt: 7 },
      { runId: r1.id, scheduledFor: 1000, option: 2, areaId: null, createdAt: 6 },
      { runId: r2.id, scheduledFor: 2000, option: 1, areaId: 'west', createdAt: 8 },
    ]);
    expect(await c.tally('none')).toEqual([]);
  });
});
