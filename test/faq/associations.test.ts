import { describe, expect, it } from 'vitest';
import { associationsOf, DEFAULT_ASSOCIATIONS, learnPairs, type LabelledQuestions } from '../../src/faq/associations.js';
import { createFaqEngine } from '../../src/faq/index.js';
import { NO_ASSOCIATIONS } from '../../src/faq/kb-index.js';
import type { FaqEntry } from '../../src/pack/schema.js';

const entry = (id: string, question: string, answer = '请按规定办理。'): FaqEntry => ({ id, question, variants: [], answer, tags: [] });

/** Topics with nothing in common, so that each word of an entry is rare in its pack. */
const FILLER = ['公共厕所几点开门', '犬只怎么办理登记', '健康证在哪里体检', '大件家具怎么预约上门', '井盖丢失找哪个部门', '菜市场活禽宰杀有什么规定', '路灯不亮了归谁修', '共享单车乱停怎么处理'];

/** A pack of the filler topics plus one entry on stopping notices, and questions for it. */
function pack(name: string, questions: string[], extra: FaqEntry[] = []): LabelledQuestions {
  const entries = [...FILLER.map((q, i) => entry(`${name}-${i}`, q)), entry(`${name}-stop`, '怎么取消订阅通知'), ...extra];
  return { entries, questions: questions.map((text) => ({ text, expect: `${name}-stop` })) };
}

describe('learnPairs', () => {
  it('learns a word that goes unexplained by its right entry in several packs, and stands for that entry\'s words', () => {
    const pairs = learnPairs([pack('a', ['天天推送烦死了']), pack('b', ['消息太多烦死了'])]);
    expect(pairs).toContainEqual(['烦死', '取消']);
    expect(pairs).toContainEqual(['烦死', '订阅']);
  });

  it('does not learn what one pack alone shows: that is its own wording', () => {
    const sets = [pack('a', ['天天推送烦死了']), pack('b', ['怎么取消订阅'])];
    expect(learnPairs(sets).some(([w]) => w === '烦死')).toBe(false);
    expect(learnPairs(sets, { minSets: 1 })).toContainEqual(['烦死', '取消']);
  });

  it('does not learn a pair the word left behind in most packs where it went unexplained', () => {
    // In c and d, 烦死 goes unexplained beside entries on other things: the tie is not reliable.
    const other = (name: string): LabelledQuestions => {
      const p = pack(name, []);
      return { ...p, questions: [{ text: '路灯不亮烦死了', expect: `${name}-6` }] };
    };
    const sets = [pack('a', ['天天推送烦死了']), pack('b', ['消息太多烦死了']), other('c'), other('d')];
    expect(learnPairs(sets, { minLift: 1 })).not.toContainEqual(['烦死', '取消']);
    expect(learnPairs(sets, { minLift: 1, minShare: 0.5 })).toContainEqual(['烦死', '取消']);
  });

  it('does not tie a word to an entry word most entries hold: that goes with everything by chance', () => {
    const everywhere = (name: string, questions: string[]): LabelledQuestions => {
      const p = pack(name, questions);
      return { ...p, entries: p.entries.map((e) => ({ ...e, question: `${e.question}，如何反映` })) };
    };
    const sets = [everywhere('a', ['天天推送烦死了']), everywhere('b', ['消息太多烦死了'])];
    expect(learnPairs(sets)).toContainEqual(['烦死', '取消']);
    expect(learnPairs(sets)).not.toContainEqual(['烦死', '反映']);
    expect(learnPairs(sets, { minLift: 1 })).toContainEqual(['烦死', '反映']);
  });

  it('learns nothing from out-of-scope questions or words too light to carry meaning', () => {
    const a = pack('a', ['天天推送烦死了']);
    const b = pack('b', ['消息太多烦死了']);
    const pairs = learnPairs([{ ...a, questions: a.questions.map((q) => ({ ...q, expect: null })) }, b]);
    expect(pairs).toEqual([]);
    expect(learnPairs([a, b], { minWeight: 12 })).toEqual([]);
  });
});

describe('associations in the engine', () => {
  const entries = [...FILLER.map((q, i) => entry(`f${i}`, q)), entry('stop', '怎么取消订阅通知')];

  it('lets a question word meet an entry through its associate, and only then', () => {
    const associations = associationsOf([['烦死', '取消']]);
    const withIt = createFaqEngine(entries, { associations }).answer('烦死了');
    const without = createFaqEngine(entries, { associations: NO_ASSOCIATIONS }).answer('烦死了');
    expect(withIt.top?.id).toBe('stop');
    expect(withIt.top?.recall ?? 0).toBeGreaterThan(0);
    expect(without.top?.id === 'stop' ? without.top.recall : 0).toBe(0);
  });

  it('counts an associate below the word itself', () => {
    const associations = associationsOf([['烦死', '取消']]);
    const engine = createFaqEngine(entries, { associations });
    const through = engine.answer('烦死订阅通知').top;
    const itself = engine.answer('取消订阅通知').top;
    expect(through?.id).toBe('stop');
    expect(through?.score ?? 1).toBeLessThan(itself?.score ?? 0);
  });

  it('ships a symmetric table learned from the fixture packs', () => {
    expect(DEFAULT_ASSOCIATIONS.size).toBeGreaterThan(50);
    for (const [word, list] of DEFAULT_ASSOCIATIONS) {
      for (const other of list) expect(DEFAULT_ASSOCIATIONS.get(other)).toContain(word);
    }
  });
});
