import { describe, expect, it } from 'vitest';
import { hasEnglishPhrase, stem, stemmedLine } from '../../src/text/english.js';

describe('english', () => {
  it('stems inflections to one form', () => {
    expect(stem('parked')).toBe(stem('parking'));
    expect(stem('parks')).toBe(stem('park'));
    expect(stem('cockroaches')).toBe(stem('cockroach'));
    expect(stem('flies')).toBe('fly');
    expect(stem('smoking')).toBe(stem('smoke'));
  });

  it('finds phrases on word boundaries only', () => {
    const line = stemmedLine('Cars PARKED in the fire lanes again!');
    expect(hasEnglishPhrase(line, 'fire lane')).toBe(true);
    expect(hasEnglishPhrase(line, 'park')).toBe(true);
    expect(hasEnglishPhrase(line, 'ire')).toBe(false);
    expect(hasEnglishPhrase(stemmedLine('路灯坏了'), 'lamp')).toBe(false);
  });
});
