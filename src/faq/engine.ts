/**
 * The FAQ engine: finds the entry that answers a resident's question, or abstains.
 *
 * A score in [0, 1] combines two coverages, both weighted by general-language IDF (so they do not
 * drift with the size of the knowledge base):
 * - recall: how much of the question's content the entry explains (its question, variants, tags,
 *   and lightly its answer). An out-of-scope question leaves its topic words unexplained.
 * - precision: how much of the entry's best-matching question or variant the resident's question
 *   covers. A question sharing only a side word with an entry covers little of it.
 * A word meets an entry's word itself, or at a discount through the ties match.ts lists: synonyms,
 * classes, typos, sounds, shared characters, and word associations learned across packs
 * (associations.ts).
 * The score is then raised or lowered by how the question's ask meets the entry's (intent.ts):
 * entries on one topic often differ only in what they ask (where / when / how much, turn on / turn
 * off), which shared words cannot tell apart.
 * The score ranks entries. Whether to answer with the best one is a separate, calibrated
 * decision (calibrate.ts): a logistic model over the best candidate's evidence (features.ts) —
 * recall, precision, how much of the question the entry's own question fields explain, the
 * salient question words left unexplained, how much of the question no entry knows at all, the
 * lead over the runner-up, and whether the question asks for a kind of fact (a price, a time)
 * the entry never gives, whether the question's ask agrees or clashes with the entry's,
 * whether it is about a lapse (a lost card, an expired permit) the entry never mentions, and
 * whether it asks leave for a doing the entry never mentions ("公园里能放风筝吗").
 */
import type { FaqEntry } from '../pack/schema.js';
import { normalize } from '../text/segment.js';
import { abbreviationsOf, canonicalText, hanPairs, joinSoundalikes, units } from './analyze.js';
import { buildIndex, LOOSE_SOUND_KEY, SOUND_KEY, type Associations, type Surface } from './kb-index.js';
import { DEFAULT_ASSOCIATIONS } from './associations.js';
import { queryUnitDegrees, Scratch, surfaceUnitDegree, type QueryTerms } from './match.js';
import { confidence, DEFAULT_CALIBRATION, type Calibration } from './calibrate.js';
import { featuresOf, type Features } from './features.js';
import { respell } from './respell.js';
import { asksGiven, asksOf, intentMatch, polarityOf } from './intent.js';

export interface FaqMatch {
  id: string;
  /** Similarity in [0, 1], comparable across packs. */
  score: number;
  /** Share of the question's content the entry explains, in [0, 1]. */
  recall: number;
  /** Share of the entry's best-matching question or variant the question covers, in [0, 1]. */
  precision: number;
}

export interface FaqTop extends FaqMatch {
  /** Calibrated probability that answering with this entry is right. */
  confidence: number;
  features: Features;
}

export interface FaqAnswer {
  /** The entry to show, or null when the engine abstains. */
  best: FaqTop | null;
  /** The top candidate even when the engine abstains (for logs and the CLI's score). */
  top: FaqTop | null;
  /** Up to 2 other close entries to offer as "did you mean". */
  suggestions: FaqMatch[];
  abstained: boolean;
}

export interface FaqEngineOptions {
  /** Minimum calibrated confidence to answer. Default 0.5. */
  threshold?: number;
  /** The answer-or-abstain model. Default: the fitted DEFAULT_CALIBRATION. */
  calibration?: Calibration;
  /** Minimum score to offer an entry as a suggestion. Default 0.3. */
  suggestFloor?: number;
  /** A suggestion beside an answer must score within this of the answer. Default 0.15. */
  suggestMargin?: number;
  /** Weight of a match found only in an entry's answer text. Default 0.7. */
  answerWeight?: number;
  /** Share of the score from recall (query coverage); the rest is precision. Default 0.65. */
  recallShare?: number;
  /**
   * Pseudo-weight added to a surface's total when computing precision, so that a one-word
   * question ("创卫是什么") is not fully covered by every query that mentions its word. Default 4.
   */
  precisionPrior?: number;
  /**
   * Score factors for how the question's ask meets an entry's (intent.ts): a shared ask
   * ("多少钱" and "收多少钱") raises the score by `intentBonus`, asks that clash ("在哪" against
   * "几点") lower it by `intentClash`, and a reversed request (cancel against book) by
   * `reversePenalty`; an entry that asks nothing specific when the question does, by `intentUnmet`.
   * Defaults 0.2, 0.2, 0.25, 0.1.
   */
  intentBonus?: number;
  intentClash?: number;
  reversePenalty?: number;
  intentUnmet?: number;
  /**
   * Word associations learned across packs (associations.ts) through which a question's word meets
   * an entry's. Default: the table learned from the repository's fixture packs; `new Map()` for none.
   */
  associations?: Associations;
}

export interface FaqEngine {
  answer(text: string): FaqAnswer;
  /** Replaces the knowledge base (staff edited the entries). */
  rebuild(entries: readonly FaqEntry[]): void;
  readonly size: number;
}

/** Precision is computed for this many best-recall candidates only. */
const CANDIDATES = 12;

/** How much of one surface (an entry's question or variant) the query covers. */
function precision(s: Surface, q: QueryTerms, prior: number): number {
  let got = 0;
  for (const v of s.units) got += v.weight * surfaceUnitDegree(v, q);
  return got / (s.total + prior);
}

