/**
 * Toneless pinyin keys for homophone matching: residents type the wrong character of the right
 * sound ("公侧" for 公厕, "退定" for 退订) or type pinyin outright ("chuangwei"). A word and a key
 * meet when they sound the same, whatever the characters.
 */
import { pinyin } from 'pinyin-pro';

const HAN = /^\p{Script=Han}{2,6}$/u;
/** Latin words of two or more pinyin syllables ("laji", "chuangwei"); shorter ones are too ambiguous. */
const PINYIN_LIKE = /^(?:(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|in|un|vn|er|ia|ie|iu|ua|uo|ue|ui|ve|a|o|e|i|u|v)){2,6}$/;

/** The toneless pinyin of each character of a Han text, in order ("公厕" -> ["gong", "ce"]). */
export function syllables(text: string): string[] {
  return pinyin(text, { toneType: 'none', type: 'array', v: true });
}

const cache = new Map<string, string | undefined>();
const CACHE_MAX = 50_000;

/**
 * The toneless pinyin of a two- to six-character Han word ("gongce"), or a pinyin-looking Latin
 * word as it is; undefined for anything else.
 */
export function soundKey(term: string): string | undefined {
  if (cache.has(term)) return cache.get(term);
  let key: string | undefined;
  if (HAN.test(term)) key = syllables(term).join('');
  else if (term.length >= 4 && PINYIN_LIKE.test(term)) key = term;
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(term, key);
  return key;
}

/**
 * Sounds that pinyin input methods let residents confuse, most of all speakers of southern
 * Mandarin and dialects who type with "fuzzy pinyin" on: zh/z, ch/c, sh/s, n/l, and -ng/-n.
 */
function loosen(syllable: string): string {
  return syllable
    .replace(/^([zcs])h/, '$1')
    .replace(/^n(?!g)/, 'l')
    .replace(/(a|e|i)ng$/, '$1n');
}

const looseCache = new Map<string, string | undefined>();

/**
 * The sound key of a two- to six-character Han word with the sounds residents confuse merged
 * ("投述" and 投诉 both give "tousu"); undefined for anything else. Looser than {@link soundKey},
 * so it is only meant for words that are no dictionary word at all, which are typos far more often
 * than new words.
 */
export function looseSoundKey(term: string): string | undefined {
  if (looseCache.has(term)) return looseCache.get(term);
  const key = HAN.test(term) ? syllables(term).map(loosen).join('') : undefined;
  if (looseCache.size >= CACHE_MAX) looseCache.clear();
  looseCache.set(term, key);
  return key;
}
