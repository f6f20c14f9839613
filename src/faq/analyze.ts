/**
 * Turns a question or an entry field into content units: English bridged to Chinese, everyday
 * words rewritten to canonical ones, jieba words without question scaffolding, each unit carrying
 * its general-language weight and its shorter dictionary sub-words (for partial matches).
 */
import { abbreviationGroups, bridgeEnglish, ENGLISH_BRIDGE, GENERAL_SYNONYMS, phraseRewriter, synonymMap } from '../text/synonyms.js';
import { EXTRA_ENGLISH_BRIDGE } from '../text/english-bridge-extra.js';
import { MORE_ENGLISH_BRIDGE } from '../text/english-bridge-more.js';
import { DAILY_ENGLISH_BRIDGE } from '../text/english-bridge-daily.js';
import { SCAFFOLDING_ENGLISH_BRIDGE } from '../text/english-bridge-scaffolding.js';
import { CORE_ENGLISH_BRIDGE } from '../text/english-bridge-core.js';
import { normalize, searchWords, words } from '../text/segment.js';
import { ABBREVIATIONS } from '../text/abbreviations.js';
import { NEAR_SYNONYMS } from '../text/lexicon.js';
import { looseSoundKey, soundKey } from '../text/pinyin.js';
import { generalIdf, knownIdf } from './general-idf.js';
import { LIGHT_WORDS, STOP_WORDS } from './stopwords.js';
import { RELATED } from './related.js';
import { FAQ_SYNONYMS } from './synonyms.js';
import { COLLOQUIAL_PHRASES } from './colloquial.js';

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
  /** Names of those classes, so that two items of one class ("啤酒瓶", "易拉罐") meet. */
  classes: readonly string[];
  /** The term's Han characters, without duplicates. */
  chars: string[];
  /** True for a one-character term. */
  single: boolean;
  /** The term's adjacent Han character pairs, for a character-level match when the word is cut differently. */
  pairs: string[];
  /** Near-synonym groups the term belongs to ("碰" and "接触"), by key. */
  near: readonly string[];
  /** Toneless pinyin of the term, for homophones and typed pinyin ({@link soundKey}). */
  sound: string | undefined;
  /** The sound with the sounds residents confuse merged ({@link looseSoundKey}), for words no dictionary knows. */
  looseSound: string | undefined;
}

/** Adjacent Han character pairs of a text, across word boundaries, without duplicates. */
export function hanPairs(text: string): string[] {
  const out = new Set<string>();
  const chars = Array.from(text);
  for (let i = 0; i + 1 < chars.length; i++) {
    const a = chars[i] ?? '';
    const b = chars[i + 1] ?? '';
    if (HAN.test(a) && HAN.test(b)) out.add(a + b);
  }
  return [...out];
}

// A full form a resident spells out ("健康证明", "甲型肝炎") is read as its common abbreviation, so
// that both spellings meet whichever one an entry uses.
const synonyms = synonymMap(
  GENERAL_SYNONYMS,
  FAQ_SYNONYMS,
  COLLOQUIAL_PHRASES,
  abbreviationGroups(ABBREVIATIONS, synonymMap(GENERAL_SYNONYMS, FAQ_SYNONYMS, COLLOQUIAL_PHRASES)),
);
const rewrite = phraseRewriter(synonyms);

/**
 * Sound key -> canonical word, for every everyday variant and canonical word of the synonym
 * tables: a homophone of a variant ("退定" for 退订) reaches the canonical word the entries hold.
 * Keys two words share are dropped: a sound that could be either says nothing.
 */
let homophones: Map<string, readonly string[]> | undefined;
let looseHomophones: Map<string, readonly string[]> | undefined;

function homophoneMap(keyOf: (word: string) => string | undefined): Map<string, readonly string[]> {
  const map = new Map<string, string>();
  const clash = new Set<string>();
  const note = (word: string, canonical: string): void => {
    const k = keyOf(word);
    if (!k || clash.has(k)) return;
    const cur = map.get(k);
    if (cur === undefined) map.set(k, canonical);
    else if (cur !== canonical) (map.delete(k), clash.add(k));
  };
  for (const [variant, canonical] of synonyms) note(variant, canonical);
  for (const canonical of new Set(synonyms.values())) note(canonical, canonical);
  return new Map([...map].map(([k, c]) => [k, words(c).filter((w) => !STOP_WORDS.has(w))]));
}

