/**
 * Category classifier: a linear evidence model over the features of `features.ts`. Each category's
 * profile is built from its keywords (weight 3), name (2) and examples (1); a feature's weight is
 * profile weight x family weight x inverse category frequency, so words every category shares count
 * for little and a keyword only one category has counts most. Scores become a confidence through a
 * softmax (how clear the winner is) times a saturation of the winner's evidence (how much was said).
 */
import type { Pack } from '../pack/schema.js';
import { family, FeatureExtractor, type FeatureBag } from './features.js';
import { FaqLikeness } from './faq-likeness.js';
import { isInformationQuestion } from './intent.js';

/** Tunables of the classifier; defaults were set on the development pack as a whole, not per line. */
export interface ClassifierOptions {
  /** Weight per feature family. Default: keywords 1.5, concepts 1.2, words 0.6, trigrams 0.3, bigrams 0.25, characters 0.06. */
  familyWeights?: Partial<Record<'k' | 'c' | 'w' | 't' | 'b' | 'u', number>>;
  /** Softmax temperature over scores. Default 4. */
  temperature?: number;
  /** Evidence at which confidence reaches 63% of the softmax share. Default 6. */
  evidenceScale?: number;
  /** Evidence (top score) below which the text is too vague and the category is none. Default 1.8. */
  minEvidence?: number;
  /** Factor on the evidence of a question that asks for information. Default 0.45. */
  questionFactor?: number;
  /** Similarity to an FAQ question above which an information question is not a report. Default 0.4. */
  faqSimilarity?: number;
  /** Share of weight kept by features inside place names. Default 0.3. */
  placeNameWeight?: number;
}

export interface Classification {
  category: string | null;
  confidence: number;
  alternatives: { category: string; score: number }[];
}

const SOURCE_WEIGHT = { keyword: 3, name: 2, example: 1 } as const;
const DEFAULT_FAMILY = { k: 1.5, c: 1.2, w: 0.6, t: 0.3, b: 0.25, u: 0.06 };

export class CategoryClassifier {
  private readonly extractor: FeatureExtractor;
  private readonly ids: string[];
  /** feature -> per-category weight (sparse) */
  private readonly weights = new Map<string, { cat: number; w: number }[]>();
  private readonly temperature: number;
  private readonly evidenceScale: number;
  private readonly minEvidence: number;
  private readonly questionFactor: number;
  private readonly faqSimilarity: number;
  private readonly faq: FaqLikeness;
  readonly placeNameWeight: number;

  constructor(pack: Pack, options: ClassifierOptions = {}) {
    const fam = { ...DEFAULT_FAMILY, ...options.familyWeights };
    this.temperature = options.temperature ?? 4;
    this.evidenceScale = options.evidenceScale ?? 6;
    this.minEvidence = options.minEvidence ?? 1.8;
    this.questionFactor = options.questionFactor ?? 0.45;
    this.faqSimilarity = options.faqSimilarity ?? 0.4;
    this.faq = new FaqLikeness(pack);
    this.placeNameWeight = options.placeNameWeight ?? 0.3;
    this.ids = pack.categories.map((c) => c.id);
    this.extractor = new FeatureExtractor(pack.categories.flatMap((c) => c.keywords));

    const profiles = pack.categories.map((c) => {
      const best = new Map<string, number>();
      const count = new Map<string, number>();
      const add = (bag: FeatureBag, w: number) => {
        for (const [f, x] of bag) {
          best.set(f, Math.max(best.get(f) ?? 0, w * x));
          count.set(f, (count.get(f) ?? 0) + 1);
        }
      };
      add(this.extractor.extract(c.name), SOURCE_WEIGHT.name);
      for (const k of c.keywords) add(this.extractor.extract(k), SOURCE_WEIGHT.keyword);
      for (const e of c.examples) add(this.extractor.extract(e), SOURCE_WEIGHT.example);
      const profile = new Map<string, number>();
      for (const [f, w] of best) profile.set(f, w + 0.15 * Math.min((count.get(f) ?? 1) - 1, 4));
      return profile;
    });

    const n = profiles.length;
    const df = new Map<string, number>();
    for (const p of profiles) for (const f of p.keys()) df.set(f, (df.get(f) ?? 0) + 1);
    profiles.forEach((p, cat) => {
      for (const [f, w] of p) {
        const idf = Math.log((n + 1) / (df.get(f) ?? 1));
        const fw = fam[family(f) as keyof typeof fam] ?? 0;
        const list = this.weights.get(f) ?? [];
        list.push({ cat, w: w * idf * fw });
        this.weights.set(f, list);
      }
    });
  }

  /** Raw scores per category for a text; `places` are spans of place names to discount. */
  scores(text: string, places: readonly { start: number; end: number }[] = []): number[] {
    const bag = this.extractor.extract(text, places, this.placeNameWeight);
    const scores = new Array<number>(this.ids.length).fill(0);
    for (const [f, x] of bag) {
      const list = this.weights.get(f);
      if (list === undefined) continue;
      for (const { cat, w } of list) scores[cat] = (scores[cat] ?? 0) + x * w;
    }
    return scores;
  }

  classify(text: string, places: readonly { start: number; end: number }[] = []): Classification {
    const raw = this.scores(text, places);
    let factor = 1;
    if (isInformationQuestion(text)) factor = this.faq.similarity(text) >= this.faqSimilarity ? 0 : this.questionFactor;
    const scores = raw.map((s) => s * factor);
    const order = scores.map((s, i) => ({ s, i })).sort((a, b) => b.s - a.s);
    const top = order[0];
    const alternatives = order
      .slice(0, 3)
      .filter((o) => o.s > 0)
      .map((o) => ({ category: this.ids[o.i] ?? '', score: round3(o.s) }));
    if (top === undefined || top.s <= 0) return { category: null, confidence: 0, alternatives };
    let z = 0;
    for (const o of order) z += Math.exp((o.s - top.s) / this.temperature);
    const share = 1 / z;
    const confidence = share * (1 - Math.exp(-top.s / this.evidenceScale));
    const category = top.s >= this.minEvidence ? (this.ids[top.i] ?? null) : null;
    return { category, confidence, alternatives };
  }
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
