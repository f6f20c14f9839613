/**
 * Turns an OutboundMessage into what WeChat can show: plain text, with buttons as a numbered
 * list and a location request as a hint line.
 */
import type { Button, OutboundMessage } from '../../src/channels/types.js';
import { textsFor } from './texts.js';

/** WeChat shows long texts, but very long ones get cut by some clients; stay well below. */
const MAX_TEXT_CHARS = 4000;

export function renderChoices(text: string, buttons: Button[][] | undefined): string {
  const flat = (buttons ?? []).flat();
  if (flat.length === 0) return text;
  const t = textsFor(text);
  const lines = flat.map((b, i) => `${i + 1}. ${b.label}`);
  return [text, '', t.chooseByNumber, ...lines].join('\n').replace(/^\n+/, '');
}

/** The text part of a message: its text (or caption), numbered buttons and location hint. */
export function renderText(message: OutboundMessage): string {
  const base = message.kind === 'text' ? message.text : (message.caption ?? '');
  let out = renderChoices(base, message.buttons);
  if (message.kind === 'text' && message.requestLocation) {
    const hint = textsFor(base).shareLocation;
    out = out ? `${out}\n\n${hint}` : hint;
  }
  // Markdown is only for WeCom robots; WeChat shows the characters as they are, which is readable.
  if (out.length <= MAX_TEXT_CHARS) return out;
  // By code point, so a surrogate pair (emoji) is never split.
  return `${Array.from(out).slice(0, MAX_TEXT_CHARS - 1).join('')}…`;
}
