/**
 * Which years the `chinese-days` package has a holiday schedule for. Outside them the calendar
 * silently treats every Monday-Friday as a working day, so `pack check` and start-up warn.
 */
import chineseDays from 'chinese-days';

const covered = new Map<number, boolean>();

/** True when chinese-days lists statutory holidays for `year` (every published year has some). */
export function isYearCovered(year: number): boolean {
  let hit = covered.get(year);
  if (hit === undefined) {
    hit = chineseDays.getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0;
    covered.set(year, hit);
  }
  return hit;
}

/** The calendar year of `now` in `timeZone` (UTC when the zone is not valid). */
export function yearIn(now: Date, timeZone: string): number {
  let zone = 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    zone = timeZone;
  } catch {
    // An invalid zone is reported by the timezone check.
  }
  return Number(new Intl.DateTimeFormat('en', { timeZone: zone, year: 'numeric' }).format(now));
}
