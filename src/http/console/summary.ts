/**
 * The per-unit summary for a period: counts come from the repository's aggregation, the rates
 * are worked out here. Satisfaction counts 基本满意 (neutral) at 0.9 of 满意 (satisfied).
 * The same figures as a spreadsheet for the county's upward reports: summaryCsv.
 */
import { addDays, localDate } from '../../calendar/index.js';
import { zonedTime } from '../../calendar/zoned-time.js';
import { csvDocument, type CsvCell } from '../../csv.js';
import type { Pack } from '../../pack/schema.js';
import { canSeeUnit, type TicketScope } from '../../staff/access.js';
import type { TicketRepo, UnitSummaryRow } from '../../store/ports.js';

/** Weight of a "basically satisfied" rating. */
export const NEUTRAL_WEIGHT = 0.9;

export interface UnitSummary extends UnitSummaryRow {
  unitName: string;
  /** acceptedOnTime / received; null when nothing was received. */
  acceptedOnTimeRate: number | null;
  resolvedOnTimeRate: number | null;
  /** resolved / received. */
  resolutionRate: number | null;
  /** (satisfied + 0.9 x neutral) / rated; null when nothing was rated. */
  satisfactionRate: number | null;
}

export interface Summary {
  /** Local dates, both included. */
  from: string;
  to: string;
  units: UnitSummary[];
  total: UnitSummary;
}

const ratio = (n: number, d: number): number | null => (d === 0 ? null : n / d);

function withRates(row: UnitSummaryRow, unitName: string): UnitSummary {
  return {
    ...row,
    unitName,
    acceptedOnTimeRate: ratio(row.acceptedOnTime, row.received),
    resolvedOnTimeRate: ratio(row.resolvedOnTime, row.received),
    resolutionRate: ratio(row.resolved, row.received),
    satisfactionRate: ratio(row.satisfied + NEUTRAL_WEIGHT * row.neutral, row.rated),
  };
}

const empty = (unitId: string): UnitSummaryRow => ({
  unitId,
  received: 0,
  acceptedOnTime: 0,
  resolved: 0,
  resolvedOnTime: 0,
  rated: 0,
  satisfied: 0,
  neutral: 0,
  unsatisfied: 0,
});

/** The default period: the first of the current month to today, in the city's time. */
export function defaultPeriod(now: number, timezone: string): { from: string; to: string } {
  const today = localDate(now, timezone);
  return { from: `${today.slice(0, 8)}01`, to: today };
}

/**
 * Every unit the staff member may see, in pack order (units without tickets show zeros), plus
 * units no longer in the pack that still hold tickets, and the total of the rows shown.
 */
export async function unitSummary(repo: Pick<TicketRepo, 'unitSummary'>, pack: Pack, scope: TicketScope, period: { from: string; to: string }): Promise<Summary> {
  const tz = pack.city.timezone;
  const rows = await repo.unitSummary({ from: zonedTime(period.from, 0, tz), to: zonedTime(addDays(period.to, 1), 0, tz) });
  const byUnit = new Map(rows.map((r) => [r.unitId, r]));
  const ids = [...pack.units.map((u) => u.id), ...rows.map((r) => r.unitId).filter((id) => !pack.units.some((u) => u.id === id))];
  const units = ids
    .filter((id) => canSeeUnit(scope, id))
    .map((id) => withRates(byUnit.get(id) ?? empty(id), pack.units.find((u) => u.id === id)?.name ?? id));
  const total = empty('*');
  for (const u of units) {
    for (const k of ['received', 'acceptedOnTime', 'resolved', 'resolvedOnTime', 'rated', 'satisfied', 'neutral', 'unsatisfied'] as const) total[k] += u[k];
  }
  return { ...period, units, total: withRates(total, '合计') };
}

/** A rate as the summary page shows it (87.5%), or an empty cell where the page shows a dash. */
const percent = (r: number | null): string => (r === null ? '' : `${(r * 100).toFixed(1)}%`);

/**
 * The page's columns, with the on-time rates (shown there in brackets after the counts) in
 * columns of their own so the sheet can be summed and sorted.
 */
const COLUMNS: [header: string, cell: (u: UnitSummary) => CsvCell][] = [
  ['单位', (u) => u.unitName],
  ['受理', (u) => u.received],
  ['按时接单', (u) => u.acceptedOnTime],
  ['按时接单率', (u) => percent(u.acceptedOnTimeRate)],
  ['按时办结', (u) => u.resolvedOnTime],
  ['按时办结率', (u) => percent(u.resolvedOnTimeRate)],
  ['办结', (u) => u.resolved],
  ['办结率', (u) => percent(u.resolutionRate)],
  ['评价数', (u) => u.rated],
  ['满意率', (u) => percent(u.satisfactionRate)],
];

/** The summary as CSV for Excel: a header row, one row per unit shown, and the 合计 row. */
export function summaryCsv(s: Summary): string {
  return csvDocument([COLUMNS.map(([h]) => h), ...[...s.units, s.total].map((u) => COLUMNS.map(([, cell]) => cell(u)))]);
}

/** The download's name: ASCII only (the dates are validated), so every browser keeps it. */
export const summaryCsvName = (s: Pick<Summary, 'from' | 'to'>): string => `summary-${s.from}-${s.to}.csv`;
