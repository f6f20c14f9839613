/**
 * The product on PostgreSQL (DATABASE_URL=postgres://...), end to end: createCore opens and
 * migrates a fresh database, a resident's report becomes a ticket whose events and outbox rows are
 * written in the same transaction (a failure part-way leaves nothing), and a restart, a new store
 * on the same database, keeps all of it. Then the whole product: a resident reports over the web
 * chat's HTTP API, the outbox delivers the replies, and a restarted product still has them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { expectGarbageTicket, startProduct, type Product } from '../adapters/web/product.js';
import { reportOverApi, webResident } from '../adapters/web/report-over-api.js';
import { parseConfig } from '../../src/config.js';
import { createCore, type Core } from '../../src/core.js';
import { createLogger } from '../../src/logger.js';
import type { Repos, Store } from '../../src/store/ports.js';
import { createTicketService } from '../../src/tickets/service.js';
import { localDay } from '../../src/calendar/index.js';
import { garbageCategory, reportPlace } from '../helpers/garbage-report.js';
import { createPgDatabase, PG_SKIP, usePostgres, type PgDatabase } from '../helpers/postgres.js';

usePostgres();

const REPORT = '这里的垃圾堆了好几天没人清运，苍蝇乱飞，臭得很';
const NOW = Date.parse('2026-03-04T10:00:00+08:00');

let db: PgDatabase | undefined;
let dir: string | undefined;
const cores: Core[] = [];
let product: Product | undefined;
afterEach(async () => {
  await product?.close();
  product = undefined;
  for (const c of cores.splice(0)) await c.store.close();
  await db?.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
  db = dir = undefined;
});

async function start(): Promise<Core> {
  db ??= await createPgDatabase();
  dir ??= mkdtempSync(join(tmpdir(), 'weicheng-pg-e2e-'));
  const config = parseConfig({ DATABASE_URL: db.url, PACK: 'packs/demo/pack.yaml', MEDIA_DIR: join(dir, 'media'), LOG_LEVEL: 'silent' });
  const core = await createCore(config, { logger: createLogger('silent'), clock: () => NOW, deadlines: { schedule: false } });
  cores.push(core);
  return core;
}

/** The same store, but whose outbox fails inside transactions: the write after the ticket's. */
function failingOutbox(store: Store): Store {
  const broken = (tx: Repos): Repos => ({
    ...tx,
    outbox: {
      ...tx.outbox,
      enqueue: async () => {
        throw new Error('outbox write failed');
      },
    },
  });
  return { ...store, transaction: (fn) => store.transaction((tx) => fn(broken(tx))) };
}

