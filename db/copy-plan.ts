/**
 * What `db copy` (db/copy.ts) copies, derived from the two drizzle schemas instead of listed by
 * hand: every table of the SQLite schema (db/schema.ts) with every column, each mapped to the
 * PostgreSQL type it goes into (db/postgres/schema.ts), in foreign-key order. A table or column
 * added to the schemas is therefore copied with no change here, and a PostgreSQL column type this
 * file does not know stops the copy rather than being guessed at.
 *
 * Also how one SQLite value becomes a PostgreSQL parameter, so that the PostgreSQL store reads back
 * what the SQLite store read: booleans (0/1 in SQLite) become booleans, JSON text is passed on as
 * written (the `json` type keeps its text), integers are read exactly (as BigInt) and range-checked.
 */
import { is } from 'drizzle-orm';
import { getTableConfig as pgTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as pgSchema from './postgres/schema.js';
import * as sqliteSchema from './schema.js';

/** How a column's values are checked and passed to PostgreSQL. */
export type ColumnKind = 'integer' | 'bigint' | 'double' | 'text' | 'json' | 'boolean';

/** drizzle's PostgreSQL column classes, by the kind of value they take. */
const KIND_OF: Record<string, ColumnKind> = {
  PgInteger: 'integer',
  PgBigInt53: 'bigint',
  PgBigInt64: 'bigint',
  PgDoublePrecision: 'double',
  PgText: 'text',
  PgJson: 'json',
  PgBoolean: 'boolean',
};

export interface CopyColumn {
  name: string;
  kind: ColumnKind;
}

export interface CopyTable {
  name: string;
  columns: CopyColumn[];
  /**
   * What names a row in an error: the `id` column when the table has one (a number or a pack's
   * slug), else SQLite's rowid, because the other keys (chat ids, session token hashes) are
   * personal data or secrets.
   */
  rowKey: 'id' | 'rowid';
}

/** The tables of the SQLite schema (db/schema.ts), by name. */
export function sqliteTables(): { name: string; table: SQLiteTable }[] {
  return (Object.values(sqliteSchema) as unknown[])
    .filter((t): t is SQLiteTable => is(t, SQLiteTable))
    .map((table) => ({ name: sqliteTableConfig(table).name, table }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Every table of the SQLite schema, each after the tables it references. */
export function copyPlan(): CopyTable[] {
  const pgByName = new Map(
    (Object.values(pgSchema) as unknown[])
      .filter((t): t is PgTable => is(t, PgTable))
      .map((t) => [pgTableConfig(t).name, pgTableConfig(t)] as const),
  );
  const tables: (CopyTable & { references: Set<string> })[] = [];
  for (const { name, table } of sqliteTables()) {
    const lite = sqliteTableConfig(table);
    const pg = pgByName.get(name);
    // test/db/schema-parity.test.ts keeps the schemas alike; this guards a copy made in between.
    if (!pg) throw new Error(`db copy: table ${name} is in db/schema.ts but not in db/postgres/schema.ts`);
    const pgColumns = new Map(pg.columns.map((c) => [c.name, c]));
    const columns = lite.columns.map((c): CopyColumn => {
      const target = pgColumns.get(c.name);
      if (!target) throw new Error(`db copy: column ${name}.${c.name} has no PostgreSQL counterpart`);
      const kind = KIND_OF[target.columnType];
      if (!kind) throw new Error(`db copy: no rule for copying ${name}.${c.name} into a ${target.getSQLType()} column; add one to db/copy-plan.ts`);
      return { name: c.name, kind };
    });
    if (pg.columns.length !== columns.length) throw new Error(`db copy: table ${name} has PostgreSQL columns that SQLite lacks`);
    const references = new Set(
      [...lite.foreignKeys.map((f) => sqliteTableConfig(f.reference().foreignTable).name), ...pg.foreignKeys.map((f) => pgTableConfig(f.reference().foreignTable).name)].filter(
        (r) => r !== name,
      ),
    );
    tables.push({ name, columns, rowKey: columns.some((c) => c.name === 'id') ? 'id' : 'rowid', references });
  }
  return foreignKeyOrder(tables).map(({ name, columns, rowKey }) => ({ name, columns, rowKey }));
}

/** Tables ordered so that each comes after those it references; otherwise by name. */
function foreignKeyOrder<T extends { name: string; references: Set<string> }>(tables: T[]): T[] {
  const placed = new Set<string>();
  const out: T[] = [];
  while (out.length < tables.length) {
    const next = tables.find((t) => !placed.has(t.name) && [...t.references].every((r) => placed.has(r)));
    if (!next) {
      const stuck = tables.filter((t) => !placed.has(t.name)).map((t) => t.name);
      throw new Error(`db copy: foreign keys form a cycle (or name a table outside the schema) among ${stuck.join(', ')}`);
    }
    placed.add(next.name);
    out.push(next);
  }
  return out;
}

/** A value that cannot go into its PostgreSQL column; the reason never quotes the value. */
export class BadValue extends Error {}

/** A PostgreSQL query parameter. Big integers go as text so that no digit is lost on the way. */
export type PgParam = string | number | boolean | null;

const INT4 = [-(2n ** 31n), 2n ** 31n - 1n] as const;
const INT8 = [-(2n ** 63n), 2n ** 63n - 1n] as const;

function wholeNumber(v: unknown, [min, max]: readonly [bigint, bigint], type: string): bigint {
  let n: bigint;
  if (typeof v === 'bigint') n = v;
  else if (typeof v === 'number' && Number.isInteger(v)) n = BigInt(v);
  else throw new BadValue(`is not a whole number (${describe(v)}), but the column is ${type}`);
  if (n < min || n > max) throw new BadValue(`is out of range for ${type}`);
  return n;
}

function text(v: unknown, type: string): string {
  if (typeof v !== 'string') throw new BadValue(`holds ${describe(v)}, not text, but the column is ${type}`);
  if (v.includes('\0')) throw new BadValue('contains a NUL byte, which PostgreSQL text cannot hold');
  return v;
}

/** What kind of value it is, never the value itself (it may be personal data). */
function describe(v: unknown): string {
  if (Buffer.isBuffer(v)) return `${v.length} bytes of binary data`;
  if (typeof v === 'bigint') return 'an integer';
  if (typeof v === 'number') return 'a floating-point number';
  return `a ${typeof v}`;
}

/**
 * The parameter for one SQLite value (read with safeIntegers, so integers arrive as BigInt).
 * Throws BadValue when PostgreSQL would refuse the value or the store would read it differently.
 */
export function toPgParam(kind: ColumnKind, v: unknown): PgParam {
  if (v === null || v === undefined) return null;
  switch (kind) {
    case 'integer':
      return Number(wholeNumber(v, INT4, 'integer'));
    case 'bigint':
      return wholeNumber(v, INT8, 'bigint').toString();
    case 'double':
      if (typeof v === 'number') return v;
      if (typeof v === 'bigint') return Number(v);
      throw new BadValue(`holds ${describe(v)}, not a number, but the column is double precision`);
    case 'boolean':
      if (v === 0n || v === 0) return false;
      if (v === 1n || v === 1) return true;
      throw new BadValue('is neither 0 nor 1, but the column is boolean');
    case 'text':
      return text(v, 'text');
    case 'json': {
      const s = text(v, 'json');
      try {
        JSON.parse(s);
      } catch {
        throw new BadValue('is not valid JSON, but the column is json');
      }
      // As written: the json type keeps the text, as SQLite did, and pg parses it on reading.
      return s;
    }
  }
}
