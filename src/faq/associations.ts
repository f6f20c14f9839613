/**
 * Learned word associations: words residents use for what entries say in other words ("烦死" in
 * "天天推送烦死了" for 取消 and 订阅; "号" in "我的号多少来着" for 工单). The synonym tables hold
 * what one person thought of; these are read off labelled questions, and only those that recur:
 * a pair counts when, in at least `minSets` different packs, a question left the word unexplained
 * by its right entry while that entry's question fields held the other word, and it did so for at
 * least `minShare` of the packs where the word went unexplained at all, and far more often than the
 * entry word's share of the entries would have it by chance. A pair seen in one pack is that
 * pack's wording; a pair that recurs across packs of different cities is how residents talk.
 *
 * A question word then meets an entry holding its associate at ASSOCIATION_DISCOUNT (match.ts), in
 * either direction, below every hand-written tie and no higher than shared characters: the
 * evidence is co-occurrence, not meaning.
 * The shipped table (learned-associations.ts) is learned from the repository's own fixture packs,
 * never from an evaluation set, by `npm run bench:faq:fit`.
 */
import type { FaqEntry } from '../pack/schema.js';
import { units } from './analyze.js';
import { EXPLAINED, unitDegree } from './features.js';
import { buildIndex, NO_ASSOCIATIONS, type Associations, type IndexedEntry } from './kb-index.js';
import { LEARNED_PAIRS } from './learned-associations.js';

/** A pack's entries with questions labelled by the entry that answers them (null: none does). */
export interface LabelledQuestions {
  entries: readonly FaqEntry[];
  questions: ReadonlyArray<{ text: string; expect: string | null }>;
}

export interface LearnOptions {
  /** Packs in which a pair must be seen. Default 2. */
  minSets?: number;
  /** Share of the packs leaving the word unexplained in which the pair must be seen. Default 2/3. */
  minShare?: number;
  /**
   * Weight (general IDF) a question word needs to be learned from. Default 5: lighter words ("多",
   * "天天", "门口") carry too little meaning to stand for anything, and tie to whatever they meet.
   */
  minWeight?: number;
  /**
   * How many times more often the entry word must go with the question word than chance would
   * have it (its share of the pack's entries). Default 6: words most entries hold ("反映", "谁")
   * go with everything and stand for nothing.
   */
  minLift?: number;
}

/** Makes the table symmetric: each pair "a b" ties a to b and b to a. */
export function associationsOf(pairs: ReadonlyArray<readonly [string, string]>): Associations {
  const map = new Map<string, string[]>();
  const tie = (a: string, b: string): void => {
    const list = map.get(a);
    if (!list) map.set(a, [b]);
    else if (!list.includes(b)) list.push(b);
  };
  for (const [a, b] of pairs) {
    if (a === b) continue;
    tie(a, b);
    tie(b, a);
  }
  return map;
}

/**
 * The recurring (question word, entry word) pairs of labelled packs, sorted. Only in-scope
 * questions teach: an out-of-scope one has no entry whose words its words could stand for.
 */
export function learnPairs(sets: readonly LabelledQuestions[], options: LearnOptions = {}): Array<[string, string]> {
  const minSets = options.minSets ?? 2;
  const minShare = options.minShare ?? 2 / 3;
  const minWeight = options.minWeight ?? 5;
  const minLift = options.minLift ?? 6;
  /** pair -> packs it was seen in, and questions it was seen in. */
  const pairs = new Map<string, { packs: Set<number>; questions: number }>();
  /** question word -> per pack, the questions leaving it unexplained. */
  const unexplained = new Map<string, Map<number, number>>();
  /** per pack: entry word -> share of the pack's entries holding it. */
  const holding: Array<Map<string, number>> = [];
  sets.forEach((set, n) => {
    // Built as the engine builds it (answer text at its default weight 0.7, which decides which
    // words count as known) but without associations: a pair must be seen where nothing else
    // explains the word.
    const index = buildIndex(set.entries, 0.7, NO_ASSOCIATIONS);
    const byId = new Map(index.docs.map((d) => [d.id, d]));
    const count = new Map<string, number>();
    for (const d of index.docs) for (const w of wordsOf(d)) count.set(w, (count.get(w) ?? 0) + 1);
    holding.push(new Map([...count].map(([w, c]) => [w, c / index.docs.length])));
    for (const q of set.questions) {
      const entry = q.expect === null ? undefined : byId.get(q.expect);
      if (!entry) continue;
      const words = wordsOf(entry);
      for (const u of units(q.text)) {
        if (u.weight < minWeight || unitDegree(index, entry, u, true) >= EXPLAINED) continue;
        const perPack = unexplained.get(u.term) ?? new Map<number, number>();
        unexplained.set(u.term, perPack.set(n, (perPack.get(n) ?? 0) + 1));
        for (const w of words) {
          if (w === u.term) continue;
          const key = `${u.term}\u0000${w}`;
          const seen = pairs.get(key) ?? { packs: new Set<number>(), questions: 0 };
          seen.packs.add(n);
          seen.questions++;
          pairs.set(key, seen);
        }
      }
    }
  });
  const out: Array<[string, string]> = [];
  for (const [key, seen] of pairs) {
    const [word, associate] = key.split('\u0000') as [string, string];
    const perPack = unexplained.get(word) ?? new Map<number, number>();
    // By chance, a question's right entry holds the word as often as the pack's entries do.
    let chance = 0;
    for (const [n, count] of perPack) chance += count * (holding[n]?.get(associate) ?? 0);
    const recurs = seen.packs.size >= minSets && seen.packs.size >= minShare * perPack.size;
    if (recurs && seen.questions >= minLift * chance) out.push([word, associate]);
  }
  return out.sort((a, b) => (a[0] === b[0] ? cmp(a[1], b[1]) : cmp(a[0], b[0])));
}

/** The words of an entry's question and variants. */
function wordsOf(entry: IndexedEntry): Set<string> {
  const words = new Set<string>();
  for (const s of entry.surfaces) for (const u of s.units) words.add(u.term);
  return words;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function learnAssociations(sets: readonly LabelledQuestions[], options: LearnOptions = {}): Associations {
  return associationsOf(learnPairs(sets, options));
}

/** The table shipped with the engine (learned-associations.ts). */
export const DEFAULT_ASSOCIATIONS: Associations = associationsOf(
  LEARNED_PAIRS.trim()
    .split(/\s+/)
    .map((p) => p.split('=') as [string, string]),
);
