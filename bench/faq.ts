/**
 * FAQ benchmark: `npx tsx bench/faq.ts PACK QUESTIONS.jsonl` (lines `{"id","text","expect": id|null}`).
 * Prints in-scope top-1 accuracy, out-of-scope abstention, overall accuracy, latency, the misses,
 * and a latency run on a synthetic 1,000-entry knowledge base.
 *
 * `npx tsx bench/faq.ts --fit PACK QUESTIONS.jsonl [PACK QUESTIONS.jsonl|- ...]` fits the
 * answer-or-abstain calibration (src/faq/calibrate.ts) on the given sets — the repository's own
 * fixtures and packs, never an evaluation set — and prints it with each set's figures under it.
 * `-` for QUESTIONS uses leave-one-out cases made from that pack's own entries instead.
 * It also rewrites src/faq/learned-associations.ts, the word associations (associations.ts)
 * learned from all the labelled sets.
 *
 * In both --fit and --holdout, a set's rows are computed with associations learned without it,
 * and --holdout learns nothing from the set it holds out.
 *
 * `npx tsx bench/faq.ts --holdout PACK QUESTIONS.jsonl ...` (same arguments) fits on all sets but
 * one and scores the one held out, for each in turn: how the method does on a pack it has not seen.
 * Each line also gives the share of in-scope questions whose right entry ranked first, answered or
 * not, so that ranking and the answer-or-abstain decision can be judged apart.
 * `npm run bench:faq:holdout` runs it over the repository's ten fixture packs.
 *
 * `npx tsx bench/faq.ts --score PACK QUESTIONS.jsonl ...` scores the shipped calibration, unfitted,
 * on each set and prints the means. `npm run bench:faq:fresh` runs it on the ten packs (faq-11 to
 * faq-20) written after the calibration was fitted, by authors who never saw the engine's answers:
 * the nearest thing the repository has to a city's first pack.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { learnAssociations, learnPairs, type LabelledQuestions } from '../src/faq/associations.js';
import { fitLogistic, type Calibration } from '../src/faq/calibrate.js';
import type { Features } from '../src/faq/features.js';
import type { Associations } from '../src/faq/kb-index.js';
import { createFaqEngine } from '../src/faq/index.js';
import { loadPackFile } from '../src/pack/load.js';
import type { FaqEntry } from '../src/pack/schema.js';

interface Case {
  id: string;
  text: string;
  expect: string | null;
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function latency(fn: (t: string) => unknown, texts: string[], rounds: number): { p50: number; p99: number } {
  for (let r = 0; r < 5; r++) for (const t of texts) fn(t); // warm-up: jieba, caches, JIT, start-up GC
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const t of texts) {
      const s = process.hrtime.bigint();
      fn(t);
      times.push(Number(process.hrtime.bigint() - s) / 1e6);
    }
  }
  times.sort((a, b) => a - b);
  return { p50: pct(times, 50), p99: pct(times, 99) };
}

/** Deterministic PRNG (mulberry32) so the synthetic knowledge base is the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBJECTS = ['垃圾', '厨余垃圾', '可回收物', '旧家具', '老鼠', '蟑螂', '蚊子', '苍蝇', '犬只', '噪音', '油烟', '污水', '积水',
  '野广告', '烟花爆竹', '公共厕所', '活禽', '餐饮店', '共享单车', '路灯', '井盖', '绿化带', '化粪池', '农贸市场', '建筑工地',
  '渣土车', '流浪猫', '落叶', '灭鼠药', '电动车', '充电桩', '健康证', '营业执照', '停车位', '下水道', '垃圾桶'];
const PLACES = ['小区', '菜市场', '公园', '学校门口', '街道', '楼道', '河边', '广场', '车站', '商场', '村里', '工地', '医院'];
const ACTIONS = ['怎么处理', '归谁管', '有什么规定', '怎么投放', '多久清理一次', '可以申请吗', '要收费吗', '怎么举报', '几点开放'];
const FILLER = ['请按规定办理', '工作人员会在一个工作日内联系您', '详情可咨询社区', '请配合创卫工作', '违者将依法处理'];

/** A synthetic knowledge base of `n` entries plus questions asked of it, from combined vocabulary. */
function synthEntries(n: number, seed: number): { entries: FaqEntry[]; questions: string[] } {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const entries: FaqEntry[] = [];
  const questions: string[] = [];
  for (let i = 0; i < n; i++) {
    const subj = pick(SUBJECTS), place = pick(PLACES), act = pick(ACTIONS);
    entries.push({
      id: `synth-${i}`,
      question: `${place}的${subj}${act}？`,
      variants: [`${subj}在${place}${pick(ACTIONS)}`, `${pick(PLACES)}${subj}问题`],
      answer: `${place}${subj}${pick(FILLER)}，${pick(FILLER)}。${pick(SUBJECTS)}和${pick(SUBJECTS)}另行处理。`,
      tags: [subj],
    });
    if (i % 5 === 0) questions.push(`请问${pick(PLACES)}有${subj}${pick(ACTIONS)}`);
  }
  return { entries, questions };
}

