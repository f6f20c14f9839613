/**
 * Toneless pinyin keys for homophone matching: residents type the wrong character of the right
 * sound ("公侧" for 公厕, "退定" for 退订) or type pinyin outright ("chuangwei"). A word and a key
 * meet when they sound the same, whatever the characters.
 */
import { pinyin } from 'pinyin-pro';

const HAN = /^\p{Script=Han}{2,6}$/u;
/** Latin words of two or more pinyin syllables ("laji", "chuangwei"); shorter ones are too ambiguous. */
const PINYIN_LIKE = /^(?:(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|in|un|vn|er|ia|ie|iu|ua|uo|ue|ui|ve|a|o|e|i|u|v)){2,6}$/;

const cache = new Map<string, string | undefined>();
const CACHE_MAX = 50_000;

/**
 * The toneless pinyin of a two- to six-character Han word ("gongce"), or a pinyin-looking Latin
 * word as it is; undefined for anything else.
 */
export function soundKey(term: string): string | undefined {
  if (cache.has(term)) return cache.get(term);
  let key: string | undefined;
  if (HAN.test(term)) key = pinyin(term, { toneType: 'none', type: 'array', v: true }).join('');
  else if (term.length >= 4 && PINYIN_LIKE.test(term)) key = term;
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(term, key);
  return key;
}
