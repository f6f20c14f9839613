/**
 * A city's working-day calendar and the ticket deadlines it yields.
 *
 * Which days are working days, in order of precedence:
 * 1. the pack's `city.holidays` (days off) and `city.workdays` (extra working days);
 * 2. `calendar: cn` and a year the `chinese-days` schedule covers: that schedule (statutory
 *    holidays off, make-up Saturdays/Sundays on);
 * 3. otherwise Monday to Friday. For `calendar: cn` such a year is reported by `covered()` /
 *    `uncoveredYears()` so the product can warn that it is guessing.
 */
import { AppError } from '../errors.js';
import type { Category, City } from '../pack/schema.js';
import { cnCoversYear, cnIsWorkday } from './cn-holidays.js';
import { addDays, assertTimezone, localDate, parseHhmm, parseIsoDate, weekday, zonedTime } from './zoned-time.js';

/** A category's service level, as the pack states it. */
export type Sla = Category['sla'];

/** Used when a category states no SLA: accept the same working day, resolve within one working day. */
export const DEFAULT_SLA: Sla = { ack: 'same_day', resolve_workdays: 1 };

export interface Deadlines {
  /** Epoch ms by which the unit must accept the ticket. */
  ackDueAt: number;
  /** Epoch ms by which the unit must resolve (or answer) the ticket. */
  resolveDueAt: number;
}

/** The part of `City` the calendar reads. */
export type CalendarCity = Pick<City, 'timezone' | 'calendar' | 'holidays' | 'workdays' | 'workhours'>;

export interface WorkCalendar {
  readonly timezone: string;
  readonly kind: City['calendar'];
  /** Whether `date` (`YYYY-MM-DD`) is a working day. Throws AppError INVALID_INPUT for a malformed date. */
  isWorkday(date: string): boolean;
  /** False when the calendar only guesses `year` (`cn` for a year `chinese-days` lacks). `weekdays` is always covered. */
  covered(year: number): boolean;
  /** The years among `years` that are not covered, sorted and without repeats; for the start-up warning. */
  uncoveredYears(years: readonly number[]): number[];
  /** The city's local date of an instant, `YYYY-MM-DD`. */
  localDate(ms: number): string;
  /** The first working day strictly after `date`. */
  nextWorkday(date: string): string;
  /** The `n`th working day after `date` (`date` itself never counts; n = 0 returns `date`). */
  addWorkdays(date: string, n: number): string;
  /** Epoch ms of working hours' start on `date`, city time. */
  startOfWorkday(date: string): number;
  /** Epoch ms of working hours' end on `date`, city time. */
  endOfWorkday(date: string): number;
  /** Whether the instant falls within working hours of a working day. */
  isWorkingTime(ms: number): boolean;
  /**
   * The "effective report day": the local date of `reportedAt` if that is a working day and the
   * report came before working hours ended (a report before they start counts too); otherwise
   * the next working day. A report at exactly the end time is after hours.
   */
  effectiveDay(reportedAt: number): string;
  /**
   * Deadlines of a ticket reported at `reportedAt` (epoch ms).
   * - ackDueAt: end of working hours on the effective report day (see `effectiveDay`);
   * - resolveDueAt: end of working hours on the `resolve_workdays`-th working day after the
   *   effective report day (that day itself not counted).
   * So a report on Monday 10:00 with N = 1 is due for acceptance Monday 17:30 and resolution
   * Tuesday 17:30; one on Friday 18:00 is due Monday 17:30 and Tuesday 17:30.
   * @param sla default `DEFAULT_SLA` (same day, one working day)
   */
  deadlines(reportedAt: number, sla?: Sla): Deadlines;
}

function packError(path: string, reason: string, details: Record<string, unknown>): AppError {
  return new AppError('PACK_INVALID', `${path}: ${reason}`, { path, ...details });
}

function dateSet(dates: readonly string[], key: 'holidays' | 'workdays'): Set<string> {
  const set = new Set<string>();
  dates.forEach((date, i) => {
    if (!parseIsoDate(date)) throw packError(`city.${key}[${i}]`, `"${date}" is not a calendar date (expected YYYY-MM-DD)`, { date });
    set.add(date);
  });
  return set;
}

