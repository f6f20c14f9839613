/**
 * Features of a text for the category classifier, as a bag of keys with weights in 0..1:
 *   k:<keyword>   a pack keyword occurring in the text (substring: survives any segmentation)
 *   c:<concept>   an everyday-word concept (concepts.ts, english-bridge.ts) occurring in the text
 *   w:<word>      a segmenter word (search mode: long words also give their parts)
 *   b:/t:<gram>   character bi- and tri-grams: a typo or homophone costs a few grams, not the word
 *   u:<char>      single Han characters, weakest, for two-character words with one wrong character
 */
import { hasEnglishPhrase, stemmedLine } from '../text/english.js';
import { charNgrams, normalize, searchWords, words } from '../text/segment.js';
import { isStopword } from '../text/stopwords.js';
import { ZH_CONCEPTS } from './concepts.js';
import { EN_CONCEPTS } from './english-bridge.js';

export type FeatureBag = Map<string, number>;

/** Characters too common to say anything on their own. */
const STOP_CHARS = new Set(Array.from('的了是在我你他她它这那有都就也还和与把被让给很太又个些里上下人一不没么吗呢吧啊呀说看来去到得着过要会能可对就'));
const HAN = /\p{Script=Han}/u;
/** Total weight a concept's synonyms lend to the pack keywords of that concept. */
const SYNONYM_WEIGHT = 0.9;
/** Weight of a word that search mode adds as a part of a longer word. */
const PART_WEIGHT = 0.4;

export class FeatureExtractor {
  private readonly keywords: string[];
  private readonly zhMembers: { text: string; concept: string }[] = [];
  private readonly enMembers: { text: string; concept: string }[] = [];
  /** concept -> the pack keywords that are members of it: a synonym in the text stands in for them */
  private readonly conceptKeywords = new Map<string, string[]>();

  /** `keywords`: every keyword of the pack; they become `k:` features wherever they occur. */
  constructor(keywords: Iterable<string>) {
    this.keywords = [...new Set([...keywords].map(compact).filter((k) => k.length > 0))];
    for (const [concept, members] of Object.entries(ZH_CONCEPTS)) {
      for (const m of members) this.zhMembers.push({ text: compact(m), concept });
    }
    for (const [concept, members] of Object.entries(EN_CONCEPTS)) {
      for (const m of members) this.enMembers.push({ text: m, concept });
    }
    const keywordSet = new Set(this.keywords);
    for (const m of this.zhMembers) {
      if (!keywordSet.has(m.text)) continue;
      const list = this.conceptKeywords.get(m.concept) ?? [];
      if (!list.includes(m.text)) list.push(m.text);
      this.conceptKeywords.set(m.concept, list);
    }
  }

  /** Features of one text; `masked` spans (place names) count for only `maskWeight` of their weight. */
  extract(text: string, masked: readonly { start: number; end: number }[] = [], maskWeight = 0.3): FeatureBag {
    const full = this.bag(text);
    if (masked.length === 0) return full;
    const t = normalize(text);
    let rest = '';
    let pos = 0;
    for (const m of [...masked].sort((a, b) => a.start - b.start)) {
      if (m.start < pos) {
        pos = Math.max(pos, m.end);
        continue;
      }
      rest += `${t.slice(pos, m.start)}，`;
      pos = m.end;
    }
    rest += t.slice(pos);
    const kept = this.bag(rest);
    for (const [f, w] of full) {
      const k = kept.get(f) ?? 0;
      if (w > k) kept.set(f, k + (w - k) * maskWeight);
    }
    return kept;
  }

  private bag(text: string): FeatureBag {
    const out: FeatureBag = new Map();
    const t = normalize(text);
    const flat = compact(t);
    for (const k of this.keywords) if (flat.includes(k)) out.set(`k:${k}`, 1);
    for (const m of this.zhMembers) if (flat.includes(m.text)) out.set(`c:${m.concept}`, 1);
    const line = stemmedLine(t);
    if (line !== '') for (const m of this.enMembers) if (hasEnglishPhrase(line, m.text)) out.set(`c:${m.concept}`, 1);
    // A concept heard in other words counts, in part, as the pack's own keywords for it.
    for (const f of [...out.keys()]) {
      if (!f.startsWith('c:')) continue;
      const kws = this.conceptKeywords.get(f.slice(2));
      if (kws === undefined) continue;
      const w = SYNONYM_WEIGHT / kws.length;
      for (const k of kws) {
        out.set(`k:${k}`, Math.max(out.get(`k:${k}`) ?? 0, w));
        out.set(`w:${k}`, Math.max(out.get(`w:${k}`) ?? 0, w));
      }
    }
    // Parts of long words (search mode) say the same thing again: they count for less.
    for (const w of searchWords(t)) if (!isStopword(w)) out.set(`w:${w}`, PART_WEIGHT);
    for (const w of words(t)) if (!isStopword(w)) out.set(`w:${w}`, 1);
    for (const g of charNgrams(t, 2)) if (HAN.test(g)) out.set(`b:${g}`, 1);
    for (const g of charNgrams(t, 3)) if (HAN.test(g)) out.set(`t:${g}`, 1);
    for (const c of flat) if (HAN.test(c) && !STOP_CHARS.has(c)) out.set(`u:${c}`, 1);
    return out;
  }
}

/** Normalised, without spaces: the form substring matches run on. */
export function compact(text: string): string {
  return normalize(text).replace(/\s+/g, '');
}

/** The family of a feature key ("k", "c", "w", "b", "t", "u"). */
export function family(feature: string): string {
  return feature.slice(0, feature.indexOf(':'));
}