async function loadSet(packPath: string, casesPath: string): Promise<{ entries: FaqEntry[]; cases: Case[] }> {
  const { pack } = await loadPackFile(packPath);
  const cases: Case[] = readFileSync(casesPath, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Case);
  return { entries: pack.faq, cases };
}

interface Accuracy {
  overall: number;
  /** Share of in-scope questions whose right entry ranked first, answered or not. */
  rankedFirst: number;
  line: string;
}

function accuracy(entries: FaqEntry[], cases: Case[], calibration?: Calibration, associations?: Associations): Accuracy {
  const engine = createFaqEngine(entries, { calibration, associations });
  let inN = 0, inOk = 0, outN = 0, outOk = 0, ranked = 0;
  for (const c of cases) {
    const a = engine.answer(c.text);
    const ok = (a.best?.id ?? null) === c.expect;
    if (c.expect === null) (outN++, ok && outOk++);
    else (inN++, ok && inOk++, a.top?.id === c.expect && ranked++);
  }
  const share = (a: number, b: number): number => a / Math.max(1, b);
  const f = (a: number, b: number): string => share(a, b).toFixed(3);
  // Ranked first apart from answered: the gap between the two is what the decision costs.
  return {
    overall: share(inOk + outOk, inN + outN),
    rankedFirst: share(ranked, inN),
    line: `in-scope ${f(inOk, inN)}, abstention ${f(outOk, outN)}, overall ${f(inOk + outOk, inN + outN)}, ranked first ${f(ranked, inN)}`,
  };
}

/**
 * Leave-one-out cases from a pack alone: each way an entry is asked, put to the knowledge base
 * without that wording (a paraphrase the entry should still answer) and put to it without the
 * whole entry (a near-topic question nothing answers, which the engine must decline).
 */
function leaveOneOut(entries: FaqEntry[], associations: Associations): Array<{ features: Features; right: boolean }> {
  const rows: Array<{ features: Features; right: boolean }> = [];
  entries.forEach((entry, i) => {
    const surfaces = [entry.question, ...entry.variants];
    if (surfaces.length < 2) return;
    const others = entries.filter((_, j) => j !== i);
    const without = createFaqEngine(others, { associations });
    surfaces.forEach((text, k) => {
      const rest = surfaces.filter((_, j) => j !== k);
      const held = createFaqEngine([...others, { ...entry, question: rest[0] ?? '', variants: rest.slice(1) }], { associations });
      const hit = held.answer(text).top;
      if (hit) rows.push({ features: hit.features, right: hit.id === entry.id });
      const miss = without.answer(text).top;
      if (miss) rows.push({ features: miss.features, right: false });
    });
  });
  return rows;
}

type Row = { features: Features; right: boolean };
type LabelledSet = { name: string; entries: FaqEntry[]; cases: Case[] };

