/**
 * Homophone typos corrected against the knowledge base's own words: "建康证" is no word, sounds
 * like 健康证, which an entry holds, and differs from it in one character. jieba tends to glue
 * such a typo to its neighbours ("建康 | 证搁"), after which no later step can see the word, so the
 * correction runs on the raw text, before segmentation.
 */
import { soundKey, syllables } from '../text/pinyin.js';
import { knownIdf } from './general-idf.js';

const HAN_RUN = /\p{Script=Han}{2,}/gu;
const HAN_WORD = /^\p{Script=Han}{2,4}$/u;

/**
 * Sound -> word for the Han words (2 to 4 characters) of an entry's question fields; a sound two
 * different words share maps to '' and corrects nothing.
 */
export function soundWords(words: Iterable<string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const w of words) {
    const key = HAN_WORD.test(w) ? soundKey(w) : undefined;
    if (key === undefined) continue;
    const had = out.get(key);
    out.set(key, had === undefined || had === w ? w : '');
  }
  return out;
}

function oneApart(a: string, b: string): boolean {
  const x = Array.from(a);
  const y = Array.from(b);
  if (x.length !== y.length) return false;
  let d = 0;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) d++;
  return d === 1;
}

/** The text with each non-word that sounds like a knowledge-base word, one character off, replaced by it. */
export function respell(text: string, words: ReadonlyMap<string, string>): string {
  if (words.size === 0) return text;
  return text.replace(HAN_RUN, (run) => {
    const chars = Array.from(run);
    const sy = syllables(run);
    if (sy.length !== chars.length) return run;
    let out = '';
    for (let i = 0; i < chars.length; ) {
      let took = 0;
      for (let len = Math.min(4, chars.length - i); len >= 2 && took === 0; len--) {
        const window = chars.slice(i, i + len).join('');
        if (knownIdf(window) !== undefined) continue;
        const word = words.get(sy.slice(i, i + len).join(''));
        if (word && oneApart(window, word)) {
          out += word;
          took = len;
        }
      }
      if (took === 0) {
        out += chars[i];
        took = 1;
      }
      i += took;
    }
    return out;
  });
}
