import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SendResult } from '../../src/channels/types.js';
import { createOutboxDispatcher, type OutboxDispatcher, type RateLimit } from '../../src/outbox/index.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { FakeSender, ManualClock, deferred, enqueue } from './fakes.js';

let t: TestDb;
let clock: ManualClock;
let d: OutboxDispatcher | undefined;

beforeEach(() => {
  t = createTestDb();
  clock = new ManualClock();
});
afterEach(async () => {
  await d?.stop();
  d = undefined;
  await t.cleanup();
});

const tick = () => new Promise((r) => setTimeout(r, 5));

/** A Telegram sender whose answers the test releases: each call waits for its own gate. */
function gatedSender() {
  const gates: { resolve: (r: SendResult) => void; startedAt: number; answeredAt?: number }[] = [];
  const sender = new FakeSender('telegram', clock, () => {
    const g = deferred<SendResult>();
    gates.push({ resolve: g.resolve, startedAt: clock.now() });
    return g.promise;
  });
  const answer = (i: number) => {
    gates[i]!.answeredAt = clock.now();
    gates[i]!.resolve({ status: 'delivered' });
  };
  return { sender, gates, answer };
}

function start(sender: FakeSender, overall: RateLimit[]): OutboxDispatcher {
  d = createOutboxDispatcher({
    store: t.store,
    senders: [sender],
    clock,
    options: { limits: { telegram: { overall, perAddress: [], perGroup: [] } }, pollMs: 1, concurrency: 50, batchSize: 100 },
  });
  d.start();
  return d;
}

/**
 * The most messages a platform could have counted in one window of `perMs`, whatever the latency:
 * each message arrived at some time between its start and its answer, chosen as badly as possible.
 * A window [u - perMs, u) can hold a message iff it started before u and was answered at or after
 * u - perMs; the count only rises at a start, so checking just after each start is enough.
 */
function worstCaseArrivals(sends: { startedAt: number; answeredAt: number }[], perMs: number): number {
  let best = 0;
  for (const s of sends) {
    const u = s.startedAt;
    const n = sends.filter((o) => o.startedAt <= u && o.answeredAt + perMs > u).length;
    best = Math.max(best, n);
  }
  return best;
}

describe('outbox dispatcher: rate windows held until the answer', () => {
  it('keeps a slow send counted until a window after its answer, however long it was in flight', async () => {
    const { sender, gates, answer } = gatedSender();
    start(sender, [{ count: 2, perMs: 1000 }]);
    const t0 = clock.now();
    for (let i = 0; i < 3; i++) await enqueue(t.store, 'telegram', String(100 + i), `m${i}`, t0);
    await vi.waitFor(() => expect(sender.calls).toHaveLength(2));

    // Both are still on their way after more than a window: counted from their start they
    // would free their slots now, and the third could land in the same second as they do.
    clock.advance(1500);
    for (let i = 0; i < 10; i++) await tick();
    expect(sender.calls).toHaveLength(2);

    answer(0);
    // The dispatcher takes the answer's time when it sees it: let it, before the clock moves.
    await vi.waitFor(() => expect(d!.stats().delivered).toBe(1));
    clock.advance(999);
    for (let i = 0; i < 10; i++) await tick();
    expect(sender.calls).toHaveLength(2);
    clock.advance(1);
    await vi.waitFor(() => expect(sender.calls).toHaveLength(3));
    expect(sender.calls[2]!.at).toBe(t0 + 2500);
    answer(1);
    answer(2);
  });

  it('frees the slot of a send that threw only a window after it threw (it may have arrived)', async () => {
    const tg = new FakeSender('telegram', clock, (_a, _m, call) => {
      if (call === 1) throw new Error('socket hang up');
      return { status: 'delivered' };
    });
    d = createOutboxDispatcher({
      store: t.store,
      senders: [tg],
      clock,
      options: { limits: { telegram: { overall: [{ count: 1, perMs: 1000 }], perAddress: [], perGroup: [] } }, backoff: { baseMs: 100, jitter: 0 } },
    });
    const t0 = clock.now();
    await enqueue(t.store, 'telegram', '1', 'a', t0);
    await enqueue(t.store, 'telegram', '2', 'b', t0);
    await d.drain();
    clock.advance(999);
    await d.drain();
    expect(tg.calls).toHaveLength(1);
    clock.advance(1);
    await d.drain();
    expect(tg.calls).toHaveLength(2);
    expect(tg.calls[1]!.at).toBe(t0 + 1000);
  });

  it('never lets a platform count more than the limit in any window, with random latencies', async () => {
    const { sender, gates, answer } = gatedSender();
    const limit = { count: 5, perMs: 1000 };
    start(sender, [limit]);
    const t0 = clock.now();
    const n = 60;
    for (let i = 0; i < n; i++) await enqueue(t.store, 'telegram', String(1000 + i), `m${i}`, t0);
    // A fixed pseudo-random latency per send, 0 to 1500 ms (some longer than the window) in 50 ms steps.
    let seed = 7;
    const latency = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % 31) * 50;
    const due: number[] = [];
    for (let step = 0; step < 2000 && gates.filter((g) => g.answeredAt !== undefined).length < n; step++) {
      await tick();
      while (due.length < gates.length) due.push(gates[due.length]!.startedAt + latency());
      for (let i = 0; i < gates.length; i++) if (gates[i]!.answeredAt === undefined && due[i]! <= clock.now()) answer(i);
      await tick();
      clock.advance(50);
    }
    const sends = gates.map((g) => ({ startedAt: g.startedAt, answeredAt: g.answeredAt! }));
    expect(sends).toHaveLength(n);
    expect(sends.every((s) => s.answeredAt !== undefined)).toBe(true);
    expect(worstCaseArrivals(sends, limit.perMs)).toBeLessThanOrEqual(limit.count);
    // The measure catches a limiter that only spaces the starts: one a second, the first slow.
    expect(worstCaseArrivals([{ startedAt: 0, answeredAt: 300 }, { startedAt: 1000, answeredAt: 1010 }], 1000)).toBe(2);
    // Not much slower than the limit allows: each send holds its slot a window plus <= 1550 ms.
    const span = Math.max(...sends.map((s) => s.startedAt)) - t0;
    expect(span).toBeLessThanOrEqual((n / limit.count) * (limit.perMs + 1550));
  });

  it('paces sends evenly after a short burst, never more than the limit in any window', async () => {
    const tg = new FakeSender('telegram', clock);
    d = createOutboxDispatcher({
      store: t.store,
      senders: [tg],
      clock,
      options: { limits: { telegram: { overall: [{ count: 10, perMs: 1000, burst: 2 }], perAddress: [], perGroup: [] } } },
    });
    const t0 = clock.now();
    for (let i = 0; i < 30; i++) await enqueue(t.store, 'telegram', String(500 + i), `m${i}`, t0);
    for (let elapsed = 0; elapsed <= 5000; elapsed += 10) {
      await d.drain();
      clock.advance(10);
    }
    const at = tg.calls.map((c) => c.at - t0);
    expect(at).toHaveLength(30);
    // A burst of two, then one every 80 ms (the limit's 100 ms, 1.25 times faster) until the
    // window's ten are used; after that the window itself sets the pace.
    expect(at.slice(0, 2)).toEqual([0, 0]);
    for (let i = 2; i < 10; i++) expect(at[i]! - at[i - 1]!).toBeGreaterThanOrEqual(80);
    for (let i = 10; i < 30; i++) expect(at[i]! - at[i - 10]!).toBeGreaterThanOrEqual(1000);
    expect(at[29]!).toBeLessThanOrEqual(3000);
  });
});
