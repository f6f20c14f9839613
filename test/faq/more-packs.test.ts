import { beforeAll, describe, expect, it } from 'vitest';
import { createFaqEngine, type FaqEngine } from '../../src/faq/index.js';
import { loadPackFile } from '../../src/pack/load.js';
import { scoreFixture } from './fixture-score.js';

/**
 * The third and fourth fixture packs (a county's service desk and a township's village topics),
 * each with labelled questions of which about a third are near-topic out-of-scope ones. Entries
 * that share a topic and differ only in what they ask (turn on / turn off, where / when / how
 * much) check the intent modelling; the floors check the method on wording it was not built on.
 */
const path = (p: string): string => new URL(p, import.meta.url).pathname;

async function load(pack: string): Promise<FaqEngine> {
  return createFaqEngine((await loadPackFile(path(pack))).pack.faq);
}

const score = (engine: FaqEngine, questions: string) => scoreFixture(engine, path(questions));

describe('the FAQ engine on a third pack', () => {
  let engine: FaqEngine;
  beforeAll(async () => {
    engine = await load('../fixtures/packs/faq-3.yaml');
  });

  it('keeps floors on in-scope and near-topic out-of-scope questions', () => {
    const s = score(engine, './fixture-questions-3.jsonl');
    expect(s.inN).toBeGreaterThan(50);
    expect(s.outN).toBeGreaterThan(25);
    expect(s.inScope).toBeGreaterThanOrEqual(0.8);
    expect(s.abstention).toBeGreaterThanOrEqual(0.55);
  });

  it.each([
    ['别再给我发短信了', 'sms-off'],
    ['短信能退订吗', 'sms-off'],
    ['我想开通短信通知', 'sms-on'],
    ['预约的清运我不要了怎么取消', 'bulky-cancel'],
    ['家里的旧床想叫人上门拉走怎么约', 'bulky-book'],
  ])('tells turning off from turning on: %s', (text, id) => {
    expect(engine.answer(text).top?.id).toBe(id);
  });

  it.each([
    ['爱卫办电话多少', 'office-phone'],
    ['爱卫办星期六开门吗', 'office-hours'],
    ['拉走一个沙发多少钱', 'bulky-fee'],
  ])('prefers the entry that asks what the question asks: %s', (text, id) => {
    expect(engine.answer(text).best?.id).toBe(id);
  });

  it('matches a word jieba cut differently by its characters', () => {
    // "打药灭" (glued) against "打药灭蚊" in the entry: the shared character pairs carry it.
    expect(engine.answer('小区啥时候打药灭蚊子').top?.id).toBe('disinfect-schedule');
  });

  it('declines a question on the topic that asks something the entries do not', () => {
    expect(engine.answer('爱卫办主任是谁').best).toBeNull();
  });
});

describe('the FAQ engine on a fourth pack', () => {
  it('keeps floors on in-scope and out-of-scope questions', async () => {
    const s = score(await load('../fixtures/packs/faq-4.yaml'), './fixture-questions-4.jsonl');
    expect(s.inN).toBeGreaterThan(50);
    expect(s.outN).toBeGreaterThan(20);
    expect(s.inScope).toBeGreaterThanOrEqual(0.8);
    expect(s.abstention).toBeGreaterThanOrEqual(0.6);
  });
});

/** A resident-style pack keeps its in-scope and abstention floors over its 100-odd and 40-odd questions. */
async function keepsFloors(pack: string, questions: string, inFloor: number, outFloor: number): Promise<void> {
  const s = score(await load(pack), questions);
  expect(s.inN).toBeGreaterThan(100);
  expect(s.outN).toBeGreaterThan(40);
  expect(s.inScope).toBeGreaterThanOrEqual(inFloor);
  expect(s.abstention).toBeGreaterThanOrEqual(outFloor);
}

/**
 * The fifth to tenth packs (a county office, a township with its 小区, a city 街道, a county
 * town's street trade, a 社区 with its compounds and a county 爱卫办) come with questions written as residents type them: situations rather than
 * questions, dialect words, abbreviations, homophone typos, English, and near-topic questions no
 * entry answers. They are the hardest of the
 * fixtures; the floors sit a little under what the engine reaches so that a change that loses
 * ground on resident wording fails here.
 */
describe('the FAQ engine on resident-style wording', () => {
  it.each([
    ['../fixtures/packs/faq-5.yaml', './fixture-questions-5.jsonl', 0.65, 0.5],
    ['../fixtures/packs/faq-6.yaml', './fixture-questions-6.jsonl', 0.65, 0.8],
    ['../fixtures/packs/faq-7.yaml', './fixture-questions-7.jsonl', 0.65, 0.5],
    ['../fixtures/packs/faq-8.yaml', './fixture-questions-8.jsonl', 0.7, 0.5],
    ['../fixtures/packs/faq-9.yaml', './fixture-questions-9.jsonl', 0.68, 0.55],
    ['../fixtures/packs/faq-10.yaml', './fixture-questions-10.jsonl', 0.68, 0.65],
  ])('keeps floors on %s', keepsFloors);
});

/**
 * The eleventh to fourteenth packs (a county 环卫所, a township 市场监管所, a county's rainy-season
 * 疾控/爱卫办, a tourist old town) were written after the calibration was fitted, each by an author
 * who never saw the engine's answers, with most in-scope questions sharing only a word or two with
 * their entry. They are not in the calibration's fit (`npm run bench:faq:fresh` scores them); the
 * floors sit a little under what the engine reaches on them.
 */
describe('the FAQ engine on packs written after the calibration was fitted', () => {
  it.each([
    ['../fixtures/packs/faq-11.yaml', './fixture-questions-11.jsonl', 0.6, 0.58],
    ['../fixtures/packs/faq-12.yaml', './fixture-questions-12.jsonl', 0.57, 0.52],
    ['../fixtures/packs/faq-13.yaml', './fixture-questions-13.jsonl', 0.6, 0.65],
    ['../fixtures/packs/faq-14.yaml', './fixture-questions-14.jsonl', 0.6, 0.57],
  ])('keeps floors on %s', keepsFloors);
});

/**
 * The fifteenth to twentieth packs (a city 街道's 创卫 office, a compound's 居委会 and 物业, a
 * township's 农村人居环境整治, a county 城管, a county 爱卫办 on pests and smoking, a county
 * 生态环境局 with its 农贸市场) were written the same way, later still, and are not in the fit either.
 */
describe('the FAQ engine on six more packs written after the calibration was fitted', () => {
  it.each([
    ['../fixtures/packs/faq-15.yaml', './fixture-questions-15.jsonl', 0.55, 0.63],
    ['../fixtures/packs/faq-16.yaml', './fixture-questions-16.jsonl', 0.63, 0.65],
    ['../fixtures/packs/faq-17.yaml', './fixture-questions-17.jsonl', 0.68, 0.85],
    ['../fixtures/packs/faq-18.yaml', './fixture-questions-18.jsonl', 0.67, 0.73],
    ['../fixtures/packs/faq-19.yaml', './fixture-questions-19.jsonl', 0.63, 0.73],
    ['../fixtures/packs/faq-20.yaml', './fixture-questions-20.jsonl', 0.7, 0.75],
  ])('keeps floors on %s', keepsFloors);
});
