/**
 * `npm run bench:broadcast [-- --n 100000 --limit 1000 --margin 0.002 --burst 50 --concurrency 32 --only throttled|pipeline|http]`:
 * a campaign to N subscribers.
 *
 * 1. throttled: through the real Telegram adapter to a local fake Bot API that answers 429 (with
 *    retry_after) beyond `limit` messages in any sliding second (the strict model, see
 *    fake-limited-bot-api.ts); the dispatcher's Telegram limit is the same count per second plus
 *    `margin`, paced in bursts of at most `burst` (0: no pacing). A send holds its slot from its
 *    start until a window after its answer (src/outbox/rate-window.ts), so the limit holds at the
 *    API whatever the latency. Target: >= 95% of the limit, zero 429s, duplicates and losses.
 * 2. pipeline: no rate limit and an in-process sender that answers at once, so the figure is the
 *    pipeline's own throughput (SQLite outbox + campaign engine). Target: >= 5,000 msg/s.
 * 3. unthrottled HTTP: no rate limit, through the adapter and the fake (HTTP + telegraf included).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { createTelegramAdapter } from '../adapters/telegram/index.js';
import { openSqliteStore } from '../db/sqlite/store.js';
import { createCampaignService } from '../src/campaigns/index.js';
import type { ChannelSender } from '../src/channels/types.js';
import { createLogger } from '../src/logger.js';
import { createMediaStore } from '../src/media/store.js';
import { createOutboxDispatcher, type RateLimit } from '../src/outbox/index.js';
import { loadPackFile } from '../src/pack/load.js';
import { startLimitedBotApiWorker } from './fake-limited-bot-api.js';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i === -1 ? fallback : Number(process.argv[i + 1]);
  if (!Number.isFinite(v) || v < 0) throw new Error(`--${name} must be a number`);
  return v;
}
const N = arg('n', 100_000);
const LIMIT = arg('limit', 1000);
// Holding a send's slot until a window after its answer keeps the API's window by construction;
// the margin only covers the whole-ms ticks of Date.now (2 ms a second).
const MARGIN = arg('margin', 0.002);
// 50 ms worth of sends at once at most, then evenly paced.
const BURST = arg('burst', Math.max(1, Math.round(LIMIT / 20)));
const only = (() => {
  const i = process.argv.indexOf('--only');
  return i === -1 ? undefined : process.argv[i + 1];
})();

const logger = createLogger('silent');
const pack = (await loadPackFile('packs/demo/pack.yaml')).pack;

function seed(file: string, n: number): void {
  const db = new Database(file);
  const now = Date.now();
  const res = db.prepare(`INSERT INTO residents (channel, platform_user_id, address, language, pseudonym, created_at) VALUES ('telegram', ?, ?, 'zh-CN', ?, ?)`);
  const sub = db.prepare(`INSERT INTO subscriptions (resident_id, channel, address, area_id, language, tags, status, created_at, updated_at) VALUES (?, 'telegram', ?, NULL, 'zh-CN', '[]', 'active', ?, ?)`);
  db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const chat = String(100_000_000 + i);
      const id = res.run(`u${i}`, chat, `居民${i}`, now).lastInsertRowid;
      sub.run(id, chat, now, now);
    }
  })();
  db.close();
}

interface Result {
  seconds: number;
  rate: number;
  sent: number;
  failed: number;
  skipped: number;
}

async function runCampaign(
  name: string,
  sender: ChannelSender,
  o: { overall: RateLimit[]; concurrency: number; window: number; batchSize: number; feedBatch: number },
): Promise<Result> {
  const dir = mkdtempSync(join(tmpdir(), 'weicheng-bench-'));
  const file = join(dir, 'bench.db');
  try {
    await openSqliteStore({ file }).close();
    seed(file, N);
    const store = openSqliteStore({ file });
    let dispatcher: ReturnType<typeof createOutboxDispatcher> | undefined;
    const campaigns = createCampaignService({
      store,
      pack: () => pack,
      logger,
      quietHours: 'off',
      broadcast: { window: o.window, feedBatch: o.feedBatch, tickMs: 20 },
      onQueued: () => dispatcher?.kick(),
    });
    dispatcher = createOutboxDispatcher({
      store,
      senders: [sender],
      logger,
      onGone: (item) => campaigns.onGone(item),
      options: {
        limits: { telegram: { overall: o.overall, perAddress: [{ count: 1, perMs: 1000 }], perGroup: [] } },
        concurrency: o.concurrency,
        batchSize: o.batchSize,
        pollMs: 20,
      },
    });
    await campaigns.create({ id: 'bench', name: 'bench', text: '【创卫小贴士】周末大扫除，欢迎参加。', at: new Date(Date.now() + 86_400_000).toISOString() });
    dispatcher.start();
    await campaigns.start();
    const lag = monitorEventLoopDelay({ resolution: 5 });
    lag.enable();
    const t0 = performance.now();
    const run = await campaigns.sendNow('bench');
    // Polls the run row only (an index lookup); the full progress every few seconds.
    for (let i = 1; ; i++) {
      await new Promise((r) => setTimeout(r, 100));
      if ((await store.campaigns.runById(run.id))?.status === 'done') break;
      if (i % 50 === 0) {
        const p = (await campaigns.status('bench', run.id))!;
        process.stderr.write(`  ${name}: ${p.sent + p.failed}/${p.total}, ${p.ratePerSecond}/s\n`);
      }
    }
    const seconds = (performance.now() - t0) / 1000;
    lag.disable();
    process.stderr.write(`  ${name}: event loop delay p50 ${(lag.percentile(50) / 1e6).toFixed(1)} ms, p99 ${(lag.percentile(99) / 1e6).toFixed(1)} ms, max ${(lag.max / 1e6).toFixed(1)} ms\n`);
    const p = (await campaigns.status('bench', run.id))!;
    await campaigns.stop();
    await dispatcher.stop();
    await store.close();
    return { seconds, rate: p.sent / seconds, sent: p.sent, failed: p.failed, skipped: p.skipped };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const fmt = (x: number) => Math.round(x).toLocaleString('en-US');
const media = createMediaStore({ dir: join(tmpdir(), 'weicheng-bench-media') });
console.log(`broadcast benchmark: ${fmt(N)} subscribers (SQLite, node ${process.version}, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')})`);
/** The one-line summary printed at the end. */
const summary: string[] = [];

