/**
 * Opens a PostgreSQL connection pool and brings the database's schema up to date with the
 * generated migrations (db/migrations-pg). Several processes may start against one database at
 * once: the migrations run under an advisory lock, so exactly one of them applies each step.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { databaseLabel } from '../../src/config.js';
import { AppError } from '../../src/errors.js';

const MIGRATIONS = resolve(dirname(fileURLToPath(import.meta.url)), '../migrations-pg');

/** Any constant; it only has to differ from other applications' advisory locks on the database. */
const MIGRATION_LOCK = 4_718_230_911;

const INT8 = 20;

export interface OpenPostgresOptions {
  /** `postgres://user:password@host:port/database` (DATABASE_URL). */
  url: string;
  /** Most connections this process holds; each open transaction keeps one. Default 10. */
  maxConnections?: number;
  /** How long a query waits for a free connection before failing, in ms. Default 10000. */
  connectionTimeoutMs?: number;
  /**
   * Told about a pooled connection that broke while idle (the server restarted, a network cut).
   * The pool replaces it on the next use. Default: ignored.
   */
  onConnectionError?: (err: Error) => void;
}

export async function openPostgres(options: OpenPostgresOptions): Promise<pg.Pool> {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 10_000,
    application_name: 'weicheng',
    // Times are bigint milliseconds and counts are bigint: read them as numbers (safe below 2^53),
    // as SQLite returns them. Queries built by drizzle map their own columns.
    types: { getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === INT8 ? Number : pg.types.getTypeParser(oid, format))) as typeof pg.types.getTypeParser },
  });
  // Without a listener an idle connection's error would crash the process.
  pool.on('error', (err) => options.onConnectionError?.(err));
  try {
    const client = await pool.connect();
    try {
      const { rows } = await client.query<{ server_encoding: string }>('SHOW server_encoding');
      if (rows[0]?.server_encoding !== 'UTF8') {
        throw new AppError(
          'CONFIG_INVALID',
          `DATABASE_URL: the database's encoding is ${rows[0]?.server_encoding}; Chinese text needs UTF8 (CREATE DATABASE ... ENCODING 'UTF8' TEMPLATE template0)`,
        );
      }
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      try {
        await migrate(drizzle(client), { migrationsFolder: MIGRATIONS });
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
      }
    } finally {
      client.release();
    }
  } catch (err) {
    await pool.end().catch(() => {});
    if (err instanceof AppError) throw err;
    throw new AppError('CONFIG_INVALID', `DATABASE_URL: cannot open PostgreSQL at ${databaseLabel({ kind: 'postgres', url: options.url })}: ${(err as Error).message}`, undefined, { cause: err });
  }
  return pool;
}