function checkedDate(date: string): string {
  if (typeof date !== 'string' || !parseIsoDate(date)) {
    throw new AppError('INVALID_INPUT', `not a date: "${String(date)}" (expected YYYY-MM-DD)`, { date: String(date) });
  }
  return date;
}

function checkedInstant(ms: number, what: string): number {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) {
    throw new AppError('INVALID_INPUT', `${what}: not a time (expected epoch milliseconds)`, { value: String(ms) });
  }
  return ms;
}

/**
 * Builds the calendar of a city. Throws AppError PACK_INVALID, naming the key, for an unknown
 * time zone, a date that does not exist, a date listed as both holiday and workday, or working
 * hours that end before they start.
 */
export function createWorkCalendar(city: CalendarCity): WorkCalendar {
  const { timezone, calendar: kind } = city;
  try {
    assertTimezone(timezone);
  } catch {
    throw packError('city.timezone', `unknown time zone "${timezone}" (expected an IANA name such as Asia/Shanghai)`, { timezone });
  }
  const holidays = dateSet(city.holidays, 'holidays');
  const workdays = dateSet(city.workdays, 'workdays');
  for (const date of workdays) {
    if (holidays.has(date)) throw packError('city.workdays', `${date} is also listed in city.holidays`, { date });
  }
  const start = parseHhmm(city.workhours.start);
  const end = parseHhmm(city.workhours.end);
  if (start === undefined || end === undefined || start >= end) {
    throw packError(
      'city.workhours',
      `start "${city.workhours.start}" must be a time like "08:30" before end "${city.workhours.end}"`,
      { ...city.workhours },
    );
  }

  const covered = (year: number): boolean => kind === 'weekdays' || cnCoversYear(year);

  const isWorkdayUnchecked = (date: string): boolean => {
    if (holidays.has(date)) return false;
    if (workdays.has(date)) return true;
    if (kind === 'cn' && cnCoversYear(Number(date.slice(0, 4)))) return cnIsWorkday(date);
    const wd = weekday(date);
    return wd >= 1 && wd <= 5;
  };

  const nextWorkday = (date: string): string => {
    // Terminates: only the finitely many pack holidays and published holidays can be days off on a weekday.
    let d = addDays(date, 1);
    while (!isWorkdayUnchecked(d)) d = addDays(d, 1);
    return d;
  };

  const addWorkdays = (date: string, n: number): string => {
    if (!Number.isInteger(n) || n < 0) {
      throw new AppError('INVALID_INPUT', `working days to add must be a whole number >= 0, got ${n}`, { n });
    }
    let d = checkedDate(date);
    for (let i = 0; i < n; i++) d = nextWorkday(d);
    return d;
  };

  const endOfWorkday = (date: string): number => zonedTime(checkedDate(date), end, timezone);
  const startOfWorkday = (date: string): number => zonedTime(checkedDate(date), start, timezone);

  const effectiveDay = (reportedAt: number): string => {
    const today = localDate(checkedInstant(reportedAt, 'reportedAt'), timezone);
    if (isWorkdayUnchecked(today) && reportedAt < endOfWorkday(today)) return today;
    return nextWorkday(today);
  };

  return {
    timezone,
    kind,
    isWorkday: (date) => isWorkdayUnchecked(checkedDate(date)),
    covered,
    uncoveredYears: (years) => [...new Set(years)].filter((y) => !covered(y)).sort((a, b) => a - b),
    localDate: (ms) => localDate(checkedInstant(ms, 'time'), timezone),
    nextWorkday: (date) => nextWorkday(checkedDate(date)),
    addWorkdays,
    startOfWorkday,
    endOfWorkday,
    isWorkingTime: (ms) => {
      const today = localDate(checkedInstant(ms, 'time'), timezone);
      return isWorkdayUnchecked(today) && ms >= startOfWorkday(today) && ms < endOfWorkday(today);
    },
    effectiveDay,
    deadlines: (reportedAt, sla = DEFAULT_SLA) => {
      const n = sla.resolve_workdays;
      if (!Number.isInteger(n) || n < 1) {
        throw new AppError('INVALID_INPUT', `sla.resolve_workdays must be a whole number >= 1, got ${n}`, { resolve_workdays: n });
      }
      const day = effectiveDay(reportedAt);
      return { ackDueAt: endOfWorkday(day), resolveDueAt: endOfWorkday(addWorkdays(day, n)) };
    },
  };
}
