/**
 * Evidence about one candidate entry for one question, for the calibrated answer-or-abstain
 * decision. Every feature is a share or a general-language quantity, never a count that grows
 * with the knowledge base, so one set of weights serves packs of any size.
 */
import { units, type Unit } from './analyze.js';
import { generalIdf } from './general-idf.js';
import { ABBR_KEY, CHAR_KEY, CLASS_KEY, NEAR_KEY, PAIR_KEY, type IndexedEntry, type KbIndex } from './kb-index.js';
import { ASK, asksGiven, intentMatch } from './intent.js';
import { ASSOCIATION_DISCOUNT, CHARS_DISCOUNT, charShareOf, ABBR_DISCOUNT, CHAR_DISCOUNT, FUZZY_DISCOUNT, homophoneWords, isAbbreviationShape, NEAR_DISCOUNT, PAIR_DISCOUNT, soundKeysOf, RELATED_DISCOUNT, SIBLING_DISCOUNT, SUB_DISCOUNT } from './match.js';

export interface Features {
  /** Share of the question's weight the entry explains (answer text counted lightly). */
  recall: number;
  /** Share of the entry's best question or variant the question covers. */
  precision: number;
  /** Share of the question's weight explained by the entry's question, variants and tags alone. */
  questionRecall: number;
  /** IDF of the most salient question word the entry leaves unexplained, over 12 (0 when none). */
  missing: number;
  /** Share of the question's weight that no entry of the knowledge base explains at all. */
  foreign: number;
  /** Score lead over the next candidate. */
  margin: number;
  /** Total general IDF of the question, over 30, capped at 1: very short questions are weak evidence. */
  mass: number;
  /** `missing` when the entry's own question is also left partly unasked: both sides talk past each other. */
  crossMiss: number;
  /** Share of the question's weight in unexplained words at least as rare as everyday nouns (IDF >= 9). */
  salientMiss: number;
  /**
   * 1 when the question asks for a kind of fact (a price, a time) of which the entry's text shows
   * no trace: "公园门票多少钱" against an entry about opening hours.
   */
  askMismatch: number;
  /**
   * `questionRecall` when the question's specific ask (a price, a place, a time, a cancel ...) is one
   * the entry's question or variants make too, else 0: a shared ask counts only with a shared topic.
   */
  intentAgree: number;
  /** 1 when both ask something specific and the asks differ ("爱卫办是谁管" against "爱卫办在哪"). */
  intentClash: number;
  /**
   * 1 when the question is about a lapse (lost, failed, expired, missed, refused: "健康证丢了咋补")
   * the entry's text never mentions: an entry on the usual procedure does not answer what to do
   * when it went wrong.
   */
  exception: number;
  /**
   * 1 when the question asks leave to do something ("公园里能放风筝吗", "can I ...") and the entry
   * explains no part of the doing's weightiest word: an entry on the park's hours says nothing of
   * kites, however well it covers "公园".
   */
  actionUnmet: number;
}

/**
 * A request for leave and the doing it asks about, up to the question's end mark. "能" counts
 * alone except inside words such as 可能, 功能, 只能, which assert rather than ask.
 */
const PERMISSION = /(?:能不能|可不可以|可以不可以|让不让|准不准|许不许|能否|可否|允许|(?<![可功智才只本技体性])能|(?<!所)可以)(.{1,10}?)(?:吗|么|不|呢|[?？，,。]|$)|\b(?:can|may|could) (?:i|we|you|they|he|she|people)\b(.{1,40}?)(?:\?|$)/i;

/**
 * Kinds of fact whose answers leave visible marks reliable enough that their absence counts
 * against an entry (a price has 元 or 费, a time has hours or days); "how" or "where" answers leave
 * none that can be missed with confidence.
 */
const MARKED_ASKS = ASK.price | ASK.time;

/** Words that say something went wrong with the usual course of things. */
const EXCEPTIONS = /丢了|丢失|弄丢|找不到|找不着|没过|不合格|没通过|不通过|过期|到期|错过|被拒|拒绝|补办|补发|不给|没收到|忘了|忘记|迟到|晚了|超时|超期|退回|驳回|不予|没赶上|\b(lost|expired|missed|rejected|refused|failed|forgot)\b/g;
/** 1 when the question names a lapse ({@link EXCEPTIONS}) the entry's text does not. */
export function exceptionUnmet(question: string, entryText: string): number {
  const marks = question.match(EXCEPTIONS);
  return marks?.some((m) => !entryText.includes(m)) ? 1 : 0;
}

/** A unit counts as explained when matched to at least this degree. */
export const EXPLAINED = 0.5;
/** General IDF from which a word counts as salient (everyday nouns; not "东西" or "处理"). */
const SALIENT = 9;

function share(terms: Map<string, number>, parts: readonly string[], onlyQuestion: boolean): number {
  let total = 0;
  let got = 0;
  for (const s of parts) {
    const w = generalIdf(s);
    total += w;
    const fw = terms.get(s) ?? 0;
    if (!onlyQuestion || fw >= 1) got += w * fw;
  }
  return total > 0 ? got / total : 0;
}