async function loadSets(paths: string[]): Promise<LabelledSet[]> {
  const sets: LabelledSet[] = [];
  for (let i = 0; i + 1 < paths.length; i += 2) {
    const pack = paths[i] ?? '';
    const questions = paths[i + 1] ?? '-';
    if (questions === '-') sets.push({ name: pack, entries: (await loadPackFile(pack)).pack.faq, cases: [] });
    else sets.push({ name: questions, ...(await loadSet(pack, questions)) });
  }
  return sets;
}

/** The associations learned from every labelled set but those in `skip`. */
function learnedWithout(sets: readonly LabelledSet[], ...skip: number[]): Associations {
  return learnAssociations(sets.filter((s, j) => s.cases.length > 0 && !skip.includes(j)).map(labelled));
}

const labelled = (s: LabelledSet): LabelledQuestions => ({ entries: s.entries, questions: s.cases });

/**
 * A set's rows are computed with associations learned without that set, so that the model learns
 * how far a learned association is to be trusted on wording it was not learned from.
 */
function rowsOf(set: LabelledSet, associations: Associations): Row[] {
  const rows: Row[] = [];
  const engine = createFaqEngine(set.entries, { associations });
  // Each entry asked with its own question is a sure positive; it anchors the model for exact asks.
  for (const e of set.entries) {
    const top = engine.answer(e.question).top;
    if (top) rows.push({ features: top.features, right: top.id === e.id });
  }
  for (const c of set.cases) {
    const top = engine.answer(c.text).top;
    if (top) rows.push({ features: top.features, right: c.expect !== null && top.id === c.expect });
  }
  // A pack given without questions contributes leave-one-out cases instead. (Adding them to
  // the labelled sets too made the model abstain too often on real residents' wording.)
  if (set.cases.length === 0) rows.push(...leaveOneOut(set.entries, associations));
  return rows;
}

const ASSOCIATIONS_FILE = new URL('../src/faq/learned-associations.ts', import.meta.url);

/** Writes the associations learned from all the sets as the engine's shipped table. */
function writeAssociations(sets: readonly LabelledSet[]): number {
  const pairs = learnPairs(sets.filter((s) => s.cases.length > 0).map(labelled)).map(([a, b]) => `${a}=${b}`);
  const lines: string[] = [];
  for (let i = 0; i < pairs.length; i += 8) lines.push(pairs.slice(i, i + 8).join(' '));
  const head = [
    '// Generated by `npm run bench:faq:fit` (bench/faq.ts --fit) from the repository\'s own fixture packs',
    '// and their questions: learnPairs() in associations.ts, one "question word=entry word" pair each.',
    '// Do not edit by hand; regenerate after changing the synonym tables or the fixture packs.',
  ];
  const body = ['export const LEARNED_PAIRS = `', ...lines, '`;'];
  writeFileSync(ASSOCIATIONS_FILE, [...head, ...body, ''].join('\n'));
  return pairs.length;
}

async function fit(paths: string[]): Promise<void> {
  const sets = await loadSets(paths);
  const rows = sets.flatMap((set, j) => rowsOf(set, learnedWithout(sets, j)));
  const calibration = fitLogistic(rows);
  console.log(`${rows.length} rows`);
  console.log(JSON.stringify(calibration));
  const all = learnedWithout(sets);
  for (const set of sets) if (set.cases.length > 0) console.log(`${set.name}: ${accuracy(set.entries, set.cases, calibration, all).line}`);
  console.log(`${writeAssociations(sets)} learned associations written to src/faq/learned-associations.ts`);
}

/**
 * How the method carries over to a pack it was not fitted on: for each labelled set, fit the
 * calibration on all the other sets and score this one; prints each and the mean overall accuracy.
 */
async function holdout(paths: string[]): Promise<void> {
  const sets = await loadSets(paths);
  let sum = 0;
  let rankSum = 0;
  let n = 0;
  for (let i = 0; i < sets.length; i++) {
    const set = sets[i] as LabelledSet;
    if (set.cases.length === 0) continue;
    // Nothing of the held-out set reaches the model: neither its rows nor the associations.
    const rows = sets.flatMap((other, j) => (j === i ? [] : rowsOf(other, learnedWithout(sets, i, j))));
    const got = accuracy(set.entries, set.cases, fitLogistic(rows), learnedWithout(sets, i));
    sum += got.overall;
    rankSum += got.rankedFirst;
    n++;
    console.log(`${set.name} (held out): ${got.line}`);
  }
  console.log(`mean overall, held out: ${(sum / Math.max(1, n)).toFixed(4)}`);
  console.log(`mean ranked first (in scope), held out: ${(rankSum / Math.max(1, n)).toFixed(4)}`);
}

