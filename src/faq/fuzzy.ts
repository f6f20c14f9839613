/**
 * One-character-off lookup for typos and homophones ("拉级" for "垃圾", "章郎" for "蟑螂"): a term
 * of 2 to 6 characters is found by any vocabulary term of the same length that differs from it in
 * exactly one character. Keys replace one position with a wildcard, so a lookup is a few map reads.
 */
const WILD = '\u0000';
const MIN = 2;
const MAX = 6;

function keys(term: string): string[] {
  const chars = Array.from(term);
  if (chars.length < MIN || chars.length > MAX || !/^\p{Script=Han}+$/u.test(term)) return [];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars.slice();
    c[i] = WILD;
    out.push(c.join(''));
  }
  return out;
}

export class FuzzyIndex {
  private readonly byKey = new Map<string, string[]>();

  add(term: string): void {
    for (const k of keys(term)) {
      const list = this.byKey.get(k);
      if (!list) this.byKey.set(k, [term]);
      else if (!list.includes(term)) list.push(term);
    }
  }

  /** Vocabulary terms exactly one character away from `term` (never `term` itself). */
  near(term: string): string[] {
    const out: string[] = [];
    for (const k of keys(term)) {
      for (const t of this.byKey.get(k) ?? []) if (t !== term && !out.includes(t)) out.push(t);
    }
    return out;
  }
}
