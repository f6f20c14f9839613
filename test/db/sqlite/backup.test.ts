/**
 * `db backup`: an online backup of the county's SQLite file, taken while the service holds it open
 * with recent writes still in the write-ahead log (which copying the main file alone would miss).
 * The backup opens as a county with the same tickets and events, is one plain file, and is never
 * half-written nor written over.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { backupSqlite } from '../../../db/sqlite/backup.js';
import { runCliCaptured, type CliRun } from '../../helpers/cli.js';
import type { Core } from '../../../src/core.js';
import { openCounty, seedCounty } from '../../helpers/county.js';

let dir: string | undefined;
const cores: Core[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.store.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

async function runningCounty(): Promise<{ core: Core; file: string }> {
  dir = mkdtempSync(join(tmpdir(), 'weicheng-backup-'));
  const file = join(dir, 'weicheng.db');
  const core = await openCounty(`file:${file}`, dir);
  cores.push(core);
  await seedCounty(core);
  return { core, file };
}

const cli = (args: string[]): Promise<CliRun> => runCliCaptured(['db', 'backup', ...args]);

describe('SQLite backup', () => {
  it('copies a running county, write-ahead log included, into a file that opens as the same county', async () => {
    const { core, file } = await runningCounty();
    // The service is running: its recent writes sit in the -wal file, not yet in the main file.
    expect(readFileSync(`${file}-wal`).length).toBeGreaterThan(0);
    const before = await core.store.tickets.list({});
    const target = join(dir!, 'backups', 'weicheng-2026-03-04.db');

    const result = await backupSqlite({ from: file, to: target });

    expect(result).toMatchObject({ file: target, tickets: before.length });
    expect(before.length).toBeGreaterThan(0);
    // One plain file: no -wal beside it to lose, no temporary file left over.
    expect(readdirSync(join(dir!, 'backups'))).toEqual(['weicheng-2026-03-04.db']);
    const raw = new Database(target, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('delete');
    raw.close();

    // A ticket filed after the backup is in the live county only.
    const resident = await core.store.residents.upsert({ channel: 'web', platformUserId: 'late', address: 'late', language: 'zh-CN', now: 1 });
    await core.tickets.file({ resident, text: '路边垃圾桶满了' });

    const restored = await openCounty(`file:${target}`, dir!);
    cores.push(restored);
    const tickets = await restored.store.tickets.list({});
    expect(tickets.map((t) => t.number).sort()).toEqual(before.map((t) => t.number).sort());
    const first = before[0]!;
    expect(await restored.store.tickets.events(first.id)).toEqual(await core.store.tickets.events(first.id));
  });

  it('never writes over an existing file', async () => {
    const { file } = await runningCounty();
    const target = join(dir!, 'old-backup.db');
    writeFileSync(target, 'last week');
    await expect(backupSqlite({ from: file, to: target })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(readFileSync(target, 'utf8')).toBe('last week');
  });

  it('refuses a missing database without creating one, and a file that is no database', async () => {
    dir = mkdtempSync(join(tmpdir(), 'weicheng-backup-'));
    const missing = join(dir, 'nope.db');
    await expect(backupSqlite({ from: missing, to: join(dir, 'b1.db') })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(existsSync(missing)).toBe(false);

    const notDb = join(dir, 'notes.txt');
    writeFileSync(notDb, 'this is not a database, just some text long enough to have a header');
    await expect(backupSqlite({ from: notDb, to: join(dir, 'b2.db') })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(readdirSync(dir).sort()).toEqual(['notes.txt']);
  });

  it('says the target cannot be written when its folder cannot be made, and leaves the database alone', async () => {
    const { core, file } = await runningCounty();
    const blocker = join(dir!, 'backups');
    writeFileSync(blocker, 'a file where the folder should be');
    await expect(backupSqlite({ from: file, to: join(blocker, 'weicheng.db') })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/cannot write .*backups\/weicheng\.db/),
    });
    expect((await core.store.tickets.list({})).length).toBeGreaterThan(0);
  });

  it('runs from the command line, and sends PostgreSQL users to pg_dump', async () => {
    const { file } = await runningCounty();
    const target = join(dir!, 'cli-backup.db');
    const ok = await cli(['--from', `file:${file}`, '--to', target]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/backed up .* tickets, integrity check ok/);
    expect(existsSync(target)).toBe(true);

    const again = await cli(['--from', file, '--to', target]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
    expect(again.stderr).toMatch(/^db backup: \S+ already exists; choose a new name/);

    const pg = await cli(['--from', 'postgres://u:secret@127.0.0.1/x', '--to', join(dir!, 'x.db')]);
    expect(pg.code).toBe(2);
    expect(pg.stderr).toMatch(/pg_dump/);
    expect(pg.stderr).not.toMatch(/secret/);

    const usage = await cli(['--from', file]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/missing --to/);
  });
});