/** The words of the canonical word whose variant sounds like `key` ("退定" -> 取消, 订阅), if any. */
export function homophoneOf(key: string): readonly string[] | undefined {
  homophones ??= homophoneMap(soundKey);
  return homophones.get(key);
}

/** {@link homophoneOf} by loose sound ({@link looseSoundKey}): "投述" -> 投诉 -> 反映. */
export function looseHomophoneOf(key: string): readonly string[] | undefined {
  looseHomophones ??= homophoneMap(looseSoundKey);
  return looseHomophones.get(key);
}

/** word -> keys of the near-synonym groups it belongs to, with words in their canonical form. */
const NEAR: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  NEAR_SYNONYMS.forEach((group, i) => {
    for (const w of group) {
      const n = normalize(w);
      const term = synonyms.get(n) ?? n;
      const l = map.get(term);
      if (!l) map.set(term, [`g${i}`]);
      else if (!l.includes(`g${i}`)) l.push(`g${i}`);
    }
  });
  return map;
})();

/** The near-synonym groups of a term, or of its longest sub-word that has some. */
function nearGroups(term: string): readonly string[] {
  const own = NEAR.get(term);
  if (own) return own;
  let best: string | undefined;
  for (const s of subWords(term)) if (NEAR.has(s) && (!best || s.length > best.length)) best = s;
  return best === undefined ? [] : (NEAR.get(best) ?? []);
}

const subCache = new Map<string, string[]>();
const SUB_CACHE_MAX = 20_000;

function subWords(term: string): string[] {
  let subs = subCache.get(term);
  if (subs) return subs;
  // Sub-words go through the synonym table too: "臭气熏天" holds "臭气", an everyday "臭味".
  const found = Array.from(term).length < 3 ? [] : searchWords(term).map((w) => synonyms.get(w) ?? w);
  subs = [...new Set(found)].filter((w) => w !== term && !STOP_WORDS.has(w));
  if (subCache.size >= SUB_CACHE_MAX) subCache.clear();
  subCache.set(term, subs);
  return subs;
}

const relatedCache = new Map<string, string[][]>();

/**
 * The classes of a term, or else of its longest dictionary sub-word that has one, so that a
 * compound the lists do not name ("啤酒瓶", "破衣柜") still finds its class through "酒瓶", "衣柜".
 */
function classesOf(term: string): readonly string[] | undefined {
  const own = RELATED.get(term);
  if (own) return own;
  let best: string | undefined;
  for (const s of subWords(term)) if (RELATED.has(s) && (!best || s.length > best.length)) best = s;
  return best === undefined ? undefined : RELATED.get(best);
}

function relatedOf(term: string): string[][] {
  const classes = classesOf(term);
  if (!classes) return [];
  let out = relatedCache.get(term);
  if (!out) {
    out = classes.map((c) => words(c).filter((w) => !STOP_WORDS.has(w)));
    relatedCache.set(term, out);
  }
  return out;
}

/** English questions to a FAQ range wider than reports do, so the FAQ bridges more general words. */
const BRIDGE: Readonly<Record<string, string>> = {
  ...ENGLISH_BRIDGE,
  ...EXTRA_ENGLISH_BRIDGE,
  ...MORE_ENGLISH_BRIDGE,
  ...DAILY_ENGLISH_BRIDGE,
  ...SCAFFOLDING_ENGLISH_BRIDGE,
  ...CORE_ENGLISH_BRIDGE,
};

/** Normalised text with English bridged and everyday words rewritten to canonical ones. */
export function canonicalText(text: string): string {
  return rewrite(bridgeEnglish(normalize(text), BRIDGE));
}

const canonicals = new Set(synonyms.values());
const HAN = /^\p{Script=Han}+$/u;

/** Splits a word into dictionary words, longest first from the left, falling back to characters. */
function pieces(term: string, longest = 4): string[] {
  const chars = Array.from(term);
  const out: string[] = [];
  for (let i = 0; i < chars.length; ) {
    let j = Math.min(chars.length, i + longest);
    for (; j > i + 1; j--) if (knownIdf(chars.slice(i, j).join('')) !== undefined) break;
    out.push(chars.slice(i, j).join(''));
    i = j;
  }
  return out;
}

