/**
 * `db copy` (db/copy.ts) on real databases: a county seeded through the product's services on
 * SQLite is copied into a fresh PostgreSQL database; every table reads back equal (row by row
 * through drizzle, and through the PostgreSQL store's repositories), and the county carries on
 * there without an id or a ticket number colliding. A target that holds data, or a source value
 * PostgreSQL cannot take, stops the copy with the target left as it was.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { is } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { getTableConfig as pgTableConfig, PgTable } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { copyPlan, sqliteTables } from '../../db/copy-plan.js';
import { copySqliteToPostgres } from '../../db/copy.js';
import * as pgSchema from '../../db/postgres/schema.js';
import { openPostgresStore } from '../../db/postgres/store.js';
import { openSqlite } from '../../db/sqlite/open.js';
import { openSqliteStore } from '../../db/sqlite/store.js';
import type { Core } from '../../src/core.js';
import type { Store } from '../../src/store/ports.js';
import { COUNTY_NOW, openCounty, seedCounty, type SeededCounty } from '../helpers/county.js';
import { createPgDatabase, PG_SKIP, usePostgres, type PgDatabase } from '../helpers/postgres.js';

usePostgres();

let dir: string | undefined;
let target: PgDatabase | undefined;
const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const x of open.splice(0).reverse()) await x.close();
  await target?.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = target = undefined;
});

/** A county seeded on a SQLite file, its service stopped (the store closed) as before a move. */
async function seededFile(): Promise<{ file: string; seeded: SeededCounty }> {
  dir = mkdtempSync(join(tmpdir(), 'weicheng-copy-'));
  const file = join(dir, 'county.db');
  const core = await openCounty(`file:${file}`, dir);
  const seeded = await seedCounty(core);
  await core.store.close();
  return { file, seeded };
}

function pgClient(url: string): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: url });
  open.push({ close: () => c.end() });
  return c.connect().then(() => c);
}

const byJson = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();

/** Every row of every product table, and every sequence's position: what "unchanged" compares. */
async function snapshot(url: string): Promise<Record<string, unknown>> {
  const c = await pgClient(url);
  const out: Record<string, unknown> = {};
  for (const t of copyPlan()) out[t.name] = byJson((await c.query(`SELECT * FROM "${t.name}"`)).rows);
  out['(sequences)'] = (await c.query('SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = current_schema() ORDER BY sequencename')).rows;
  return out;
}

async function stores(file: string, url: string): Promise<{ lite: Store; pgStore: Store }> {
  const lite = openSqliteStore({ file });
  open.push(lite);
  const pgStore = await openPostgresStore({ url });
  open.push(pgStore);
  return { lite, pgStore };
}