/** The shipped calibration on sets it was never fitted on: each set's figures and the means. */
async function scoreShipped(paths: string[]): Promise<void> {
  const sets = (await loadSets(paths)).filter((s) => s.cases.length > 0);
  let sum = 0;
  let rankSum = 0;
  for (const set of sets) {
    const got = accuracy(set.entries, set.cases);
    sum += got.overall;
    rankSum += got.rankedFirst;
    console.log(`${set.name}: ${got.line}`);
  }
  const n = Math.max(1, sets.length);
  console.log(`mean overall: ${(sum / n).toFixed(4)}`);
  console.log(`mean ranked first (in scope): ${(rankSum / n).toFixed(4)}`);
}

async function main(): Promise<void> {
  if (process.argv[2] === '--fit') return fit(process.argv.slice(3));
  if (process.argv[2] === '--holdout') return holdout(process.argv.slice(3));
  if (process.argv[2] === '--score') return scoreShipped(process.argv.slice(3));
  const [packPath, casesPath] = process.argv.slice(2);
  if (!packPath || !casesPath) {
    process.stderr.write('usage: tsx bench/faq.ts PACK.yaml QUESTIONS.jsonl\n');
    process.exitCode = 2;
    return;
  }
  const { pack } = await loadPackFile(packPath);
  const cases: Case[] = readFileSync(casesPath, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Case);
  const t0 = performance.now();
  const engine = createFaqEngine(pack.faq);
  const buildMs = performance.now() - t0;

  let inN = 0, inOk = 0, outN = 0, outOk = 0;
  const misses: string[] = [];
  for (const c of cases) {
    const a = engine.answer(c.text);
    const got = a.best?.id ?? null;
    const ok = got === c.expect;
    if (c.expect === null) {
      outN++;
      if (ok) outOk++;
    } else {
      inN++;
      if (ok) inOk++;
    }
    if (!ok) {
      const top = a.top ? `${a.top.id}@${a.top.score.toFixed(3)}` : '-';
      const sug = a.suggestions.map((s) => `${s.id}@${s.score.toFixed(3)}`).join(' ');
      misses.push(`  ${c.id} expect=${c.expect ?? 'null'} got=${got ?? 'null'} top=${top} [${sug}] ${c.text}`);
    }
  }
  const lat = latency((t) => engine.answer(t), cases.map((c) => c.text), 20);

  const synth = synthEntries(1000, 42);
  const big = createFaqEngine(synth.entries);
  const bigLat = latency((t) => big.answer(t), [...cases.map((c) => c.text), ...synth.questions], 20);

  const f = (x: number): string => x.toFixed(3);
  console.log(`pack: ${pack.faq.length} entries (index built in ${buildMs.toFixed(0)} ms, incl. dictionary load)`);
  console.log(`in-scope top-1 accuracy:     ${f(inOk / Math.max(1, inN))}  (${inOk}/${inN})`);
  console.log(`out-of-scope abstention:     ${f(outOk / Math.max(1, outN))}  (${outOk}/${outN})`);
  console.log(`overall accuracy:            ${f((inOk + outOk) / Math.max(1, cases.length))}  (${inOk + outOk}/${cases.length})`);
  console.log(`latency (pack):              p50 ${f(lat.p50)} ms, p99 ${f(lat.p99)} ms`);
  console.log(`latency (1,000 entries):     p50 ${f(bigLat.p50)} ms, p99 ${f(bigLat.p99)} ms`);
  if (misses.length > 0) console.log(`misses (${misses.length}):\n${misses.join('\n')}`);
}

void main();
