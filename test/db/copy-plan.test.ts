/**
 * What `db copy` copies, without a PostgreSQL server: every table and column of the SQLite schema
 * (and of a migrated SQLite file), in an order PostgreSQL's foreign keys accept, and each SQLite
 * value turned into the parameter PostgreSQL takes, or refused with a reason that never quotes it.
 */
import { getTableConfig } from 'drizzle-orm/sqlite-core';
import { afterEach, describe, expect, it } from 'vitest';
import { BadValue, copyPlan, sqliteTables, toPgParam } from '../../db/copy-plan.js';
import { openSqlite } from '../../db/sqlite/open.js';
import { createTestDb, type TestDb } from '../helpers/db.js';

let t: TestDb | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

describe('the copy plan', () => {
  it('holds every table of the SQLite schema and of a migrated SQLite file, with every column', async () => {
    const plan = copyPlan();
    const schemaTables = sqliteTables().map((x) => x.name);
    expect(schemaTables.length).toBeGreaterThanOrEqual(21);
    expect(plan.map((x) => x.name).sort()).toEqual([...schemaTables].sort());
    for (const { name, table } of sqliteTables()) {
      expect(plan.find((x) => x.name === name)!.columns.map((c) => c.name)).toEqual(getTableConfig(table).columns.map((c) => c.name));
    }
    t = createTestDb();
    const { sqlite } = openSqlite({ file: t.file });
    const inFile = (sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != '__drizzle_migrations'`).all() as { name: string }[]).map((r) => r.name);
    sqlite.close();
    expect(plan.map((x) => x.name).sort()).toEqual(inFile.sort());
  });

  it('puts every table after the tables it references', () => {
    const order = copyPlan().map((x) => x.name);
    for (const { name, table } of sqliteTables()) {
      for (const fk of getTableConfig(table).foreignKeys) {
        const parent = getTableConfig(fk.reference().foreignTable).name;
        expect(order.indexOf(parent), `${parent} before ${name}`).toBeLessThan(order.indexOf(name));
      }
    }
    expect(order.indexOf('tickets')).toBeGreaterThan(order.indexOf('residents'));
    expect(order.indexOf('campaign_deliveries')).toBeGreaterThan(order.indexOf('campaign_runs'));
  });

  it('knows each column’s PostgreSQL kind, and names rows by id where the table has one', () => {
    const plan = copyPlan();
    const kinds = (name: string) => Object.fromEntries(plan.find((x) => x.name === name)!.columns.map((c) => [c.name, c.kind]));
    expect(kinds('tickets')).toMatchObject({ id: 'integer', lat: 'double', created_at: 'bigint', text: 'text' });
    expect(kinds('faq_entries')).toMatchObject({ variants: 'json', deleted: 'boolean' });
    expect(plan.find((x) => x.name === 'tickets')!.rowKey).toBe('id');
    expect(plan.find((x) => x.name === 'conversations')!.rowKey).toBe('rowid');
  });
});

describe('a SQLite value as a PostgreSQL parameter', () => {
  const refusal = (kind: Parameters<typeof toPgParam>[0], v: unknown) => {
    try {
      toPgParam(kind, v);
    } catch (err) {
      expect(err).toBeInstanceOf(BadValue);
      return (err as Error).message;
    }
    throw new Error('accepted');
  };

  it('keeps NULLs, integers, times beyond 32 bits, fractions, booleans and JSON text as written', () => {
    expect(toPgParam('text', null)).toBeNull();
    expect(toPgParam('integer', 42n)).toBe(42);
    expect(toPgParam('bigint', 1_772_589_600_000n)).toBe('1772589600000');
    expect(toPgParam('bigint', 2n ** 62n)).toBe('4611686018427387904');
    expect(toPgParam('double', 28.612345678901234)).toBe(28.612345678901234);
    expect([toPgParam('boolean', 0n), toPgParam('boolean', 1n)]).toEqual([false, true]);
    expect(toPgParam('json', '{"b":1, "a":[1.50]}')).toBe('{"b":1, "a":[1.50]}');
    expect(toPgParam('text', '居民A7K3 😀')).toBe('居民A7K3 😀');
  });

  it('refuses what PostgreSQL cannot hold or the store would read differently, without quoting the value', () => {
    expect(refusal('text', '井盖\0丢了')).toBe('contains a NUL byte, which PostgreSQL text cannot hold');
    expect(refusal('json', '{"a":"\0"}')).toBe('contains a NUL byte, which PostgreSQL text cannot hold');
    expect(refusal('text', Buffer.from([1, 0, 2]))).toBe('holds 3 bytes of binary data, not text, but the column is text');
    expect(refusal('json', '{not json')).toBe('is not valid JSON, but the column is json');
    expect(refusal('boolean', 2n)).toBe('is neither 0 nor 1, but the column is boolean');
    expect(refusal('integer', 2n ** 31n)).toBe('is out of range for integer');
    expect(refusal('integer', 1.5)).toBe('is not a whole number (a floating-point number), but the column is integer');
    expect(refusal('bigint', 'soon')).toBe('is not a whole number (a string), but the column is bigint');
    expect(refusal('double', 'x')).toBe('holds a string, not a number, but the column is double precision');
  });
});
