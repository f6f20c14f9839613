import { describe, expect, it } from 'vitest';
import { renderText } from '../../../adapters/wechat/render.js';

describe('renderText', () => {
  it('leaves a plain text as it is', () => {
    expect(renderText({ kind: 'text', text: '您好' })).toBe('您好');
  });

  it('numbers buttons across rows', () => {
    const text = renderText({ kind: 'text', text: '选一个', buttons: [[{ label: '甲', data: '1' }], [{ label: '乙', data: '2' }, { label: '丙', data: '3' }]] });
    expect(text).toBe('选一个\n\n回复数字选择：\n1. 甲\n2. 乙\n3. 丙');
  });

  it('renders a photo caption with buttons, and buttons without text', () => {
    expect(renderText({ kind: 'photo', photo: 'a/b.png', buttons: [[{ label: '好', data: 'ok' }]] })).toBe('回复数字选择：\n1. 好');
    expect(renderText({ kind: 'photo', photo: 'a/b.png' })).toBe('');
  });

  it('adds the location hint in the language of the text', () => {
    expect(renderText({ kind: 'text', text: 'Where is it?', requestLocation: true })).toMatch(/^Where is it\?\n\nTo send your location: /);
    expect(renderText({ kind: 'text', text: '在哪里？', requestLocation: true })).toMatch(/^在哪里？\n\n发送位置：/);
  });

  it('cuts very long texts without splitting an emoji', () => {
    const out = renderText({ kind: 'text', text: '😀'.repeat(5000) });
    expect(Array.from(out)).toHaveLength(4000);
    expect(out.endsWith('😀…')).toBe(true);
  });
});
