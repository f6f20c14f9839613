/**
 * Copies a county's data from its SQLite file into a PostgreSQL database: the move from the
 * embedded default to the scale-out store (`npm run -s cli -- db copy`, src/cli/db.ts).
 *
 * Both databases are first brought up to date by their own migrations. Then, in one PostgreSQL
 * transaction: the target's tables are locked against writers and must all be empty; every source
 * value is checked (a NUL byte, a wrong type, a dangling reference) before anything is written, so
 * that all problems are listed at once; every table is copied in foreign-key order with its ids;
 * and every identity sequence is moved past the highest id SQLite has handed out, so rows added
 * afterwards do not collide. Any failure rolls all of it back. The source is read inside one SQLite
 * read transaction, a consistent snapshot even if something writes to the file meanwhile.
 *
 * There is deliberately no option to overwrite a target that holds data: a mistyped URL must not
 * be able to wipe a live county's database.
 */
import { existsSync } from 'node:fs';
import type Database from 'better-sqlite3';
import type pg from 'pg';
import { AppError } from '../src/errors.js';
import { BadValue, copyPlan, toPgParam, type CopyTable, type PgParam } from './copy-plan.js';
import { openPostgres } from './postgres/open.js';
import { openSqlite } from './sqlite/open.js';

export interface CopyOptions {
  /** The SQLite file to read. It must exist; its pending migrations are applied first. */
  from: string;
  /** The target, `postgres://user:password@host:port/database`; migrated first, its tables must be empty. */
  to: string;
  /** Most rows per INSERT statement. Default 500 (fewer for a wide table: a statement takes at most 65535 parameters). */
  batchRows?: number;
  /** How long to wait for the target's table locks, in ms, before giving up. Default 10000 (a running service holds them). */
  lockTimeoutMs?: number;
  /** Most problems listed when the source holds values PostgreSQL cannot take. Default 20. */
  maxProblems?: number;
}

export interface CopyResult {
  /** Every table, in the order copied, with the rows copied. */
  tables: { name: string; rows: number }[];
  /** The identity (or serial) columns whose sequences were moved past the copied ids, as table.column. */
  sequences: string[];
}

/** A value that cannot be copied: where it is and why, never what it is (it may be personal data). */
export interface CopyProblem {
  table: string;
  /** What `row` is: the table's id column, or SQLite's rowid for a table without one. */
  rowKey: 'id' | 'rowid';
  row: string;
  column: string | undefined;
  reason: string;
}

const MAX_PARAMS = 65_535;
const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function copySqliteToPostgres(options: CopyOptions): Promise<CopyResult> {
  if (options.from === ':memory:' || !existsSync(options.from)) {
    throw new AppError('NOT_FOUND', `no SQLite database at ${options.from}`, { path: options.from });
  }
  const plan = copyPlan();
  const sqlite = openSource(options.from);
  try {
    checkSourceTables(sqlite, plan);
    // One read snapshot for the checks and the copy; read-only, so it is rolled back at the end.
    sqlite.exec('BEGIN');
    const pool = await openPostgres({ url: options.to, maxConnections: 1 });
    try {
      return await inTargetTransaction(pool, async (client) => {
        await lockEmptyTarget(client, plan, options.lockTimeoutMs ?? 10_000);
        const problems = findProblems(sqlite, plan, options.maxProblems ?? 20);
        if (problems.length > 0) throw problemsError(problems);
        const tables: CopyResult['tables'] = [];
        for (const table of plan) {
          const rows = await copyTable(sqlite, client, table, options.batchRows ?? 500);
          tables.push({ name: table.name, rows });
        }
        return { tables, sequences: await resetSequences(sqlite, client, plan) };
      });
    } finally {
      await pool.end();
    }
  } finally {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    sqlite.close();
  }
}

function openSource(file: string): Database.Database {
  try {
    return openSqlite({ file }).sqlite;
  } catch (err) {
    throw new AppError('INVALID_INPUT', `cannot open ${file} as a SQLite database: ${(err as Error).message}`, { path: file }, { cause: err });
  }
}

