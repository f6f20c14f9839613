/**
 * What SQLite gets from running one transaction at a time, PostgreSQL must get from its locks:
 * two stores on one database (as two processes would be) never lease the same outbox row, never
 * hand out the same ticket number, and handle a redelivered message once. Each case holds one
 * side's transaction open while the other acts, so the overlap is certain, not left to timing;
 * a burst of truly concurrent calls follows.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/ports.js';
import { createPgTestStore, PG_SKIP, usePostgres, type StoreHarness } from '../helpers/postgres.js';
import { baseTicket } from '../helpers/stores.js';

usePostgres();

/** A promise and its resolver: one transaction waits on it while the other side acts. */
function gate(): { open: () => void; opened: Promise<void> } {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { open, opened };
}

/** Resolves with `p`'s value, or with 'blocked' when it has not settled within `ms`. */
async function settlesWithin<T>(p: Promise<T>, ms: number): Promise<T | 'blocked'> {
  return Promise.race([p, new Promise<'blocked'>((r) => setTimeout(() => r('blocked'), ms))]);
}

describe.skipIf(PG_SKIP)(`postgres store under concurrency${PG_SKIP ? ` (skipped: ${PG_SKIP})` : ''}`, () => {
  let h: StoreHarness;
  let a: Store;
  let b: Store;
  beforeEach(async () => {
    h = await createPgTestStore();
    a = h.store;
    b = await h.another();
  });
  afterEach(async () => {
    await h.cleanup();
  });

  const enqueue = async (store: Store, n: number, address = (i: number) => `addr-${i}`) => {
    const ids: number[] = [];
    for (let i = 0; i < n; i++) ids.push((await store.outbox.enqueue({ channel: 'web', address: address(i), payload: { kind: 'text', text: `m${i}` } }, 0))!);
    return ids;
  };

  it('passes over rows another dispatcher is leasing, without waiting for it', async () => {
    const ids = await enqueue(a, 6);
    const g = gate();
    let first: number[] = [];
    const holder = a.transaction(async (tx) => {
      first = (await tx.outbox.lease(10, 1000, 3)).map((i) => i.id);
      await g.opened;
    });
    while (first.length === 0) await new Promise((r) => setTimeout(r, 5));
    // The first lease is not committed yet: its rows are locked, and the second dispatcher must
    // neither wait for them nor take them.
    const second = await settlesWithin(b.outbox.lease(10, 1000, 10), 2000);
    g.open();
    await holder;
    expect(second).not.toBe('blocked');
    const secondIds = (second as { id: number }[]).map((i) => i.id);
    expect(first).toEqual(ids.slice(0, 3));
    expect(secondIds).toEqual(ids.slice(3));
    // Once committed, the first lease holds: nothing is left to lease before it expires.
    expect(await b.outbox.lease(20, 1000, 10)).toEqual([]);
  });

  it('passes over a head another dispatcher is leasing, and never the row behind it', async () => {
    // Two messages to each of three chats: a1 a2 b1 b2 c1 c2.
    const ids = await enqueue(a, 6, (i) => `chat-${Math.floor(i / 2)}`);
    const g = gate();
    let first: number[] = [];
    const holder = a.transaction(async (tx) => {
      first = (await tx.outbox.leaseHeads(10, 1000, 1)).map((i) => i.id);
      await g.opened;
    });
    while (first.length === 0) await new Promise((r) => setTimeout(r, 5));
    const second = await settlesWithin(b.outbox.leaseHeads(10, 1000, 10), 2000);
    g.open();
    await holder;
    expect(second).not.toBe('blocked');
    expect(first).toEqual([ids[0]]);
    expect((second as { id: number }[]).map((i) => i.id)).toEqual([ids[2], ids[4]]);
  });

  it('hands every row to exactly one of many dispatchers leasing at once', async () => {
    const ids = await enqueue(a, 120);
    const leased: number[] = [];
    for (let round = 0; round < 6; round++) {
      const batches = await Promise.all([a, b, a, b].map((s) => s.outbox.lease(10, 1000, 7)));
      for (const batch of batches) leased.push(...batch.map((i) => i.id));
    }
    expect(new Set(leased).size).toBe(leased.length);
    expect(leased.length).toBe(120);
    expect([...leased].sort((x, y) => x - y)).toEqual(ids);
  });

  it('never hands out one ticket number twice, whichever transaction commits first', async () => {
    const g = gate();
    let firstNumber: string | undefined;
    const holder = a.transaction(async (tx) => {
      firstNumber = await tx.tickets.nextNumber('c', '20261129');
      await tx.tickets.insert({ ...baseTicket, number: firstNumber });
      await g.opened;
    });
    while (!firstNumber) await new Promise((r) => setTimeout(r, 5));
    // The second numbering waits for the first transaction's counter row...
    const second = b.transaction(async (tx) => {
      const number = await tx.tickets.nextNumber('c', '20261129');
      await tx.tickets.insert({ ...baseTicket, number });
      return number;
    });
    const early = await settlesWithin(second, 300);
    g.open();
    await holder;
    expect(early).toBe('blocked');
    // ...and then takes the next one.
    expect([firstNumber, await second]).toEqual(['20261129-0001', '20261129-0002']);

    const burst = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        (i % 2 ? a : b).transaction(async (tx) => {
          const number = await tx.tickets.nextNumber('c', '20261129');
          await tx.tickets.insert({ ...baseTicket, number });
          return number;
        }),
      ),
    );
    expect(new Set(burst).size).toBe(24);
    expect((await a.tickets.list({ limit: 100 })).map((t) => t.number).sort()).toEqual(
      Array.from({ length: 26 }, (_, i) => `20261129-${String(i + 1).padStart(4, '0')}`),
    );
  });

  it('handles a message redelivered while its first delivery is still in its transaction once', async () => {
    const g = gate();
    let marked = false;
    const first = a.transaction(async (tx) => {
      marked = await tx.inboundSeen.markSeen('telegram', 'u-1', 0);
      await tx.outbox.enqueue({ channel: 'telegram', address: 'chat', payload: { kind: 'text', text: 'reply' }, dedupeKey: 'reply:u-1' }, 0);
      await g.opened;
    });
    while (!marked) await new Promise((r) => setTimeout(r, 5));
    const redelivery = b.transaction(async (tx) => tx.inboundSeen.markSeen('telegram', 'u-1', 0));
    const early = await settlesWithin(redelivery, 300);
    g.open();
    await first;
    expect(early).toBe('blocked');
    expect(await redelivery).toBe(false);
    expect(await a.outbox.counts()).toEqual({ pending: 1, delivered: 0, failed: 0 });

    const burst = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).transaction((tx) => tx.inboundSeen.markSeen('web', 'w-1', 0))));
    expect(burst.filter(Boolean)).toHaveLength(1);
  });

  it('lets a redelivery through when the first delivery’s transaction rolled back', async () => {
    const g = gate();
    let marked = false;
    const first = a.transaction(async (tx) => {
      marked = await tx.inboundSeen.markSeen('telegram', 'u-2', 0);
      await g.opened;
      throw new Error('flow failed');
    });
    while (!marked) await new Promise((r) => setTimeout(r, 5));
    const redelivery = b.transaction(async (tx) => tx.inboundSeen.markSeen('telegram', 'u-2', 0));
    g.open();
    await expect(first).rejects.toThrow('flow failed');
    expect(await redelivery).toBe(true);
  });

  it('makes a second change of one ticket wait for the first and see its result', async () => {
    const ticket = await a.tickets.insert({ ...baseTicket, number: 'n1', state: 'assigned' });
    const g = gate();
    let read = false;
    const accept = a.transaction(async (tx) => {
      const t = await tx.tickets.byId(ticket.id);
      read = true;
      await g.opened;
      return tx.tickets.update(t!.id, { state: 'accepted' });
    });
    while (!read) await new Promise((r) => setTimeout(r, 5));
    // Another process's state change reads the same ticket: it must see 'accepted', not 'assigned'.
    const other = b.transaction(async (tx) => (await tx.tickets.byId(ticket.id))!.state);
    const early = await settlesWithin(other, 300);
    g.open();
    await accept;
    expect(early).toBe('blocked');
    expect(await other).toBe('accepted');
    // Outside a transaction a read takes no lock.
    expect((await b.tickets.byId(ticket.id))!.state).toBe('accepted');
  });

  it('makes two residents’ first messages create one resident', async () => {
    const both = await Promise.all(
      [a, b, a, b].map((s) => s.transaction((tx) => tx.residents.upsert({ channel: 'web', platformUserId: 'same', address: 'x', language: 'zh-CN', now: 1 }))),
    );
    expect(new Set(both.map((r) => r.id)).size).toBe(1);
  });
});
