import { describe, expect, it } from 'vitest';
import { csvDocument, csvField } from '../src/csv.js';

describe('CSV for Excel', () => {
  it('quotes fields holding quotes, commas or line breaks, doubling the quotes', () => {
    expect(csvField('县环卫站')).toBe('县环卫站');
    expect(csvField('环卫站,一组')).toBe('"环卫站,一组"');
    expect(csvField('他说"已清运"')).toBe('"他说""已清运"""');
    expect(csvField('第一行\n第二行')).toBe('"第一行\n第二行"');
    expect(csvField('a\r\nb')).toBe('"a\r\nb"');
  });

  it('puts an apostrophe before text a spreadsheet would run as a formula, but not before numbers', () => {
    for (const s of ['=1+2', '+86 123', '-环卫站', '@SUM(A1)', '\t=1', '\r=1']) expect(csvField(s)).toBe(/[\r]/.test(s) ? `"'${s}"` : `'${s}`);
    expect(csvField('=A1,B1')).toBe(`"'=A1,B1"`);
    expect(csvField('县=1')).toBe('县=1');
    expect(csvField(-3)).toBe('-3');
    expect(csvField(0.5)).toBe('0.5');
  });

  it('writes a byte-order mark and CRLF-terminated lines', () => {
    expect(csvDocument([['单位', '受理'], ['合计', 4]])).toBe('\uFEFF单位,受理\r\n合计,4\r\n');
  });
});
