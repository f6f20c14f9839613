/**
 * Opens the SQLite database and brings its schema up to date with the generated migrations.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from '../schema.js';

export type SqliteDb = BetterSQLite3Database<typeof schema>;

const MIGRATIONS = resolve(dirname(fileURLToPath(import.meta.url)), '../migrations');

export interface OpenSqliteOptions {
  /** File path, or ':memory:'. Parent directories are created. */
  file: string;
  /** How long a writer waits for another connection's lock, in ms. Default 5000. */
  busyTimeoutMs?: number;
}

export function openSqlite(options: OpenSqliteOptions): { sqlite: Database.Database; db: SqliteDb } {
  if (options.file !== ':memory:') mkdirSync(dirname(resolve(options.file)), { recursive: true });
  const sqlite = new Database(options.file);
  // WAL lets readers run beside the writer; NORMAL sync is durable across process crashes in WAL mode.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
  const db = drizzle(sqlite, { schema });
  try {
    migrate(db, { migrationsFolder: MIGRATIONS });
  } catch (err) {
    // A file that cannot be migrated (corrupt, or from a newer release) must not stay open and locked.
    sqlite.close();
    throw err;
  }
  return { sqlite, db };
}

/**
 * Prepared statements of raw SQL on `db`'s connection, each prepared once: repositories on hot
 * paths, or with SQL drizzle does not build, use these.
 */
export function statements(db: SqliteDb): { sqlite: Database.Database; st: (sql: string) => Database.Statement } {
  const sqlite = (db as unknown as { $client: Database.Database }).$client;
  const cache = new Map<string, Database.Statement>();
  const st = (sql: string): Database.Statement => {
    let s = cache.get(sql);
    if (!s) cache.set(sql, (s = sqlite.prepare(sql)));
    return s;
  };
  return { sqlite, st };
}
