import { describe, expect, it } from 'vitest';
import { createFaqEngine } from '../../src/faq/index.js';
import { respell, soundWords } from '../../src/faq/respell.js';
import { loadPackFile } from '../../src/pack/load.js';

describe('homophone typos corrected against the knowledge base', () => {
  const words = soundWords(['健康证', '公平秤', '过期', '城管', '公厕', '食品']);

  it('replaces a non-word that sounds like a knowledge-base word and is one character off', () => {
    expect(respell('建康证搁哪办', words)).toBe('健康证搁哪办');
    expect(respell('公平称在哪', words)).toBe('公平秤在哪');
    expect(respell('超市卖过其货', words)).toBe('超市卖过期货');
    expect(respell('程管管不管', words)).toBe('城管管不管');
  });

  it('leaves real words, words two characters off, other sounds and text without Han alone', () => {
    // 公式 sounds like 公示 but is a word of its own; 成官 sounds like 城管 but is two characters off.
    const more = soundWords(['公示', '城管']);
    expect(respell('这个公式怎么算', more)).toBe('这个公式怎么算');
    expect(respell('成官来了', more)).toBe('成官来了');
    expect(respell('我是市民', words)).toBe('我是市民');
    expect(respell('where is the toilet', words)).toBe('where is the toilet');
  });

  it('corrects nothing by a sound two different words share', () => {
    const shared = soundWords(['实施', '事实']);
    expect(shared.get('shishi')).toBe('');
    expect(respell('是实情况', shared)).toBe('是实情况');
  });

  it('lets the engine answer a question whose key word is typed wrong, which jieba would glue to its neighbours', async () => {
    const { pack } = await loadPackFile(new URL('../fixtures/packs/faq-12.yaml', import.meta.url).pathname);
    const engine = createFaqEngine(pack.faq);
    // Cut as 卖过 | 其货, the typo 过其 left nothing to match 过期 with, and the engine held back.
    expect(engine.answer('超市卖过其货打哪个电话').best?.id).toBe('expired-report');
  });
});
