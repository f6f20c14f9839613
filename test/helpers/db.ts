/**
 * A real SQLite file with the real migrations, in a fresh temporary directory per call.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../db/sqlite/store.js';
import type { Store } from '../../src/store/ports.js';

export interface TestDb {
  store: Store;
  dir: string;
  file: string;
  /** Closes the store and opens the same file again, as a restart would. */
  reopen(): Promise<Store>;
  cleanup(): Promise<void>;
}

export function createTestDb(): TestDb {
  const dir = mkdtempSync(join(tmpdir(), 'weicheng-test-'));
  const file = join(dir, 'test.db');
  const t: TestDb = {
    store: openSqliteStore({ file }),
    dir,
    file,
    async reopen() {
      await t.store.close();
      t.store = openSqliteStore({ file });
      return t.store;
    },
    async cleanup() {
      await t.store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return t;
}
