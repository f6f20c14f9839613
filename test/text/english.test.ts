import { describe, expect, it } from 'vitest';
import { hasEnglishPhrase, stem, stemmedLine } from '../../src/text/english.js';
import { bridgeEnglish, phraseRewriter } from '../../src/text/synonyms.js';
import { normalize } from '../../src/text/segment.js';

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

  it('bridges inflected forms through the stems of the bridge keys, phrases too', () => {
    const bridge = { block: '堵塞', throw: '扔', 'fire lane': '消防通道', collect: '收运' };
    expect(bridgeEnglish('blocking the fire lanes', bridge)).toContain('堵塞');
    expect(bridgeEnglish('blocking the fire lanes', bridge)).toContain('消防通道');
    expect(bridgeEnglish('throwing rubbish', bridge)).toContain('扔');
    expect(bridgeEnglish('when is it collected', bridge)).toContain('收运');
    expect(bridgeEnglish('blockchain', bridge)).not.toContain('堵塞');
    // An uninflected word never takes a key its stem shares ("can" is not "cans").
    expect(bridgeEnglish('can i go', { cans: '易拉罐' })).not.toContain('易拉罐');
    expect(bridgeEnglish('but why', { butt: '烟头' })).not.toContain('烟头');
  });

  it('rewrites a Latin variant as a whole word only, and reads typographic apostrophes', () => {
    const rewrite = phraseRewriter(new Map([['bot', '机器人']]));
    expect(rewrite('is the bot down')).toContain('机器人');
    expect(rewrite('both of them')).not.toContain('机器人');
    expect(rewrite('the bottom')).not.toContain('机器人');
    expect(normalize('I don\u2019t want it')).toBe("i don't want it");
  });
});
