/**
 * Wall-clock dates and times in an IANA time zone, with nothing but `Intl.DateTimeFormat`.
 * Dates are plain `YYYY-MM-DD` strings: a working day is a calendar date, not an instant, so date
 * arithmetic here runs on UTC midnights where no offset or DST can shift a day.
 */
import { AppError } from '../errors.js';

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Local calendar fields of an instant in a zone. */
export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timezone: string): Intl.DateTimeFormat {
  let f = formatters.get(timezone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: timezone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      });
    } catch {
      throw new AppError('INVALID_INPUT', `unknown time zone "${timezone}" (expected an IANA name such as Asia/Shanghai)`, {
        timezone,
      });
    }
    formatters.set(timezone, f);
  }
  return f;
}

/** Throws AppError INVALID_INPUT unless `timezone` is an IANA zone this runtime knows. */
export function assertTimezone(timezone: string): void {
  formatterFor(timezone);
}

/** The wall-clock fields of `ms` (epoch milliseconds) in `timezone`. */
export function localParts(ms: number, timezone: string): LocalParts {
  const out: Record<string, number> = {};
  for (const p of formatterFor(timezone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return {
    year: out['year'] ?? NaN,
    month: out['month'] ?? NaN,
    day: out['day'] ?? NaN,
    hour: out['hour'] ?? NaN,
    minute: out['minute'] ?? NaN,
    second: out['second'] ?? NaN,
  };
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** The local date of `ms` in `timezone`, as `YYYY-MM-DD`. */
export function localDate(ms: number, timezone: string): string {
  const p = localParts(ms, timezone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** The local date of `ms` in `timezone`, as `YYYYMMDD` (the day part of ticket numbers). */
export function localDay(ms: number, timezone: string): string {
  return localDate(ms, timezone).replaceAll('-', '');
}

/** Parses a real calendar date `YYYY-MM-DD` (2027-02-30 is refused); undefined when it is not one. */
export function parseIsoDate(date: string): { year: number; month: number; day: number } | undefined {
  const m = ISO_DATE.exec(date);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const t = new Date(Date.UTC(year, month - 1, day));
  if (t.getUTCFullYear() !== year || t.getUTCMonth() !== month - 1 || t.getUTCDate() !== day) return undefined;
  return { year, month, day };
}

function utcMidnight(date: string): number {
  const d = parseIsoDate(date);
  if (!d) throw new AppError('INVALID_INPUT', `not a date: "${date}" (expected YYYY-MM-DD)`, { date });
  return Date.UTC(d.year, d.month - 1, d.day);
}

function isoFromUtc(ms: number): string {
  const t = new Date(ms);
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** `date` plus `days` calendar days (negative goes back). */
export function addDays(date: string, days: number): string {
  return isoFromUtc(utcMidnight(date) + days * DAY_MS);
}

/** Day of the week of a date: 0 Sunday ... 6 Saturday. */
export function weekday(date: string): number {
  return new Date(utcMidnight(date)).getUTCDay();
}

/** Parses `HH:MM` (24-hour) into minutes after midnight; undefined when malformed. */
export function parseHhmm(hhmm: string): number | undefined {
  const m = HHMM.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

/** Offset of `timezone` from UTC at instant `ms`, in milliseconds (east positive). */
function offsetAt(ms: number, timezone: string): number {
  const p = localParts(ms, timezone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant at which the wall clock in `timezone` reads `minutes` after midnight on `date`.
 * In a DST gap (a wall time that never happens) the instant one gap later is returned, the way
 * clocks read just after springing forward; in an overlap the earlier instant wins.
 */
export function zonedTime(date: string, minutes: number, timezone: string): number {
  const wall = utcMidnight(date) + minutes * 60_000;
  // Two rounds settle the offset: the first guess may sit across a DST change from the answer.
  const first = wall - offsetAt(wall, timezone);
  const second = wall - offsetAt(first, timezone);
  if (first === second) {
    // Overlap: the same wall time may also occur an hour earlier under the earlier offset.
    const earlier = wall - offsetAt(first - 3_600_000, timezone);
    return earlier < first && localMinutesMatch(earlier, date, minutes, timezone) ? earlier : first;
  }
  return localMinutesMatch(second, date, minutes, timezone) ? second : Math.max(first, second);
}

function localMinutesMatch(ms: number, date: string, minutes: number, timezone: string): boolean {
  const p = localParts(ms, timezone);
  return localDate(ms, timezone) === date && p.hour * 60 + p.minute === minutes;
}
