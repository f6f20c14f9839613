/**
 * How well one unit is matched, on either side: a query unit against an entry (through the
 * inverted index) or an entry's surface unit against the query (through the query's term sets).
 * Each way of matching has a ceiling: the word itself 1, its sub-words 0.8, its class 0.8, a
 * near-synonym 0.75, one character off or the same sound 0.7, an abbreviation 0.7, another item of
 * its class 0.6, its characters cut differently 0.6, a one-character word inside a longer word 0.5,
 * a learned association 0.5, a share of its characters up to 0.5.
 */
import type { Unit } from './analyze.js';
import { generalIdf } from './general-idf.js';
import { ABBR_KEY, CHAR_KEY, CLASS_KEY, LOOSE_SOUND_KEY, NEAR_KEY, PAIR_KEY, SOUND_KEY, type KbIndex } from './kb-index.js';
import { homophoneOf, looseHomophoneOf } from './analyze.js';

export const SUB_DISCOUNT = 0.8;
export const RELATED_DISCOUNT = 0.8;
export const FUZZY_DISCOUNT = 0.7;
export const CHAR_DISCOUNT = 0.5;
/** Another item of the same class ("啤酒瓶" against "易拉罐"): the same bin, a weaker tie. */
export const SIBLING_DISCOUNT = 0.6;
/** A near-synonym of the word ("碰" for "接触"). */
export const NEAR_DISCOUNT = 0.75;
/**
 * A word learned to stand for an entry's word across packs (associations.ts): co-occurrence, not
 * meaning, so below every hand-written tie (synonyms, classes, near-synonyms) and no higher than
 * shared characters.
 */
export const ASSOCIATION_DISCOUNT = 0.5;
/** A two-character word read as the abbreviation of an entry's longer words ("体检", 身体检查). */
export const ABBR_DISCOUNT = 0.7;
/** A word found only as adjacent characters of another cut ("打药灭" in "打药灭蚊"): same characters, unsure word. */
export const PAIR_DISCOUNT = 0.6;
/**
 * A word that shares characters with an entry's words but no word ("烟管" against 油烟): Chinese
 * compounds share their meaning-bearing characters, so the IDF-weighted share of the word's
 * characters the entry holds counts, at this ceiling, when nothing better matches.
 */
export const CHARS_DISCOUNT = 0.5;

/**
 * Per-query working arrays indexed by entry, reused across queries so that a lookup allocates
 * almost nothing (allocation-driven GC pauses dominated the p99 latency on large packs).
 */
export class Scratch {
  readonly deg: Float64Array;
  readonly part: Float64Array;
  readonly acc: Float64Array;
  readonly touched: number[] = [];
  readonly partTouched: number[] = [];
  readonly accTouched: number[] = [];

  constructor(size: number) {
    this.deg = new Float64Array(size).fill(-1);
    this.part = new Float64Array(size).fill(-1);
    this.acc = new Float64Array(size).fill(-1);
  }

  /** The highest degree raised since the last flush. */
  peak = 0;

  raise(doc: number, v: number): void {
    if (v > this.peak) this.peak = v;
    const cur = this.deg[doc] ?? 0;
    if (cur < 0) {
      this.touched.push(doc);
      this.deg[doc] = v;
    } else if (v > cur) this.deg[doc] = v;
  }

  private addPart(doc: number, v: number): void {
    const cur = this.part[doc] ?? 0;
    if (cur < 0) {
      this.partTouched.push(doc);
      this.part[doc] = v;
    } else this.part[doc] = cur + v;
  }

  /** Weighted share of `parts` each entry holds, times `ceiling`. */
  parts(index: KbIndex, parts: readonly string[], ceiling: number): void {
    if (parts.length === 0) return;
    let total = 0;
    for (const s of parts) {
      const w = generalIdf(s);
      total += w;
      for (const p of index.postings.get(s) ?? []) this.addPart(p.doc, w * p.fw);
    }
    for (const doc of this.partTouched) {
      if (total > 0) this.raise(doc, (ceiling * (this.part[doc] ?? 0)) / total);
      this.part[doc] = -1;
    }
    this.partTouched.length = 0;
  }

  /** Weighted share of a word's characters each entry holds, times `ceiling`. */
  charShare(index: KbIndex, chars: readonly string[], ceiling: number): void {
    let total = 0;
    for (const c of chars) {
      const w = generalIdf(c);
      total += w;
      for (const p of index.postings.get(CHAR_KEY + c) ?? []) this.addPart(p.doc, w * p.fw);
    }
    for (const doc of this.partTouched) {
      if (total > 0) this.raise(doc, (ceiling * (this.part[doc] ?? 0)) / total);
      this.part[doc] = -1;
    }
    this.partTouched.length = 0;
  }

