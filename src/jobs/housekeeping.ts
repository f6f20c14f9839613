/**
 * Housekeeping: removes rows that only serve for a while, so they do not pile up for ever.
 *
 * Tickets, their events and photos, ratings, staff, campaigns and survey answers are the county's
 * records and are never touched. What goes:
 * - delivered or failed outbox rows (the text sent to residents) and web chat messages, after
 *   the retention period (RETENTION_DAYS, 180 days by default);
 * - inbound de-duplication ids after INBOUND_SEEN_DAYS;
 * - console sessions and staff bind codes one day after they expired (or, codes, were used);
 * - WeChat numbered lists NUMBERED_CHOICES_DAYS after they were sent;
 * - photos nothing refers to any more, a week after they were last saved (src/media/sweep.ts),
 *   after the rows above, so photos only those rows named go in the same run.
 *
 * It runs once shortly after start-up and then daily at a quiet hour in the city's timezone. The
 * next run is a timer computed from the injected clock with the zoned-time helpers (not a cron
 * task), so tests move a fake clock and see it fire at the local hour. Deletes go in bounded
 * batches, one statement each, so the service keeps answering meanwhile (SQLite has one writer).
 * A failure is logged and the job tries again the next day; it never throws into the process.
 * Several processes on one PostgreSQL database may run it at the same time: deleting is idempotent
 * and the repositories skip rows another process is deleting.
 */
import { addDays, localDate, parseHhmm, zonedTime } from '../calendar/zoned-time.js';
import type { Logger } from '../logger.js';
import type { Pack } from '../pack/schema.js';
import { sweepMedia, type MediaSweepDeps } from '../media/sweep.js';
import type { HousekeepingRepo, Store } from '../store/ports.js';

const DAY_MS = 86_400_000;

/**
 * Days an inbound platform message id is remembered. It only has to outlive the platforms'
 * redelivery: Telegram keeps an undelivered update at most 24 hours, and the other channels
 * redeliver within minutes (a reconnect, a retried request). A week is a wide margin; there is
 * no reason to tune it, so it is not a setting.
 */
export const INBOUND_SEEN_DAYS = 7;

/**
 * Days the numbered list last sent to a WeChat chat is kept: well past the adapter's 7 days in
 * which a number still answers it, after which the row only holds a contact id.
 */
export const NUMBERED_CHOICES_DAYS = 30;

/** Days an expired console session or an expired (or used) bind code is kept before removal. */
export const EXPIRED_GRACE_DAYS = 1;

export interface HousekeepingOptions {
  /** Days delivered/failed outbox rows and web chat messages are kept (RETENTION_DAYS). Default 180. */
  retentionDays?: number;
  /** Daily run, `HH:MM` in the city's timezone: a quiet hour, after a 02:00 backup. Default '03:30'. */
  at?: string;
  /** The first run this long after start(), once the service is up. Default 60000 (one minute). */
  startDelayMs?: number;
  /** Rows removed per statement. Default 500. */
  batchSize?: number;
  /** false: start() schedules nothing (tests call run() themselves). Default true. */
  schedule?: boolean;
}

export interface HousekeepingDeps {
  store: Pick<Store, 'housekeeping'>;
  /** The city pack: its timezone places the daily run. */
  pack: () => Pick<Pack, 'city'>;
  clock: () => number;
  logger?: Pick<Logger, 'info' | 'error'>;
  /** The photo register and media directory for the photo sweep. Default none: no photo sweep. */
  media?: MediaSweepDeps;
}

/** Rows removed by one run, per table. */
export interface HousekeepingResult {
  outbox: number;
  webMessages: number;
  inboundSeen: number;
  consoleSessions: number;
  bindCodes: number;
  numberedChoices: number;
  /** Photos removed from the media directory. */
  media: number;
}

export interface Housekeeping {
  /** One run now; resolves with the counts (a table whose purge failed counts what it removed). */
  run(): Promise<HousekeepingResult>;
  /** When the next daily run is due after `now` (epoch ms). */
  nextRunAt(now: number): number;
  start(): void;
  /** Cancels the timers and waits for a run in progress to stop after its current batch. */
  stop(): Promise<void>;
}

type Table = Exclude<keyof HousekeepingResult, 'media'>;

const errorMessage = (err: unknown): string => (err instanceof Error ? err.message : String(err));