/** Refuses a file with tables the schema does not describe: they would be left behind silently. */
function checkSourceTables(sqlite: Database.Database, plan: CopyTable[]): void {
  const present = (sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[])
    .map((r) => r.name)
    .filter((n) => !n.startsWith('sqlite_') && n !== '__drizzle_migrations');
  const planned = new Set(plan.map((t) => t.name));
  const unknown = present.filter((n) => !planned.has(n));
  if (unknown.length > 0) {
    throw new AppError('INVALID_INPUT', `the SQLite database has tables the schema does not describe (${unknown.join(', ')}); db copy would leave them behind, so it stops`, {
      tables: unknown,
    });
  }
}

async function inTargetTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    try {
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch((e: Error) => (broken = e));
      throw err;
    }
  } finally {
    client.release(broken);
  }
}

/** Locks every product table against writers until the copy commits, then checks each is empty. */
async function lockEmptyTarget(client: pg.PoolClient, plan: CopyTable[], lockTimeoutMs: number): Promise<void> {
  await client.query(`SELECT set_config('lock_timeout', $1, true)`, [`${lockTimeoutMs}ms`]);
  try {
    // EXCLUSIVE: others may still read, nobody may write; so nothing lands between the check and the copy.
    await client.query(`LOCK TABLE ${plan.map((t) => ident(t.name)).join(', ')} IN EXCLUSIVE MODE`);
  } catch (err) {
    if ((err as { code?: string }).code !== '55P03') throw err;
    throw new AppError('CONFLICT', `the target database is in use (its tables stayed locked for ${lockTimeoutMs} ms); stop every service using it and try again`, undefined, {
      cause: err,
    });
  }
  const holding: string[] = [];
  for (const t of plan) {
    if ((await client.query(`SELECT 1 FROM ${ident(t.name)} LIMIT 1`)).rowCount) holding.push(t.name);
  }
  if (holding.length > 0) {
    throw new AppError(
      'CONFLICT',
      `the target database already holds data in ${holding.join(', ')}; db copy only fills an empty database and wrote nothing (use a new, empty database)`,
      { tables: holding },
    );
  }
}

/** The source's rows of one table as arrays: rowid first, then the plan's columns. */
function rows(sqlite: Database.Database, table: CopyTable): IterableIterator<unknown[]> {
  const columns = table.columns.map((c) => ident(c.name)).join(', ');
  // safeIntegers: every integer exactly, as BigInt, however large.
  return sqlite.prepare(`SELECT rowid, ${columns} FROM ${ident(table.name)} ORDER BY rowid`).safeIntegers(true).raw(true).iterate() as IterableIterator<unknown[]>;
}

function rowName(table: CopyTable, row: unknown[]): string {
  const i = table.rowKey === 'id' ? table.columns.findIndex((c) => c.name === 'id') + 1 : 0;
  return String(row[i]);
}

/** Every value PostgreSQL would refuse or the store would read back differently, and every dangling reference. */
function findProblems(sqlite: Database.Database, plan: CopyTable[], max: number): CopyProblem[] {
  const problems: CopyProblem[] = [];
  let more = 0;
  const add = (p: CopyProblem) => (problems.length < max ? problems.push(p) : more++);
  for (const table of plan) {
    for (const row of rows(sqlite, table)) {
      table.columns.forEach((column, i) => {
        try {
          toPgParam(column.kind, row[i + 1]);
        } catch (err) {
          if (!(err instanceof BadValue)) throw err;
          add({ table: table.name, rowKey: table.rowKey, row: rowName(table, row), column: column.name, reason: err.message });
        }
      });
    }
  }
  // PostgreSQL enforces the foreign keys SQLite may not have when the row was written.
  for (const fk of sqlite.prepare('PRAGMA foreign_key_check').all() as { table: string; rowid: number; parent: string }[]) {
    const table = plan.find((t) => t.name === fk.table);
    const id = table?.rowKey === 'id' ? (sqlite.prepare(`SELECT id FROM ${ident(fk.table)} WHERE rowid = ?`).get(fk.rowid) as { id: unknown } | undefined)?.id : undefined;
    add({ table: fk.table, rowKey: id === undefined ? 'rowid' : 'id', row: String(id ?? fk.rowid), column: undefined, reason: `refers to a ${fk.parent} row that does not exist` });
  }
  if (more > 0) problems.push({ table: '', rowKey: 'rowid', row: '', column: undefined, reason: `and ${more} more` });
  return problems;
}

