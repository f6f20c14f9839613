/**
 * The inverted index over a knowledge base: term -> entries holding it, with the weight of the
 * best field it appears in (question, variants and tags count fully, the answer text lightly).
 */
import type { FaqEntry } from '../pack/schema.js';
import { termsOf, units, type Unit } from './analyze.js';
import { FuzzyIndex } from './fuzzy.js';

/** One way an entry is asked (its question or a variant). */
export interface Surface {
  units: Unit[];
  total: number;
}

export interface IndexedEntry {
  id: string;
  surfaces: Surface[];
}

/** Postings of single characters live under this prefix, apart from one-character words. */
export const CHAR_KEY = '\u0001';

/** The Han characters of a term, without duplicates. */
export function hanChars(term: string): string[] {
  return [...new Set(Array.from(term).filter((c) => /\p{Script=Han}/u.test(c)))];
}

export interface Posting {
  doc: number;
  fw: number;
}

export interface KbIndex {
  docs: IndexedEntry[];
  postings: Map<string, Posting[]>;
  fuzzy: FuzzyIndex;
}

function surface(list: Unit[]): Surface {
  return { units: list, total: list.reduce((s, u) => s + u.weight, 0) };
}

export function buildIndex(entries: readonly FaqEntry[], answerWeight: number): KbIndex {
  const docs: IndexedEntry[] = [];
  const postings = new Map<string, Posting[]>();
  const fuzzy = new FuzzyIndex();
  entries.forEach((entry, doc) => {
    const best = new Map<string, number>();
    const note = (list: Unit[], fw: number): void => {
      for (const t of termsOf(list)) best.set(t, Math.max(best.get(t) ?? 0, fw));
    };
    const surfaces: Surface[] = [];
    for (const text of [entry.question, ...entry.variants]) {
      const list = units(text);
      note(list, 1);
      if (list.length > 0) surfaces.push(surface(list));
    }
    for (const tag of entry.tags) note(units(tag), 1);
    if (answerWeight > 0) note(units(entry.answer), answerWeight);
    for (const [term, fw] of [...best]) {
      for (const c of hanChars(term)) {
        const key = CHAR_KEY + c;
        best.set(key, Math.max(best.get(key) ?? 0, fw));
      }
    }
    docs.push({ id: entry.id, surfaces });
    for (const [term, fw] of best) {
      let list = postings.get(term);
      if (!list) postings.set(term, (list = []));
      list.push({ doc, fw });
      if (!term.startsWith(CHAR_KEY)) fuzzy.add(term);
    }
  });
  return { docs, postings, fuzzy };
}
