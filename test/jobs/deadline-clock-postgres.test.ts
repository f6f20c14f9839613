/**
 * Two processes on one PostgreSQL database both run the deadline clock. Their sweeps overlap, and
 * each ticket must still get one reminder and one escalation, not one per process.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { createCore, type Core } from '../../src/core.js';
import { createLogger } from '../../src/logger.js';
import { garbageCategory, reportPlace } from '../helpers/garbage-report.js';
import { createPgDatabase, PG_SKIP, usePostgres, type PgDatabase } from '../helpers/postgres.js';

usePostgres();

const START = Date.parse('2026-03-04T10:00:00+08:00');
let now = START;
let db: PgDatabase | undefined;
let dir: string | undefined;
const cores: Core[] = [];

afterEach(async () => {
  for (const c of cores.splice(0)) await c.store.close();
  await db?.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
  db = dir = undefined;
  now = START;
});

async function start(): Promise<Core> {
  db ??= await createPgDatabase();
  dir ??= mkdtempSync(join(tmpdir(), 'weicheng-pg-clock-'));
  const config = parseConfig({ DATABASE_URL: db.url, PACK: 'packs/demo/pack.yaml', MEDIA_DIR: join(dir, 'media'), LOG_LEVEL: 'silent' });
  const core = await createCore(config, { logger: createLogger('silent'), clock: () => now, deadlines: { schedule: false } });
  cores.push(core);
  return core;
}

describe.skipIf(PG_SKIP)(`the deadline clock in two processes on PostgreSQL${PG_SKIP ? ` (skipped: ${PG_SKIP})` : ''}`, () => {
  it('reminds a unit once and escalates once per ticket when two sweeps overlap', async () => {
    const a = await start();
    const b = await start();
    const place = reportPlace(a.pack, garbageCategory(a.pack));
    const ids: number[] = [];
    for (let i = 0; i < 6; i++) {
      const resident = await a.store.residents.upsert({ channel: 'web', platformUserId: `s${i}`, address: `s${i}`, language: 'zh-CN', now });
      const t = await a.tickets.file({ resident, text: '这里的垃圾堆了好几天没人清运，臭得很', location: { lat: place.lat, lon: place.lon, crs: 'wgs84' } });
      ids.push(t.id);
    }
    const first = await a.store.tickets.byId(ids[0] as number);
    // Half an hour before the acceptance deadline: inside the reminder's lead, not yet overdue.
    now = (first?.ackDueAt ?? START) - 30 * 60_000;
    for (let round = 0; round < 3; round++) await Promise.all([a.deadlines.sweep(), b.deadlines.sweep()]);
    for (const id of ids) {
      const reminders = (await a.store.tickets.events(id)).filter((e) => e.type === 'remind');
      expect(reminders, `ticket ${id}`).toHaveLength(1);
    }

    // Past the deadline, the two sweeps escalate each ticket once between them.
    now = (first?.ackDueAt ?? START) + 60_000;
    await Promise.all([a.deadlines.sweep(), b.deadlines.sweep()]);
    for (const id of ids) {
      const escalations = (await a.store.tickets.events(id)).filter((e) => e.type === 'escalate');
      expect(escalations, `ticket ${id}`).toHaveLength(1);
    }
  });
});
