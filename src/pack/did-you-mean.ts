/**
 * "Did you mean" suggestions for misspelt ids and keys, by edit distance (Damerau-Levenshtein,
 * optimal string alignment), so `sanitaton` suggests `sanitation` and `keywods` suggests `keywords`.
 */

/** Edit distance with adjacent transpositions; case-insensitive. */
export function editDistance(a: string, b: string): number {
  const s = [...a.toLowerCase()];
  const t = [...b.toLowerCase()];
  const rows = s.length + 1;
  const cols = t.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number): number => d[i * cols + j] ?? 0;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let v = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) v = Math.min(v, at(i - 2, j - 2) + 1);
      d[i * cols + j] = v;
    }
  }
  return at(rows - 1, cols - 1);
}

/** A candidate id with an optional display name a user might have typed instead of the id. */
export interface Candidate {
  id: string;
  name?: string | undefined;
}

/**
 * The closest candidate id to `word`, or undefined when none is close enough. A word equal to
 * (or contained in) a candidate's name suggests that candidate's id, since people often write
 * the office's name where its id belongs.
 */
export function didYouMean(word: string, candidates: readonly (string | Candidate)[]): string | undefined {
  const list = candidates.map((c) => (typeof c === 'string' ? { id: c } : c));
  const trimmed = word.trim();
  if (trimmed === '') return undefined;
  const byName = list.find((c) => c.name !== undefined && (c.name === trimmed || c.name.includes(trimmed)));
  if (byName && byName.id !== word) return byName.id;
  // A truncated key (`telegram` for `telegram_chat`) names its candidate well enough.
  if ([...trimmed].length >= 4) {
    const prefixed = list.filter((c) => c.id !== word && c.id.toLowerCase().startsWith(trimmed.toLowerCase()));
    if (prefixed.length === 1) return prefixed[0]?.id;
  }
  // Allow about one typo per three characters, at least one.
  const limit = Math.max(1, Math.floor([...trimmed].length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of list) {
    if (c.id === word) continue;
    const dist = editDistance(trimmed, c.id);
    if (dist < bestDistance) {
      best = c.id;
      bestDistance = dist;
    }
  }
  // A one- or two-letter word is "close" to everything; only suggest when something of it survives.
  return bestDistance <= limit && bestDistance < [...trimmed].length ? best : undefined;
}

/** ` (did you mean "x"?)` or the empty string. */
export function suggestion(word: string, candidates: readonly (string | Candidate)[]): string {
  const hit = didYouMean(word, candidates);
  return hit === undefined ? '' : ` (did you mean "${hit}"?)`;
}
