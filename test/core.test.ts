/**
 * createCore opens the store DATABASE_URL names with the configuration's settings: on PostgreSQL,
 * DATABASE_POOL_SIZE caps the connections (and so the transactions running at once) of a process;
 * RETENTION_DAYS reaches the housekeeping job; photos saved through the core are registered, and
 * its housekeeping sweeps them.
 */
import { existsSync, mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.js';
import { createCore, type Core } from '../src/core.js';
import { createLogger } from '../src/logger.js';
import { createPgDatabase, PG_SKIP, usePostgres, type PgDatabase } from './helpers/postgres.js';

usePostgres();

let db: PgDatabase | undefined;
let core: Core | undefined;
let dir: string | undefined;
afterEach(async () => {
  await core?.store.close();
  await db?.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
  core = db = dir = undefined;
});

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
};

describe.skipIf(PG_SKIP)(`the core on PostgreSQL${PG_SKIP ? ` (skipped: ${PG_SKIP})` : ''}`, () => {
  it('holds at most DATABASE_POOL_SIZE connections: further transactions wait for one', async () => {
    db = await createPgDatabase();
    dir = mkdtempSync(join(tmpdir(), 'weicheng-core-'));
    const config = parseConfig({ DATABASE_URL: db.url, DATABASE_POOL_SIZE: '2', PACK: 'packs/demo/pack.yaml', MEDIA_DIR: join(dir, 'media'), LOG_LEVEL: 'silent' });
    core = await createCore(config, { logger: createLogger('silent'), deadlines: { schedule: false } });

    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    let inside = 0;
    const txs = Array.from({ length: 4 }, (_, i) =>
      core!.store.transaction(async (tx) => {
        inside++;
        await tx.inboundSeen.markSeen('web', `m-${i}`, 0);
        await gate;
      }),
    );
    await until(() => inside >= 2);
    await new Promise((r) => setTimeout(r, 300));
    expect(inside).toBe(2);
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    const { rows } = await admin.query<{ n: string }>(`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1 AND application_name = 'weicheng'`, [db.name]);
    await admin.end();
    expect(Number(rows[0]!.n)).toBe(2);
    open();
    await Promise.all(txs);
    expect(inside).toBe(4);
  }, 60_000);
});

describe('the core', () => {
  it('gives housekeeping the retention period of RETENTION_DAYS', async () => {
    dir = mkdtempSync(join(tmpdir(), 'weicheng-core-'));
    const config = parseConfig({ DATABASE_URL: `file:${join(dir, 'w.db')}`, RETENTION_DAYS: '30', PACK: 'packs/demo/pack.yaml', MEDIA_DIR: join(dir, 'media'), LOG_LEVEL: 'silent' });
    const now = Date.parse('2026-11-25T10:00:00+08:00');
    core = await createCore(config, { logger: createLogger('silent'), clock: () => now, deadlines: { schedule: false }, housekeeping: { schedule: false } });
    const day = 86_400_000;
    await core.store.webMessages.add({ sessionId: 's', direction: 'in', payload: { kind: 'text', text: 'old' }, createdAt: now - 31 * day });
    const kept = await core.store.webMessages.add({ sessionId: 's', direction: 'in', payload: { kind: 'text', text: 'new' }, createdAt: now - 29 * day });
    expect((await core.housekeeping.run()).webMessages).toBe(1);
    expect(await core.store.webMessages.since('s', 0)).toEqual([kept]);
  });

  it('registers photos saved through its media store, and its housekeeping removes one nothing names a week later', async () => {
    dir = mkdtempSync(join(tmpdir(), 'weicheng-core-'));
    const config = parseConfig({ DATABASE_URL: `file:${join(dir, 'w.db')}`, PACK: 'packs/demo/pack.yaml', MEDIA_DIR: join(dir, 'media'), LOG_LEVEL: 'silent' });
    let now = Date.now();
    core = await createCore(config, { logger: createLogger('silent'), clock: () => now, deadlines: { schedule: false }, housekeeping: { schedule: false } });
    const orphan = await core.media.save(Buffer.from('没发出去的照片'), 'image/jpeg');
    expect(await core.store.mediaFiles.savedBefore(now + 1, '', 10)).toEqual([{ path: orphan, savedAt: now }]);
    utimesSync(core.media.absolute(orphan), new Date(now), new Date(now));
    now += 8 * 86_400_000;
    expect((await core.housekeeping.run()).media).toBe(1);
    expect(existsSync(core.media.absolute(orphan))).toBe(false);
  });
});