  /** Share of a word's character pairs each entry holds, times `ceiling`. */
  pairs(index: KbIndex, pairs: readonly string[], ceiling: number): void {
    if (pairs.length === 0) return;
    for (const s of pairs) for (const p of index.postings.get(PAIR_KEY + s) ?? []) this.addPart(p.doc, 1);
    for (const doc of this.partTouched) {
      this.raise(doc, (ceiling * (this.part[doc] ?? 0)) / pairs.length);
      this.part[doc] = -1;
    }
    this.partTouched.length = 0;
  }

  /**
   * Adds `weight` times each touched entry's degree to its recall, and clears the degrees.
   * Returns the best degree any entry reached (0 when the unit is foreign to the knowledge base).
   */
  flush(weight: number): number {
    let best = 0;
    for (const doc of this.touched) {
      const d = this.deg[doc] ?? 0;
      if (d > best) best = d;
      const cur = this.acc[doc] ?? 0;
      if (cur < 0) {
        this.accTouched.push(doc);
        this.acc[doc] = weight * d;
      } else this.acc[doc] = cur + weight * d;
      this.deg[doc] = -1;
    }
    this.touched.length = 0;
    this.peak = 0;
    return best;
  }

  /** Takes the accumulated recall mass of every touched entry and clears it. */
  drain(): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    for (const doc of this.accTouched) {
      out.push([doc, this.acc[doc] ?? 0]);
      this.acc[doc] = -1;
    }
    this.accTouched.length = 0;
    return out;
  }
}

/**
 * Records in `sc` the degree in [0, 1] to which each entry covers one query unit. Returns whether
 * any entry knows the word itself (in any form but shared characters): a word whose characters
 * are merely scattered over the knowledge base is still foreign to it.
 */
export function queryUnitDegrees(index: KbIndex, u: Unit, fuzzyHits: Set<string>, sc: Scratch): boolean {
  for (const p of index.postings.get(u.term) ?? []) sc.raise(p.doc, p.fw);
  sc.parts(index, u.subs, SUB_DISCOUNT);
  for (const cls of u.related) sc.parts(index, cls, RELATED_DISCOUNT);
  for (const c of u.classes) for (const p of index.postings.get(CLASS_KEY + c) ?? []) sc.raise(p.doc, SIBLING_DISCOUNT * p.fw);
  for (const g of u.near) for (const p of index.postings.get(NEAR_KEY + g) ?? []) sc.raise(p.doc, NEAR_DISCOUNT * p.fw);
  for (const w of index.associations.get(u.term) ?? []) for (const p of index.postings.get(w) ?? []) sc.raise(p.doc, ASSOCIATION_DISCOUNT * p.fw);
  if (u.unknown || !index.postings.has(u.term)) {
    for (const near of index.fuzzy.near(u.term)) {
      fuzzyHits.add(near);
      for (const p of index.postings.get(near) ?? []) sc.raise(p.doc, FUZZY_DISCOUNT * p.fw);
    }
    for (const key of soundKeysOf(u)) {
      fuzzyHits.add(key);
      for (const p of index.postings.get(key) ?? []) sc.raise(p.doc, FUZZY_DISCOUNT * p.fw);
    }
    const like = homophoneWords(u);
    for (const w of like) fuzzyHits.add(w);
    sc.parts(index, like, FUZZY_DISCOUNT);
  }
  if (u.single) {
    for (const p of index.postings.get(CHAR_KEY + u.term) ?? []) sc.raise(p.doc, CHAR_DISCOUNT * p.fw);
  }
  if (!index.postings.has(u.term)) sc.pairs(index, u.pairs, PAIR_DISCOUNT);
  if (isAbbreviationShape(u)) for (const p of index.postings.get(ABBR_KEY + u.term) ?? []) sc.raise(p.doc, ABBR_DISCOUNT * p.fw);
  const known = sc.peak > 0;
  if (!u.single && u.chars.length >= 2) sc.charShare(index, u.chars, CHARS_DISCOUNT);
  return known;
}

/**
 * Index keys of the entry words that sound like the unit: the same toneless pinyin, and for a word
 * no dictionary knows (a typo, most likely) also the same loose sound ("投述" for 投诉).
 */
