import { describe, expect, it } from 'vitest';
import { createNumberedChoices, parseChoiceNumber } from '../../../adapters/wechat/choices.js';

const buttons = [[{ label: 'A', data: 'a' }, { label: 'B', data: 'b' }], [{ label: 'C', data: 'c' }]];

describe('parseChoiceNumber', () => {
  it('reads the forms residents type', () => {
    for (const [text, n] of [['1', 1], ['１', 1], ['1.', 1], ['１．', 1], ['2、', 2], ['(3)', 3], ['（3）', 3], [' 12 ', 12]] as const) {
      expect(parseChoiceNumber(text), text).toBe(n);
    }
  });
  it('rejects anything else', () => {
    for (const text of ['', '0', '123', '1 2', 'a1', '第1个', '1号楼垃圾', '-1']) expect(parseChoiceNumber(text), text).toBeUndefined();
  });
});

describe('createNumberedChoices', () => {
  it('maps numbers to the last list of that chat only', () => {
    const c = createNumberedChoices();
    c.remember('x', buttons);
    expect([c.resolve('x', '1'), c.resolve('x', '3'), c.resolve('x', '4'), c.resolve('y', '1')]).toEqual(['a', 'c', undefined, undefined]);
    c.remember('x', [[{ label: 'Z', data: 'z' }]]);
    expect([c.resolve('x', '1'), c.resolve('x', '2')]).toEqual(['z', undefined]);
  });

  it('forgets a list after the TTL', () => {
    let now = 0;
    const c = createNumberedChoices({ ttlMs: 1000, now: () => now });
    c.remember('x', buttons);
    now = 1000;
    expect(c.resolve('x', '2')).toBe('b');
    now = 1001;
    expect(c.resolve('x', '2')).toBeUndefined();
    expect(c.size()).toBe(0);
  });

  it('keeps at most maxChats, dropping the least recently told', () => {
    const c = createNumberedChoices({ maxChats: 2 });
    c.remember('a', buttons);
    c.remember('b', buttons);
    c.remember('a', buttons);
    c.remember('c', buttons);
    expect(c.size()).toBe(2);
    expect([c.resolve('a', '1'), c.resolve('b', '1'), c.resolve('c', '1')]).toEqual(['a', undefined, 'a']);
  });

  it('an empty button list clears the chat', () => {
    const c = createNumberedChoices();
    c.remember('x', buttons);
    c.remember('x', []);
    expect(c.resolve('x', '1')).toBeUndefined();
  });
});
