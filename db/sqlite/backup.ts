/**
 * An online backup of the SQLite database: SQLite's backup API copies the file page by page while
 * the service keeps running, and gives a consistent snapshot even when writes land meanwhile
 * (copying the file with `cp` during a write, or without its -wal file, does not).
 *
 * The copy is written under a temporary name, checked (`PRAGMA integrity_check`), and only then
 * renamed to the name asked for, so a backup file that exists is a whole one: a crash, a full disk
 * or a failed check leaves no half-written backup behind to be restored by mistake.
 */
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../src/errors.js';

export interface SqliteBackupOptions {
  /** The live database file. It must exist; it is neither created nor migrated. */
  from: string;
  /** The backup file to write. It must not exist yet; missing parent folders are created. */
  to: string;
  /** How long to wait for a writer's lock before each step of the copy, in ms. Default 5000. */
  busyTimeoutMs?: number;
}

export interface SqliteBackupResult {
  /** Absolute path of the backup written. */
  file: string;
  bytes: number;
  /** Rows of the tickets table in the backup (0 for a database without one). */
  tickets: number;
}

export async function backupSqlite(options: SqliteBackupOptions): Promise<SqliteBackupResult> {
  const from = resolve(options.from);
  const to = resolve(options.to);
  if (!existsSync(from)) throw new AppError('NOT_FOUND', `no SQLite database at ${options.from}`);
  if (from === to) throw new AppError('INVALID_INPUT', 'the backup must be another file than the database');
  if (existsSync(to)) throw new AppError('CONFLICT', `${options.to} already exists; choose a new name (backups are never overwritten)`);
  try {
    mkdirSync(dirname(to), { recursive: true });
  } catch (err) {
    throw new AppError('INVALID_INPUT', `cannot write ${options.to}: ${(err as Error).message}`, undefined, { cause: err });
  }
  const partial = `${to}.partial`;
  rmSync(partial, { force: true });

  const source = new Database(from, { fileMustExist: true });
  try {
    source.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    try {
      // Reading the header first turns a file that is no database into a clear error, not a copy.
      source.pragma('schema_version');
    } catch (err) {
      throw new AppError('INVALID_INPUT', `cannot read ${options.from} as a SQLite database: ${(err as Error).message}`, undefined, { cause: err });
    }
    // A failure here is the target's (a full disk, no permission): said as such, not blamed on the database.
    await source.backup(partial).catch((err: Error) => {
      throw new AppError('INVALID_INPUT', `cannot write ${options.to}: ${err.message}`, undefined, { cause: err });
    });
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  } finally {
    source.close();
  }

  let tickets = 0;
  const copy = new Database(partial, { fileMustExist: true });
  try {
    const check = copy.pragma('integrity_check', { simple: true });
    // The backup API copies pages as they are, so a failed check means the database itself is damaged.
    if (check !== 'ok') {
      throw new AppError('INVALID_INPUT', `the copy of ${options.from} fails SQLite's integrity check (${String(check)}); the database itself may be damaged`);
    }
    // The copy keeps the live file's WAL mode; a backup is read alone, so it is made one plain file.
    copy.pragma('journal_mode = DELETE');
    const hasTickets = copy.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'tickets'").get();
    if (hasTickets) tickets = (copy.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n;
  } catch (err) {
    copy.close();
    rmSync(partial, { force: true });
    throw err;
  }
  copy.close();
  renameSync(partial, to);
  return { file: to, bytes: statSync(to).size, tickets };
}