function problemsError(problems: CopyProblem[]): AppError {
  const lines = problems.map((p) => (p.table ? `  ${p.table} ${p.rowKey} ${p.row}${p.column ? `, column ${p.column}` : ''}: ${p.reason}` : `  ${p.reason}`));
  return new AppError(
    'INVALID_INPUT',
    `the SQLite database holds values PostgreSQL cannot take; nothing was written. Correct these rows and run db copy again:\n${lines.join('\n')}`,
    { problems: problems.filter((p) => p.table).map(({ table, rowKey, row, column }) => ({ table, rowKey, row, column })) },
  );
}

async function copyTable(sqlite: Database.Database, client: pg.PoolClient, table: CopyTable, batchRows: number): Promise<number> {
  const width = table.columns.length;
  const perStatement = Math.max(1, Math.min(batchRows, Math.floor(MAX_PARAMS / width)));
  const head = `INSERT INTO ${ident(table.name)} (${table.columns.map((c) => ident(c.name)).join(', ')}) OVERRIDING SYSTEM VALUE VALUES `;
  const tuples = (n: number) =>
    Array.from({ length: n }, (_, r) => `(${table.columns.map((_, c) => `$${r * width + c + 1}`).join(', ')})`).join(', ');
  const fullBatch = tuples(perStatement);
  let params: PgParam[] = [];
  let count = 0;
  const flush = async () => {
    const n = params.length / width;
    if (n === 0) return;
    try {
      await client.query(head + (n === perStatement ? fullBatch : tuples(n)), params);
    } catch (err) {
      // pg's message names the constraint, never the values (those are in err.detail, left out).
      throw new AppError('CONFLICT', `copying ${table.name} failed: ${(err as Error).message}; nothing was written`, { table: table.name }, { cause: err });
    }
    params = [];
  };
  for (const row of rows(sqlite, table)) {
    // Checked by findProblems in this same snapshot, so no BadValue here.
    table.columns.forEach((column, i) => params.push(toPgParam(column.kind, row[i + 1])));
    count++;
    if (params.length === perStatement * width) await flush();
  }
  await flush();
  return count;
}

/**
 * Moves each identity sequence past both the highest id copied and the highest id SQLite ever
 * handed out (AUTOINCREMENT never reuses a deleted row's id, and other rows may still name it).
 */
async function resetSequences(sqlite: Database.Database, client: pg.PoolClient, plan: CopyTable[]): Promise<string[]> {
  const handedOut = new Map<string, number>();
  const hasSequenceTable = sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'`).get() !== undefined;
  if (hasSequenceTable) {
    for (const r of sqlite.prepare('SELECT name, seq FROM sqlite_sequence').all() as { name: string; seq: number }[]) handedOut.set(r.name, Number(r.seq));
  }
  const { rows: columns } = await client.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = ANY($1) AND (is_identity = 'YES' OR column_default LIKE 'nextval(%')
      ORDER BY table_name, column_name`,
    [plan.map((t) => t.name)],
  );
  const done: string[] = [];
  for (const { table_name: table, column_name: column } of columns) {
    // setval(..., false): the next value handed out is exactly this one.
    await client.query(`SELECT setval(pg_get_serial_sequence($1, $2), GREATEST(COALESCE(MAX(${ident(column)}), 0), $3::bigint) + 1, false) FROM ${ident(table)}`, [
      ident(table),
      column,
      handedOut.get(table) ?? 0,
    ]);
    done.push(`${table}.${column}`);
  }
  return done;
}
