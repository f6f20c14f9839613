/**
 * Ticket service over a real test database and a fixture pack, with a clock the test moves.
 */
import { resolve } from 'node:path';
import { createWorkCalendar, localDay } from '../../src/calendar/index.js';
import { loadPackFile } from '../../src/pack/load.js';
import type { Pack } from '../../src/pack/schema.js';
import { createRouter } from '../../src/routing/index.js';
import type { OutboxItem, Resident } from '../../src/store/ports.js';
import { createTicketService, type TicketService } from '../../src/tickets/service.js';
import { createTestDb, type TestDb } from './db.js';

export interface TicketHarness {
  db: TestDb;
  pack: Pack;
  tickets: TicketService;
  clock: { now: number };
  resident(channel?: Resident['channel'], userId?: string): Promise<Resident>;
  /** Every outbox row so far, oldest first. */
  outbox(): Promise<OutboxItem[]>;
}

export async function ticketHarness(packFile = 'test/fixtures/packs/tickets.yaml', start = '2026-11-25T10:00:00+08:00'): Promise<TicketHarness> {
  const { pack } = await loadPackFile(resolve(packFile));
  const db = createTestDb();
  const clock = { now: Date.parse(start) };
  const calendar = createWorkCalendar(pack.city);
  const tickets = createTicketService({
    store: db.store,
    pack: () => pack,
    router: createRouter(pack),
    calendar: { deadlines: (at, sla) => calendar.deadlines(at, sla), localDay: (ms) => localDay(ms, pack.city.timezone) },
    clock: () => clock.now,
  });
  return {
    db,
    pack,
    tickets,
    clock,
    resident: (channel = 'telegram', userId = '42') =>
      db.store.residents.upsert({ channel, platformUserId: userId, address: `chat-${userId}`, language: 'zh-CN', now: clock.now }),
    outbox: async () => {
      const rows: OutboxItem[] = [];
      for (let id = 1; ; id++) {
        const r = await db.store.outbox.byId(id);
        if (!r) return rows;
        rows.push(r);
      }
    },
  };
}
