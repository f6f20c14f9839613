/**
 * `db copy` from the command line: usage mistakes (exit code 2) and a missing source (1) without a
 * server, then end to end through `npm run -s cli` against a fresh PostgreSQL database: a summary
 * of row counts on stdout that names the target without its password and shows no personal data,
 * and a second run refused because the target now holds data.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { sqliteTables } from '../../db/copy-plan.js';
import { runCliCaptured, type CliRun } from '../helpers/cli.js';
import { openCounty, seedCounty } from '../helpers/county.js';
import { createPgDatabase, PG_SKIP, usePostgres, type PgDatabase } from '../helpers/postgres.js';

usePostgres();

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let dir: string | undefined;
let target: PgDatabase | undefined;
afterEach(async () => {
  await target?.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = target = undefined;
});

const run = (args: string[]): Promise<CliRun> => runCliCaptured(['db', ...args]);

/** `npm run -s cli -- db ...` as an operator runs it; resolves with the exit code whatever it is. */
function npmCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('npm', ['run', '-s', 'cli', '--', 'db', ...args], { cwd: ROOT }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('db CLI', () => {
  it('answers usage mistakes with one line, the usage and exit code 2', async () => {
    const cases: [string[], string][] = [
      [['copy'], 'db copy: missing --from'],
      [['copy', '--from', 'x.db'], 'db copy: missing --to'],
      [['copy', '--from', 'x.db', '--to'], 'db copy: --to needs a value'],
      [['copy', '--from', 'x.db', '--to', 'y.db'], 'db copy: --to must be a PostgreSQL URL (postgres://...)'],
      [['copy', '--from', 'postgres://a/b', '--to', 'postgres://c/d'], 'db copy: --from must be a SQLite file (PATH or file:PATH)'],
      [['copy', '--from', 'x.db', '--to', 'postgres://c/d', '--force'], 'db copy: unknown argument "--force"'],
    ];
    for (const [args, line] of cases) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^${line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\nusage: npm run -s cli -- db copy`));
      expect(r.stdout).toBe('');
    }
    const unknown = await run(['move']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^db: unknown command "move"\nusage:/);
    expect((await run(['--help'])).stdout).toMatch(/^usage: npm run -s cli -- db copy --from/);
  });

  it('says which source is missing, with exit code 1, before connecting anywhere', async () => {
    dir = mkdtempSync(join(tmpdir(), 'weicheng-cli-db-'));
    const missing = join(dir, 'county.db');
    const r = await run(['copy', '--from', `file:${missing}`, '--to', 'postgres://weicheng:s3cret@127.0.0.1:1/weicheng']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`copying ${missing} to postgres://weicheng:***@127.0.0.1:1/weicheng in one transaction\ndb copy: no SQLite database at ${missing}\n`);
  });

  it.skipIf(PG_SKIP)(`copies a county through npm run -s cli, then refuses to copy onto it again${PG_SKIP ? ` (skipped: ${PG_SKIP})` : ''}`, async () => {
    dir = mkdtempSync(join(tmpdir(), 'weicheng-cli-db-'));
    const file = join(dir, 'county.db');
    const core = await openCounty(`file:${file}`, dir);
    const seeded = await seedCounty(core);
    await core.store.close();
    target = await createPgDatabase();
    // The test server trusts local connections, so the password is never checked: it only has to stay out of the output.
    const u = new URL(target.url);
    u.username = 'postgres';
    u.password = 'pw-Secret-42';
    const url = u.toString();
    const masked = url.replace('pw-Secret-42', '***');

    const r = await npmCli(['copy', '--from', file, '--to', url]);
    expect(r.stderr).toBe(`copying ${file} to ${masked} in one transaction\n`);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`copied ${file} to ${masked}`);
    const counts = Object.fromEntries(lines.slice(1, -1).map((l) => l.trim().split(/\s+/) as [string, string]));
    expect(Object.keys(counts).sort()).toEqual(sqliteTables().map((t) => t.name).sort());
    expect(counts['tickets']).toBe(String(seeded.tickets.length));
    expect(counts['residents']).toBe(String(seeded.residents.length));
    expect(lines.at(-1)).toMatch(new RegExp(`^total\\s+\\d+ rows in ${sqliteTables().length} tables; \\d+ id sequences continue after the copied ids$`));
    const everything = r.stdout + r.stderr;
    expect(everything).not.toContain('pw-Secret-42');
    for (const personal of ['session-alice', '4242', 'chat-4242', seeded.residents[0]!.pseudonym, '垃圾堆了', '王科长']) expect(everything).not.toContain(personal);

    const again = await npmCli(['copy', '--from', file, '--to', url]);
    expect(again.code).toBe(1);
    expect(again.stdout).toBe('');
    expect(again.stderr).toContain('db copy: the target database already holds data in ');
    expect(again.stderr).not.toContain('pw-Secret-42');
  }, 180_000);
});
