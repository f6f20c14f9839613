import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOutboxDispatcher } from '../../src/outbox/index.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { FakeSender, ManualClock, enqueue } from './fakes.js';

let t: TestDb;
let clock: ManualClock;

beforeEach(() => {
  t = createTestDb();
  clock = new ManualClock();
});
afterEach(async () => {
  await t.cleanup();
});

describe('outbox dispatcher: order and concurrency', () => {
  it('holds a later message to an address until the earlier one is delivered', async () => {
    let firstTry = true;
    const web = new FakeSender('web', clock, (_a, message) => {
      if (message.kind === 'text' && message.text === 'A1' && firstTry) {
        firstTry = false;
        return { status: 'retry', error: 'flaky' };
      }
      return { status: 'delivered' };
    });
    const d = createOutboxDispatcher({ store: t.store, senders: [web], clock, options: { random: () => 0.5 } });
    await enqueue(t.store, 'web', 'A', 'A1', clock.now());
    await enqueue(t.store, 'web', 'A', 'A2', clock.now());
    await enqueue(t.store, 'web', 'B', 'B1', clock.now());
    await d.drain();
    expect(web.texts()).toEqual(['A1', 'B1']);
    clock.advance(2000);
    await d.drain();
    expect(web.texts()).toEqual(['A1', 'B1', 'A1', 'A2']);
  });

  it('lets the next message go once the earlier one has failed for good', async () => {
    const web = new FakeSender('web', clock, (_a, message) =>
      message.kind === 'text' && message.text === 'A1' ? { status: 'failed', error: 'too long' } : { status: 'delivered' },
    );
    const d = createOutboxDispatcher({ store: t.store, senders: [web], clock });
    await enqueue(t.store, 'web', 'A', 'A1', clock.now());
    await enqueue(t.store, 'web', 'A', 'A2', clock.now());
    await d.drain();
    expect(web.texts()).toEqual(['A1', 'A2']);
    expect(await t.store.outbox.counts()).toEqual({ pending: 0, delivered: 1, failed: 1 });
  });

  it('bounds the sends in flight and never runs two for one address at once', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const perAddress = new Map<string, number>();
    let maxPerAddress = 0;
    const web = new FakeSender('web', clock, async (address) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      perAddress.set(address, (perAddress.get(address) ?? 0) + 1);
      maxPerAddress = Math.max(maxPerAddress, perAddress.get(address)!);
      await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 4)));
      inFlight--;
      perAddress.set(address, perAddress.get(address)! - 1);
      return { status: 'delivered' };
    });
    const d = createOutboxDispatcher({ store: t.store, senders: [web], clock, options: { concurrency: 3 } });
    const addresses = ['a', 'b', 'c', 'd', 'e'];
    // Each address's messages back to back, so nothing but the per-address rule keeps them apart.
    for (const a of addresses) for (let i = 0; i < 12; i++) await enqueue(t.store, 'web', a, `${a}-${i}`, clock.now());
    await d.drain();
    expect(web.calls).toHaveLength(60);
    expect(maxInFlight).toBe(3);
    expect(maxPerAddress).toBe(1);
    for (const a of addresses) {
      const sent = web.calls.filter((c) => c.address === a).map((c) => c.text);
      expect(sent).toEqual(Array.from({ length: 12 }, (_, i) => `${a}-${i}`));
    }
  });
});
