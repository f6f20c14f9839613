import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, suggestion } from '../../src/pack/did-you-mean.js';

describe('editDistance', () => {
  it('counts edits and adjacent transpositions', () => {
    expect(editDistance('sanitaton', 'sanitation')).toBe(1);
    expect(editDistance('keywods', 'keywords')).toBe(1);
    expect(editDistance('cleanign', 'cleaning')).toBe(1);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('环卫所', '环卫处')).toBe(1);
  });
});

describe('didYouMean', () => {
  const units = ['sanitation', 'urban-mgmt', 'office', { id: 'police', name: '派出所' }];

  it('suggests the nearest id within about one typo per three letters', () => {
    expect(didYouMean('sanitaton', units)).toBe('sanitation');
    expect(didYouMean('urbanmgmt', units)).toBe('urban-mgmt');
    expect(didYouMean('Office', units)).toBe('office');
  });

  it('suggests nothing for far-off or very short words', () => {
    expect(didYouMean('transport', units)).toBeUndefined();
    expect(didYouMean('x', ['a', 'b'])).toBeUndefined();
    expect(didYouMean('', units)).toBeUndefined();
  });

  it('maps a unit name to its id and a truncated key to the full key', () => {
    expect(didYouMean('派出所', units)).toBe('police');
    expect(didYouMean('telegram', ['telegram_chat', 'wechat_room'])).toBe('telegram_chat');
  });

  it('formats the hint', () => {
    expect(suggestion('sanitaton', units)).toBe(' (did you mean "sanitation"?)');
    expect(suggestion('zzzz', units)).toBe('');
  });
});
