import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutboxItem } from '../../src/store/ports.js';
import { backoffDelay, createOutboxDispatcher } from '../../src/outbox/index.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { FakeSender, ManualClock, enqueue, memoryLogger } from './fakes.js';

let t: TestDb;
let clock: ManualClock;

beforeEach(() => {
  t = createTestDb();
  clock = new ManualClock();
});
afterEach(async () => {
  await t.cleanup();
});

describe('outbox dispatcher: results', () => {
  it('delivers due rows once and marks them delivered', async () => {
    const web = new FakeSender('web', clock);
    const d = createOutboxDispatcher({ store: t.store, senders: [web], clock });
    const a = await enqueue(t.store, 'web', 'u1', 'hello', clock.now());
    const b = await enqueue(t.store, 'web', 'u2', 'world', clock.now());
    await d.drain();
    await d.drain();
    expect(web.calls.map((c) => [c.address, c.text])).toEqual([
      ['u1', 'hello'],
      ['u2', 'world'],
    ]);
    for (const id of [a, b]) {
      const row = await t.store.outbox.byId(id);
      expect(row).toMatchObject({ status: 'delivered', attempts: 1, deliveredAt: clock.now(), leaseUntil: null });
    }
    expect(d.stats()).toMatchObject({ sent: 2, delivered: 2, retried: 0, failed: 0 });
  });

  it('does not send a row before its notBefore time', async () => {
    const web = new FakeSender('web', clock);
    const d = createOutboxDispatcher({ store: t.store, senders: [web], clock });
    await t.store.outbox.enqueue({ channel: 'web', address: 'u', payload: { kind: 'text', text: 'later' }, notBefore: clock.now() + 5000 }, clock.now());
    await d.drain();
    expect(web.calls).toHaveLength(0);
    clock.advance(5000);
    await d.drain();
    expect(web.texts()).toEqual(['later']);
  });

  it('retries after the backoff and then delivers', async () => {
    const web = new FakeSender('web', clock, (_a, _m, call) => (call === 1 ? { status: 'retry', error: 'boom' } : { status: 'delivered' }));
    const d = createOutboxDispatcher({ store: t.store, senders: [web], clock, options: { random: () => 0.5 } });
    const id = await enqueue(t.store, 'web', 'u', 'hi', clock.now());
    await d.drain();
    expect(await t.store.outbox.byId(id)).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: clock.now() + 2000, lastError: 'boom' });
    clock.advance(1999);
    await d.drain();
    expect(web.calls).toHaveLength(1);
    clock.advance(1);
    await d.drain();
    expect(web.calls).toHaveLength(2);
    expect(await t.store.outbox.byId(id)).toMatchObject({ status: 'delivered', attempts: 2 });
  });

  it('honours a retry-after hint even when it is longer than the backoff', async () => {
    const web = new FakeSender('web', clock, (_a, _m, call) =>
      call === 1 ? { status: 'retry', afterSeconds: 7, error: '429' } : { status: 'delivered' },
    );
    const d = createOutboxDispatcher({ store: t.store, senders: [web], clock, options: { random: () => 0.5 } });
    const id = await enqueue(t.store, 'web', 'u', 'hi', clock.now());
    const start = clock.now();
    await d.drain();
    expect((await t.store.outbox.byId(id))?.nextAttemptAt).toBe(start + 7000);
    clock.advance(6999);
    await d.drain();
    expect(web.calls).toHaveLength(1);
    clock.advance(1);
    await d.drain();
    expect(web.calls.map((c) => c.at)).toEqual([start, start + 7000]);
    expect((await t.store.outbox.byId(id))?.status).toBe('delivered');
  });

  it('backs off exponentially and fails for good after maxAttempts', async () => {
    const web = new FakeSender('web', clock, () => ({ status: 'retry', error: 'down' }));
    const failed: number[] = [];
    const d = createOutboxDispatcher({
      store: t.store,
      senders: [web],
      clock,
      options: { random: () => 0.5 },
      onFailed: (item) => void failed.push(item.id),
    });
    const id = await enqueue(t.store, 'web', 'u', 'hi', clock.now());
    const delays: number[] = [];
    for (let i = 0; i < 7; i++) {
      await d.drain();
      const row = (await t.store.outbox.byId(id))!;
      expect(row.status).toBe('pending');
      delays.push(row.nextAttemptAt - clock.now());
      clock.t = row.nextAttemptAt;
    }
    expect(delays).toEqual([2000, 4000, 8000, 16000, 32000, 64000, 128000]);
    await d.drain();
    const row = await t.store.outbox.byId(id);
    expect(row).toMatchObject({ status: 'failed', attempts: 8 });
    expect(row?.lastError).toMatch(/^gave up after 8 attempts: down/);
    expect(web.calls).toHaveLength(8);
    expect(failed).toEqual([id]);
    clock.advance(3_600_000);
    await d.drain();
    expect(web.calls).toHaveLength(8);
  });

  it('caps the backoff and keeps the jitter inside its bounds', async () => {
    const o = { baseMs: 2000, factor: 2, capMs: 900_000, jitter: 0.2 };
    expect(backoffDelay(1, o, () => 0)).toBe(1600);
    expect(backoffDelay(1, o, () => 0.999999)).toBe(2400);
    expect(backoffDelay(3, o, () => 0.5)).toBe(8000);
    expect(backoffDelay(20, o, () => 0.5)).toBe(900_000);
    expect(backoffDelay(20, o, () => 0.999999)).toBe(900_000);
    expect(backoffDelay(20, o, () => 0)).toBe(720_000);

    const web = new FakeSender('web', clock, () => ({ status: 'retry', error: 'down' }));
    const d = createOutboxDispatcher({
      store: t.store,
      senders: [web],
      clock,
      options: { random: () => 0.5, maxAttempts: 6, backoff: { baseMs: 60_000, factor: 10 } },
    });
    const id = await enqueue(t.store, 'web', 'u', 'hi', clock.now());
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      await d.drain();
      const row = (await t.store.outbox.byId(id))!;
      delays.push(row.nextAttemptAt - clock.now());
      clock.t = row.nextAttemptAt;
    }
    expect(delays).toEqual([60_000, 600_000, 900_000, 900_000]);
  });

  it('marks a failed send failed at once and reports gone recipients', async () => {
    const web = new FakeSender('web', clock, (address) =>
      address === 'blocked' ? { status: 'failed', error: 'blocked by user', gone: true } : { status: 'failed', error: 'bad request' },
    );
    const gone: OutboxItem[] = [];
    const failed: number[] = [];
    const d = createOutboxDispatcher({
      store: t.store,
      senders: [web],
      clock,
      onGone: (item) => void gone.push(item),
      onFailed: (item) => void failed.push(item.id),
    });
    const a = await enqueue(t.store, 'web', 'blocked', 'hi', clock.now());
    const b = await enqueue(t.store, 'web', 'other', 'hi', clock.now());
    await d.drain();
    expect(await t.store.outbox.byId(a)).toMatchObject({ status: 'failed', attempts: 1, lastError: 'blocked by user' });
    expect(await t.store.outbox.byId(b)).toMatchObject({ status: 'failed', attempts: 1, lastError: 'bad request' });
    expect(gone.map((g) => [g.id, g.address])).toEqual([[a, 'blocked']]);
    expect(failed.sort()).toEqual([a, b].sort());
    expect(d.stats()).toMatchObject({ failed: 2, gone: 1 });
    clock.advance(3_600_000);
    await d.drain();
    expect(web.calls).toHaveLength(2);
  });

  it('treats a thrown error as a retry and keeps message text and addresses out of the logs', async () => {
    const { logger, lines } = memoryLogger();
    const web = new FakeSender('web', clock, (address, _m, call) => {
      if (call === 1) throw new Error(`chat ${address} unreachable`);
      return { status: 'delivered' };
    });
    const d = createOutboxDispatcher({ store: t.store, senders: [web], clock, logger, options: { random: () => 0.5 } });
    const id = await enqueue(t.store, 'web', 'addr-secret-42', '私密投诉内容', clock.now());
    await d.drain();
    const row = await t.store.outbox.byId(id);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: clock.now() + 2000 });
    expect(row?.lastError).toBe('Error: chat addr-secret-42 unreachable');
    clock.advance(2000);
    await d.drain();
    expect((await t.store.outbox.byId(id))?.status).toBe('delivered');
    const log = lines.join('');
    expect(lines.length).toBeGreaterThan(2);
    expect(log).toContain(`"id":${id}`);
    expect(log).not.toContain('addr-secret-42');
    expect(log).not.toContain('私密投诉内容');
  });

  it('turns a send that never answers into a retry after sendTimeoutMs', async () => {
    const web = new FakeSender('web', clock, (_a, _m, call) => (call === 1 ? new Promise(() => {}) : { status: 'delivered' }));
    const d = createOutboxDispatcher({ store: t.store, senders: [web], clock, options: { sendTimeoutMs: 20, random: () => 0.5 } });
    const id = await enqueue(t.store, 'web', 'u', 'hi', clock.now());
    await d.drain();
    const row = await t.store.outbox.byId(id);
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row?.lastError).toMatch(/^SendTimeout/);
  });

  it('rejects a bad option with a clear error', () => {
    expect(() => createOutboxDispatcher({ store: t.store, senders: [], options: { concurrency: 0 } })).toThrow(/option concurrency must be a number >= 1/);
    expect(() =>
      createOutboxDispatcher({ store: t.store, senders: [], options: { limits: { wecom: { perAddress: [{ count: 0, perMs: 1 }] } } } }),
    ).toThrow(/limits\.wecom\.perAddress/);
  });
});
