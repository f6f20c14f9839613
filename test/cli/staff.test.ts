import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../db/sqlite/store.js';
import { runCliCaptured, type CliRun } from '../helpers/cli.js';
import { loadPackFile } from '../../src/pack/load.js';
import { createStaffService } from '../../src/staff/service.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PACK = join(ROOT, 'test/fixtures/packs/tickets.yaml');
let dir: string;
let db: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'weicheng-cli-'));
  db = join(dir, 'staff.db');
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const run = (args: string[], stdin = ''): Promise<CliRun> => runCliCaptured(['staff', ...args, '--db', db, '--pack', PACK], stdin);

async function withService<T>(fn: (s: ReturnType<typeof createStaffService>) => Promise<T>): Promise<T> {
  const { pack } = await loadPackFile(PACK);
  const store = openSqliteStore({ file: db });
  try {
    return await fn(createStaffService({ store, pack: () => pack }));
  } finally {
    await store.close();
  }
}

describe('staff CLI', () => {
  it('adds an account with a password from stdin that then logs in, and lists it', async () => {
    const r = await run(['add', '--login', 'wang', '--name', '王科长', '--unit', 'cleaners', '--role', 'officer', '--password-stdin'], 'correct horse\n');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(`added wang (王科长, officer, cleaners 县环卫站) in ${db}\n`);
    expect(await withService(async (s) => (await s.login('wang', 'correct horse'))?.staff.login)).toBe('wang');
    await run(['add', '--login', 'qun', '--name', '群成员', '--unit', 'police', '--role', 'officer']);
    const list = await run(['list']);
    expect(list.stdout.split('\n').filter(Boolean)).toEqual([
      'wang\t王科长\tofficer\tcleaners 县环卫站\tconsole\tbound:0',
      'qun\t群成员\tofficer\tpolice 县交警队\tchat-only\tbound:0',
    ]);
  });

  it('prints a one-time bind code that binds a chat member once', async () => {
    await run(['add', '--login', 'wang', '--name', '王科长', '--unit', 'cleaners', '--role', 'officer']);
    const r = await run(['bind-code', '--login', 'wang']);
    expect(r.code).toBe(0);
    const code = r.stdout.trim();
    expect(code).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);
    expect(r.stderr).toContain(`/bind ${code}`);
    const results = await withService(async (s) => [await s.redeemBindCode(code, 'telegram', '77'), await s.redeemBindCode(code, 'telegram', '78')]);
    expect(results.map((x) => x.ok)).toEqual([true, false]);
    expect((await run(['list'])).stdout).toContain('bound:1');
  });

  it('changes a password from stdin', async () => {
    await run(['add', '--login', 'wang', '--name', '王科长', '--unit', 'cleaners', '--role', 'officer', '--password-stdin'], 'correct horse\n');
    const r = await run(['passwd', '--login', 'wang'], 'battery staple\n');
    expect(r).toMatchObject({ code: 0, stdout: 'password of wang changed\n' });
    expect(await withService(async (s) => [!!(await s.login('wang', 'correct horse')), !!(await s.login('wang', 'battery staple'))])).toEqual([false, true]);
  });

  it('gives one clear line for bad input', async () => {
    const cases: [string[], string, string?][] = [
      [['add', '--login', 'wang', '--name', '王', '--unit', 'cleaner', '--role', 'officer'], 'staff add: unknown unit "cleaner" (did you mean "cleaners"?)\n'],
      [['add', '--login', 'wang', '--name', '王', '--unit', 'cleaners', '--role', 'chief'], 'staff add: --role: "chief" must be one of officer, supervisor, admin\n'],
      [['add', '--login', 'wang', '--unit', 'cleaners', '--role', 'officer'], 'staff add: missing --name\n'],
      [['add', '--login', 'wang', '--name', '王', '--unit', 'cleaners', '--role', 'officer', '--password-stdin'], 'staff add: password: must be at least 8 characters\n', 'short\n'],
      [['bind-code', '--login', 'nobody'], 'staff bind-code: no staff with login "nobody"\n'],
      [['passwd', '--login', 'nobody'], 'staff passwd: no staff with login "nobody"\n', 'whatever 123\n'],
      [['list', '--verbose'], 'staff list: unknown argument "--verbose"\n'],
    ];
    for (const [args, line, stdin] of cases) {
      const r = await run(args, stdin);
      expect(r.stderr).toBe(line);
      expect(r.code).toBe(1);
    }
    await run(['add', '--login', 'wang', '--name', '王', '--unit', 'cleaners', '--role', 'officer']);
    const dup = await run(['add', '--login', 'wang', '--name', '王二', '--unit', 'cleaners', '--role', 'officer']);
    expect(dup.stderr).toBe('staff add: staff login "wang" already exists\n');
    const unknown = await run(['fire']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^staff: unknown command "fire"\nusage:/);
  });

  it('runs through npm run -s cli', async () => {
    const { stdout } = await promisify(execFile)(
      'npm',
      ['run', '-s', 'cli', '--', 'staff', 'add', '--login', 'zhou', '--name', '周主任', '--unit', 'hub', '--role', 'supervisor', '--db', db, '--pack', PACK],
      { cwd: ROOT },
    );
    expect(stdout).toContain('added zhou (周主任, supervisor, hub 县创卫办), no console password');
  });
});
