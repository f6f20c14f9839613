/**
 * Turns a question or an entry field into content units: English bridged to Chinese, everyday
 * words rewritten to canonical ones, jieba words without question scaffolding, each unit carrying
 * its general-language weight and its shorter dictionary sub-words (for partial matches).
 */
import { bridgeEnglish, GENERAL_SYNONYMS, phraseRewriter, synonymMap } from '../text/synonyms.js';
import { normalize, searchWords, words } from '../text/segment.js';
import { generalIdf, knownIdf } from './general-idf.js';
import { STOP_WORDS } from './stopwords.js';
import { RELATED } from './related.js';
import { FAQ_SYNONYMS } from './synonyms.js';

export interface Unit {
  term: string;
  /** General-language IDF: rare words weigh more than common ones. */
  weight: number;
  /** Shorter dictionary words inside the term, used when the whole term does not match. */
  subs: string[];
  /** True when the term is not a dictionary word (a typo, a homophone, a new coinage). */
  unknown: boolean;
  /** Classes the term belongs to ("鱼刺" -> 厨余垃圾), each as its words. */
  related: string[][];
  /** The term's Han characters, without duplicates. */
  chars: string[];
  /** True for a one-character term. */
  single: boolean;
}

const synonyms = synonymMap(GENERAL_SYNONYMS, FAQ_SYNONYMS);
const rewrite = phraseRewriter(synonyms);

const subCache = new Map<string, string[]>();
const SUB_CACHE_MAX = 20_000;

function subWords(term: string): string[] {
  let subs = subCache.get(term);
  if (subs) return subs;
  subs = Array.from(term).length < 3 ? [] : searchWords(term).filter((w) => w !== term && !STOP_WORDS.has(w));
  if (subCache.size >= SUB_CACHE_MAX) subCache.clear();
  subCache.set(term, subs);
  return subs;
}

const relatedCache = new Map<string, string[][]>();

function relatedOf(term: string): string[][] {
  const classes = RELATED.get(term);
  if (!classes) return [];
  let out = relatedCache.get(term);
  if (!out) {
    out = classes.map((c) => words(c).filter((w) => !STOP_WORDS.has(w)));
    relatedCache.set(term, out);
  }
  return out;
}

/** Normalised text with English bridged and everyday words rewritten to canonical ones. */
export function canonicalText(text: string): string {
  return rewrite(bridgeEnglish(normalize(text)));
}

const canonicals = new Set(synonyms.values());
const HAN = /^\p{Script=Han}+$/u;

/** Splits a word into dictionary words, longest first from the left, falling back to characters. */
function pieces(term: string): string[] {
  const chars = Array.from(term);
  const out: string[] = [];
  for (let i = 0; i < chars.length; ) {
    let j = Math.min(chars.length, i + 4);
    for (; j > i + 1; j--) if (knownIdf(chars.slice(i, j).join('')) !== undefined) break;
    out.push(chars.slice(i, j).join(''));
    i = j;
  }
  return out;
}

/**
 * jieba's HMM glues unknown character pairs into new words, often a content character with a
 * function one ("绳会", "能查"). Such a word is taken apart when one of its pieces is scaffolding;
 * any other unknown word stays whole, since it may be a typo the fuzzy lookup can repair.
 */
function split(term: string): string[] {
  if (knownIdf(term) !== undefined || canonicals.has(term) || !HAN.test(term) || Array.from(term).length < 2) {
    return [term];
  }
  const parts = pieces(term);
  return parts.some((p) => STOP_WORDS.has(p)) ? parts : [term];
}

/** The content units of a text, in order, without duplicates. */
export function units(text: string): Unit[] {
  const out: Unit[] = [];
  const seen = new Set<string>();
  for (const raw of words(canonicalText(text))) {
    for (const part of split(synonyms.get(raw) ?? raw)) {
      const term = synonyms.get(part) ?? part;
      if (STOP_WORDS.has(term) || seen.has(term)) continue;
      seen.add(term);
      out.push({
        term,
        weight: generalIdf(term),
        subs: subWords(term),
        unknown: knownIdf(term) === undefined,
        related: relatedOf(term),
        chars: [...new Set(Array.from(term).filter((c) => HAN.test(c)))],
        single: Array.from(term).length === 1,
      });
    }
  }
  return out;
}

/** Every term a unit list can be matched by: the units and their sub-words. */
export function termsOf(list: readonly Unit[]): string[] {
  const out: string[] = [];
  for (const u of list) out.push(u.term, ...u.subs);
  return out;
}