/** Degree in [0, 1] to which an entry covers one query unit; mirrors the inverted-index lookup. */
export function unitDegree(index: KbIndex, e: IndexedEntry, u: Unit, onlyQuestion: boolean): number {
  const fw = (t: string): number => {
    const v = e.terms.get(t) ?? 0;
    return onlyQuestion && v < 1 ? 0 : v;
  };
  let d = fw(u.term);
  if (d >= 1) return 1;
  if (u.subs.length > 0) d = Math.max(d, SUB_DISCOUNT * share(e.terms, u.subs, onlyQuestion));
  for (const cls of u.related) d = Math.max(d, RELATED_DISCOUNT * share(e.terms, cls, onlyQuestion));
  for (const c of u.classes) d = Math.max(d, SIBLING_DISCOUNT * fw(CLASS_KEY + c));
  for (const g of u.near) d = Math.max(d, NEAR_DISCOUNT * fw(NEAR_KEY + g));
  for (const w of index.associations.get(u.term) ?? []) d = Math.max(d, ASSOCIATION_DISCOUNT * fw(w));
  if (u.unknown || !index.postings.has(u.term)) {
    for (const near of index.fuzzy.near(u.term)) d = Math.max(d, FUZZY_DISCOUNT * fw(near));
    for (const key of soundKeysOf(u)) d = Math.max(d, FUZZY_DISCOUNT * fw(key));
    const like = homophoneWords(u);
    if (like.length > 0) d = Math.max(d, FUZZY_DISCOUNT * share(e.terms, like, onlyQuestion));
  }
  if (u.single) d = Math.max(d, CHAR_DISCOUNT * fw(CHAR_KEY + u.term));
  if (!index.postings.has(u.term) && u.pairs.length > 0) {
    let hit = 0;
    for (const p of u.pairs) hit += fw(PAIR_KEY + p);
    d = Math.max(d, (PAIR_DISCOUNT * hit) / u.pairs.length);
  }
  if (d < CHARS_DISCOUNT && !u.single) d = Math.max(d, charShareOf(u.chars, (c) => fw(CHAR_KEY + c)));
  if (isAbbreviationShape(u)) d = Math.max(d, ABBR_DISCOUNT * fw(ABBR_KEY + u.term));
  return d;
}

/** 1 when the question asks leave ({@link PERMISSION}) for a doing whose weightiest word the entry leaves unexplained. */
function actionUnmetOf(index: KbIndex, e: IndexedEntry, question: string): number {
  const perm = PERMISSION.exec(question);
  const doing = perm?.[1] ?? perm?.[2];
  if (!doing) return 0;
  let heavy: Unit | undefined;
  for (const u of units(doing)) if (!heavy || u.weight > heavy.weight) heavy = u;
  return heavy && unitDegree(index, e, heavy, false) < EXPLAINED ? 1 : 0;
}

export interface QueryFacts {
  /** The question, normalised. */
  text: string;
  units: readonly Unit[];
  total: number;
  /** Weight of the query's units no entry covers at all. */
  foreignWeight: number;
  /** The question's asks and polarity (intent.ts). */
  asks: number;
  polarity: number;
}

export function featuresOf(
  index: KbIndex,
  e: IndexedEntry,
  q: QueryFacts,
  m: { recall: number; precision: number; margin: number },
): Features {
  let qGot = 0;
  let missing = 0;
  let salient = 0;
  for (const u of q.units) {
    qGot += u.weight * unitDegree(index, e, u, true);
    if (unitDegree(index, e, u, false) < EXPLAINED) {
      if (u.weight > missing) missing = u.weight;
      if (u.weight >= SALIENT) salient += u.weight;
    }
  }
  const im = intentMatch(q, e);
  return {
    recall: m.recall,
    precision: m.precision,
    questionRecall: q.total > 0 ? qGot / q.total : 0,
    missing: Math.min(1, missing / 12),
    foreign: q.total > 0 ? q.foreignWeight / q.total : 0,
    margin: m.margin,
    mass: Math.min(1, q.total / 30),
    crossMiss: Math.min(1, missing / 12) * (1 - m.precision),
    salientMiss: q.total > 0 ? salient / q.total : 0,
    askMismatch: (q.asks & MARKED_ASKS & ~asksGiven(q.asks & MARKED_ASKS, e.text)) !== 0 ? 1 : 0,
    intentAgree: im.agree * (q.total > 0 ? qGot / q.total : 0),
    // A clash the entry's text answers anyway (its answer gives the phone number asked for) is none.
    intentClash: im.clash && asksGiven(q.asks, e.answer) === 0 ? 1 : 0,
    exception: exceptionUnmet(q.text, e.text),
    actionUnmet: actionUnmetOf(index, e, q.text),
  };
}

export const FEATURE_NAMES = [
  'recall',
  'precision',
  'questionRecall',
  'missing',
  'foreign',
  'margin',
  'mass',
  'crossMiss',
  'salientMiss',
  'askMismatch',
  'intentAgree',
  'intentClash',
  'exception',
  'actionUnmet',
] as const;

export function featureVector(f: Features): number[] {
  return FEATURE_NAMES.map((k) => f[k]);
}