if (!only || only === 'throttled') {
  const api = await startLimitedBotApiWorker({ limit: LIMIT, perMs: 1000 });
  const tg = createTelegramAdapter({ token: api.token, mode: 'polling', apiRoot: api.url, publicUrl: 'http://localhost', media, logger });
  const perMs = Math.ceil(1000 * (1 + MARGIN));
  const overall: RateLimit[] = [{ count: LIMIT, perMs, ...(BURST > 0 ? { burst: BURST } : {}) }];
  // Few sends in flight: sends queued behind each other wait longer for their answers, and every
  // ms of latency holds a rate slot for a ms longer.
  const CONC = arg('concurrency', 32);
  // Answer latency as the dispatcher sees it (a send holds its rate slot until its answer).
  const latencies: number[] = [];
  const starts: number[] = [];
  const timed: ChannelSender = {
    channel: 'telegram',
    async send(address, message) {
      const t = performance.now();
      starts.push(t);
      const res = await tg.adapter.send(address, message);
      latencies.push(performance.now() - t);
      return res;
    },
  };
  const r = await runCampaign('throttled', timed, { overall, concurrency: CONC, window: 1500, batchSize: 200, feedBatch: arg('feed-batch', 100) });
  const st = await api.stats();
  const achieved = (st.accepted - 1) / (st.spanMs / 1000);
  const duplicates = st.duplicates;
  const lost = N - st.chats;
  const limits = overall.map((l) => `${l.count} per ${l.perMs} ms${l.burst ? `, paced in bursts of <= ${l.burst}` : ''}`).join(' and ');
  console.log(`\n1. throttled: fake Bot API limit ${fmt(LIMIT)} msg/s (sliding 1 s window, 429 + retry_after beyond it); dispatcher ${limits}`);
  console.log(`   achieved ${fmt(achieved)} msg/s at the API = ${((achieved / LIMIT) * 100).toFixed(1)}% of the limit (target >= 95%)`);
  console.log(`   end to end ${r.seconds.toFixed(1)} s for ${fmt(r.sent)} messages (incl. preparing ${fmt(N)} deliveries)`);
  latencies.sort((a, b) => a - b);
  const pct = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(1);
  console.log(`   send latency (request to answer) p50 ${pct(0.5)} ms, p90 ${pct(0.9)} ms, p99 ${pct(0.99)} ms`);
  const mean = latencies.reduce((a, b) => a + b, 0) / latencies.length;
  // Each send holds a slot for a window plus its latency: the most the limiter can reach.
  const ceiling = (1000 * LIMIT) / (perMs + mean);
  console.log(`   mean latency ${mean.toFixed(1)} ms: ceiling for ${fmt(LIMIT)} slots held ${perMs} ms + latency each ${fmt(ceiling)} msg/s`);
  // Whole seconds from the first send, the last (partial) one left out.
  const perSecond: number[] = [];
  for (const t of starts) {
    const k = Math.floor((t - starts[0]!) / 1000);
    perSecond[k] = (perSecond[k] ?? 0) + 1;
  }
  const full = perSecond.slice(0, -1).map((x) => x ?? 0).sort((a, b) => a - b);
  if (full.length > 0) console.log(`   sends started per second: min ${full[0]}, median ${full[Math.floor(full.length / 2)]}, max ${full[full.length - 1]}`);
  console.log(`   429 answers: ${st.tooMany}   duplicates: ${duplicates}   lost: ${lost}   failed: ${r.failed}`);
  summary.push(
    `throttled ${fmt(achieved)} msg/s = ${((achieved / LIMIT) * 100).toFixed(1)}% of ${fmt(LIMIT)}`,
    `429s ${st.tooMany}`,
    `duplicates ${duplicates}`,
    `lost ${lost}`,
  );
  await api.close();
}