/** A one-character adjective or verb with its complement marker ("脏得", "臭得"), as jieba keeps some. */
const COMPLEMENT = /^\p{Script=Han}得$/u;

/**
 * jieba's HMM glues unknown character pairs into new words, often a content character with a
 * function one ("绳会", "能查"). Such a word is taken apart when one of its pieces is scaffolding;
 * any other unknown word stays whole, since it may be a typo the fuzzy lookup can repair.
 */
function split(term: string): string[] {
  // A rare dictionary entry of three or more characters is often glue too ("给我发").
  const idf = knownIdf(term);
  // "脏得下不去脚" is about dirt: the rare "脏得" is cut to "脏". Common words keep their 得 (觉得, 值得).
  if (COMPLEMENT.test(term) && (idf === undefined || idf >= RARE)) return [Array.from(term)[0] as string];
  const glue = idf !== undefined && idf >= RARE && Array.from(term).length >= 3;
  if ((idf !== undefined && !glue) || canonicals.has(term) || !HAN.test(term) || Array.from(term).length < 2) {
    return [term];
  }
  const parts = pieces(term, glue ? Array.from(term).length - 1 : 4);
  return parts.some((p) => STOP_WORDS.has(p)) ? parts : [term];
}

const known = (w: string): boolean => knownIdf(w) !== undefined || canonicals.has(w);
const longKnown = (list: readonly string[]): number => list.filter((w) => Array.from(w).length >= 2 && known(w)).length;

/**
 * jieba's HMM sometimes glues characters across a dictionary word ("路 | 灯不亮" for "路灯不亮"):
 * an unknown word is re-cut together with its neighbours by dictionary longest match, and the
 * re-cut is kept when it holds more dictionary words than the original cut. A typo ("拉级") gains
 * nothing from a re-cut, so it stays whole for the fuzzy lookup.
 */
const RARE = 11;

function repairGlue(tokens: string[]): string[] {
  const out = tokens.slice();
  for (let i = 0; i < out.length; i++) {
    const t = out[i] ?? '';
    // A rare long word is often HMM glue that happens to be in the table too ("灯不亮").
    const suspect = !known(t) || (Array.from(t).length >= 3 && (knownIdf(t) ?? 0) >= RARE);
    if (!suspect || !HAN.test(t) || Array.from(t).length < 2) continue;
    const lo = i > 0 && HAN.test(out[i - 1] ?? '') ? i - 1 : i;
    const hi = i + 1 < out.length && HAN.test(out[i + 1] ?? '') ? i + 1 : i;
    const window = out.slice(lo, hi + 1);
    const recut = pieces(window.join(''));
    // Keep the re-cut only when it finds a clearly more common word across the old boundary
    // ("路灯" against "灯不亮"); a rare word is not traded for another rare one ("易拉罐").
    const limit = (knownIdf(t) ?? Infinity) - 1.5;
    const better = recut.some((w) => Array.from(w).length >= 2 && !window.includes(w) && (knownIdf(w) ?? Infinity) < Math.min(limit, RARE));
    if (better && longKnown(recut) > longKnown(window.filter((w) => w !== t))) {
      out.splice(lo, window.length, ...recut);
      i = lo + recut.length - 1;
    }
  }
  return out;
}

/** Question words that carry a little topic ("处理", "找谁"): they count at a fraction of their weight. */
const LIGHT_SHARE = 0.4;

/**
 * An English word the bridge does not know weighs like an everyday Chinese content word: the IDF
 * table is Chinese, where it would get the weight of a rare word and leave an English question
 * looking mostly unexplained.
 */
const ENGLISH_UNKNOWN_WEIGHT = 6;
const LATIN = /^[a-z][a-z'-]*$/;

function weightOf(term: string, light = false): number {
  const base = LATIN.test(term) && knownIdf(term) === undefined ? ENGLISH_UNKNOWN_WEIGHT : generalIdf(term);
  return base * (light || LIGHT_WORDS.has(term) ? LIGHT_SHARE : 1);
}

/** A verb with a completive or experiential ending, as in "喝完的", "用过的", "吃剩的". */
const SPENT = /^[\u4e00-\u9fff]?[完过剩]$/;

/**
 * Indexes of tokens that only tell what became of the thing named next ("喝完的啤酒瓶", "啃完的
 * 骨头", "用过的针头"): the thing is the topic, what was done with it before it became waste is not.
 */
function spentModifiers(tokens: readonly string[]): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i] as string;
    if (tokens[i + 1] !== '的' || !SPENT.test(t)) continue;
    out.add(i);
    if (Array.from(t).length === 1 && i > 0 && Array.from(tokens[i - 1] as string).length === 1) out.add(i - 1);
  }
  return out;
}

