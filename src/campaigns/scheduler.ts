/**
 * When campaigns fire: a node-cron task per active scheduled campaign (in the city's time zone),
 * a timer per active once-only campaign, and the missed-run policy at start: a firing missed while
 * the service was down runs once if it is less than `graceMs` late, otherwise it is recorded as a
 * skipped run and logged. Firing twice (two instances, a restart) is harmless: a run is unique per
 * campaign and scheduled time.
 */
import cron from 'node-cron';
import type { Logger } from '../logger.js';
import { previousFiring } from './cron.js';
import type { CampaignRecord } from './ports.js';

/** The part of node-cron the scheduler uses; tests may pass their own. */
export interface CronApi {
  schedule(
    expression: string,
    fn: (ctx: { date: Date }) => unknown,
    options: { timezone: string; name: string; noOverlap: boolean },
  ): ScheduledCronTask;
}

export interface ScheduledCronTask {
  stop(): void | Promise<void>;
  destroy(): void | Promise<void>;
  getNextRun(): Date | null;
}

export interface SchedulerDeps {
  clock: () => number;
  timezone: () => string;
  /** Starts the run of `campaignId` for `scheduledFor` (a no-op when it exists). */
  fire: (campaignId: string, scheduledFor: number) => Promise<void>;
  /** Records that the firing was skipped (a no-op when a run exists). Returns true when recorded now. */
  skip: (campaignId: string, scheduledFor: number) => Promise<boolean>;
  /** How late a missed firing may still run. */
  graceMs: number;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  cron?: CronApi;
}

export interface Scheduler {
  /** (Re-)registers the campaign: active ones get a cron task or a timer, others none. */
  register(c: CampaignRecord): void;
  unregister(id: string): void;
  /** Applies the missed-run policy to the campaign's latest firing before now. */
  catchUp(c: CampaignRecord): Promise<void>;
  /** The registered cron task of a campaign (for status and tests). */
  task(id: string): ScheduledCronTask | undefined;
  /** When an `at` campaign's timer is due. */
  timerAt(id: string): number | undefined;
  stop(): void;
}

/** setTimeout's longest delay; further timers re-arm. */
const MAX_DELAY = 2_147_483_647;
const MINUTE = 60_000;

export function createScheduler(d: SchedulerDeps): Scheduler {
  const cronApi: CronApi = d.cron ?? (cron as unknown as CronApi);
  const tasks = new Map<string, ScheduledCronTask>();
  const timers = new Map<string, { timer: NodeJS.Timeout; at: number }>();

  function fireLogged(id: string, at: number): void {
    d.fire(id, at).catch((err: unknown) => d.logger.error({ campaignId: id, err: (err as Error).message }, 'campaign: firing failed'));
  }

  function armTimer(id: string, at: number): void {
    const delay = Math.max(0, at - d.clock());
    const timer = setTimeout(
      () => {
        timers.delete(id);
        if (at - d.clock() > 1000) armTimer(id, at);
        else fireLogged(id, at);
      },
      Math.min(delay, MAX_DELAY),
    );
    timer.unref();
    timers.set(id, { timer, at });
  }

  const s: Scheduler = {
    register(c) {
      s.unregister(c.id);
      if (c.status !== 'active') return;
      if (c.schedule) {
        const task = cronApi.schedule(
          c.schedule,
          (ctx) => fireLogged(c.id, Math.floor(ctx.date.getTime() / MINUTE) * MINUTE),
          { timezone: d.timezone(), name: `campaign:${c.id}`, noOverlap: true },
        );
        tasks.set(c.id, task);
      } else if (c.at !== null && c.at > d.clock()) {
        armTimer(c.id, c.at);
      }
    },
    unregister(id) {
      const t = tasks.get(id);
      if (t) void t.destroy();
      tasks.delete(id);
      const timer = timers.get(id);
      if (timer) clearTimeout(timer.timer);
      timers.delete(id);
    },
    async catchUp(c) {
      if (c.status !== 'active') return;
      const now = d.clock();
      // A firing before the campaign existed was never owed.
      const last = c.schedule ? previousFiring(c.schedule, d.timezone(), now, c.createdAt - 1) : c.at !== null && c.at <= now && c.at >= c.createdAt - MINUTE ? c.at : undefined;
      if (last === undefined) return;
      const late = now - last;
      if (late < d.graceMs) {
        await d.fire(c.id, last);
      } else if (await d.skip(c.id, last)) {
        d.logger.warn({ campaignId: c.id, scheduledFor: new Date(last).toISOString(), lateMinutes: Math.round(late / MINUTE) }, 'campaign: missed run skipped (more than the grace period late)');
      }
    },
    task: (id) => tasks.get(id),
    timerAt: (id) => timers.get(id)?.at,
    stop() {
      for (const id of [...tasks.keys(), ...timers.keys()]) s.unregister(id);
    },
  };
  return s;
}
