/**
 * The store contract: the same cases against every implementation (SQLite and PostgreSQL, see
 * test/helpers/stores.ts), each test on a fresh database migrated by the real migrations.
 * Transactions, ticket numbers, the outbox's dedupe and leases, inbound de-duplication, and
 * housekeeping (removal of old transient rows).
 */
import { describe, expect, it } from 'vitest';
import { usePostgres } from '../helpers/postgres.js';
import { baseTicket, describeStores } from '../helpers/stores.js';

usePostgres();

const base = baseTicket;
const text = (t: string) => ({ kind: 'text' as const, text: t });

describeStores('store', (t) => {
  it('numbers tickets per city and day, readable and unique', async () => {
    const a = await t.store.tickets.nextNumber('c', '20261129');
    const b = await t.store.tickets.nextNumber('c', '20261129');
    const other = await t.store.tickets.nextNumber('d', '20261129');
    const nextDay = await t.store.tickets.nextNumber('c', '20261130');
    expect([a, b, other, nextDay]).toEqual(['20261129-0001', '20261129-0002', '20261129-0001', '20261130-0001']);
  });

  it('rolls back everything a failed transaction wrote', async () => {
    await expect(
      t.store.transaction(async (tx) => {
        const ticket = await tx.tickets.insert({ ...base, number: '20261129-0001' });
        await tx.outbox.enqueue({ channel: 'web', address: 'a', payload: text('hi') }, 0);
        await tx.tickets.appendEvent({ ticketId: ticket.id, at: 0, actor: 'system', type: 'created', fromState: null, toState: 'submitted', note: null, data: null });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await t.store.tickets.list({})).toEqual([]);
    expect(await t.store.outbox.counts()).toEqual({ pending: 0, delivered: 0, failed: 0 });
  });

  it('joins a nested transaction and the store’s own repositories to the running one, and rolls them back with it', async () => {
    await expect(
      t.store.transaction(async (tx) => {
        await tx.tickets.insert({ ...base, number: 'outer' });
        // The services call the store itself inside a transaction (src/tickets/actions.ts).
        await t.store.tickets.insert({ ...base, number: 'store-level' });
        await t.store.transaction(async (inner) => {
          await inner.tickets.insert({ ...base, number: 'nested' });
          await inner.inboundSeen.markSeen('web', 'm1', 0);
        });
        // Visible inside: it is the same transaction.
        expect((await tx.tickets.list({})).map((x) => x.number).sort()).toEqual(['nested', 'outer', 'store-level']);
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await t.store.tickets.list({})).toEqual([]);
    expect(await t.store.inboundSeen.markSeen('web', 'm1', 0)).toBe(true);
  });

  it('commits a transaction’s writes together and returns its value', async () => {
    const id = await t.store.transaction(async (tx) => {
      const ticket = await tx.tickets.insert({ ...base, number: '20261129-0001' });
      await tx.outbox.enqueue({ channel: 'web', address: 'a', payload: text('hi'), ticketId: ticket.id }, 0);
      return ticket.id;
    });
    const store = await t.reopen();
    expect((await store.tickets.byId(id))?.number).toBe('20261129-0001');
    expect(await store.outbox.counts()).toEqual({ pending: 1, delivered: 0, failed: 0 });
  });

  it('keeps a concurrent write out of another chain’s transaction', async () => {
    let enterTx!: () => void;
    const entered = new Promise<void>((r) => (enterTx = r));
    const failing = t.store.transaction(async (tx) => {
      await tx.tickets.insert({ ...base, number: 'A' });
      enterTx();
      await new Promise((r) => setTimeout(r, 20));
      throw new Error('rollback');
    });
    await entered;
    // Issued while the transaction is open: must stay out of it and survive its rollback.
    const outside = t.store.tickets.insert({ ...base, number: 'B' });
    await expect(failing).rejects.toThrow('rollback');
    await outside;
    expect((await t.store.tickets.list({})).map((x) => x.number)).toEqual(['B']);
  });

  it('keeps work a transaction left behind (a timer) out of the next transaction', async () => {
    let later!: Promise<unknown>;
    await t.store.transaction(async () => {
      later = new Promise((resolve, reject) => setTimeout(() => t.store.tickets.insert({ ...base, number: 'late' }).then(resolve, reject), 30));
    });
    // The next transaction is open (and likely on the same connection) when the timer fires.
    await expect(
      t.store.transaction(async (tx) => {
        await tx.tickets.insert({ ...base, number: 'next' });
        await new Promise((r) => setTimeout(r, 80));
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    await later;
    expect((await t.store.tickets.list({})).map((x) => x.number)).toEqual(['late']);
  });

  it('enqueues a dedupe key once and survives a reopen', async () => {
    const first = await t.store.outbox.enqueue({ channel: 'web', address: 'a', payload: text('hi'), dedupeKey: 'k' }, 0);
    const again = await t.store.outbox.enqueue({ channel: 'web', address: 'a', payload: text('hi'), dedupeKey: 'k' }, 0);
    expect(first).toBeTypeOf('number');
    expect(again).toBeUndefined();
    const store = await t.reopen();
    const item = await store.outbox.byId(first!);
    expect(item?.payload).toEqual(text('hi'));
  });

  it('enqueues a batch in order, skipping dedupe keys already queued or repeated in the batch', async () => {
    await t.store.outbox.enqueue({ channel: 'web', address: 'a', payload: text('0'), dedupeKey: 'k0' }, 0);
    const ids = await t.store.outbox.enqueueMany(
      [
        { channel: 'web', address: 'a', payload: text('1'), dedupeKey: 'k0' },
        { channel: 'web', address: 'a', payload: text('2'), dedupeKey: 'k2' },
        { channel: 'telegram', address: 'b', payload: text('3'), ticketId: 7, notBefore: 50 },
        { channel: 'web', address: 'a', payload: text('4'), dedupeKey: 'k2' },
        { channel: 'web', address: 'a', payload: text('5') },
      ],
      10,
    );
    expect(ids.map((id) => id === undefined)).toEqual([true, false, false, true, false]);
    const kept = ids.filter((id): id is number => id !== undefined);
    expect([...kept].sort((x, y) => x - y)).toEqual(kept);
    const items = await Promise.all(kept.map((id) => t.store.outbox.byId(id)));
    expect(items.map((i) => (i!.payload as { text: string }).text)).toEqual(['2', '3', '5']);
    expect(items[1]).toMatchObject({ channel: 'telegram', address: 'b', ticketId: 7, nextAttemptAt: 50, createdAt: 10, status: 'pending', attempts: 0 });
    expect(await t.store.outbox.enqueueMany([], 0)).toEqual([]);
  });

  it('leases a row to one dispatcher at a time until the lease expires', async () => {
    await t.store.outbox.enqueue({ channel: 'web', address: 'a', payload: text('1') }, 0);
    const first = await t.store.outbox.lease(10, 1000, 10);
    const second = await t.store.outbox.lease(20, 1000, 10);
    const afterExpiry = await t.store.outbox.lease(1001, 2000, 10);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ leaseUntil: 1000, payload: text('1') });
    expect(second).toHaveLength(0);
    expect(afterExpiry).toHaveLength(1);
  });

  it('leases only due rows, oldest due first, leaving paused channels alone', async () => {
    const out = t.store.outbox;
    const late = await out.enqueue({ channel: 'web', address: 'a', payload: text('late'), notBefore: 100 }, 0);
    const tg = await out.enqueue({ channel: 'telegram', address: 'b', payload: text('tg') }, 0);
    const web = await out.enqueue({ channel: 'web', address: 'c', payload: text('web') }, 0);
    expect((await out.lease(50, 1000, 10, ['telegram'])).map((i) => i.id)).toEqual([web]);
    expect((await out.lease(200, 300, 1)).map((i) => i.id)).toEqual([tg]);
    expect((await out.lease(200, 300, 10)).map((i) => i.id)).toEqual([late]);
  });

  it('leases heads only: a row waiting for a retry holds back the rows behind it', async () => {
    const out = t.store.outbox;
    const a1 = (await out.enqueue({ channel: 'web', address: 'a', payload: text('a1') }, 0))!;
    const a2 = (await out.enqueue({ channel: 'web', address: 'a', payload: text('a2') }, 0))!;
    const b1 = (await out.enqueue({ channel: 'telegram', address: 'b', payload: text('b1') }, 0))!;
    expect((await out.leaseHeads(10, 100, 10)).map((i) => i.id)).toEqual([a1, b1]);
    expect(await out.leaseHeads(20, 100, 10)).toEqual([]);
    await out.markRetry(a1, 500, 'timeout');
    await out.markDelivered(b1, 30);
    // a1 waits until 500; a2 may not overtake it.
    expect(await out.leaseHeads(40, 100, 10)).toEqual([]);
    expect((await out.byId(a1))!).toMatchObject({ attempts: 1, lastError: 'timeout', leaseUntil: null, nextAttemptAt: 500 });
    expect((await out.leaseHeads(600, 700, 10, { channels: ['web'] })).map((i) => i.id)).toEqual([a1]);
    await out.markDeliveredMany([a1], 610);
    expect((await out.leaseHeads(620, 700, 10, { skipChannels: ['telegram'] })).map((i) => i.id)).toEqual([a2]);
    await out.defer(a2, 900);
    expect((await out.byId(a2))!).toMatchObject({ attempts: 0, nextAttemptAt: 900, leaseUntil: null });
    expect((await out.lease(950, 1000, 10)).map((i) => i.id)).toEqual([a2]);
    await out.releaseLeases([a2]);
    expect((await out.byId(a2))!.leaseUntil).toBeNull();
    await out.markFailed(a2, 'x'.repeat(600));
    const failed = (await out.byId(a2))!;
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed.lastError).toHaveLength(500);
    expect(await out.counts()).toEqual({ pending: 0, delivered: 2, failed: 1 });
    expect((await out.byId(b1))!).toMatchObject({ status: 'delivered', deliveredAt: 30, attempts: 1 });
  });

  it('records an inbound message id once', async () => {
    expect(await t.store.inboundSeen.markSeen('telegram', '1', 0)).toBe(true);
    expect(await t.store.inboundSeen.markSeen('telegram', '1', 0)).toBe(false);
    expect(await t.store.inboundSeen.markSeen('wechat', '1', 0)).toBe(true);
  });

  describe('housekeeping', () => {
    const cutoff = 50;
    const drain = async (fn: (before: number, limit: number) => Promise<number>, before: number, limit = 2) => {
      let total = 0;
      for (let n = limit; n === limit; total += n) n = await fn(before, limit);
      return total;
    };

    it('removes finished outbox rows older than the cutoff, never pending, leased or retrying ones, and leaves tickets alone', async () => {
      const out = t.store.outbox;
      const ticket = await t.store.tickets.insert({ ...base, number: 'n1', createdAt: 0 });
      await t.store.tickets.appendEvent({ ticketId: ticket.id, at: 0, actor: 'system', type: 'created', fromState: null, toState: 'submitted', note: null, data: null });
      const add = async (name: string, at: number) => (await out.enqueue({ channel: 'web', address: name, payload: text(`${name} 您的反映已受理`), ticketId: ticket.id }, at))!;
      const delivered = [await add('d1', 0), await add('d2', 10), await add('d3', 20)];
      const failed = await add('failed', 10);
      const pending = await add('pending', 0);
      const leased = await add('leased', 0);
      const retrying = await add('retrying', 0);
      const recent = await add('recent', cutoff);
      await out.markDeliveredMany([...delivered, recent], 30);
      await out.markFailed(failed, 'blocked');
      await out.markRetry(retrying, 10_000, 'timeout');
      // Lease `leased` only (the others are not due or already leased).
      await out.defer(pending, 10_000);
      expect((await out.lease(40, 10_000, 10)).map((i) => i.id)).toEqual([leased]);

      // Bounded batches: at most `limit` rows per call, oldest first.
      expect(await t.store.housekeeping.purgeOutbox(cutoff, 2)).toBe(2);
      expect(await out.byId(delivered[0]!)).toBeUndefined();
      expect(await drain(t.store.housekeeping.purgeOutbox, cutoff)).toBe(2);
      for (const id of [...delivered, failed]) expect(await out.byId(id)).toBeUndefined();
      expect((await out.byId(recent))?.status).toBe('delivered');
      // Pending rows of any age stay, whether waiting, leased or retrying; only the recent one goes.
      expect(await t.store.housekeeping.purgeOutbox(Number.MAX_SAFE_INTEGER, 100)).toBe(1);
      for (const id of [pending, leased, retrying]) expect((await out.byId(id))?.status).toBe('pending');
      expect(await out.counts()).toEqual({ pending: 3, delivered: 0, failed: 0 });
      expect(await t.store.tickets.byId(ticket.id)).toMatchObject({ number: 'n1', text: 'x' });
      expect((await t.store.tickets.events(ticket.id)).map((e) => e.type)).toEqual(['created']);
    });

    it('keeps a finished outbox row a campaign delivery still waits on until it is synced', async () => {
      const r = await t.store.residents.upsert({ channel: 'web', platformUserId: 'u1', address: 'a1', language: 'zh-CN', now: 0 });
      await t.store.subscriptions.subscribe({ residentId: r.id, channel: 'web', address: 'a1', areaId: null, language: 'zh-CN', tags: [] }, 0);
      const c = t.store.campaigns;
      await c.put({ id: 'k', name: '活动', text: '垃圾分类', image: null, audience: {}, schedule: null, at: 1, survey: null, status: 'active', source: 'admin', createdAt: 0, updatedAt: 0 });
      const run = (await c.createRun('k', 1, 0)).run;
      await c.addDeliveries(run.id, {}, 0, 10, 0);
      const [d] = await c.nextToFeed(run.id, 10);
      const o = (await t.store.outbox.enqueue({ channel: 'web', address: 'a1', payload: text('垃圾分类') }, 0))!;
      await c.markQueued([{ id: d!.id, outboxId: o }], 0);
      await t.store.outbox.markDelivered(o, 1);
      expect(await t.store.housekeeping.purgeOutbox(cutoff, 10)).toBe(0);
      expect(await c.syncFromOutbox(run.id, 2)).toBe(1);
      expect(await t.store.housekeeping.purgeOutbox(cutoff, 10)).toBe(1);
      expect(await c.counts(run.id)).toMatchObject({ sent: 1, queued: 0 });
    });

    it('removes web chat messages and inbound ids older than the cutoff; a recent redelivery is still a duplicate', async () => {
      const w = t.store.webMessages;
      await w.add({ sessionId: 's', direction: 'in', payload: text('门口垃圾没人收'), createdAt: 10 });
      await w.add({ sessionId: 's', direction: 'out', payload: text('已受理'), createdAt: cutoff - 1 });
      const kept = await w.add({ sessionId: 's', direction: 'in', payload: text('谢谢'), createdAt: cutoff });
      expect(await drain(t.store.housekeeping.purgeWebMessages, cutoff, 1)).toBe(2);
      expect(await w.since('s', 0)).toEqual([kept]);

      await t.store.inboundSeen.markSeen('telegram', 'old', 10);
      await t.store.inboundSeen.markSeen('telegram', 'recent', cutoff);
      expect(await drain(t.store.housekeeping.purgeInboundSeen, cutoff)).toBe(1);
      expect(await t.store.inboundSeen.markSeen('telegram', 'recent', 60)).toBe(false);
      expect(await t.store.inboundSeen.markSeen('telegram', 'old', 60)).toBe(true);
    });

    it('removes console sessions and bind codes expired (or codes used) before the cutoff, keeping live ones', async () => {
      const s = await t.store.staff.insert({ login: 'wang', name: '王', unitId: 'u', role: 'officer', passwordHash: null, disabled: false, createdAt: 0 });
      await t.store.consoleSessions.insert({ tokenHash: 'expired', staffId: s.id, createdAt: 0, expiresAt: 10 });
      await t.store.consoleSessions.insert({ tokenHash: 'live', staffId: s.id, createdAt: 0, expiresAt: 1000 });
      expect(await drain(t.store.housekeeping.purgeConsoleSessions, cutoff)).toBe(1);
      expect(await t.store.consoleSessions.byHash('expired')).toBeUndefined();
      expect(await t.store.consoleSessions.byHash('live')).toBeDefined();

      await t.store.staff.addBindCode({ code: 'EXPIRED1', staffId: s.id, expiresAt: 10, usedAt: null });
      await t.store.staff.addBindCode({ code: 'USED0001', staffId: s.id, expiresAt: 1000, usedAt: 20 });
      await t.store.staff.addBindCode({ code: 'USEDNOW1', staffId: s.id, expiresAt: 1000, usedAt: cutoff });
      await t.store.staff.addBindCode({ code: 'LIVE0001', staffId: s.id, expiresAt: 1000, usedAt: null });
      expect(await drain(t.store.housekeeping.purgeBindCodes, cutoff, 1)).toBe(2);
      expect(await t.store.staff.bindCode('EXPIRED1')).toBeUndefined();
      expect(await t.store.staff.bindCode('USED0001')).toBeUndefined();
      expect(await t.store.staff.bindCode('USEDNOW1')).toBeDefined();
      expect(await t.store.staff.bindCode('LIVE0001')).toBeDefined();
    });

    it('removes numbered lists sent before the cutoff, keeping later ones', async () => {
      const c = t.store.numberedChoices;
      await c.put('wechat', 'wx-old', { data: ['rate:satisfied:1'], sentAt: 10 });
      await c.put('wechat', 'wx-new', { data: ['rate:satisfied:2'], sentAt: cutoff });
      await c.put('wechat', 'wx-resent', { data: ['a'], sentAt: 20 });
      await c.put('wechat', 'wx-resent', { data: ['b'], sentAt: cutoff + 1 });
      expect(await drain(t.store.housekeeping.purgeNumberedChoices, cutoff, 1)).toBe(1);
      expect(await c.get('wechat', 'wx-old')).toBeUndefined();
      expect(await c.get('wechat', 'wx-new')).toEqual({ data: ['rate:satisfied:2'], sentAt: cutoff });
      expect(await c.get('wechat', 'wx-resent')).toEqual({ data: ['b'], sentAt: cutoff + 1 });
    });

    it('lets two processes purge at once: both succeed and each row goes once', async () => {
      const other = await t.another();
      const ids = await t.store.outbox.enqueueMany(
        Array.from({ length: 60 }, (_, i) => ({ channel: 'web' as const, address: `a${i}`, payload: text('hi') })),
        0,
      );
      await t.store.outbox.markDeliveredMany(ids as number[], 1);
      for (let i = 0; i < 40; i++) await t.store.inboundSeen.markSeen('web', `m${i}`, 0);
      const both = await Promise.all(
        [t.store, other].map(async (s) => (await drain(s.housekeeping.purgeOutbox, cutoff, 5)) + (await drain(s.housekeeping.purgeInboundSeen, cutoff, 5))),
      );
      expect(both[0]! + both[1]!).toBe(100);
      expect(await t.store.outbox.counts()).toEqual({ pending: 0, delivered: 0, failed: 0 });
    });
  });

  it('answers ping until closed', async () => {
    expect(await t.store.ping()).toBe(true);
    const other = await t.another();
    await other.close();
    expect(await other.ping()).toBe(false);
    expect(await t.store.ping()).toBe(true);
  });
});
