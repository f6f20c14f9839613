/**
 * FAQ benchmark: `npx tsx bench/faq.ts PACK QUESTIONS.jsonl` (lines `{"id","text","expect": id|null}`).
 * Prints in-scope top-1 accuracy, out-of-scope abstention, overall accuracy, latency, the misses,
 * and a latency run on a synthetic 1,000-entry knowledge base.
 */
import { readFileSync } from 'node:fs';
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

async function main(): Promise<void> {
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
