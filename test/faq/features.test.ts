import { beforeAll, describe, expect, it } from 'vitest';
import { units } from '../../src/faq/analyze.js';
import { createFaqEngine, type FaqEngine } from '../../src/faq/index.js';
import { exceptionUnmet } from '../../src/faq/features.js';
import { loadPackFile } from '../../src/pack/load.js';
import type { FaqEntry } from '../../src/pack/schema.js';

const PACK = new URL('../fixtures/packs/faq-2.yaml', import.meta.url).pathname;
let entries: FaqEntry[];
let engine: FaqEngine;

beforeAll(async () => {
  entries = (await loadPackFile(PACK)).pack.faq;
  engine = createFaqEngine(entries);
});

describe('question analysis', () => {
  it('re-cuts a word jieba glued across a dictionary word', () => {
    const terms = units('路灯不亮了').map((u) => u.term);
    expect(terms).toContain('路灯');
  });

  it('keeps a rare dictionary word whole', () => {
    expect(units('玻璃瓶和易拉罐属于哪类垃圾').map((u) => u.term)).toContain('易拉罐');
  });

  it('finds the class of a compound the lists do not name through its sub-word', () => {
    const beer = units('啤酒瓶').find((u) => u.term === '啤酒瓶');
    expect(beer?.classes).toContain('可回收物');
  });

  it('counts generic asks ("处理") lightly but keeps them', () => {
    const list = units('旧床垫怎么处理');
    const handle = list.find((u) => u.term === '处理');
    const mattress = list.find((u) => u.term === '床垫');
    expect(handle).toBeDefined();
    expect(handle!.weight).toBeLessThan(mattress!.weight / 2);
  });
});

describe('evidence for answering', () => {
  it('matches an item to an entry that names another item of its class', () => {
    expect(engine.answer('喝完的啤酒瓶扔哪个桶').top?.id).toBe('sort-glass');
  });

  it('flags a question asking for a price of an entry that gives none', () => {
    const priced = engine.answer('公园门票多少钱');
    expect(priced.top?.id).toBe('park-hours');
    expect(priced.top?.features.askMismatch).toBe(1);
    expect(engine.answer('公园晚上几点关门').top?.features.askMismatch).toBe(0);
  });

  it('is more confident for the entry asked in its own words than for a side question on its topic', () => {
    const own = engine.answer('人民公园几点开门几点关门？').top;
    const side = engine.answer('公园门票多少钱').top;
    expect(own?.confidence).toBeGreaterThan(0.8);
    expect(side?.confidence).toBeLessThan(0.5);
  });

  it('flags a question about a lapse the entry never mentions ("丢了", "过期")', () => {
    expect(exceptionUnmet('健康证丢了咋补', '健康证在县疾控中心办理，体检合格后七天取证。')).toBe(1);
    expect(exceptionUnmet('健康证丢了咋补', '健康证丢了可以到原发证窗口补办。')).toBe(0);
    expect(exceptionUnmet('健康证在哪办', '健康证在县疾控中心办理。')).toBe(0);
    expect(exceptionUnmet('my permit expired, what now', 'Apply at the county office.')).toBe(1);
    const lost = engine.answer('人民公园门票弄丢了').top;
    expect(lost?.id).toBe('park-hours');
    expect(lost?.features.exception).toBe(1);
    expect(lost?.confidence).toBeLessThan(0.5);
  });

  it('sees question words no entry explains', () => {
    const f = engine.answer('驾照到期怎么换').top?.features;
    expect(f?.foreign).toBeGreaterThan(0.3);
  });

  it('flags a may-I question whose doing the entry never mentions', () => {
    const kite = engine.answer('人民公园里能放风筝吗').top;
    expect(kite?.id).toBe('park-hours');
    expect(kite?.features.actionUnmet).toBe(1);
    expect(kite?.confidence).toBeLessThan(0.5);
    expect(engine.answer('can I fly a kite in the park').top?.features.actionUnmet).toBe(1);
    for (const t of ['电动车能在楼道里充电吗', 'can I charge my e-bike in the stairwell']) {
      const charge = engine.answer(t).top;
      expect(charge?.id, t).toBe('ebike-charging');
      expect(charge?.features.actionUnmet, t).toBe(0);
      expect(charge?.confidence, t).toBeGreaterThan(0.5);
    }
  });
});
