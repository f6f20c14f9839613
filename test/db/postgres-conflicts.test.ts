/**
 * On PostgreSQL, "insert unless it exists" names the uniqueness it expects to meet. A conflict on
 * anything else (an id handed out twice because a sequence was set back, as after a careless
 * restore) must fail with the database's error, not pass as the expected race and then break on a
 * row that is not there.
 */
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPgTestStore, PG_SKIP, usePostgres, type PgDatabase, type StoreHarness } from '../helpers/postgres.js';

usePostgres();

async function sql(db: PgDatabase, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

describe.skipIf(PG_SKIP)(`postgres inserts that tolerate a duplicate${PG_SKIP ? ` (skipped: ${PG_SKIP})` : ''}`, () => {
  let h: StoreHarness & { db: PgDatabase };
  beforeEach(async () => {
    h = await createPgTestStore();
  });
  afterEach(async () => {
    await h.cleanup();
  });

  const resident = (user: string) => ({ channel: 'web' as const, platformUserId: user, address: `web:${user}`, language: 'zh-CN', now: 1 });

  it('still treats the same resident arriving twice as one resident', async () => {
    const first = await h.store.residents.upsert(resident('u1'));
    const again = await h.store.residents.upsert(resident('u1'));
    expect(again.id).toBe(first.id);
  });

  it('fails loudly when a new resident meets an id already taken', async () => {
    await h.store.residents.upsert(resident('u1'));
    await sql(h.db, `SELECT setval(pg_get_serial_sequence('residents', 'id'), 1, false)`);
    // 23505: unique_violation, on the primary key rather than on (channel, user).
    await expect(h.store.residents.upsert(resident('u2'))).rejects.toMatchObject({ cause: { code: '23505', constraint: 'residents_pkey' } });
  });
});
