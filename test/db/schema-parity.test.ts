/**
 * The SQLite and PostgreSQL schemas describe the same tables: the same inferred row types (checked
 * by the type checker, `npm test` runs tsc first) and the same column names, nullability, keys
 * and indexes (checked here). A change to one schema without the other fails.
 */
import { getTableConfig as pgConfig } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteConfig } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import * as pg from '../../db/postgres/schema.js';
import * as sqlite from '../../db/schema.js';

type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Lite = typeof sqlite;
type Pg = typeof pg;
type RowsAgree = {
  [K in keyof Lite]: K extends keyof Pg ? Same<Lite[K]['$inferSelect'], Pg[K]['$inferSelect']> & Same<Lite[K]['$inferInsert'], Pg[K]['$inferInsert']> : false;
};
// Compile-time checks: a type that differs makes one of these `false`, and the assignment fails.
const sameTables: Same<keyof Lite, keyof Pg> = true;
const sameRows: [RowsAgree[keyof Lite]] extends [true] ? true : false = true;

interface Shape {
  columns: string[];
  indexes: string[];
  foreignKeys: string[];
}

const names = (cols: { name: string; notNull: boolean; primary: boolean; hasDefault: boolean; isUnique: boolean }[]) =>
  cols.map((c) => `${c.name}${c.notNull ? ' not null' : ''}${c.primary ? ' primary' : ''}${c.hasDefault ? ' default' : ''}${c.isUnique ? ' unique' : ''}`).sort();

function liteShape(name: keyof Lite): Shape {
  const c = sqliteConfig(sqlite[name]);
  return {
    columns: names(c.columns),
    indexes: c.indexes.map((i) => `${i.config.name}${i.config.unique ? ' unique' : ''}${i.config.where ? ' partial' : ''}`).sort(),
    foreignKeys: c.foreignKeys.map((f) => f.reference().columns.map((x) => x.name).join()).sort(),
  };
}

function pgShape(name: keyof Pg): Shape {
  const c = pgConfig(pg[name]);
  return {
    columns: names(c.columns),
    indexes: c.indexes.map((i) => `${i.config.name}${i.config.unique ? ' unique' : ''}${i.config.where ? ' partial' : ''}`).sort(),
    foreignKeys: c.foreignKeys.map((f) => f.reference().columns.map((x) => x.name).join()).sort(),
  };
}

describe('schemas', () => {
  it('infer the same row types in both dialects', () => {
    expect([sameTables, sameRows]).toEqual([true, true]);
  });

  it.each(Object.keys(sqlite) as (keyof Lite)[])('%s has the same columns, indexes and references in both dialects', (name) => {
    expect(sqliteConfig(sqlite[name]).name).toBe(pgConfig(pg[name]).name);
    expect(pgShape(name)).toEqual(liteShape(name));
  });
});
