/**
 * Drives runs forward on timers: each run this instance holds is stepped until it finishes, and
 * every `adoptEveryMs` unfinished runs nobody holds (their owner crashed or stopped) are taken up.
 */
import type { Logger } from '../logger.js';
import type { Store } from '../store/ports.js';
import type { Broadcaster } from './broadcast.js';

export interface RunDriver {
  /** Starts stepping the run (no-op when already driven). */
  drive(runId: number): void;
  /** Takes up unfinished runs not held by a live lease. */
  adopt(): Promise<void>;
  start(): Promise<void>;
  /** Stops stepping and releases the runs' leases, so another instance can go on at once. */
  stop(): Promise<void>;
  /** Resolves when no run is being driven. */
  idle(): Promise<void>;
  active(): number[];
}

export interface RunDriverDeps {
  store: Store;
  broadcaster: Broadcaster;
  ownerId: string;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** Default 10000 ms. */
  adoptEveryMs?: number;
  /** Pause after a failed step. Default 1000 ms. */
  retryMs?: number;
}

export function createRunDriver(d: RunDriverDeps): RunDriver {
  const timers = new Map<number, NodeJS.Timeout | null>();
  const idleWaiters: (() => void)[] = [];
  let stopped = false;
  let adoptTimer: NodeJS.Timeout | undefined;
  let stepping: Promise<void> = Promise.resolve();

  function settle(runId: number): void {
    timers.delete(runId);
    if (timers.size === 0) for (const w of idleWaiters.splice(0)) w();
  }

  function schedule(runId: number, ms: number): void {
    const t = setTimeout(() => {
      timers.set(runId, null);
      stepping = stepping.then(() => step(runId));
    }, ms);
    timers.set(runId, t);
  }

  async function step(runId: number): Promise<void> {
    if (stopped) return settle(runId);
    try {
      const r = await d.broadcaster.step(runId);
      if (r.state === 'sending' || r.state === 'quiet') schedule(runId, r.nextInMs);
      else settle(runId);
    } catch (err) {
      d.logger.error({ runId, err: (err as Error).message }, 'campaign: run step failed; retrying');
      if (!stopped) schedule(runId, d.retryMs ?? 1000);
      else settle(runId);
    }
  }

  const driver: RunDriver = {
    drive(runId) {
      if (stopped || timers.has(runId)) return;
      schedule(runId, 0);
    },
    async adopt() {
      for (const run of await d.store.campaigns.unfinishedRuns()) driver.drive(run.id);
    },
    async start() {
      stopped = false;
      await driver.adopt();
      adoptTimer = setInterval(() => {
        driver.adopt().catch((err: unknown) => d.logger.warn({ err: (err as Error).message }, 'campaign: adopting runs failed'));
      }, d.adoptEveryMs ?? 10_000);
      adoptTimer.unref();
    },
    async stop() {
      stopped = true;
      clearInterval(adoptTimer);
      const ids = [...timers.keys()];
      for (const t of timers.values()) if (t) clearTimeout(t);
      await stepping;
      for (const id of ids) await d.store.campaigns.releaseRun(id, d.ownerId);
      timers.clear();
      for (const w of idleWaiters.splice(0)) w();
    },
    idle() {
      return timers.size === 0 ? Promise.resolve() : new Promise((r) => idleWaiters.push(r));
    },
    active: () => [...timers.keys()],
  };
  return driver;
}
