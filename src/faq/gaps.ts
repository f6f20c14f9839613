/**
 * What staff should add to the knowledge base: unanswered and unhelpful questions grouped by their
 * normalised text, so that the same question asked twenty times shows once with its count.
 */
import type { FaqFeedback } from '../store/ports.js';
import { normalize } from '../text/segment.js';

export interface FaqGap {
  /** The grouping key: lower case, NFKC, without punctuation or spaces. */
  key: string;
  /** The newest wording residents used. */
  question: string;
  count: number;
  unanswered: number;
  unhelpful: number;
  /** Entries residents found unhelpful for this question (without duplicates). */
  faqIds: string[];
  lastAt: number;
}

/** The grouping key of a question: punctuation, spaces and case do not make a new question. */
export function gapKey(question: string): string {
  return normalize(question).replace(/[\p{P}\p{S}\s]+/gu, '');
}

/** Groups feedback rows (newest first) into gaps, newest group first. */
export function groupGaps(rows: readonly FaqFeedback[]): FaqGap[] {
  const groups = new Map<string, FaqGap>();
  for (const r of rows) {
    if (r.kind === 'helpful') continue;
    const key = gapKey(r.question);
    let g = groups.get(key);
    if (!g) {
      g = { key, question: r.question, count: 0, unanswered: 0, unhelpful: 0, faqIds: [], lastAt: r.createdAt };
      groups.set(key, g);
    }
    g.count++;
    if (r.kind === 'unanswered') g.unanswered++;
    else g.unhelpful++;
    if (r.faqId && !g.faqIds.includes(r.faqId)) g.faqIds.push(r.faqId);
    if (r.createdAt > g.lastAt) {
      g.lastAt = r.createdAt;
      g.question = r.question;
    }
  }
  return [...groups.values()].sort((a, b) => b.lastAt - a.lastAt);
}
