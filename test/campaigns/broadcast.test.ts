import { afterEach, describe, expect, it } from 'vitest';
import { createCampaignService } from '../../src/campaigns/index.js';
import { openSqliteStore } from '../../db/sqlite/store.js';
import { harness, MONDAY_10H, perAddress, seed, type Harness } from './helpers.js';

const base = { name: '周末大扫除', text: '本周六上午9点，社区大扫除，欢迎参加。', at: '2026-12-05T09:00:00+08:00' };

let h: Harness | undefined;
afterEach(async () => {
  await h?.dispatcher.stop();
  await h?.db.cleanup();
  h = undefined;
});

describe('broadcast engine', () => {
  it('creates one delivery per recipient per run, however often the run is created or prepared', async () => {
    h = await harness({ service: { broadcast: { window: 7, prepareBatch: 3 } } });
    await seed(h.store, 20, h.clock.now());
    await h.service.create({ id: 'clean', ...base });
    const a = await h.service.fire('clean', MONDAY_10H);
    const b = await h.service.fire('clean', MONDAY_10H);
    expect(a?.id).toBe(b?.id);
    const { run, created } = await h.store.campaigns.createRun('clean', MONDAY_10H, h.clock.now());
    expect(created).toBe(false);
    // Preparing again (as after a crash mid-preparation) adds nothing.
    await h.store.campaigns.addDeliveries(run.id, {}, 0, 100, h.clock.now());
    await h.runToEnd(run.id);
    await h.store.campaigns.addDeliveries(run.id, {}, 0, 100, h.clock.now());
    const counts = await h.store.campaigns.counts(run.id);
    expect(counts).toEqual({ pending: 0, queued: 0, sent: 20, failed: 0, skipped: 0 });
    expect([...perAddress(h.sender).values()].every((n) => n === 1)).toBe(true);
    expect(perAddress(h.sender).size).toBe(20);
    expect((await h.store.campaigns.runById(run.id))?.status).toBe('done');
    expect((await h.store.campaigns.runById(run.id))?.total).toBe(20);
  });

  it('sends nothing more to a resident who opts out mid-run, whether or not their row is already in the outbox', async () => {
    const subs: { residentId: number; address: string }[] = [];
    let optedOutAt = -1;
    h = await harness({
      service: { broadcast: { window: 10 } },
      script: async (_address, _m, call) => {
        // While the first window is being sent, resident #45 (not fed yet) opts out.
        if (call === 3) {
          await h!.store.subscriptions.unsubscribe(subs[45]!.residentId, h!.clock.now());
          optedOutAt = call;
        }
        return { status: 'delivered' };
      },
    });
    subs.push(...(await seed(h.store, 50, h.clock.now())));
    await h.service.create({ id: 'clean', ...base });
    const run = (await h.service.fire('clean', MONDAY_10H))!;
    // First window fed (residents 0..9); #5 opts out while its message waits in the outbox.
    expect((await h.service.step(run.id)).fed).toBe(10);
    await h.store.subscriptions.unsubscribe(subs[5]!.residentId, h.clock.now());
    await h.runToEnd(run.id);

    expect(optedOutAt).toBe(3);
    const got = perAddress(h.sender);
    expect(got.has(subs[5]!.address)).toBe(false);
    expect(got.has(subs[45]!.address)).toBe(false);
    expect(got.size).toBe(48);
    expect([...got.values()].every((n) => n === 1)).toBe(true);
    const counts = await h.store.campaigns.counts(run.id);
    expect(counts).toMatchObject({ sent: 48, skipped: 2, pending: 0, queued: 0 });
  });

  it('unsubscribes a resident who blocked the bot and marks the delivery failed', async () => {
    let blocked = '';
    h = await harness({
      script: (address) => (address === blocked ? { status: 'failed', error: 'telegram 403: Forbidden: bot was blocked by the user', gone: true } : { status: 'delivered' }),
    });
    const subs = await seed(h.store, 5, h.clock.now());
    blocked = subs[2]!.address;
    await h.service.create({ id: 'clean', ...base });
    const run = (await h.service.fire('clean', MONDAY_10H))!;
    await h.runToEnd(run.id);
    expect(await h.store.campaigns.counts(run.id)).toMatchObject({ sent: 4, failed: 1 });
    expect((await h.store.subscriptions.byResident(subs[2]!.residentId))?.status).toBe('unsubscribed');
    expect((await h.store.subscriptions.byResident(subs[1]!.residentId))?.status).toBe('active');
    // The next run leaves them out.
    const next = (await h.service.fire('clean', MONDAY_10H + 60_000))!;
    await h.runToEnd(next.id);
    expect((await h.store.campaigns.runById(next.id))?.total).toBe(4);
  });

  it('lets only one instance feed a run; the other takes over once the lease lapses', async () => {
    h = await harness({ service: { ownerId: 'instance-a', broadcast: { window: 5, leaseMs: 10_000 } } });
    await seed(h.store, 12, h.clock.now());
    await h.service.create({ id: 'clean', ...base });
    // A second instance on the same database file.
    const storeB = openSqliteStore({ file: h.db.file });
    const serviceB = createCampaignService({ store: storeB, pack: () => h!.pack, clock: () => h!.clock.now(), logger: { info() {}, warn() {}, error() {}, debug() {} }, ownerId: 'instance-b', broadcast: { window: 5, leaseMs: 10_000 } });
    try {
      const runA = (await h.service.fire('clean', MONDAY_10H))!;
      const runB = (await serviceB.fire('clean', MONDAY_10H))!;
      expect(runB.id).toBe(runA.id);
      expect((await h.service.step(runA.id)).state).toBe('sending');
      expect(await serviceB.step(runA.id)).toEqual({ state: 'not-owner', nextInMs: 0, fed: 0 });
      expect((await h.store.campaigns.runById(runA.id))?.ownerId).toBe('instance-a');
      await h.dispatcher.drain();
      // A stops (crash): after the lease, B carries on and nothing goes out twice.
      h.clock.advance(10_001);
      expect((await serviceB.step(runA.id)).state).toBe('sending');
      expect((await h.service.step(runA.id)).state).toBe('not-owner');
      for (let i = 0; i < 20; i++) {
        await h.dispatcher.drain();
        if ((await serviceB.step(runA.id)).state === 'finished') break;
      }
      expect((await h.store.campaigns.runById(runA.id))?.status).toBe('done');
      const got = perAddress(h.sender);
      expect(got.size).toBe(12);
      expect([...got.values()].every((n) => n === 1)).toBe(true);
    } finally {
      await storeB.close();
    }
  });

  it('pause puts unsent messages back, resume sends them, cancel drops the rest', async () => {
    h = await harness({ service: { broadcast: { window: 4 } } });
    await seed(h.store, 12, h.clock.now());
    await h.service.create({ id: 'clean', ...base });
    const run = (await h.service.fire('clean', MONDAY_10H))!;
    await h.service.step(run.id);
    await h.service.pause('clean');
    expect((await h.store.campaigns.runById(run.id))?.status).toBe('paused');
    expect(await h.store.campaigns.counts(run.id)).toMatchObject({ pending: 12, queued: 0 });
    await h.dispatcher.drain();
    expect(h.sender.calls).toHaveLength(0);
    expect((await h.service.step(run.id)).state).toBe('stopped');

    await h.service.resume('clean');
    await h.service.step(run.id);
    await h.dispatcher.drain();
    expect(h.sender.calls).toHaveLength(4);
    await h.service.step(run.id);
    await h.service.cancel('clean');
    await h.dispatcher.drain();
    expect(h.sender.calls).toHaveLength(4);
    expect(await h.store.campaigns.counts(run.id)).toMatchObject({ sent: 4, skipped: 4, pending: 4 });
    expect((await h.store.campaigns.runById(run.id))?.status).toBe('cancelled');
    expect((await h.store.outbox.counts()).pending).toBe(0);
  });

  it('sends only to the audience: channels, areas, languages and tags', async () => {
    h = await harness();
    await seed(h.store, 8, h.clock.now(), (i) => ({
      areaId: i % 2 === 0 ? 'hexi-jiedao' : null,
      language: i < 4 ? 'zh-CN' : 'en',
      tags: i === 6 ? ['volunteer'] : [],
    }));
    await h.service.create({ id: 'a', ...base, audience: { areas: ['hexi-jiedao'], languages: ['en'] } });
    await h.service.create({ id: 'b', ...base, audience: { tags: ['volunteer'], channels: ['telegram'] } });
    const ra = (await h.service.fire('a', MONDAY_10H))!;
    const rb = (await h.service.fire('b', MONDAY_10H))!;
    await h.runToEnd(ra.id);
    await h.runToEnd(rb.id);
    expect((await h.store.campaigns.runById(ra.id))?.total).toBe(2);
    expect((await h.store.campaigns.runById(rb.id))?.total).toBe(1);
    expect(h.sender.calls.map((c) => c.address).sort()).toEqual(['1004', '1006', '1006']);
  });
});
