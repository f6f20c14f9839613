/**
 * Cuts a string to at most `maxBytes` of UTF-8 without splitting a character (nor a surrogate
 * pair), ending with "…" when something was cut.
 */
const ELLIPSIS = '…';

export function truncateUtf8(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text;
  const budget = maxBytes - Buffer.byteLength(ELLIPSIS, 'utf8');
  let used = 0;
  let out = '';
  // Iterating a string yields whole code points, so pairs stay together.
  for (const ch of text) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (used + n > budget) break;
    out += ch;
    used += n;
  }
  return out + ELLIPSIS;
}
