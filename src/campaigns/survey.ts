/**
 * Survey results: answers counted per run, option and area, and the same as CSV for Excel (see
 * csv.ts for the encoding and the formula guard).
 */
import { csvDocument } from '../csv.js';
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

export function tallyCsv(t: SurveyTally, formatTime: (runId: number) => string): string {
  return csvDocument([
    ['run', 'run_time', 'option', 'option_text', 'area', 'area_name', 'answers'],
    ...t.rows.map((r) => [r.runId, formatTime(r.runId), r.option, r.optionText, r.areaId ?? '', r.areaName ?? '', r.count]),
  ]);
}