function unitOf(term: string, light = false): Unit {
  return {
    term,
    weight: weightOf(term, light),
    subs: subWords(term),
    unknown: knownIdf(term) === undefined,
    related: relatedOf(term),
    classes: classesOf(term) ?? [],
    chars: [...new Set(Array.from(term).filter((c) => HAN.test(c)))],
    single: Array.from(term).length === 1,
    pairs: hanPairs(term),
    near: nearGroups(term),
    sound: soundKey(term),
    looseSound: looseSoundKey(term),
  };
}

/** The content units of a text, in order, without duplicates. */
export function units(text: string): Unit[] {
  const out: Unit[] = [];
  const seen = new Set<string>();
  // Glue is repaired within each run between spaces: a rewritten word stands between spaces and is
  // never re-cut together with its neighbours ("他会 | 个人信息" must not become "会个").
  const runs = canonicalText(text).split(' ').filter((r) => r !== '');
  const tokens = runs.flatMap((r) => repairGlue(words(r).map((w) => synonyms.get(w) ?? w)));
  const spent = spentModifiers(tokens);
  tokens.forEach((raw, i) => {
    for (const part of split(raw)) {
      const term = synonyms.get(part) ?? part;
      if (STOP_WORDS.has(term) || seen.has(term)) continue;
      seen.add(term);
      out.push(unitOf(term, spent.has(i)));
    }
  });
  return out;
}

/**
 * A homophone typo of a two-character word is often no word at all, and jieba then cuts it into
 * its two characters ("公侧" -> 公 | 侧). Two adjacent one-character units are read as one word
 * when that word sounds like a word the knowledge base holds (`heard`) or an everyday synonym
 * does, and is not itself a dictionary word: "公侧" is then matched like any other typo.
 */
export function joinSoundalikes(list: readonly Unit[], heard: (sound: string, loose: string) => boolean): Unit[] {
  const out: Unit[] = [];
  for (let i = 0; i < list.length; i++) {
    const a = list[i] as Unit;
    const b = list[i + 1];
    if (a.single && b?.single && HAN.test(a.term) && HAN.test(b.term)) {
      const pair = a.term + b.term;
      const sound = soundKey(pair);
      const loose = looseSoundKey(pair);
      if (!known(pair) && sound !== undefined && loose !== undefined && (heard(sound, loose) || homophoneOf(sound) !== undefined)) {
        out.push(unitOf(pair));
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

/**
 * Two-character abbreviations a text's words could be shortened to. Chinese abbreviations take one
 * character from each word of the full form, in order: 身体检查 gives 体检, 城市管理 城管, 甲型肝炎
 * 甲肝. Candidates come from each pair of adjacent two- or three-character words and from a
 * four-character word read as two halves. A candidate is only ever looked up as a whole query word,
 * so the many candidates that are not words cost nothing but index space.
 */
export function abbreviationsOf(list: readonly Unit[]): string[] {
  const out = new Set<string>();
  const cross = (a: readonly string[], b: readonly string[]): void => {
    for (const x of a) for (const y of b) if (x !== y) out.add(x + y);
  };
  const shape = (u: Unit | undefined): string[] | undefined => {
    if (!u || !HAN.test(u.term)) return undefined;
    const chars = Array.from(u.term);
    return chars.length === 2 || chars.length === 3 ? chars : undefined;
  };
  for (let i = 0; i < list.length; i++) {
    const u = list[i];
    if (!u) continue;
    const chars = Array.from(u.term);
    if (chars.length === 4 && HAN.test(u.term)) cross(chars.slice(0, 2), chars.slice(2));
    const a = shape(u);
    const b = shape(list[i + 1]);
    if (a && b) cross(a, b);
  }
  return [...out];
}

/** Every term a unit list can be matched by: the units and their sub-words. */
export function termsOf(list: readonly Unit[]): string[] {
  const out: string[] = [];
  for (const u of list) out.push(u.term, ...u.subs);
  return out;
}