if (!only || only === 'pipeline') {
  let calls = 0;
  const seen = new Set<string>();
  let dup = 0;
  const sender: ChannelSender = {
    channel: 'telegram',
    async send(address) {
      calls++;
      if (seen.has(address)) dup++;
      seen.add(address);
      return { status: 'delivered' };
    },
  };
  const r = await runCampaign('pipeline', sender, { overall: [], concurrency: 64, window: 8000, batchSize: 4000, feedBatch: 4000 });
  console.log(`\n2. pipeline (no rate limit, in-process sender that answers at once)`);
  console.log(`   ${fmt(r.rate)} msg/s: ${fmt(r.sent)} messages in ${r.seconds.toFixed(1)} s, from "send now" to run done (target >= 5,000 msg/s)`);
  console.log(`   duplicates: ${dup}   lost: ${N - seen.size}   sends: ${fmt(calls)}`);
  summary.push(`pipeline ${fmt(r.rate)} msg/s (duplicates ${dup}, lost ${N - seen.size})`);
}

if (!only || only === 'http') {
  const api = await startLimitedBotApiWorker({});
  const tg = createTelegramAdapter({ token: api.token, mode: 'polling', apiRoot: api.url, publicUrl: 'http://localhost', media, logger });
  const r = await runCampaign('unthrottled http', tg.adapter, { overall: [], concurrency: 64, window: 8000, batchSize: 4000, feedBatch: 4000 });
  const st = await api.stats();
  const duplicates = st.duplicates;
  const lost = N - st.chats;
  console.log(`\n3. unthrottled through the Telegram adapter and HTTP to the fake`);
  console.log(`   ${fmt(r.rate)} msg/s: ${fmt(r.sent)} messages in ${r.seconds.toFixed(1)} s   duplicates: ${duplicates}   lost: ${lost}`);
  summary.push(`unthrottled HTTP ${fmt(r.rate)} msg/s (duplicates ${duplicates}, lost ${lost})`);
  await api.close();
}

console.log(`\nsummary: ${fmt(N)} subscribers; ${summary.join('; ')}; load average ${loadavg()[0]!.toFixed(2)}`);