const PURGES: { table: Table; fn: keyof HousekeepingRepo }[] = [
  { table: 'outbox', fn: 'purgeOutbox' },
  { table: 'webMessages', fn: 'purgeWebMessages' },
  { table: 'inboundSeen', fn: 'purgeInboundSeen' },
  { table: 'consoleSessions', fn: 'purgeConsoleSessions' },
  { table: 'bindCodes', fn: 'purgeBindCodes' },
  { table: 'numberedChoices', fn: 'purgeNumberedChoices' },
];

export function createHousekeeping(d: HousekeepingDeps, options: HousekeepingOptions = {}): Housekeeping {
  const retentionDays = options.retentionDays ?? 180;
  const batch = options.batchSize ?? 500;
  const minutes = parseHhmm(options.at ?? '03:30');
  if (minutes === undefined) throw new Error(`housekeeping: "at" must be HH:MM, got "${options.at}"`);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let started = false;
  // Set by stop(): a run in progress ends after its current batch.
  let closing = false;

  function cutoffs(now: number): Record<Table, number> {
    const retained = now - retentionDays * DAY_MS;
    const expired = now - EXPIRED_GRACE_DAYS * DAY_MS;
    return {
      outbox: retained,
      webMessages: retained,
      inboundSeen: now - INBOUND_SEEN_DAYS * DAY_MS,
      consoleSessions: expired,
      bindCodes: expired,
      numberedChoices: now - NUMBERED_CHOICES_DAYS * DAY_MS,
    };
  }

  /** Deletes batch after batch until one comes back short (or stop() was called). */
  async function purge(fn: keyof HousekeepingRepo, before: number, counted: (n: number) => void): Promise<void> {
    for (;;) {
      const n = await d.store.housekeeping[fn](before, batch);
      counted(n);
      if (n < batch || closing) return;
      // Let waiting requests have the database between batches.
      await new Promise((r) => setImmediate(r));
    }
  }

  async function run(): Promise<HousekeepingResult> {
    const began = d.clock();
    const before = cutoffs(began);
    const result: HousekeepingResult = { outbox: 0, webMessages: 0, inboundSeen: 0, consoleSessions: 0, bindCodes: 0, numberedChoices: 0, media: 0 };
    let failed = 0;
    for (const { table, fn } of PURGES) {
      if (closing) break;
      try {
        // One table failing (a locked database, a lost connection) does not spare the others.
        await purge(fn, before[table], (n) => (result[table] += n));
      } catch (err) {
        failed++;
        // The message only: a database error names tables and columns, never row contents.
        d.logger?.error({ table, err: errorMessage(err) }, 'housekeeping: purge failed; trying again at the next run');
      }
    }
    if (d.media && !closing) {
      try {
        result.media = await sweepMedia(d.media, { now: d.clock(), batch, closing: () => closing });
      } catch (err) {
        failed++;
        d.logger?.error({ table: 'media', err: errorMessage(err) }, 'housekeeping: photo sweep failed; trying again at the next run');
      }
    }
    d.logger?.info({ removed: result, retentionDays, failed, ms: d.clock() - began }, 'housekeeping: old rows removed');
    return result;
  }

  /** A run that never throws and never overlaps another. */
  function guardedRun(): Promise<unknown> {
    running ??= run()
      .catch((err: unknown) => d.logger?.error({ err: errorMessage(err) }, 'housekeeping failed; trying again at the next run'))
      .finally(() => (running = undefined));
    return running;
  }

  function nextRunAt(now: number): number {
    const timezone = d.pack().city.timezone;
    const today = localDate(now, timezone);
    const at = zonedTime(today, minutes!, timezone);
    return at > now ? at : zonedTime(addDays(today, 1), minutes!, timezone);
  }

  function arm(delay: number, fn: () => void): void {
    timer = setTimeout(fn, Math.max(0, delay));
    // A pending housekeeping run never keeps the process alive.
    timer.unref();
  }

  function daily(): void {
    if (!started || closing) return;
    const now = d.clock();
    arm(nextRunAt(now) - now, () => {
      void guardedRun().then(daily);
    });
  }

  return {
    run,
    nextRunAt,
    start() {
      if (options.schedule === false || started) return;
      started = true;
      closing = false;
      arm(options.startDelayMs ?? 60_000, () => {
        void guardedRun().then(daily);
      });
    },
    async stop() {
      started = false;
      closing = true;
      clearTimeout(timer);
      timer = undefined;
      await running;
    },
  };
}
