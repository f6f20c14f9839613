import { mkdtempSync, readdirSync, readlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openSqlite } from '../../../db/sqlite/open.js';

/** How many of this process's open files are `file` (Linux: /proc/self/fd). */
function handlesOn(file: string): number {
  let n = 0;
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      if (readlinkSync(`/proc/self/fd/${fd}`) === file) n++;
    } catch {
      // The descriptor closed while we looked.
    }
  }
  return n;
}

describe('openSqlite', () => {
  it('closes a file it cannot migrate instead of keeping it open', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'wc-open-')), 'county.db');
    // A table the first migration creates, made by hand: the migration fails on it.
    const other = new Database(file);
    other.exec('CREATE TABLE residents (id INTEGER PRIMARY KEY)');
    other.close();
    expect(() => openSqlite({ file })).toThrow();
    expect(handlesOn(file)).toBe(0);
  });

  it('opens and migrates a new file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'wc-open-')), 'county.db');
    const { sqlite } = openSqlite({ file });
    expect(sqlite.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'tickets'").get()).toEqual({ n: 1 });
    expect(handlesOn(file)).toBe(1);
    sqlite.close();
    expect(handlesOn(file)).toBe(0);
  });
});
