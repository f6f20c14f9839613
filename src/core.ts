/**
 * The product's services, built from the configuration, without channels, flows or HTTP (those
 * are wired by the composition root, src/main.ts). Tests and tools that need the domain but not
 * the chat use this directly.
 */
import { openPostgresStore } from '../db/postgres/store.js';
import { openSqliteStore } from '../db/sqlite/store.js';
import { createWorkCalendar, localDay, type WorkCalendar } from './calendar/index.js';
import { createCampaignService, type CampaignService } from './campaigns/index.js';
import type { Config } from './config.js';
import type { ChatServices } from './conversations/services.js';
import { createKnowledgeBase, type KnowledgeBase } from './faq/knowledge-base.js';
import { isNearPack } from './geo-bounds.js';
import { consoleTicketPath } from './http/console/index.js';
import { formatDateTime } from './i18n/index.js';
import { createDeadlineClock, createHousekeeping, type DeadlineClock, type DeadlineClockOptions, type Housekeeping, type HousekeepingOptions } from './jobs/index.js';
import type { Logger } from './logger.js';
import { createMediaStore, type MediaStore } from './media/store.js';
import { createOfficeService, type OfficeService } from './offices/index.js';
import { loadPackFile, type LoadedPack } from './pack/load.js';
import type { Pack } from './pack/schema.js';
import { createRouter, type Router } from './routing/index.js';
import { createStaffService, type StaffService } from './staff/service.js';
import type { Store } from './store/ports.js';
import { createTicketService, type TicketService } from './tickets/service.js';

export interface CoreOptions {
  logger: Logger;
  clock?: () => number;
  /** Deadline clock tuning (tests pass `{ schedule: false }` and call its sweeps themselves). */
  deadlines?: DeadlineClockOptions;
  /** Housekeeping tuning; the retention period comes from the configuration unless given here. */
  housekeeping?: HousekeepingOptions;
  /** Campaign scheduling tuning (tests shorten intervals or pass a fake cron). */
  campaigns?: Partial<Parameters<typeof createCampaignService>[0]>;
  /** Called whenever a service queued outbox rows (the composition root wakes the dispatcher). */
  onQueued?: () => void;
}

export interface Core {
  loaded: LoadedPack;
  pack: Pack;
  store: Store;
  media: MediaStore;
  calendar: WorkCalendar;
  router: Router;
  tickets: TicketService;
  staff: StaffService;
  faq: KnowledgeBase;
  campaigns: CampaignService;
  offices: OfficeService;
  deadlines: DeadlineClock;
  /** Daily removal of transient rows (old outbox messages, web chat, de-duplication ids, sessions). */
  housekeeping: Housekeeping;
  /** What flows may call. */
  chat: ChatServices;
}

export interface OpenStoreOptions {
  /** Most PostgreSQL connections this process holds (DATABASE_POOL_SIZE). Default 10; unused on SQLite. */
  poolSize?: number;
}

/**
 * Opens the store DATABASE_URL names, migrated to the current schema: a SQLite file (the default,
 * one process) or a PostgreSQL database (several processes may share it). The one place that
 * chooses; the CLI opens its store here too.
 */
export async function openStore(database: Config['database'], logger?: Logger, options: OpenStoreOptions = {}): Promise<Store> {
  if (database.kind === 'sqlite') return openSqliteStore({ file: database.file });
  return openPostgresStore({
    url: database.url,
    maxConnections: options.poolSize,
    onConnectionError: (err) => logger?.warn({ err: err.message }, 'database: an idle connection failed; it is replaced on next use'),
  });
}

export async function createCore(config: Config, o: CoreOptions): Promise<Core> {
  const clock = o.clock ?? Date.now;
  const onQueued = () => o.onQueued?.();
  const loaded = await loadPackFile(config.packFile);
  for (const w of loaded.warnings) o.logger.warn({ pack: loaded.source }, `pack: ${w.path}: ${w.message}`);
  const pack = loaded.pack;
  const store = await openStore(config.database, o.logger, { poolSize: config.databasePoolSize });
  const media = createMediaStore({ dir: config.mediaDir, register: (path) => store.mediaFiles.recordSaved(path, clock()) });
  const calendar = createWorkCalendar(pack.city);
  const router = createRouter(pack);
  const tickets = createTicketService({
    store,
    pack: () => pack,
    router,
    calendar: {
      deadlines: (at, sla) => calendar.deadlines(at, sla),
      localDay: (ms) => localDay(ms, pack.city.timezone),
    },
    clock,
    consoleUrl: (t) => config.publicUrl + consoleTicketPath(t.number),
    onQueued,
  });
  const staff = createStaffService({ store, pack: () => pack, clock });
  const faq = await createKnowledgeBase(store, { clock });
  await faq.syncFromPack(pack.faq);
  const campaigns = createCampaignService({ store, pack: () => pack, clock, logger: o.logger, onQueued, ...o.campaigns });
  await campaigns.syncFromPack();
  const offices = createOfficeService({ pack: () => pack, staff, tickets });
  const deadlines = createDeadlineClock({ store, tickets, pack: () => pack, calendar, clock, logger: o.logger, onQueued }, o.deadlines);
  const housekeeping = createHousekeeping(
    { store, pack: () => pack, clock, logger: o.logger, media: { repo: store.mediaFiles, files: media } },
    { retentionDays: config.retentionDays, ...o.housekeeping },
  );
  const chat: ChatServices = {
    pack: () => pack,
    router,
    tickets,
    faq,
    formatTime: (lang, ms) => formatDateTime(lang, ms, pack.city.timezone),
    isNearCity: (lat, lon, crs) => isNearPack(pack, lat, lon, crs),
    clock,
  };
  return { loaded, pack, store, media, calendar, router, tickets, staff, faq, campaigns, offices, deadlines, housekeeping, chat };
}
