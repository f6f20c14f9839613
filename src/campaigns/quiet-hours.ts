/**
 * Quiet hours: a nightly window, in the city's wall-clock time, in which campaign messages are not
 * sent. A run that reaches them stops feeding the outbox and carries on at the window's end.
 */
import { addDays, localDate, localParts, parseHhmm, zonedTime } from '../calendar/zoned-time.js';
import { AppError } from '../errors.js';

export interface QuietHours {
  /** Minutes after local midnight the window opens (21:30 -> 1290). */
  start: number;
  /** Minutes after local midnight it closes; less than `start` when it spans midnight. */
  end: number;
}

/** The default window: 21:30 to 08:00. */
export const DEFAULT_QUIET_HOURS = '21:30-08:00';

/** Parses `HH:MM-HH:MM`; `off` (or an empty string) means no quiet hours. */
export function parseQuietHours(spec: string): QuietHours | undefined {
  const s = spec.trim();
  if (s === '' || s.toLowerCase() === 'off') return undefined;
  const m = /^(\d{2}:\d{2})\s*-\s*(\d{2}:\d{2})$/.exec(s);
  const start = m ? parseHhmm(m[1]!) : undefined;
  const end = m ? parseHhmm(m[2]!) : undefined;
  if (start === undefined || end === undefined || start === end) {
    throw new AppError('CONFIG_INVALID', `quiet hours: "${spec}" must look like 21:30-08:00 (start and end differ) or off`);
  }
  return { start, end };
}

/** When `now` falls in the quiet window, the instant it ends; otherwise undefined. */
export function quietUntil(now: number, timezone: string, q: QuietHours | undefined): number | undefined {
  if (!q) return undefined;
  const p = localParts(now, timezone);
  const minute = p.hour * 60 + p.minute;
  const today = localDate(now, timezone);
  if (q.start < q.end) {
    return minute >= q.start && minute < q.end ? zonedTime(today, q.end, timezone) : undefined;
  }
  // The window spans midnight: the evening part ends tomorrow, the morning part today.
  if (minute >= q.start) return zonedTime(addDays(today, 1), q.end, timezone);
  if (minute < q.end) return zonedTime(today, q.end, timezone);
  return undefined;
}
