/**
 * CSV for Excel, shared by every spreadsheet the product hands out (survey results, the console's
 * per-unit summary): UTF-8 with a byte-order mark, because Excel on Chinese Windows otherwise reads
 * the file as GBK and garbles every Chinese cell; CRLF line ends, as RFC 4180 and Excel expect.
 */

/** A cell as written: text, or a number (written as is). */
export type CsvCell = string | number;

/**
 * One field: quoted when it holds a quote, comma or line break. Text starting with = + - @ (or a
 * tab or CR, which Excel skips before looking) gets a leading apostrophe, so a name taken from a
 * pack or a resident cannot run as a formula when the file is opened. Numbers are left alone: a
 * negative count is not an attack, and an apostrophe would turn it into text.
 */
export function csvField(v: CsvCell): string {
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** The whole file: the byte-order mark, then one CRLF-terminated line per row. */
export function csvDocument(rows: readonly (readonly CsvCell[])[]): string {
  return `\uFEFF${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
