/**
 * The store implementations the contract tests run against, each on a fresh database per test:
 * SQLite (a temporary file, test/helpers/db.ts) and PostgreSQL (a new database on the test
 * server, test/helpers/postgres.ts). A file using them calls `usePostgres()` at its top level.
 */
import { afterEach, beforeEach, describe } from 'vitest';
import { openSqliteStore } from '../../db/sqlite/store.js';
import type { Store } from '../../src/store/ports.js';
import { createTestDb } from './db.js';
import { createPgTestStore, PG_SKIP, type StoreHarness } from './postgres.js';

export type { StoreHarness } from './postgres.js';

export interface StoreBackend {
  name: 'sqlite' | 'postgres';
  /** Why this backend's cases are skipped here, or undefined. */
  skip: string | undefined;
  open(): Promise<StoreHarness>;
}

async function sqliteHarness(): Promise<StoreHarness> {
  const t = createTestDb();
  const others: Store[] = [];
  return {
    get store() {
      return t.store;
    },
    reopen: () => t.reopen(),
    async another() {
      const s = openSqliteStore({ file: t.file });
      others.push(s);
      return s;
    },
    async cleanup() {
      for (const s of others) await s.close();
      await t.cleanup();
    },
  };
}

export const STORE_BACKENDS: StoreBackend[] = [
  { name: 'sqlite', skip: undefined, open: sqliteHarness },
  { name: 'postgres', skip: PG_SKIP, open: createPgTestStore },
];

/**
 * Declares the same cases once per backend (`sqlite <title>`, `postgres <title>`), each case on a
 * fresh database. `t` always stands for the current case's harness.
 */
export function describeStores(title: string, cases: (t: StoreHarness) => void): void {
  for (const backend of STORE_BACKENDS) {
    describe.skipIf(backend.skip)(`${backend.name} ${title}${backend.skip ? ` (skipped: ${backend.skip})` : ''}`, () => {
      let h: StoreHarness;
      beforeEach(async () => {
        h = await backend.open();
      });
      afterEach(async () => {
        await h.cleanup();
      });
      cases({
        get store() {
          return h.store;
        },
        reopen: () => h.reopen(),
        another: () => h.another(),
        cleanup: () => h.cleanup(),
      });
    });
  }
}

/** A ticket row to insert, varied per test with a spread. */
export const baseTicket = {
  cityId: 'c',
  kind: 'report' as const,
  state: 'submitted' as const,
  categoryId: 'garbage',
  areaId: null,
  unitId: 'sanitation',
  text: 'x',
  lat: null,
  lon: null,
  routeConfidence: 0.9,
  residentId: null,
  channel: 'web' as const,
  ackDueAt: 1,
  resolveDueAt: 2,
  createdAt: 0,
  updatedAt: 0,
};
