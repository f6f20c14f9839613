/**
 * The product as an operator runs it: `tsx src/main.ts` in a child process, on its own port.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

function run(env: Record<string, string>): { child: ChildProcessWithoutNullStreams; out: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { PATH: process.env.PATH ?? '', ...env },
    cwd: process.cwd(),
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, out: () => out, exit };
}

async function waitFor(check: () => Promise<boolean>, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('timed out');
}

describe('npm start', () => {
  it('serves /healthz on the demo pack, logs its live channels and stops cleanly on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'weicheng-main-'));
    dirs.push(dir);
    const port = await freePort();
    const p = run({ PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: `file:${join(dir, 'w.db')}`, MEDIA_DIR: join(dir, 'media') });
    await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).ok, 60_000);
    const health = (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as Record<string, unknown>;
    expect(health).toMatchObject({ status: 'ok', database: 'ok', channels: ['web'] });
    expect((health.pack as { id: string }).id).toBeTruthy();
    const chat = await fetch(`http://127.0.0.1:${port}/chat`);
    expect(chat.headers.get('content-type')).toContain('charset=utf-8');
    p.child.kill('SIGTERM');
    expect(await p.exit).toBe(0);
    expect(p.out()).toContain('channels live: web');
    expect(p.out()).toContain('shutting down');
  }, 90_000);

  it('refuses a bad configuration with one line naming the variable', async () => {
    const p = run({ PORT: 'eighty' });
    expect(await p.exit).toBe(1);
    expect(p.out().trim()).toBe('configuration error: PORT: must be a number');
  }, 60_000);

  it('refuses a broken pack with a clear error naming the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'weicheng-main-'));
    dirs.push(dir);
    const p = run({ PACK: join(dir, 'missing.yaml'), DATABASE_URL: `file:${join(dir, 'w.db')}` });
    expect(await p.exit).toBe(1);
    expect(p.out()).toMatch(/^start-up failed: .*missing\.yaml/);
  }, 60_000);
});
