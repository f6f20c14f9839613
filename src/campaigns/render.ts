/**
 * What a campaign looks like on a resident's phone: its text (under its image when it has one)
 * and, for a survey, the question with one button per option. Buttons carry `sv:<runId>:<n>`;
 * WeChat, which has no buttons, shows them as numbered choices and maps a "2" back.
 */
import type { Button, OutboundMessage } from '../channels/types.js';
import { messages } from '../i18n/index.js';
import type { CampaignRecord } from './ports.js';

/** Button data of a survey answer: `sv:<runId>:<option 1..6>`. */
export function surveyData(runId: number, option: number): string {
  return `sv:${runId}:${option}`;
}

/** Reads `sv:<runId>:<option>`; undefined for anything else. */
export function parseSurveyData(data: string): { runId: number; option: number } | undefined {
  const m = /^sv:(\d{1,15}):([1-9])$/.exec(data);
  return m ? { runId: Number(m[1]), option: Number(m[2]) } : undefined;
}

export interface RenderOptions {
  /** The run the survey answers belong to (0 in a preview or a test send). */
  runId: number;
  language: string;
  /** Text put before the message (a test send's marker). */
  prefix?: string;
}

export function renderCampaign(c: Pick<CampaignRecord, 'text' | 'image' | 'survey'>, o: RenderOptions): OutboundMessage {
  const t = messages(o.language).survey;
  let text = `${o.prefix ?? ''}${c.text}`;
  let buttons: Button[][] | undefined;
  if (c.survey) {
    text += `\n\n${c.survey.question}\n${t.prompt}`;
    buttons = c.survey.options.map((label, i) => [{ label, data: surveyData(o.runId, i + 1) }]);
  }
  if (c.image) return { kind: 'photo', photo: c.image, caption: text, ...(buttons ? { buttons } : {}) };
  return { kind: 'text', text, ...(buttons ? { buttons } : {}) };
}
