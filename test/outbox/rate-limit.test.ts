import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelName } from '../../src/channels/types.js';
import { createOutboxDispatcher, type OutboxDispatcher } from '../../src/outbox/index.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { FakeSender, ManualClock, enqueue, type SentCall } from './fakes.js';

let t: TestDb;
let clock: ManualClock;

beforeEach(() => {
  t = createTestDb();
  clock = new ManualClock();
});
afterEach(async () => {
  await t.cleanup();
});

/** The most sends found in any window [s, s + windowMs) that starts at a send. */
function maxInWindow(calls: SentCall[], windowMs: number): number {
  const times = calls.map((c) => c.at).sort((a, b) => a - b);
  let best = 0;
  for (let i = 0; i < times.length; i++) {
    let n = 0;
    for (let j = i; j < times.length && times[j]! < times[i]! + windowMs; j++) n++;
    best = Math.max(best, n);
  }
  return best;
}

async function runFor(d: OutboxDispatcher, totalMs: number, stepMs: number): Promise<void> {
  for (let elapsed = 0; elapsed <= totalMs; elapsed += stepMs) {
    await d.drain();
    clock.advance(stepMs);
  }
}

async function allAttemptsOne(channel: ChannelName): Promise<void> {
  const counts = await t.store.outbox.counts();
  expect(counts.pending).toBe(0);
  expect(counts.failed).toBe(0);
  for (let id = 1; id <= counts.delivered; id++) {
    const row = await t.store.outbox.byId(id);
    if (row?.channel === channel) expect(row.attempts).toBe(1);
  }
}

describe('outbox dispatcher: rate limits', () => {
  it('keeps a channel under its overall limit', async () => {
    const tg = new FakeSender('telegram', clock);
    const d = createOutboxDispatcher({ store: t.store, senders: [tg], clock, options: { limits: { telegram: { overall: [{ count: 5, perMs: 1000 }] } } } });
    for (let i = 0; i < 40; i++) await enqueue(t.store, 'telegram', String(1000 + i), `m${i}`, clock.now());
    const start = clock.now();
    await runFor(d, 12_000, 100);
    expect(tg.calls).toHaveLength(40);
    expect(maxInWindow(tg.calls, 1000)).toBe(5);
    // 40 at 5/s: the limiter must not be much slower than the limit either.
    expect(Math.max(...tg.calls.map((c) => c.at)) - start).toBeLessThanOrEqual(8000);
    await allAttemptsOne('telegram');
  });

  it('limits each WeCom robot to 20 a minute without holding back the others or counting attempts', async () => {
    const wecom = new FakeSender('wecom', clock);
    const d = createOutboxDispatcher({ store: t.store, senders: [wecom], clock });
    for (let i = 0; i < 30; i++) await enqueue(t.store, 'wecom', 'robot-a', `a${i}`, clock.now());
    for (let i = 0; i < 5; i++) await enqueue(t.store, 'wecom', 'robot-b', `b${i}`, clock.now());
    const start = clock.now();
    await d.drain();
    const a = () => wecom.calls.filter((c) => c.address === 'robot-a');
    const b = () => wecom.calls.filter((c) => c.address === 'robot-b');
    expect(a()).toHaveLength(20);
    expect(b()).toHaveLength(5);
    expect(d.stats().deferred).toBeGreaterThanOrEqual(1);
    await runFor(d, 130_000, 1000);
    expect(a().map((c) => c.text)).toEqual(Array.from({ length: 30 }, (_, i) => `a${i}`));
    expect(maxInWindow(a(), 60_000)).toBe(20);
    expect(Math.min(...a().slice(20).map((c) => c.at)) - start).toBeGreaterThanOrEqual(60_000);
    await allAttemptsOne('wecom');
  });

  it('applies the Telegram per-chat and per-group defaults', async () => {
    const tg = new FakeSender('telegram', clock);
    const d = createOutboxDispatcher({ store: t.store, senders: [tg], clock });
    for (let i = 0; i < 25; i++) await enqueue(t.store, 'telegram', '-100777', `g${i}`, clock.now());
    for (let i = 0; i < 5; i++) await enqueue(t.store, 'telegram', '4242', `p${i}`, clock.now());
    await runFor(d, 150_000, 250);
    const group = tg.calls.filter((c) => c.address === '-100777');
    const priv = tg.calls.filter((c) => c.address === '4242');
    expect(group).toHaveLength(25);
    expect(priv).toHaveLength(5);
    expect(maxInWindow(group, 1000)).toBe(1);
    expect(maxInWindow(group, 60_000)).toBe(20);
    expect(maxInWindow(priv, 1000)).toBe(1);
    // The private chat is not slowed by the group's minute limit: about one a second.
    expect(priv[4]!.at - priv[0]!.at).toBeLessThanOrEqual(5000);
    await allAttemptsOne('telegram');
  });

  it('pauses the whole Telegram channel on a retry-after', async () => {
    const tg = new FakeSender('telegram', clock, (_a, _m, call) =>
      call === 1 ? { status: 'retry', afterSeconds: 3, error: '429' } : { status: 'delivered' },
    );
    const d = createOutboxDispatcher({ store: t.store, senders: [tg], clock });
    await enqueue(t.store, 'telegram', '1', 'first', clock.now());
    await d.drain();
    await enqueue(t.store, 'telegram', '2', 'second', clock.now());
    await d.drain();
    expect(tg.texts()).toEqual(['first']);
    expect(d.stats().pausedChannels).toEqual(['telegram']);
    clock.advance(2999);
    await d.drain();
    expect(tg.texts()).toEqual(['first']);
    clock.advance(1);
    await d.drain();
    expect(tg.texts().sort()).toEqual(['first', 'first', 'second'].sort());
  });

  it('pauses only the robot on a WeCom retry-after', async () => {
    const wecom = new FakeSender('wecom', clock, (address, _m, call) =>
      address === 'robot-a' && call === 1 ? { status: 'retry', afterSeconds: 30, error: '45009' } : { status: 'delivered' },
    );
    const d = createOutboxDispatcher({ store: t.store, senders: [wecom], clock });
    await enqueue(t.store, 'wecom', 'robot-a', 'a1', clock.now());
    await d.drain();
    await enqueue(t.store, 'wecom', 'robot-b', 'b1', clock.now());
    await d.drain();
    expect(wecom.texts()).toEqual(['a1', 'b1']);
    expect(d.stats().pausedChannels).toEqual([]);
    clock.advance(30_000);
    await d.drain();
    expect(wecom.texts()).toEqual(['a1', 'b1', 'a1']);
  });

  it('sends WeChat slowly by default and web without limit', async () => {
    const wechat = new FakeSender('wechat', clock);
    const web = new FakeSender('web', clock);
    const d = createOutboxDispatcher({ store: t.store, senders: [wechat, web], clock });
    for (let i = 0; i < 5; i++) await enqueue(t.store, 'wechat', `w${i}`, `x${i}`, clock.now());
    for (let i = 0; i < 60; i++) await enqueue(t.store, 'web', `s${i}`, `y${i}`, clock.now());
    await d.drain();
    expect(web.calls).toHaveLength(60);
    expect(wechat.calls).toHaveLength(1);
    await runFor(d, 6000, 100);
    expect(wechat.calls).toHaveLength(5);
    expect(maxInWindow(wechat.calls, 1000)).toBe(1);
  });
});
