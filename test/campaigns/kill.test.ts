/**
 * THE KILL TEST: a child process sends a campaign through the real Telegram adapter to a fake Bot
 * API in this process; the test SIGKILLs it mid-run and starts it again. Every recipient gets the
 * message; a recipient may get it twice only if its send was in flight at the kill (sent but not
 * yet recorded), which the dispatcher's batch bounds.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCampaignService } from '../../src/campaigns/index.js';
import { startFakeBotApi, type FakeBotApi } from '../helpers/fake-bot-api.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { demoPack, seed } from './helpers.js';

const CHILD = join(import.meta.dirname, 'fixtures', 'broadcast-child.ts');
/** Must match CHILD_BATCH in the fixture (the fixture is not imported: importing it would run it). */
const CHILD_BATCH = 20;
const N = 1200;

let api: FakeBotApi | undefined;
let db: TestDb | undefined;
const children: ChildProcess[] = [];

afterEach(async () => {
  for (const c of children) {
    if (c.exitCode !== null || c.signalCode !== null || !c.pid) continue;
    try {
      process.kill(-c.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  children.length = 0;
  await api?.close();
  await db?.cleanup();
});

function startChild(): { child: ChildProcess; exited: Promise<number | null>; output: () => string } {
  let out = '';
  // Its own process group, so SIGKILL reaches tsx's node process, not only npx.
  const child = spawn('npx', ['tsx', CHILD, db!.file, api!.url, api!.token, join(db!.dir, 'media')], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, exited, output: () => out };
}

function counts(): Map<string, number> {
  const m = new Map<string, number>();
  for (const s of api!.sent) m.set(String(s.chat_id), (m.get(String(s.chat_id)) ?? 0) + 1);
  return m;
}

describe('kill test', () => {
  it('a SIGKILL mid-run loses nothing and repeats at most the batch in flight', async () => {
    api = await startFakeBotApi();
    db = createTestDb();
    const pack = await demoPack();
    const now = Date.now();
    await seed(db.store, N, now);
    const setup = createCampaignService({ store: db.store, pack: () => pack, logger: { info() {}, warn() {}, error() {}, debug() {} }, quietHours: 'off' });
    await setup.create({ id: 'kill', name: '断电测试', text: '本周六上午9点，社区大扫除。', at: new Date(now + 86_400_000).toISOString() });
    const run = (await setup.fire('kill', now))!;
    await db.store.close();

    const first = startChild();
    // Kill once about a third of the recipients have their message.
    await api.waitForCall('sendMessage', () => api!.sent.length >= N / 3, 60_000);
    process.kill(-first.child.pid!, 'SIGKILL');
    const code = await first.exited;
    expect(code).toBeNull();
    const atKill = api.sent.length;
    expect(atKill).toBeLessThan(N);

    const second = startChild();
    expect(await second.exited, second.output()).toBe(0);

    const got = counts();
    const missing = Array.from({ length: N }, (_, i) => String(1000 + i)).filter((a) => !got.has(a));
    const duplicates = [...got.values()].reduce((s, n) => s + (n - 1), 0);
    console.log(`kill test: ${N} recipients, ${atKill} sent before the kill, ${missing.length} lost, ${duplicates} sent twice (bound ${CHILD_BATCH})`);
    expect(missing).toEqual([]);
    expect(got.size).toBe(N);
    expect(duplicates).toBeLessThanOrEqual(CHILD_BATCH);

    const store = await db.reopen();
    expect((await store.campaigns.runById(run.id))?.status).toBe('done');
    expect(await store.campaigns.counts(run.id)).toEqual({ pending: 0, queued: 0, sent: N, failed: 0, skipped: 0 });
  }, 120_000);
});
