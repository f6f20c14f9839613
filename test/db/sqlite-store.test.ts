import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../helpers/db.js';

let t: TestDb;
beforeEach(() => {
  t = createTestDb();
});
afterEach(async () => {
  await t.cleanup();
});

const base = {
  cityId: 'c',
  kind: 'report' as const,
  state: 'submitted' as const,
  categoryId: 'garbage',
  areaId: null,
  unitId: 'sanitation',
  text: 'x',
  lat: null,
  lon: null,
  routeConfidence: 0.9,
  residentId: null,
  channel: 'web' as const,
  ackDueAt: 1,
  resolveDueAt: 2,
  createdAt: 0,
  updatedAt: 0,
};

describe('sqlite store', () => {
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
        await tx.outbox.enqueue({ channel: 'web', address: 'a', payload: { kind: 'text', text: 'hi' } }, 0);
        await tx.tickets.appendEvent({ ticketId: ticket.id, at: 0, actor: 'system', type: 'created', fromState: null, toState: 'submitted', note: null, data: null });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await t.store.tickets.list({})).toEqual([]);
    expect(await t.store.outbox.counts()).toEqual({ pending: 0, delivered: 0, failed: 0 });
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
    // Issued while the transaction is open: must wait for it and survive its rollback.
    const outside = t.store.tickets.insert({ ...base, number: 'B' });
    await expect(failing).rejects.toThrow('rollback');
    await outside;
    expect((await t.store.tickets.list({})).map((x) => x.number)).toEqual(['B']);
  });

  it('enqueues a dedupe key once and survives a reopen', async () => {
    const first = await t.store.outbox.enqueue({ channel: 'web', address: 'a', payload: { kind: 'text', text: 'hi' }, dedupeKey: 'k' }, 0);
    const again = await t.store.outbox.enqueue({ channel: 'web', address: 'a', payload: { kind: 'text', text: 'hi' }, dedupeKey: 'k' }, 0);
    expect(first).toBeTypeOf('number');
    expect(again).toBeUndefined();
    const store = await t.reopen();
    const item = await store.outbox.byId(first!);
    expect(item?.payload).toEqual({ kind: 'text', text: 'hi' });
  });

  it('leases a row to one dispatcher at a time until the lease expires', async () => {
    await t.store.outbox.enqueue({ channel: 'web', address: 'a', payload: { kind: 'text', text: '1' } }, 0);
    const first = await t.store.outbox.lease(10, 1000, 10);
    const second = await t.store.outbox.lease(20, 1000, 10);
    const afterExpiry = await t.store.outbox.lease(1001, 2000, 10);
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(0);
    expect(afterExpiry).toHaveLength(1);
  });

  it('records an inbound message id once', async () => {
    expect(await t.store.inboundSeen.markSeen('telegram', '1', 0)).toBe(true);
    expect(await t.store.inboundSeen.markSeen('telegram', '1', 0)).toBe(false);
    expect(await t.store.inboundSeen.markSeen('wechat', '1', 0)).toBe(true);
  });
});