export function soundKeysOf(u: Unit): string[] {
  const out: string[] = [];
  if (u.sound !== undefined) out.push(SOUND_KEY + u.sound);
  if (u.unknown && u.looseSound !== undefined) out.push(LOOSE_SOUND_KEY + u.looseSound);
  return out;
}

/**
 * The words of the synonym the unit sounds like, when it is not itself a word the knowledge base
 * holds: "退定" sounds like the everyday 退订, whose canonical form is 取消订阅.
 */
export function homophoneWords(u: Unit): readonly string[] {
  if (!u.sound) return [];
  let list = homophoneOf(u.sound);
  if (!list && u.unknown && u.looseSound !== undefined) list = looseHomophoneOf(u.looseSound);
  return list && !list.includes(u.term) ? list : [];
}

/**
 * The {@link CHARS_DISCOUNT} degree of a word of several characters from how much of each character
 * the other side holds (`held`, in [0, 1]), weighted by the characters' general IDF.
 */
export function charShareOf(chars: readonly string[], held: (c: string) => number): number {
  if (chars.length < 2) return 0;
  let hit = 0;
  let total = 0;
  for (const c of chars) {
    const w = generalIdf(c);
    total += w;
    hit += w * held(c);
  }
  return total > 0 ? (CHARS_DISCOUNT * hit) / total : 0;
}

/** Only two-character Han words are read as abbreviations. */
export function isAbbreviationShape(u: Unit): boolean {
  return u.pairs.length === 1 && Array.from(u.term).length === 2;
}

/** What a query offers to match an entry's surface units against. */
export interface QueryTerms {
  /** Query units and their sub-words. */
  terms: Set<string>;
  /** Words of the classes the query's words belong to. */
  related: Set<string>;
  /** Entry terms the query's unknown words were repaired to. */
  fuzzyHits: Set<string>;
  /** The characters of the query's words. */
  chars: Set<string>;
  /** Classes of the query's items. */
  classes: Set<string>;
  /** Adjacent Han character pairs of the whole question. */
  pairs: Set<string>;
  /** Abbreviations the question's words could be shortened to, to meet an entry that abbreviates. */
  abbreviations: Set<string>;
  /** Near-synonym groups of the question's words. */
  near: Set<string>;
  /** Words the question's words are associated with (associations.ts). */
  associated: Set<string>;
}

/** Degree in [0, 1] to which the query covers one unit of an entry's question or variant. */
export function surfaceUnitDegree(v: Unit, q: QueryTerms): number {
  if (q.terms.has(v.term)) return 1;
  let d = 0;
  if (v.subs.length > 0) {
    let hit = 0;
    for (const x of v.subs) if (q.terms.has(x)) hit++;
    d = (SUB_DISCOUNT * hit) / v.subs.length;
  }
  if (q.related.has(v.term)) d = Math.max(d, RELATED_DISCOUNT);
  if (
    q.fuzzyHits.has(v.term) ||
    (v.sound !== undefined && q.fuzzyHits.has(SOUND_KEY + v.sound)) ||
    (v.looseSound !== undefined && q.fuzzyHits.has(LOOSE_SOUND_KEY + v.looseSound))
  ) {
    d = Math.max(d, FUZZY_DISCOUNT);
  }
  if (d < NEAR_DISCOUNT) for (const g of v.near) if (q.near.has(g)) d = NEAR_DISCOUNT;
  if (d < ASSOCIATION_DISCOUNT && q.associated.has(v.term)) d = ASSOCIATION_DISCOUNT;
  if (d < SIBLING_DISCOUNT) for (const c of v.classes) if (q.classes.has(c)) d = SIBLING_DISCOUNT;
  if (d < CHAR_DISCOUNT && v.single && q.chars.has(v.term)) d = CHAR_DISCOUNT;
  if (d < ABBR_DISCOUNT && isAbbreviationShape(v) && q.abbreviations.has(v.term)) d = ABBR_DISCOUNT;
  if (d < CHARS_DISCOUNT && !v.single) d = Math.max(d, charShareOf(v.chars, (c) => (q.chars.has(c) ? 1 : 0)));
  if (d < PAIR_DISCOUNT && v.pairs.length > 0) {
    let hit = 0;
    for (const p of v.pairs) if (q.pairs.has(p)) hit++;
    d = Math.max(d, (PAIR_DISCOUNT * hit) / v.pairs.length);
  }
  return d;
}
