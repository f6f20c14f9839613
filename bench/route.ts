/**
 * Routing benchmark: `npx tsx bench/route.ts PACK JSONL`. Each JSONL line is
 * `{"id", "text", "lat"?, "lon"?, "crs"?, "expect": {"category", "area", "unit"}}`. Prints category,
 * area and unit accuracy, p50/p99 latency per message (in-process, after warm-up) and the misses.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { loadPackFile } from '../src/pack/load.js';
import { createRouter, type RouteInput, type RouteResult } from '../src/routing/index.js';

interface Case extends RouteInput {
  id: string;
  expect: { category: string | null; area: string | null; unit: string };
}

async function main(): Promise<void> {
  const [packPath, casesPath] = process.argv.slice(2);
  if (packPath === undefined || casesPath === undefined) {
    process.stderr.write('usage: tsx bench/route.ts PACK.yaml CASES.jsonl\n');
    process.exitCode = 2;
    return;
  }
  const { pack } = await loadPackFile(packPath);
  const t0 = performance.now();
  const router = createRouter(pack);
  const buildMs = performance.now() - t0;
  const cases = readFileSync(casesPath, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Case);

  for (const c of cases) router.route(c); // warm-up: jieba, JIT
  const times: number[] = [];
  const results: RouteResult[] = [];
  // CPU time as well as wall time: on a busy machine the wall-clock tail measures the scheduler.
  const cpu0 = process.cpuUsage();
  for (let round = 0; round < 5; round++) {
    for (const c of cases) {
      const s = performance.now();
      const r = router.route(c);
      times.push(performance.now() - s);
      if (round === 0) results.push(r);
    }
  }

  const cpu = process.cpuUsage(cpu0);
  const cpuPerMsg = (cpu.user + cpu.system) / 1000 / times.length;
  let cat = 0;
  let area = 0;
  let unit = 0;
  const misses: string[] = [];
  const confusion = new Map<string, number>();
  cases.forEach((c, i) => {
    const r = results[i];
    if (r === undefined) return;
    const okCat = r.category === c.expect.category;
    const okArea = r.area === c.expect.area;
    const okUnit = r.unit === c.expect.unit;
    cat += okCat ? 1 : 0;
    area += okArea ? 1 : 0;
    unit += okUnit ? 1 : 0;
    if (!okCat) {
      const k = `${c.expect.category ?? 'none'} -> ${r.category ?? 'none'}`;
      confusion.set(k, (confusion.get(k) ?? 0) + 1);
    }
    if (!okCat || !okArea || !okUnit) {
      const alt = r.alternatives.map((a) => `${a.category}:${a.score}`).join(' ');
      misses.push(
        `${c.id} ${okCat ? '' : `cat ${c.expect.category ?? 'none'}->${r.category ?? 'none'} `}` +
          `${okArea ? '' : `area ${c.expect.area ?? 'none'}->${r.area ?? 'none'} `}` +
          `${okUnit ? '' : `unit ${c.expect.unit}->${r.unit} `}conf ${r.confidence.toFixed(2)} [${alt}] ${c.text.slice(0, 40)}`,
      );
    }
  });
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0;
  const n = cases.length;
  const f3 = (x: number) => (x / n).toFixed(3);
  process.stdout.write(
    `cases ${n}  category ${f3(cat)}  area ${f3(area)}  unit ${f3(unit)}\n` +
      `latency per message: p50 ${pct(0.5).toFixed(3)} ms  p99 ${pct(0.99).toFixed(3)} ms  (router build ${buildMs.toFixed(0)} ms)\n` +
      `cpu per message (mean): ${cpuPerMsg.toFixed(3)} ms\n`,
  );
  if (confusion.size > 0) {
    process.stdout.write('\ncategory confusions (expected -> got):\n');
    for (const [k, v] of [...confusion].sort((a, b) => b[1] - a[1])) process.stdout.write(`  ${v}  ${k}\n`);
  }
  if (misses.length > 0) process.stdout.write(`\nmisses:\n${misses.map((m) => `  ${m}`).join('\n')}\n`);
}

void main();
