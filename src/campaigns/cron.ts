/**
 * Cron expressions of campaigns: 5 fields (minute hour day month weekday) in the city's time zone,
 * read by node-cron. Besides scheduling, the service needs the latest firing before a given time
 * (to find a run missed while the service was down); node-cron's own matcher answers that.
 */
import cron from 'node-cron';
import { AppError } from '../errors.js';

/** Throws AppError INVALID_INPUT naming `where` unless `expr` is a valid 5-field cron expression. */
export function assertCron(expr: string, where: string): void {
  const fields = expr.trim().split(/\s+/);
  if (fields.length !== 5 || !cron.validate(expr)) {
    throw new AppError('INVALID_INPUT', `${where}: "${expr}" is not a 5-field cron expression (minute hour day month weekday), e.g. "0 9 * * 1"`);
  }
}

const MINUTE = 60_000;

/**
 * The latest instant in (since, now] at which `expr` fires in `timezone`, or undefined. Looks at
 * most `maxLookbackMs` back (default 8 days: a weekly campaign's last firing is always found).
 */
export function previousFiring(expr: string, timezone: string, now: number, since: number, maxLookbackMs = 8 * 86_400_000): number | undefined {
  const task = cron.createTask(expr, () => {}, { timezone });
  try {
    const floor = Math.max(since, now - maxLookbackMs);
    for (let t = Math.floor(now / MINUTE) * MINUTE; t > floor; t -= MINUTE) {
      if (task.match(new Date(t))) return t;
    }
    return undefined;
  } finally {
    void task.destroy();
  }
}

/** The next instant after `now` at which `expr` fires in `timezone` (scans up to `maxAheadMs`). */
export function nextFiring(expr: string, timezone: string, now: number, maxAheadMs = 8 * 86_400_000): number | undefined {
  const task = cron.createTask(expr, () => {}, { timezone });
  try {
    for (let t = Math.floor(now / MINUTE) * MINUTE + MINUTE; t <= now + maxAheadMs; t += MINUTE) {
      if (task.match(new Date(t))) return t;
    }
    return undefined;
  } finally {
    void task.destroy();
  }
}