describe.skipIf(PG_SKIP)(`db copy from SQLite to PostgreSQL${PG_SKIP ? ` (skipped: ${PG_SKIP})` : ''}`, () => {
  it('copies every table, row for row, so that drizzle reads the same values on both sides', async () => {
    const { file } = await seededFile();
    target = await createPgDatabase();
    // Two rows per statement: the batching is exercised on every table with more than two rows.
    const result = await copySqliteToPostgres({ from: file, to: target.url, batchRows: 2 });

    const names = sqliteTables().map((t) => t.name);
    expect(result.tables.map((t) => t.name).sort()).toEqual([...names].sort());
    const { db: liteDb, sqlite } = openSqlite({ file });
    open.push({ close: async () => void sqlite.close() });
    const pool = new pg.Pool({ connectionString: target.url });
    open.push({ close: () => pool.end() });
    const pgDb = drizzle(pool);
    const pgTables = new Map((Object.values(pgSchema) as unknown[]).filter((t): t is PgTable => is(t, PgTable)).map((t) => [pgTableConfig(t).name, t]));
    for (const { name, table } of sqliteTables()) {
      const liteRows = await liteDb.select().from(table).all();
      // The seed writes every table, so every column type is exercised; a new table needs a row in test/helpers/county.ts.
      expect(liteRows.length, `rows seeded in ${name}`).toBeGreaterThan(0);
      expect(result.tables.find((t) => t.name === name)?.rows, name).toBe(liteRows.length);
      const pgRows = await pgDb.select().from(pgTables.get(name)!);
      expect(byJson(pgRows), name).toEqual(byJson(liteRows));
    }
    expect(result.sequences).toContain('tickets.id');
    expect(result.sequences).toContain('outbox.id');
  }, 120_000);

  it('reads back the same through the PostgreSQL store, and the county carries on without collisions', async () => {
    const { file, seeded } = await seededFile();
    target = await createPgDatabase();
    await copySqliteToPostgres({ from: file, to: target.url });
    const { lite, pgStore } = await stores(file, target.url);

    for (const t of seeded.tickets) {
      expect(await pgStore.tickets.byId(t.id)).toEqual(await lite.tickets.byId(t.id));
      expect(await pgStore.tickets.events(t.id)).toEqual(await lite.tickets.events(t.id));
      expect(await pgStore.tickets.photos(t.id)).toEqual(await lite.tickets.photos(t.id));
    }
    const garbage = seeded.followed.id;
    expect((await pgStore.tickets.events(garbage)).map((e) => e.type)).toEqual((await lite.tickets.events(garbage)).map((e) => e.type));
    expect((await pgStore.tickets.events(garbage)).length).toBeGreaterThanOrEqual(5);
    expect(await pgStore.tickets.followers(garbage)).toEqual([seeded.residents[1]!.id]);
    expect(await pgStore.tickets.list({})).toEqual(await lite.tickets.list({}));
    for (const r of seeded.residents) {
      expect(await pgStore.residents.byId(r.id)).toEqual(await lite.residents.byId(r.id));
      expect(await pgStore.subscriptions.byResident(r.id)).toEqual(await lite.subscriptions.byResident(r.id));
    }
    expect(await pgStore.outbox.counts()).toEqual(await lite.outbox.counts());
    const outboxTotal = Object.values(await lite.outbox.counts()).reduce((a, b) => a + b, 0);
    for (let id = 1; id <= outboxTotal; id++) expect(await pgStore.outbox.byId(id), `outbox ${id}`).toEqual(await lite.outbox.byId(id));
    expect(await pgStore.staff.list()).toEqual(await lite.staff.list());
    expect(await pgStore.staff.links(seeded.staffId)).toEqual(await lite.staff.links(seeded.staffId));
    expect(await pgStore.faq.all()).toEqual(await lite.faq.all());
    expect((await pgStore.faq.all()).some((f) => f.deleted)).toBe(true);
    expect(await pgStore.faqFeedback.list({})).toEqual(await lite.faqFeedback.list({}));
    expect(await pgStore.conversations.get('web', 'session-alice')).toEqual(await lite.conversations.get('web', 'session-alice'));
    expect(await pgStore.webMessages.since('session-alice', 0)).toEqual(await lite.webMessages.since('session-alice', 0));
    expect(await pgStore.inboundSeen.markSeen('telegram', 'update-1001', COUNTY_NOW)).toBe(false);
    expect(await pgStore.numberedChoices.get('wechat', 'wxid_county_carol')).toEqual(await lite.numberedChoices.get('wechat', 'wxid_county_carol'));
    expect((await pgStore.numberedChoices.get('wechat', 'wxid_county_carol'))?.data).toHaveLength(3);
    expect(await pgStore.campaigns.list()).toEqual(await lite.campaigns.list());
    expect(await pgStore.campaigns.runs(seeded.campaignId)).toEqual(await lite.campaigns.runs(seeded.campaignId));
    expect(await pgStore.campaigns.counts(seeded.runId)).toEqual(await lite.campaigns.counts(seeded.runId));
    expect(await pgStore.campaigns.tally(seeded.campaignId)).toEqual(await lite.campaigns.tally(seeded.campaignId));
    expect(await pgStore.campaigns.answers(seeded.campaignId)).toEqual(await lite.campaigns.answers(seeded.campaignId));

    // The county moves: the product on PostgreSQL, the same day. Ids and numbers go on from the copy.
    const maxTicketId = Math.max(...seeded.tickets.map((t) => t.id));
    const core: Core = await openCounty(target.url, dir!);
    open.push(core.store);
    const carol = await core.store.residents.upsert({ channel: 'web', platformUserId: 'session-carol', address: 'session-carol', language: 'zh-CN', now: COUNTY_NOW });
    expect(carol.id).toBe(seeded.residents.length + 1);
    const next = await core.tickets.file({ resident: carol, text: '井盖丢了，晚上走路很危险' });
    expect(next.id).toBe(maxTicketId + 1);
    expect(next.number).toBe(`20260304-${String(seeded.tickets.length + 1).padStart(4, '0')}`);
    expect(await core.store.outbox.byId(outboxTotal + 1)).toMatchObject({ ticketId: next.id });
    const staff = await core.staff.add({ login: 'li', name: '李干事', unitId: next.unitId, role: 'officer' });
    expect(staff.id).toBe(seeded.staffId + 1);
    // The pack's FAQ and campaigns were already there: nothing seeded twice at start.
    expect((await core.store.faq.all()).length).toBe((await lite.faq.all()).length);
    expect((await core.store.campaigns.list()).length).toBe((await lite.campaigns.list()).length);
  }, 120_000);

  it('refuses a target that already holds data, naming the tables, and leaves it as it was', async () => {
    const { file } = await seededFile();
    target = await createPgDatabase();
    const other = await openPostgresStore({ url: target.url });
    await other.residents.upsert({ channel: 'web', platformUserId: 'someone', address: 'someone', language: 'zh-CN', now: COUNTY_NOW });
    await other.inboundSeen.markSeen('web', 'm-1', COUNTY_NOW);
    await other.close();
    const before = await snapshot(target.url);

    const err = await copySqliteToPostgres({ from: file, to: target.url }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'CONFLICT', details: { tables: ['inbound_seen', 'residents'] } });
    expect((err as Error).message).toBe(
      'the target database already holds data in inbound_seen, residents; db copy only fills an empty database and wrote nothing (use a new, empty database)',
    );
    expect(await snapshot(target.url)).toEqual(before);
  }, 120_000);

  it('gives up when a running service keeps writing to the target, rather than wait on it', async () => {
    const { file } = await seededFile();
    target = await createPgDatabase();
    await (await openPostgresStore({ url: target.url })).close();
    const service = await pgClient(target.url);
    await service.query('BEGIN');
    await service.query(`INSERT INTO inbound_seen (channel, message_id, at) VALUES ('web', 'm-1', 0)`);
    const err = await copySqliteToPostgres({ from: file, to: target.url, lockTimeoutMs: 300 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'CONFLICT' });
    expect((err as Error).message).toBe('the target database is in use (its tables stayed locked for 300 ms); stop every service using it and try again');
    await service.query('ROLLBACK');
    const after = await snapshot(target.url);
    for (const t of copyPlan()) expect(after[t.name], t.name).toEqual([]);
  }, 120_000);

  it('lists every value PostgreSQL cannot take (a NUL byte, binary data in a text column) and writes nothing', async () => {
    const { file, seeded } = await seededFile();
    const raw = new Database(file);
    const [garbage, lamp] = seeded.tickets;
    raw.prepare('UPDATE tickets SET text = ? WHERE id = ?').run('井盖\0丢了', lamp!.id);
    raw.prepare('UPDATE ticket_events SET note = ? WHERE id = (SELECT MAX(id) FROM ticket_events WHERE ticket_id = ?)').run('已\0清运', garbage!.id);
    raw.prepare('UPDATE residents SET phone = ? WHERE id = ?').run(Buffer.from([0x31, 0, 0x32]), seeded.residents[1]!.id);
    const eventId = (raw.prepare('SELECT MAX(id) AS id FROM ticket_events WHERE ticket_id = ?').get(garbage!.id) as { id: number }).id;
    raw.close();
    target = await createPgDatabase();

    const err = await copySqliteToPostgres({ from: file, to: target.url }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'INVALID_INPUT' });
    const lines = (err as Error).message.split('\n');
    expect(lines[0]).toBe('the SQLite database holds values PostgreSQL cannot take; nothing was written. Correct these rows and run db copy again:');
    expect(lines.slice(1).sort()).toEqual(
      [
        `  residents id ${seeded.residents[1]!.id}, column phone: holds 3 bytes of binary data, not text, but the column is text`,
        `  ticket_events id ${eventId}, column note: contains a NUL byte, which PostgreSQL text cannot hold`,
        `  tickets id ${lamp!.id}, column text: contains a NUL byte, which PostgreSQL text cannot hold`,
      ].sort(),
    );
    expect((err as Error).message).not.toMatch(/井盖|清运/);
    // Migrated, but no row anywhere and no sequence moved.
    const after = await snapshot(target.url);
    for (const t of copyPlan()) expect(after[t.name], t.name).toEqual([]);
    expect((after['(sequences)'] as { last_value: unknown }[]).every((s) => s.last_value === null)).toBe(true);
  }, 120_000);
});

describe('db copy without a source', () => {
  it('says so when the source file does not exist, creating nothing and connecting nowhere', async () => {
    dir = mkdtempSync(join(tmpdir(), 'weicheng-copy-'));
    const missing = join(dir, 'nope', 'county.db');
    await expect(copySqliteToPostgres({ from: missing, to: 'postgres://127.0.0.1:1/none' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: `no SQLite database at ${missing}`,
    });
    expect(() => new Database(missing, { fileMustExist: true })).toThrow();
  });
});
