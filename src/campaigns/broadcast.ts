/**
 * The broadcast engine: works one campaign run forward, one step at a time.
 *
 * A run first gets one delivery row per recipient (unique per run and subscription, so preparing
 * twice, or on two instances, creates each row once). Then each step:
 *   1. renews the run's lease (only the lease holder feeds a run; another instance's step is a no-op),
 *   2. copies finished outbox results onto the deliveries in one statement,
 *   3. deletes the not-yet-sent outbox rows of residents who opted out meanwhile (skipped),
 *   4. outside quiet hours, tops the run's rows in the outbox up to `window`: a recipient who is
 *      no longer subscribed is skipped, the others get an outbox row (dedupe key per delivery)
 *      in the same transaction that marks the delivery queued.
 * Sending itself is the outbox dispatcher's job, at each channel's rate. Because at most `window`
 * rows of a run wait in the outbox, an opt-out, a pause or a cancel catches everything but the
 * rows a dispatcher has already leased. A crash loses nothing: deliveries and outbox rows commit
 * together, delivered rows are never sent again, and the next owner carries on where it stopped.
 */
import type { Logger } from '../logger.js';
import type { NewOutboxItem, Store } from '../store/ports.js';
import type { CampaignRecord, CampaignRun } from './ports.js';
import { quietUntil, type QuietHours } from './quiet-hours.js';
import { renderCampaign } from './render.js';

export interface BroadcastOptions {
  /** Deliveries of one run in the outbox at once (queued, not finished). Default 1000. */
  window?: number;
  /**
   * Rows fed to the outbox per step, at most (one transaction). Smaller keeps the event loop free
   * for the sends in flight. Default 500.
   */
  feedBatch?: number;
  /** Delivery rows created per transaction while preparing. Default 5000. */
  prepareBatch?: number;
  /** How long a run stays ours without a step renewing it, in ms. Default 30000. */
  leaseMs?: number;
  /** Pause between steps of a sending run, in ms. Default 100. */
  tickMs?: number;
}

export type StepState = 'sending' | 'quiet' | 'finished' | 'stopped' | 'not-owner';

export interface StepResult {
  state: StepState;
  /** When to step again, in ms (for sending and quiet). */
  nextInMs: number;
  /** Rows put into the outbox by this step. */
  fed: number;
}

export interface BroadcasterDeps {
  store: Store;
  clock: () => number;
  /** This instance's id: the run lease holder. */
  ownerId: string;
  timezone: () => string;
  quietHours: QuietHours | undefined;
  logger?: Pick<Logger, 'info' | 'warn' | 'debug'>;
  /** Called after rows were put into the outbox (wakes the dispatcher). */
  onQueued?: () => void;
  options?: BroadcastOptions;
}

export interface Broadcaster {
  step(runId: number): Promise<StepResult>;
  readonly leaseMs: number;
}

export function createBroadcaster(d: BroadcasterDeps): Broadcaster {
  const window = d.options?.window ?? 1000;
  const prepareBatch = d.options?.prepareBatch ?? 5000;
  const feedBatch = d.options?.feedBatch ?? 500;
  const leaseMs = d.options?.leaseMs ?? 30_000;
  const tickMs = d.options?.tickMs ?? 100;
  const repo = d.store.campaigns;

  async function prepare(run: CampaignRun, c: CampaignRecord, now: number): Promise<void> {
    let after = 0;
    for (;;) {
      const last = await repo.addDeliveries(run.id, c.audience, after, prepareBatch, now);
      if (last === undefined) break;
      after = last;
      // Keep the lease alive through a very large audience.
      await repo.claimRun(run.id, d.ownerId, d.clock(), d.clock() + leaseMs);
    }
    const counts = await repo.counts(run.id);
    const total = counts.pending + counts.queued + counts.sent + counts.failed + counts.skipped;
    await repo.setRunStatus(run.id, 'sending', { total });
    d.logger?.info({ runId: run.id, campaignId: c.id, total }, 'campaign run prepared');
  }

  async function feed(run: CampaignRun, c: CampaignRecord, room: number, now: number): Promise<{ fed: number; seen: number }> {
    return d.store.transaction(async (tx) => {
      const batch = await tx.campaigns.nextToFeed(run.id, room);
      const skip: number[] = [];
      const send: typeof batch = [];
      for (const b of batch) {
        if (b.subscriptionActive) send.push(b);
        else skip.push(b.id);
      }
      // One rendering per language, shared by the batch.
      const byLang = new Map<string, NewOutboxItem['payload']>();
      const items: NewOutboxItem[] = send.map((b) => {
        let payload = byLang.get(b.language);
        if (!payload) byLang.set(b.language, (payload = renderCampaign(c, { runId: run.id, language: b.language })));
        return { channel: b.channel, address: b.address, payload, dedupeKey: `camp:${run.id}:${b.id}` };
      });
      const ids = await tx.outbox.enqueueMany(items, now);
      const queued: { id: number; outboxId: number }[] = [];
      for (let i = 0; i < send.length; i++) {
        const outboxId = ids[i];
        // A dedupe hit cannot happen (the row and its mark commit together); skip rather than resend.
        if (outboxId === undefined) skip.push(send[i]!.id);
        else queued.push({ id: send[i]!.id, outboxId });
      }
      await tx.campaigns.markQueued(queued, now);
      await tx.campaigns.markSkipped(skip, now);
      return { fed: queued.length, seen: batch.length };
    });
  }

  return {
    leaseMs,
    async step(runId) {
      const now = d.clock();
      const run = await repo.runById(runId);
      if (!run || (run.status !== 'preparing' && run.status !== 'sending')) return { state: 'stopped', nextInMs: 0, fed: 0 };
      if (!(await repo.claimRun(run.id, d.ownerId, now, now + leaseMs))) return { state: 'not-owner', nextInMs: 0, fed: 0 };
      const c = await repo.byId(run.campaignId);
      if (!c) return { state: 'stopped', nextInMs: 0, fed: 0 };
      if (run.status === 'preparing') await prepare(run, c, now);

      await repo.syncFromOutbox(run.id, now);
      const dropped = await repo.dropUnsent(run.id, 'unsubscribed', 'skipped', now);
      if (dropped > 0) d.logger?.info({ runId, dropped }, 'campaign: opted-out residents dropped before sending');

      const quietEnd = quietUntil(now, d.timezone(), d.quietHours);
      if (quietEnd !== undefined) {
        // Keep stepping well within the lease, so the run stays ours through the night.
        return { state: 'quiet', nextInMs: Math.max(1, Math.min(quietEnd - now, Math.floor(leaseMs / 3))), fed: 0 };
      }
      const queued = await repo.queuedCount(run.id);
      let fed = 0;
      let seen = 0;
      const room = Math.min(feedBatch, window - queued);
      if (room > 0) {
        ({ fed, seen } = await feed(run, c, room, now));
        if (fed > 0) d.onQueued?.();
      }
      if (queued === 0 && seen === 0) {
        await repo.setRunStatus(run.id, 'done', { finishedAt: now });
        await repo.releaseRun(run.id, d.ownerId);
        const counts = await repo.counts(run.id);
        d.logger?.info({ runId, campaignId: c.id, ...counts }, 'campaign run finished');
        return { state: 'finished', nextInMs: 0, fed: 0 };
      }
      return { state: 'sending', nextInMs: tickMs, fed };
    },
  };
}
