import { beforeAll, describe, expect, it } from 'vitest';
import { createFaqEngine, type FaqEngine } from '../../src/faq/index.js';
import { loadPackFile } from '../../src/pack/load.js';
import type { FaqEntry } from '../../src/pack/schema.js';

const PACK = new URL('../fixtures/packs/faq.yaml', import.meta.url).pathname;
let entries: FaqEntry[];
let engine: FaqEngine;

beforeAll(async () => {
  entries = (await loadPackFile(PACK)).pack.faq;
  engine = createFaqEngine(entries);
});

function answerId(text: string): string | null {
  return engine.answer(text).best?.id ?? null;
}

describe('createFaqEngine', () => {
  it('answers every entry asked with its own question, with a high score', () => {
    for (const e of entries) {
      const a = engine.answer(e.question);
      expect(a.best?.id, e.question).toBe(e.id);
      expect(a.best?.score).toBeGreaterThan(0.8);
      expect(a.abstained).toBe(false);
    }
  });

  it.each([
    ['收垃圾的车一般啥时候过来', 'bin-times'],
    ['吃剩的饭菜倒哪个桶', 'food-waste'],
    ['家里的过期感冒药扔哪个桶', 'batteries'],
    ['晚上厨房里老鼠乱窜', 'rats'],
    ['隔壁烧烤店油烟熏得窗户都不敢开', 'cooking-fumes'],
    ['人行道被水果摊占了', 'street-stalls'],
    ['在哪能看到工单进度', 'check-status'],
    ['饭店包间里能抽烟吗', 'smoking'],
  ])('answers a paraphrase: %s', (text, id) => {
    expect(answerId(text)).toBe(id);
  });

  it.each([
    ['家里有耗子咋整', 'rats'],
    ['湿垃圾扔哪', 'food-waste'],
    ['过年在镇上能放炮吗', 'fireworks'],
  ])('maps everyday words to the entry words: %s', (text, id) => {
    expect(answerId(text)).toBe(id);
  });

  it.each([
    ['拉圾车几点来', 'bin-times'],
    ['厨于垃圾放哪个桶', 'food-waste'],
  ])('tolerates a typo or homophone: %s', (text, id) => {
    expect(answerId(text)).toBe(id);
  });

  it.each([
    ['Where do I throw old batteries?', 'batteries'],
    ['What time does the public toilet open?', 'toilets'],
    ['Is smoking allowed in restaurants?', 'smoking'],
  ])('answers an English question: %s', (text, id) => {
    expect(answerId(text)).toBe(id);
  });

  it.each(['明天会下雨吗', '社保卡丢了去哪补办', '附近哪家火锅店好吃', 'How do I renew my passport?', '房东不退押金怎么办', '你好', '怎么办', ''])(
    'abstains on an out-of-scope question: %s',
    (text) => {
      const a = engine.answer(text);
      expect(a.abstained).toBe(true);
      expect(a.best).toBeNull();
    },
  );

  it('keeps scores in [0, 1] and reports the top candidate when abstaining', () => {
    const a = engine.answer('楼上漏水到我家了找谁');
    expect(a.abstained).toBe(true);
    for (const m of [a.top, ...a.suggestions]) {
      if (!m) continue;
      expect(m.score).toBeGreaterThanOrEqual(0);
      expect(m.score).toBeLessThanOrEqual(1);
    }
  });

  it('offers close entries as suggestions for a vague question', () => {
    const a = engine.answer('垃圾怎么扔');
    const ids = [a.best?.id, ...a.suggestions.map((s) => s.id)];
    expect(a.suggestions.length).toBeGreaterThan(0);
    expect(a.suggestions.length).toBeLessThanOrEqual(2);
    expect(ids).not.toContain('toilets');
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives no suggestions when nothing is close', () => {
    expect(engine.answer('明天会下雨吗').suggestions).toEqual([]);
  });

  it('answers from new entries after a rebuild and forgets removed ones', () => {
    const local = createFaqEngine(entries);
    expect(local.answer('快递柜的包裹放久了会收费吗').best).toBeNull();
    const added: FaqEntry = {
      id: 'parcel-lockers',
      question: '快递柜超时会收费吗？',
      variants: ['包裹在快递柜放几天'],
      answer: '快递柜免费保管十二小时，超时后按快递公司规定收取保管费。',
      tags: ['快递'],
    };
    local.rebuild([...entries.filter((e) => e.id !== 'rats'), added]);
    expect(local.size).toBe(entries.length);
    expect(local.answer('快递柜的包裹放久了会收费吗').best?.id).toBe('parcel-lockers');
    expect(local.answer('家里有老鼠怎么办').best?.id).not.toBe('rats');
  });

  it('abstains on everything with an empty knowledge base', () => {
    const empty = createFaqEngine([]);
    expect(empty.answer('垃圾怎么分类')).toEqual({ best: null, top: null, suggestions: [], abstained: true });
  });
});
