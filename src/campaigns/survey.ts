/**
 * Survey results: answers counted per run, option and area, and the same as CSV for Excel (UTF-8
 * with a byte-order mark, so Excel on Chinese Windows does not read it as GBK).
 */
import type { CampaignRecord, SurveyTallyRow } from './ports.js';

export interface SurveyTally {
  campaignId: string;
  question: string;
  options: string[];
  /** Answers per option (index 0 is option 1), over all runs and areas. */
  totals: number[];
  rows: (SurveyTallyRow & { optionText: string; areaName: string | null })[];
}

export function buildTally(c: CampaignRecord, rows: SurveyTallyRow[], areaName: (id: string) => string | undefined): SurveyTally {
  const options = c.survey?.options ?? [];
  const totals = options.map(() => 0);
  for (const r of rows) if (r.option >= 1 && r.option <= totals.length) totals[r.option - 1]! += r.count;
  return {
    campaignId: c.id,
    question: c.survey?.question ?? '',
    options,
    totals,
    rows: rows.map((r) => ({
      ...r,
      optionText: options[r.option - 1] ?? `#${r.option}`,
      areaName: r.areaId ? (areaName(r.areaId) ?? r.areaId) : null,
    })),
  };
}

/** Quotes a CSV field when needed; a leading = + - @ is defused so Excel does not run it as a formula. */
function field(v: string | number): string {
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function tallyCsv(t: SurveyTally, formatTime: (runId: number) => string): string {
  const lines = [['run', 'run_time', 'option', 'option_text', 'area', 'area_name', 'answers'].join(',')];
  for (const r of t.rows) {
    lines.push([r.runId, formatTime(r.runId), r.option, r.optionText, r.areaId ?? '', r.areaName ?? '', r.count].map(field).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
