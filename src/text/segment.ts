/**
 * Text basics shared by the routing and FAQ engines: normalisation, word segmentation (jieba)
 * and character n-grams. Loading jieba's dictionary costs ~0.3 s, so it happens once, lazily.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

let jieba: Jieba | undefined;

function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

/** Teaches the segmenter extra words (a pack's keywords, area names) so they are cut whole. */
export function addWords(words: Iterable<string>): void {
  const lines: string[] = [];
  for (const w of words) {
    const t = normalize(w).replace(/\s+/g, '');
    if (t.length >= 2) lines.push(`${t} 2000`);
  }
  if (lines.length > 0) segmenter().loadDict(Buffer.from(lines.join('\n'), 'utf8'));
}

/** NFKC (full-width to half-width), lower case, typographic apostrophes plain, one space between runs. */
export function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

const PUNCT_OR_SPACE = /^[\p{P}\p{S}\s]+$/u;

/** Words of the text (normalised), without punctuation or spaces. */
export function words(text: string): string[] {
  return segmenter()
    .cut(normalize(text), true)
    .filter((w) => !PUNCT_OR_SPACE.test(w));
}

/** Words for search: long words are also cut into their shorter dictionary words. */
export function searchWords(text: string): string[] {
  return segmenter()
    .cutForSearch(normalize(text), true)
    .filter((w) => !PUNCT_OR_SPACE.test(w));
}

/**
 * Character n-grams of each run of letters (punctuation and spaces split runs), so that a typo or
 * a homophone character costs a few grams rather than the whole word.
 */
export function charNgrams(text: string, n: number): string[] {
  const out: string[] = [];
  for (const run of normalize(text).split(/[\p{P}\p{S}\s]+/u)) {
    const chars = Array.from(run);
    if (chars.length === 0) continue;
    if (chars.length < n) {
      out.push(chars.join(''));
      continue;
    }
    for (let i = 0; i + n <= chars.length; i++) out.push(chars.slice(i, i + n).join(''));
  }
  return out;
}
