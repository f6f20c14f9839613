/**
 * Text shaping for the Bot API: messages longer than Telegram's limit are split on line breaks,
 * and markdown meant for channels that render it is flattened to plain text.
 */

/** Telegram's limit for one message, in UTF-16 code units. */
export const MAX_TEXT = 4096;
/** Telegram's limit for a photo caption. */
export const MAX_CAPTION = 1024;

/**
 * Splits text into parts of at most `max` UTF-16 units, preferring a line break, then a space,
 * and never cutting a surrogate pair in two.
 */
export function splitText(text: string, max = MAX_TEXT): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf('\n', max);
    if (cut < max / 2) cut = rest.lastIndexOf(' ', max);
    if (cut < max / 2) cut = max;
    const code = rest.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    const head = rest.slice(0, cut).trimEnd();
    if (head) parts.push(head);
    rest = rest.slice(cut).replace(/^\n/, '');
  }
  if (rest.trim() || parts.length === 0) parts.push(rest);
  return parts;
}

/** Removes the markdown markers Telegram would otherwise show literally (no parse_mode is used). */
export function markdownToPlain(text: string): string {
  return text
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/__(.+?)__/g, '$1')
    .replace(/`([^`\n]+)`/g, '$1')
    .replace(/\[([^\]\n]+)\]\((https?:\/\/[^)\s]+)\)/g, '$1 ($2)')
    .replace(/^>\s?/gm, '');
}
