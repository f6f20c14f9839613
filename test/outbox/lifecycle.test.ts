import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OutboxRepo } from '../../src/store/ports.js';
import { createOutboxDispatcher } from '../../src/outbox/index.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { FakeSender, ManualClock, deferred, enqueue, memoryLogger } from './fakes.js';

let t: TestDb;

beforeEach(() => {
  t = createTestDb();
});
afterEach(async () => {
  await t.cleanup();
});

/** The real repository, with its leaseHeads calls counted. */
function countingOutbox(outbox: OutboxRepo) {
  const counter = { leases: 0 };
  const wrapped: OutboxRepo = {
    ...outbox,
    leaseHeads: (...args) => {
      counter.leases++;
      return outbox.leaseHeads(...args);
    },
  };
  return { wrapped, counter };
}

describe('outbox dispatcher: lifecycle', () => {
  it('after a crash, sends the crashed dispatcher’s unrecorded rows once their lease expires, and nothing delivered again', async () => {
    const clock = new ManualClock();
    const hanging = new FakeSender('web', clock, (address) => (address.startsWith('b') ? new Promise(() => {}) : { status: 'delivered' }));
    const crashed = createOutboxDispatcher({ store: t.store, senders: [hanging], clock, options: { stopTimeoutMs: 0 } });
    for (const a of ['a1', 'a2', 'b1', 'b2']) await enqueue(t.store, 'web', a, `${a}-first`, clock.now());
    await enqueue(t.store, 'web', 'b1', 'b1-second', clock.now());
    crashed.start();
    await vi.waitFor(async () => {
      expect((await t.store.outbox.counts()).delivered).toBe(2);
      expect(hanging.calls).toHaveLength(4);
    });

    // The process dies: the database is opened afresh by the next one; nothing was cleaned up.
    const store = await t.reopen();
    await crashed.stop(); // only ends the dead instance's timers; it holds no unsent rows
    const sender = new FakeSender('web', clock);
    const next = createOutboxDispatcher({ store, senders: [sender], clock });
    await next.drain();
    expect(sender.calls).toHaveLength(0);

    clock.advance(60_001);
    await next.drain();
    expect(sender.texts()).toEqual(['b1-first', 'b2-first', 'b1-second']);
    expect(await store.outbox.counts()).toEqual({ pending: 0, delivered: 5, failed: 0 });
  });

  it('stops gracefully: finishes the send in flight and releases the rows it had not sent', async () => {
    const gate = deferred<void>();
    const web = new FakeSender('web', { now: Date.now }, async (_a, _m, call) => {
      if (call === 1) await gate.promise;
      return { status: 'delivered' };
    });
    const d = createOutboxDispatcher({ store: t.store, senders: [web], options: { concurrency: 1 } });
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) ids.push(await enqueue(t.store, 'web', `u${i}`, `m${i}`, Date.now()));
    d.start();
    await vi.waitFor(() => expect(web.calls).toHaveLength(1));
    expect(d.stats().waiting).toBe(4);
    const stopped = d.stop();
    gate.resolve();
    await stopped;
    expect(web.calls).toHaveLength(1);
    expect(await t.store.outbox.byId(ids[0]!)).toMatchObject({ status: 'delivered' });
    for (const id of ids.slice(1)) expect(await t.store.outbox.byId(id)).toMatchObject({ status: 'pending', attempts: 0, leaseUntil: null });

    // Released, not left to expire: a new dispatcher takes them at once.
    const again = new FakeSender('web', { now: Date.now });
    await createOutboxDispatcher({ store: t.store, senders: [again] }).drain();
    expect(again.texts()).toEqual(['m1', 'm2', 'm3', 'm4']);
  });

  it('does not wait forever for a hung send when stopping', async () => {
    const web = new FakeSender('web', { now: Date.now }, () => new Promise(() => {}));
    const d = createOutboxDispatcher({ store: t.store, senders: [web], options: { stopTimeoutMs: 20 } });
    const id = await enqueue(t.store, 'web', 'u', 'm', Date.now());
    d.start();
    await vi.waitFor(() => expect(web.calls).toHaveLength(1));
    await d.stop();
    // Still leased: whoever comes next retries it after the lease (at-least-once).
    expect((await t.store.outbox.byId(id))?.leaseUntil).toBeGreaterThan(Date.now());
  });

  it('leaves rows of a channel without a sender pending, says so once, and does not spin', async () => {
    const clock = new ManualClock();
    const { logger, lines } = memoryLogger();
    const { wrapped, counter } = countingOutbox(t.store.outbox);
    const tg = new FakeSender('telegram', clock);
    const d = createOutboxDispatcher({ store: { outbox: wrapped }, senders: [tg], clock, logger });
    const wechatIds = [await enqueue(t.store, 'wechat', 'wx-1', 'a', clock.now()), await enqueue(t.store, 'wechat', 'wx-2', 'b', clock.now())];
    await enqueue(t.store, 'telegram', '1', 'c', clock.now());
    for (let i = 0; i < 3; i++) {
      await d.drain();
      clock.advance(61_000);
    }
    expect(tg.texts()).toEqual(['c']);
    for (const id of wechatIds) expect(await t.store.outbox.byId(id)).toMatchObject({ status: 'pending', attempts: 0, leaseUntil: null });
    expect(lines.filter((l) => l.includes('without a sender'))).toHaveLength(1);
    expect(d.stats().unroutedChannels).toEqual(['wechat']);
    expect(counter.leases).toBeLessThan(20);

    // Running on its own, the loop polls; it does not busy-loop over the waiting rows.
    const before = counter.leases;
    const loop = createOutboxDispatcher({ store: { outbox: wrapped }, senders: [tg], options: { pollMs: 20 } });
    loop.start();
    await new Promise((r) => setTimeout(r, 200));
    await loop.stop();
    expect(counter.leases - before).toBeGreaterThan(1);
    expect(counter.leases - before).toBeLessThan(100);
  });

  it('sends at once on kick() instead of waiting for the next poll', async () => {
    const { wrapped, counter } = countingOutbox(t.store.outbox);
    const web = new FakeSender('web', { now: Date.now });
    const d = createOutboxDispatcher({ store: { outbox: wrapped }, senders: [web], options: { pollMs: 60_000 } });
    d.start();
    await vi.waitFor(() => expect(counter.leases).toBeGreaterThan(0));
    await new Promise((r) => setTimeout(r, 30)); // the loop is asleep now, for a minute
    await enqueue(t.store, 'web', 'u', 'reply', Date.now());
    d.kick();
    await vi.waitFor(() => expect(web.texts()).toEqual(['reply']), { timeout: 2000 });
    await d.stop();
  });
});
