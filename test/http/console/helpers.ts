/**
 * A server with only the console on it, over a real SQLite file, the ticket fixture pack and a
 * clock the test moves; staff accounts are created through the staff service.
 */
import { join } from 'node:path';
import { createKnowledgeBase, type KnowledgeBase } from '../../../src/faq/knowledge-base.js';
import { consoleRoutes } from '../../../src/http/console/index.js';
import { createServer, type AppServer } from '../../../src/http/server.js';
import { createMediaStore, type MediaStore } from '../../../src/media/store.js';
import { hashPassword } from '../../../src/staff/password.js';
import { createStaffService, publicStaff, type StaffMember, type StaffService } from '../../../src/staff/service.js';
import type { StaffRole } from '../../../src/store/ports.js';
import { ticketHarness, type TicketHarness } from '../../helpers/tickets.js';

export const PASSWORD = 'correct horse';
// One real bcrypt hash for every account of the test run: hashing costs a quarter second each.
let passwordHash: Promise<string> | undefined;

export interface ConsoleHarness extends TicketHarness {
  server: AppServer;
  staff: StaffService;
  media: MediaStore;
  /** The FAQ knowledge base, seeded from the pack, when the harness was asked for it (`faq`). */
  kb?: KnowledgeBase;
  addStaff(login: string, unitId: string, role?: StaffRole, name?: string): Promise<StaffMember>;
  /** Logs in and returns the Cookie header value. */
  login(login: string): Promise<string>;
  close(): Promise<void>;
}

export async function consoleHarness(
  options: { loginLimit?: { max: number; windowMs: number }; start?: string; packFile?: string; faq?: boolean } = {},
): Promise<ConsoleHarness> {
  const h = await ticketHarness(options.packFile, options.start);
  const clock = () => h.clock.now;
  const staff = createStaffService({ store: h.db.store, pack: () => h.pack, clock });
  const media = createMediaStore({ dir: join(h.db.dir, 'media') });
  let kb: KnowledgeBase | undefined;
  if (options.faq) {
    kb = await createKnowledgeBase(h.db.store, { clock });
    await kb.syncFromPack(h.pack.faq);
  }
  const server = createServer();
  await server.register(consoleRoutes, {
    store: h.db.store,
    staff,
    tickets: h.tickets,
    media,
    pack: () => h.pack,
    clock,
    secureCookies: false,
    ...(options.loginLimit ? { loginLimit: options.loginLimit } : {}),
    ...(kb ? { admin: { faq: kb } } : {}),
  });
  await server.ready();
  return {
    ...h,
    server,
    staff,
    media,
    ...(kb ? { kb } : {}),
    async addStaff(login, unitId, role = 'officer', name = `${login}姓名`) {
      passwordHash ??= hashPassword(PASSWORD);
      const row = await h.db.store.staff.insert({ login, name, unitId, role, passwordHash: await passwordHash, disabled: false, createdAt: h.clock.now });
      return publicStaff(row);
    },
    async login(login) {
      const res = await server.inject({ method: 'POST', url: '/console/api/login', payload: { login, password: PASSWORD } });
      if (res.statusCode !== 200) throw new Error(`login ${login}: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'wc_session');
      return `wc_session=${cookie!.value}`;
    },
    async close() {
      await server.close();
      await h.db.cleanup();
    },
  };
}
