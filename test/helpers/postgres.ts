/**
 * PostgreSQL for tests: a fresh database per test on a shared server.
 *
 * The server is WEICHENG_TEST_PG_URL (a superuser URL; `.ci/run` starts one throwaway cluster and
 * sets it), else a throwaway cluster this test file starts itself when the PostgreSQL server
 * programs are installed (Debian's `postgresql`). With neither, the PostgreSQL cases are skipped
 * and say why in their names, except under CI (`CI` set): there they run and fail, so CI can
 * never pass by skipping them.
 *
 * A test file calls `usePostgres()` once at its top level, then `createPgDatabase()` or
 * `createPgTestStore()` in its tests.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll } from 'vitest';
import { openPostgresStore } from '../../db/postgres/store.js';
import type { Store } from '../../src/store/ports.js';
import { pgBinDir, startCluster, type Cluster } from './pg-cluster.js';

const GIVEN_URL = process.env.WEICHENG_TEST_PG_URL?.trim() || undefined;
const UNAVAILABLE =
  GIVEN_URL || pgBinDir()
    ? undefined
    : 'no PostgreSQL: set WEICHENG_TEST_PG_URL=postgres://USER@HOST:PORT/postgres (a superuser) or apt-get install postgresql';

/** Why this machine skips the PostgreSQL cases, or undefined when they run (always under CI). */
export const PG_SKIP: string | undefined = UNAVAILABLE && !process.env.CI ? UNAVAILABLE : undefined;
if (PG_SKIP) console.warn(`PostgreSQL tests skipped: ${PG_SKIP}`);

let cluster: Promise<Cluster> | undefined;

/** The superuser URL of the test server, starting this file's own cluster on first use. */
async function serverUrl(): Promise<string> {
  if (GIVEN_URL) return GIVEN_URL;
  if (UNAVAILABLE) throw new Error(`CI needs the PostgreSQL tests to run, but there is ${UNAVAILABLE}`);
  cluster ??= startCluster();
  return (await cluster).url;
}

/** Stops this file's own cluster after its tests (a server given by URL is left running). */
export function usePostgres(): void {
  afterAll(async () => {
    const c = cluster;
    cluster = undefined;
    if (c) await (await c).stop();
  });
}

/** `url` with another database name. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: await serverUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export interface PgDatabase {
  name: string;
  /** A URL of the new database, as DATABASE_URL would hold it. */
  url: string;
  /** Drops the database, closing whatever connections are still open on it. */
  drop(): Promise<void>;
}

/** A new, empty UTF-8 database on the test server. */
export async function createPgDatabase(): Promise<PgDatabase> {
  const name = `weicheng_test_${randomBytes(6).toString('hex')}`;
  const base = await serverUrl();
  await admin((c) => c.query(`CREATE DATABASE ${name} ENCODING 'UTF8' TEMPLATE template0`));
  return {
    name,
    url: withDatabase(base, name),
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {}),
  };
}

/** What the store contract tests need of a database, whichever kind. */
export interface StoreHarness {
  store: Store;
  /** Closes the store and opens the same database again, as a restart would. */
  reopen(): Promise<Store>;
  /** Opens another store on the same database, as a second process would. */
  another(): Promise<Store>;
  cleanup(): Promise<void>;
}

/** A PostgreSQL store with the real migrations on a fresh database. */
export async function createPgTestStore(): Promise<StoreHarness & { db: PgDatabase }> {
  const db = await createPgDatabase();
  const others: Store[] = [];
  const h = {
    db,
    store: await openPostgresStore({ url: db.url }),
    async reopen() {
      await h.store.close();
      h.store = await openPostgresStore({ url: db.url });
      return h.store;
    },
    async another() {
      const s = await openPostgresStore({ url: db.url });
      others.push(s);
      return s;
    },
    async cleanup() {
      for (const s of [h.store, ...others]) await s.close();
      await db.drop();
    },
  };
  return h;
}
