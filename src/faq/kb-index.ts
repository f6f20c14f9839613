/**
 * The inverted index over a knowledge base: term -> entries holding it, with the weight of the
 * best field it appears in (question, variants and tags count fully, the answer text lightly).
 */
import type { FaqEntry } from '../pack/schema.js';
import { abbreviationsOf, canonicalText, hanPairs, termsOf, units, type Unit } from './analyze.js';
import { FuzzyIndex } from './fuzzy.js';
import { normalize } from '../text/segment.js';
import { asksOf, polaritiesOf } from './intent.js';
import { soundWords } from './respell.js';

/** One way an entry is asked (its question or a variant). */
export interface Surface {
  units: Unit[];
  total: number;
}

export interface IndexedEntry {
  id: string;
  surfaces: Surface[];
  /** Every term (and CHAR_KEY character) of the entry with its field weight: 1 for the question,
   * variants and tags, less when found only in the answer. */
  terms: Map<string, number>;
  /** All the entry's text, normalised, for checks on what kind of fact it gives. */
  text: string;
  /** The entry's answer alone, normalised. */
  answer: string;
  /** What the entry's question and variants ask ({@link asksOf} bits, united). */
  asks: number;
  /** Which ways its question and variants go ({@link polaritiesOf} bits, united). */
  polarity: number;
}

/** Postings of single characters live under this prefix, apart from one-character words. */
export const CHAR_KEY = '\u0001';
/** Postings of adjacent character pairs of an entry's question, variants and tags live under this prefix. */
export const PAIR_KEY = '\u0003';
/** Postings of the two-character abbreviations an entry's words could be shortened to ("体检" for 身体检查). */
export const ABBR_KEY = '\u0004';
/** Postings of the sound keys (toneless pinyin) of an entry's words live under this prefix. */
export const SOUND_KEY = '\u0006';
/** Postings of the loose sound keys (text/pinyin.ts looseSoundKey) of an entry's words live under this prefix. */
export const LOOSE_SOUND_KEY = '\u0007';
/** Postings of near-synonym groups ("碰" with "接触") live under this prefix. */
export const NEAR_KEY = '\u0005';
/** Postings of item classes ("可回收物" for 玻璃瓶) live under this prefix. */
export const CLASS_KEY = '\u0002';

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
  /** The entries' question-field words by sound, for correcting homophone typos (respell.ts). */
  soundWords: Map<string, string>;
  /** Learned word associations (associations.ts) the query's words may meet entries through. */
  associations: Associations;
}

/** Word -> the words it is associated with, both ways (associations.ts). */
export type Associations = ReadonlyMap<string, readonly string[]>;

export const NO_ASSOCIATIONS: Associations = new Map();

function surface(list: Unit[]): Surface {
  return { units: list, total: list.reduce((s, u) => s + u.weight, 0) };
}

export function buildIndex(entries: readonly FaqEntry[], answerWeight: number, associations: Associations = NO_ASSOCIATIONS): KbIndex {
  const docs: IndexedEntry[] = [];
  const postings = new Map<string, Posting[]>();
  const fuzzy = new FuzzyIndex();
  const asked = new Set<string>();
  entries.forEach((entry, doc) => {
    const best = new Map<string, number>();
    const note = (list: Unit[], fw: number): void => {
      for (const t of termsOf(list)) best.set(t, Math.max(best.get(t) ?? 0, fw));
      for (const u of list) for (const c of u.classes) best.set(CLASS_KEY + c, Math.max(best.get(CLASS_KEY + c) ?? 0, fw));
      for (const a of abbreviationsOf(list)) best.set(ABBR_KEY + a, Math.max(best.get(ABBR_KEY + a) ?? 0, fw));
      for (const u of list) for (const g of u.near) best.set(NEAR_KEY + g, Math.max(best.get(NEAR_KEY + g) ?? 0, fw));
      for (const u of list) if (u.sound) best.set(SOUND_KEY + u.sound, Math.max(best.get(SOUND_KEY + u.sound) ?? 0, fw));
      for (const u of list) if (u.looseSound) best.set(LOOSE_SOUND_KEY + u.looseSound, Math.max(best.get(LOOSE_SOUND_KEY + u.looseSound) ?? 0, fw));
    };
    const surfaces: Surface[] = [];
    let asks = 0;
    let polarity = 0;
    for (const text of [entry.question, ...entry.variants]) {
      asks |= asksOf(normalize(text));
      polarity |= polaritiesOf(normalize(text));
      const list = units(text);
      note(list, 1);
      for (const u of list) asked.add(u.term);
      if (list.length > 0) surfaces.push(surface(list));
    }
    for (const tag of entry.tags) note(units(tag), 1);
    for (const text of [entry.question, ...entry.variants, ...entry.tags]) {
      for (const p of hanPairs(canonicalText(text))) best.set(PAIR_KEY + p, 1);
    }
    if (answerWeight > 0) note(units(entry.answer), answerWeight);
    for (const [term, fw] of [...best]) {
      if (!/^[\p{L}\p{N}]/u.test(term)) continue;
      for (const c of hanChars(term)) {
        const key = CHAR_KEY + c;
        best.set(key, Math.max(best.get(key) ?? 0, fw));
      }
    }
    docs.push({ id: entry.id, surfaces, terms: best, text: normalize([entry.question, ...entry.variants, entry.answer].join(' ')), answer: normalize(entry.answer), asks, polarity });
    for (const [term, fw] of best) {
      let list = postings.get(term);
      if (!list) postings.set(term, (list = []));
      list.push({ doc, fw });
      if (/^[\p{L}\p{N}]/u.test(term)) fuzzy.add(term);
    }
  });
  return { docs, postings, fuzzy, soundWords: soundWords(asked), associations };
}