/** The k pairs with the largest second value, best first. */
function topK(pairs: Array<[number, number]>, k: number): Array<[number, number]> {
  if (pairs.length <= k) return pairs.sort((a, b) => b[1] - a[1]);
  const best: Array<[number, number]> = [];
  for (const p of pairs) {
    if (best.length < k) {
      best.push(p);
      if (best.length === k) best.sort((a, b) => b[1] - a[1]);
    } else if (p[1] > (best[k - 1]?.[1] ?? 0)) {
      let i = k - 1;
      while (i > 0 && (best[i - 1]?.[1] ?? 0) < p[1]) {
        best[i] = best[i - 1] as [number, number];
        i--;
      }
      best[i] = p;
    }
  }
  return best;
}

const round = (x: number): number => Math.round(x * 1e4) / 1e4;

export function createFaqEngine(entries: readonly FaqEntry[], options: FaqEngineOptions = {}): FaqEngine {
  const threshold = options.threshold ?? 0.5;
  const calibration = options.calibration ?? DEFAULT_CALIBRATION;
  const suggestFloor = options.suggestFloor ?? 0.3;
  const suggestMargin = options.suggestMargin ?? 0.15;
  const answerWeight = options.answerWeight ?? 0.7;
  const recallShare = options.recallShare ?? 0.65;
  const precisionPrior = options.precisionPrior ?? 4;
  const intentBonus = options.intentBonus ?? 0.2;
  const intentClash = options.intentClash ?? 0.2;
  const reversePenalty = options.reversePenalty ?? 0.25;
  const intentUnmet = options.intentUnmet ?? 0.1;
  const associations = options.associations ?? DEFAULT_ASSOCIATIONS;
  let index = buildIndex(entries, answerWeight, associations);
  let scratch = new Scratch(index.docs.length);

  function score(asked: string): { ranked: FaqMatch[]; top: FaqTop | null } {
    const text = respell(asked, index.soundWords);
    const list = joinSoundalikes(units(text), (sound, loose) => index.postings.has(SOUND_KEY + sound) || index.postings.has(LOOSE_SOUND_KEY + loose));
    const total = list.reduce((s, u) => s + u.weight, 0);
    if (list.length === 0 || total <= 0) return { ranked: [], top: null };
    const q: QueryTerms = { terms: new Set(), related: new Set(), fuzzyHits: new Set(), chars: new Set(), classes: new Set(), pairs: new Set(hanPairs(canonicalText(text))), abbreviations: new Set(abbreviationsOf(list)), near: new Set(), associated: new Set() };
    for (const u of list) {
      q.terms.add(u.term);
      for (const x of u.subs) q.terms.add(x);
      for (const cls of u.related) for (const w of cls) q.related.add(w);
      for (const c of u.chars) q.chars.add(c);
      for (const c of u.classes) q.classes.add(c);
      for (const g of u.near) q.near.add(g);
      for (const w of index.associations.get(u.term) ?? []) q.associated.add(w);
    }
    let foreignWeight = 0;
    for (const u of list) {
      const known = queryUnitDegrees(index, u, q.fuzzyHits, scratch);
      scratch.flush(u.weight);
      if (!known) foreignWeight += u.weight;
    }
    const ranked = topK(scratch.drain(), CANDIDATES);
    const norm = normalize(text);
    const ask = { asks: asksOf(norm), polarity: polarityOf(norm) };
    const out: Array<FaqMatch & { doc: number }> = [];
    for (const [doc, got] of ranked) {
      const entry = index.docs[doc];
      if (!entry) continue;
      const recall = got / total;
      let prec = 0;
      for (const s of entry.surfaces) prec = Math.max(prec, precision(s, q, precisionPrior));
      const im = intentMatch(ask, entry);
      // As in the features, an ask the entry's answer meets anyway (an entry on where to book whose
      // answer states the fee, asked for the fee) neither clashes nor goes unmet.
      const given = asksGiven(ask.asks, entry.answer) !== 0;
      const unmet = ask.asks !== 0 && entry.asks === 0 && !given ? 1 : 0;
      const clash = im.clash && !given ? 1 : 0;
      const asked =
        (1 + intentBonus * im.agree) * (1 - intentClash * clash) * (1 - reversePenalty * im.reverse) * (1 - intentUnmet * unmet);
      const value = recall ** recallShare * prec ** (1 - recallShare) * asked;
      out.push({ id: entry.id, score: round(Math.min(1, value)), recall: round(recall), precision: round(prec), doc });
    }
    out.sort((a, b) => b.score - a.score);
    // Re-ranking the best few by calibrated confidence was tried and lost accuracy on the
    // fixtures: similarity ranks, the model only decides whether to answer.
    let top: FaqTop | null = null;
    const first = out[0];
    const entry = first && index.docs[first.doc];
    if (first && entry) {
      const margin = first.score - (out[1]?.score ?? 0);
      const features = featuresOf(index, entry, { text: norm, units: list, total, foreignWeight, ...ask }, { ...first, margin });
      const conf = round(confidence(features, calibration));
      top = { id: first.id, score: first.score, recall: first.recall, precision: first.precision, confidence: conf, features };
    }
    return { ranked: out.map(({ id, score, recall, precision }) => ({ id, score, recall, precision })), top };
  }

  return {
    answer(text: string): FaqAnswer {
      const { ranked, top } = score(text);
      const abstained = top === null || top.confidence < threshold;
      const rest = ranked.slice(abstained ? 0 : 1);
      const floor = abstained ? suggestFloor : Math.max(suggestFloor, (top?.score ?? 0) - suggestMargin);
      const suggestions = rest.filter((m) => m.score >= floor).slice(0, 2);
      return { best: abstained ? null : top, top, suggestions, abstained };
    },
    rebuild(next: readonly FaqEntry[]): void {
      index = buildIndex(next, answerWeight, associations);
      scratch = new Scratch(index.docs.length);
    },
    get size(): number {
      return index.docs.length;
    },
  };
}
