import { describe, expect, it } from 'vitest';
import { mimeFromPath } from '../../../adapters/telegram/files.js';
import { markdownToPlain, splitText } from '../../../adapters/telegram/text.js';

describe('splitText', () => {
  it('keeps short text whole', () => {
    expect(splitText('你好')).toEqual(['你好']);
  });

  it('cuts at a line break when there is one in the second half', () => {
    const text = `${'a'.repeat(70)}\n${'b'.repeat(50)}`;
    expect(splitText(text, 100)).toEqual(['a'.repeat(70), 'b'.repeat(50)]);
  });

  it('cuts hard when there is no break and never splits a surrogate pair', () => {
    const text = 'x'.repeat(99) + '😀' + 'y'.repeat(10);
    const parts = splitText(text, 100);
    expect(parts.join('')).toBe(text);
    expect(parts[0]).toBe('x'.repeat(99));
    expect(parts.every((p) => p.length <= 100)).toBe(true);
  });

  it('a 10,000-character message becomes parts within the limit that add up to it', () => {
    const text = '垃'.repeat(10_000);
    const parts = splitText(text);
    expect(parts.map((p) => p.length)).toEqual([4096, 4096, 1808]);
    expect(parts.join('')).toBe(text);
  });
});

describe('markdownToPlain', () => {
  it('drops markers and keeps link targets', () => {
    expect(markdownToPlain('# 标题\n**粗体** 和 `代码`\n> 引用\n[详情](https://example.org/t/1)')).toBe(
      '标题\n粗体 和 代码\n引用\n详情 (https://example.org/t/1)',
    );
  });
});

describe('mimeFromPath', () => {
  it('maps extensions and falls back to JPEG (Telegram re-encodes photos)', () => {
    expect(mimeFromPath('photos/file_1.jpg')).toBe('image/jpeg');
    expect(mimeFromPath('photos/file_1.PNG')).toBe('image/png');
    expect(mimeFromPath('photos/file_1')).toBe('image/jpeg');
  });
});