describe.skipIf(PG_SKIP)(`the product's core on PostgreSQL${PG_SKIP ? ` (skipped: ${PG_SKIP})` : ''}`, () => {
  it('files a report as a ticket with its events and outbox rows in one transaction, and keeps them across a restart', async () => {
    const core = await start();
    expect(await core.store.ping()).toBe(true);
    const pack = core.pack;
    const place = reportPlace(pack, garbageCategory(pack));
    const resident = await core.store.residents.upsert({ channel: 'web', platformUserId: 'session-1', address: 'session-1', language: 'zh-CN', now: NOW });

    // A failure after the ticket row is written (queueing the receipt) rolls the whole report back.
    const broken = createTicketService({
      store: failingOutbox(core.store),
      pack: () => pack,
      router: core.router,
      calendar: { deadlines: (at, sla) => core.calendar.deadlines(at, sla), localDay: (ms) => localDay(ms, pack.city.timezone) },
      clock: () => NOW,
    });
    await expect(broken.file({ resident, text: REPORT, location: { lat: place.lat, lon: place.lon, crs: 'wgs84' } })).rejects.toThrow('outbox write failed');
    expect(await core.store.tickets.list({})).toEqual([]);
    expect(await core.store.outbox.counts()).toEqual({ pending: 0, delivered: 0, failed: 0 });

    const ticket = await core.tickets.file({ resident, text: REPORT, location: { lat: place.lat, lon: place.lon, crs: 'wgs84' } });
    // The rolled-back attempt used no number.
    expect(ticket.number).toBe('20260304-0001');
    expect(ticket).toMatchObject({ state: 'assigned', categoryId: garbageCategory(pack).id, areaId: place.area.id, unitId: place.unit, residentId: resident.id });
    expect(ticket.lat).toBeCloseTo(place.lat, 9);
    const events = await core.tickets.history(ticket.id);
    expect(events.map((e) => [e.type, e.toState])).toEqual([
      ['created', 'submitted'],
      ['assigned', 'assigned'],
    ]);
    expect(events[0]!.data).toMatchObject({ category: garbageCategory(pack).id, area: place.area.id });
    const pending = await core.store.outbox.lease(NOW, NOW + 60_000, 100);
    const receipt = pending.find((i) => i.channel === 'web' && i.address === 'session-1');
    expect(receipt?.payload).toMatchObject({ kind: 'text', text: expect.stringContaining(ticket.number) });
    expect(pending.every((i) => i.ticketId === ticket.id)).toBe(true);
    await core.store.outbox.releaseLeases(pending.map((i) => i.id));
    const counts = await core.store.outbox.counts();
    expect(counts.pending).toBe(pending.length);

    // A restart: the store is closed and the core built again on the same database.
    await core.store.close();
    expect(await core.store.ping()).toBe(false);
    const again = await start();
    expect(await again.tickets.byNumber(ticket.number)).toEqual(ticket);
    expect(await again.tickets.history(ticket.id)).toEqual(events);
    expect(await again.store.outbox.counts()).toEqual(counts);
    expect((await again.store.outbox.byId(receipt!.id))?.payload).toEqual(receipt!.payload);
    // Numbering goes on from where it was; the pack's FAQ and campaigns were not seeded twice.
    const next = await again.tickets.file({ resident, text: '路灯坏了好几天了，晚上很黑' });
    expect(next.number).toBe('20260304-0002');
    expect((await again.store.faq.all()).length).toBe(pack.faq.length);
    expect((await again.store.campaigns.list()).length).toBe(pack.campaigns.length);
  }, 120_000);

  it('serves a resident’s web chat report end to end, and a restarted product still has the ticket and the conversation', async () => {
    db = await createPgDatabase();
    product = await startProduct({ DATABASE_URL: db.url });
    const { ticketNumber, place, photo, r, lastButton } = await reportOverApi(product);
    await expectGarbageTicket(product, ticketNumber, place, photo);
    const ticket = (await product.app.tickets.byNumber(ticketNumber))!;
    // The confirmation again, as a flaky network would send it: nothing happens twice.
    await r.post(lastButton);
    expect((await r.turn()).rows).toEqual([]);
    expect(await product.app.tickets.forResident(ticket.residentId!)).toHaveLength(1);
    const outbox = await product.app.store.outbox.counts();
    // Replies went out on the web chat; cards for the units' other channels (not live here) wait.
    expect(outbox.delivered).toBeGreaterThan(2);
    expect(outbox.failed).toBe(0);
    const cookie = r.cookie;

    await product.close();
    product = await startProduct({ DATABASE_URL: db.url });
    expect(await product.app.tickets.byNumber(ticketNumber)).toEqual(ticket);
    expect(await product.app.store.outbox.counts()).toEqual(outbox);
    // The same page, reloaded after the restart, shows the whole conversation again.
    const history = await webResident(product, cookie).turn();
    expect(history.turn.texts.join('\n')).toContain(ticketNumber);
  }, 120_000);

  it('refuses a database it cannot reach with one line naming DATABASE_URL, and no password', async () => {
    const config = parseConfig({ DATABASE_URL: 'postgres://weicheng:s3cret@127.0.0.1:1/nowhere', PACK: 'packs/demo/pack.yaml' });
    const err = await createCore(config, { logger: createLogger('silent'), deadlines: { schedule: false } }).catch((e: unknown) => e as Error);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/^DATABASE_URL: cannot open PostgreSQL at postgres:\/\/weicheng:\*\*\*@127\.0\.0\.1:1\/nowhere: /);
    expect((err as Error).message).not.toContain('s3cret');
  });
});
