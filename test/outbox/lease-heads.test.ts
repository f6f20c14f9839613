import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { enqueue } from './fakes.js';

let t: TestDb;
beforeEach(() => {
  t = createTestDb();
});
afterEach(async () => {
  await t.cleanup();
});

describe('OutboxRepo.leaseHeads and defer (SQLite)', () => {
  it('leases only the oldest pending row of each address, within the channel filter', async () => {
    const a1 = await enqueue(t.store, 'web', 'a', '1', 0);
    await enqueue(t.store, 'web', 'a', '2', 0);
    const b1 = await enqueue(t.store, 'web', 'b', '1', 0);
    const tg = await enqueue(t.store, 'telegram', 'a', '1', 0);
    expect((await t.store.outbox.leaseHeads(10, 1000, 10, { channels: ['web'] })).map((r) => r.id)).toEqual([a1, b1]);
    expect((await t.store.outbox.leaseHeads(10, 1000, 10, { skipChannels: ['web'] })).map((r) => r.id)).toEqual([tg]);
    // a1 is leased, so a2 still waits behind it.
    expect(await t.store.outbox.leaseHeads(20, 1000, 10)).toEqual([]);
  });

  it('keeps a later row back while the head waits for a retry, and lets it go once the head is done', async () => {
    const a1 = await enqueue(t.store, 'web', 'a', '1', 0);
    const a2 = await enqueue(t.store, 'web', 'a', '2', 0);
    await t.store.outbox.leaseHeads(0, 1000, 10);
    await t.store.outbox.markRetry(a1, 5000, 'x');
    expect(await t.store.outbox.leaseHeads(10, 1000, 10)).toEqual([]);
    await t.store.outbox.markFailed(a1, 'gone');
    expect((await t.store.outbox.leaseHeads(10, 1000, 10)).map((r) => r.id)).toEqual([a2]);
  });

  it('defers a row without counting an attempt', async () => {
    const id = await enqueue(t.store, 'web', 'a', '1', 0);
    await t.store.outbox.leaseHeads(0, 1000, 10);
    await t.store.outbox.defer(id, 7000);
    expect(await t.store.outbox.byId(id)).toMatchObject({ status: 'pending', attempts: 0, nextAttemptAt: 7000, leaseUntil: null });
    expect(await t.store.outbox.leaseHeads(6999, 9000, 10)).toEqual([]);
    expect(await t.store.outbox.leaseHeads(7000, 9000, 10)).toHaveLength(1);
  });
});
