import { describe, expect, it } from 'vitest';
import { bridgeEnglish, GENERAL_SYNONYMS, phraseRewriter, synonymMap } from '../../src/text/synonyms.js';

describe('synonyms', () => {
  const rewrite = phraseRewriter(synonymMap(GENERAL_SYNONYMS));

  it('rewrites everyday words to canonical ones', () => {
    expect(rewrite('家里有耗子').replace(/\s+/g, '')).toBe('家里有老鼠');
    expect(rewrite('湿垃圾').trim()).toBe('厨余垃圾');
    expect(rewrite('门口有狗屎').replace(/\s+/g, '')).toBe('门口有犬只粪便');
  });

  it('reads "stop sending" as unsubscribing, but not inside 别再发生 ("never again")', () => {
    expect(rewrite('别再发消息了')).toContain('取消订阅');
    expect(rewrite('别再给我发这些')).toContain('取消订阅');
    expect(rewrite('希望这种事别再发生')).not.toContain('取消订阅');
  });

  it('prefers a longer canonical word over a variant inside it', () => {
    expect(rewrite('我不满意').replace(/\s+/g, '')).toBe('我不满意');
  });

  it('bridges English words and two-word phrases to Chinese', () => {
    expect(bridgeEnglish('where does food waste go')).toContain('厨余垃圾');
    expect(bridgeEnglish('rats in my kitchen')).toContain('老鼠');
    expect(bridgeEnglish('no english here 中文')).toContain('中文');
  });

  it('keeps unknown English words', () => {
    expect(bridgeEnglish('passport renewal')).toContain('passport');
  });
});
