/**
 * English helpers for mixed Chinese/English messages: word tokens and a crude suffix stemmer, so
 * that "parked", "parking" and "park" meet, and "cockroaches" meets "cockroach".
 */

/** Lower-case Latin words of the text (digits and CJK split words). */
export function englishWords(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(/[a-z]+(?:'[a-z]+)?/g) ?? [];
}

/** A crude stem: drops plural, -ing, -ed and a final e. Deterministic, so both sides agree. */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/'s$/, '');
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 4 && /(ches|shes|xes|sses)$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  // "stopp(ing)", "plann(ed)": undouble a final consonant left by the suffix.
  if (w.length > 3 && /([b-df-hj-np-tv-z])\1$/.test(w) && !/(ll|ss|ff|zz)$/.test(w)) w = w.slice(0, -1);
  return w;
}

/** Stems of the English words, joined by single spaces and padded, for phrase look-up. */
export function stemmedLine(text: string): string {
  const stems = englishWords(text).map(stem);
  return stems.length === 0 ? '' : ` ${stems.join(' ')} `;
}

/** Whether `phrase` (one or more English words) occurs in a line built by {@link stemmedLine}. */
export function hasEnglishPhrase(line: string, phrase: string): boolean {
  if (line === '') return false;
  const p = englishWords(phrase).map(stem).join(' ');
  return p !== '' && line.includes(` ${p} `);
}
