/**
 * The mainland's published holiday schedule, from the `chinese-days` package's JSON table
 * (`dist/chinese-days.json`, a documented artifact of the package).
 *
 * Why the table and not the package's `isWorkday()`: the package builds its in-memory tables by
 * parsing `YYYY-M-D` as UTC midnight and formatting with local getters, so in a process time
 * zone west of UTC every holiday lands one day early (2026-09-30 reads as National Day). The
 * JSON is built once by the package's authors and does not depend on where we run. The package
 * also answers a year it has no data for as plain Monday-Friday; coverage is asked separately.
 */
import table from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { weekday } from './zoned-time.js';

/** Date -> "English name,中文名,days" for days off and make-up working days. */
interface CnTable {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const { holidays, workdays } = table as CnTable;

/** Years that have at least one published day off; every published year has several. */
const coveredYears = new Set(Object.keys(holidays).map((date) => Number(date.slice(0, 4))));

/**
 * Whether the published schedule makes `date` (`YYYY-MM-DD`) a working day: a make-up day is one,
 * a statutory day off is not, other days are Monday to Friday.
 */
export function cnIsWorkday(date: string): boolean {
  if (workdays[date] !== undefined) return true;
  if (holidays[date] !== undefined) return false;
  const wd = weekday(date);
  return wd >= 1 && wd <= 5;
}

/** Whether the package carries `year`'s schedule. */
export function cnCoversYear(year: number): boolean {
  return coveredYears.has(year);
}

/** The first and last years the package covers (for messages). */
export function cnCoveredRange(): { first: number; last: number } {
  const years = [...coveredYears];
  return { first: Math.min(...years), last: Math.max(...years) };
}
