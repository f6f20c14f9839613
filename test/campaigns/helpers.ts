/**
 * A campaign service over a real SQLite file, a real outbox dispatcher with recording senders,
 * a clock the test moves, and subscribers seeded through the real repositories.
 */
import { createCampaignService, type CampaignServiceOptions } from '../../src/campaigns/index.js';
import type { ChannelName, OutboundMessage, SendResult } from '../../src/channels/types.js';
import { createOutboxDispatcher, type OutboxDispatcher } from '../../src/outbox/index.js';
import { loadPackFile } from '../../src/pack/load.js';
import type { Pack } from '../../src/pack/schema.js';
import type { Store } from '../../src/store/ports.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { FakeSender, ManualClock, memoryLogger } from '../outbox/fakes.js';

export { FakeSender, ManualClock };

/** 2026-11-30 (a Monday) 10:00 in Shanghai. */
export const MONDAY_10H = Date.UTC(2026, 10, 30, 2, 0);

let demo: Pack | undefined;
export async function demoPack(): Promise<Pack> {
  demo ??= (await loadPackFile('packs/demo/pack.yaml')).pack;
  return demo;
}

export type Script = (address: string, message: OutboundMessage, call: number) => SendResult | Promise<SendResult>;

export interface Harness {
  db: TestDb;
  store: Store;
  pack: Pack;
  clock: ManualClock;
  sender: FakeSender;
  dispatcher: OutboxDispatcher;
  service: ReturnType<typeof createCampaignService>;
  logs: string[];
  /** Steps the run and delivers what it fed, until it finishes (or `maxSteps`). */
  runToEnd(runId: number, maxSteps?: number): Promise<void>;
}

const unlimited = { overall: [], perAddress: [], perGroup: [] };

export async function harness(o: { script?: Script; service?: Partial<CampaignServiceOptions>; now?: number; db?: TestDb } = {}): Promise<Harness> {
  const db = o.db ?? createTestDb();
  const pack = await demoPack();
  const clock = new ManualClock(o.now ?? MONDAY_10H);
  const { logger, lines } = memoryLogger();
  const sender = new FakeSender('telegram', clock, o.script);
  const service = createCampaignService({
    store: db.store,
    pack: () => pack,
    clock: () => clock.now(),
    logger,
    ...o.service,
  });
  const dispatcher = createOutboxDispatcher({
    store: db.store,
    senders: [sender],
    clock,
    logger,
    onGone: (item) => service.onGone(item),
    options: { limits: { telegram: unlimited }, batchSize: 10, concurrency: 4 },
  });
  const h: Harness = {
    db,
    store: db.store,
    pack,
    clock,
    sender,
    dispatcher,
    service,
    logs: lines,
    async runToEnd(runId, maxSteps = 1000) {
      for (let i = 0; i < maxSteps; i++) {
        const r = await service.step(runId);
        if (r.state !== 'sending') return;
        await dispatcher.drain();
      }
      throw new Error(`run ${runId} did not finish in ${maxSteps} steps`);
    },
  };
  return h;
}

export interface Seeded {
  residentId: number;
  subscriptionId: number;
  address: string;
}

/** Residents with telegram chats 1000+i, subscribed; `each` may override fields per index. */
export async function seed(
  store: Store,
  n: number,
  now: number,
  each: (i: number) => Partial<{ channel: ChannelName; areaId: string | null; language: string; tags: string[] }> = () => ({}),
): Promise<Seeded[]> {
  const out: Seeded[] = [];
  for (let i = 0; i < n; i++) {
    const extra = each(i);
    const channel = extra.channel ?? 'telegram';
    const address = String(1000 + i);
    const r = await store.residents.upsert({ channel, platformUserId: `u${i}`, address, language: extra.language ?? 'zh-CN', now });
    const s = await store.subscriptions.subscribe(
      { residentId: r.id, channel, address, areaId: extra.areaId ?? null, language: extra.language ?? 'zh-CN', tags: extra.tags ?? [] },
      now,
    );
    out.push({ residentId: r.id, subscriptionId: s.id, address });
  }
  return out;
}

/** How many messages each address received. */
export function perAddress(sender: FakeSender): Map<string, number> {
  const m = new Map<string, number>();
  for (const c of sender.calls) m.set(c.address, (m.get(c.address) ?? 0) + 1);
  return m;
}
