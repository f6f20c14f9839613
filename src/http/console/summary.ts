/**
 * The per-unit summary for a period: counts come from the repository's aggregation, the rates
 * are worked out here. Satisfaction counts 基本满意 (neutral) at 0.9 of 满意 (satisfied).
 */
import { addDays, localDate } from '../../calendar/index.js';
import { zonedTime } from '../../calendar/zoned-time.js';
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
