/**
 * The composition root: the one file in src/ that knows the adapters and the flows. It parses the
 * configuration, loads the pack, opens the store, builds the services, plugs the channels in and
 * serves HTTP. `createWeicheng` builds all of that without listening (tests use it with inject);
 * running this file starts the product and stops it cleanly on SIGTERM/SIGINT.
 */
import { dirname } from 'node:path';
import { createTelegramAdapter } from '../adapters/telegram/index.js';
import { createWebChatAdapter } from '../adapters/web/index.js';
import { createWecomSender } from '../adapters/wecom/index.js';
import { openSqliteStore } from '../db/sqlite/store.js';
import { ENTRY_FLOW, createFlows } from '../flows/index.js';
import { createWorkCalendar, localDay } from './calendar/index.js';
import type { ChannelAdapter, ChannelSender } from './channels/types.js';
import { parseConfig, type Config } from './config.js';
import { createConversationEngine, type ConversationEngine } from './conversations/engine.js';
import type { ChatServices } from './conversations/services.js';
import { AppError } from './errors.js';
import { createKnowledgeBase } from './faq/knowledge-base.js';
import { isNearPack } from './geo-bounds.js';
import { createHealthCheck } from './health.js';
import { consoleRoutes, consoleTicketPath } from './http/console/index.js';
import { healthRoutes } from './http/routes/health.js';
import { createServer, type AppServer } from './http/server.js';
import { formatDateTime } from './i18n/index.js';
import { createLogger, type Logger } from './logger.js';
import { createMediaStore } from './media/store.js';
import { createOutboxDispatcher, type OutboxDispatcher } from './outbox/index.js';
import { loadPackFile } from './pack/load.js';
import { createRouter } from './routing/index.js';
import { createStaffService, type StaffService } from './staff/service.js';
import type { Store } from './store/ports.js';
import { createTicketService, type TicketService } from './tickets/service.js';

export interface WeichengOptions {
  logger?: Logger;
  clock?: () => number;
  /** A wechaty puppet instance to use instead of loading WECHATY_PUPPET by name (tests pass a mock). */
  wechatPuppet?: unknown;
  /** Outbox tuning (tests shorten the poll interval). */
  outbox?: Parameters<typeof createOutboxDispatcher>[0]['options'];
}

export interface Weicheng {
  config: Config;
  server: AppServer;
  store: Store;
  engine: ConversationEngine;
  dispatcher: OutboxDispatcher;
  tickets: TicketService;
  staff: StaffService;
  services: ChatServices;
  /** Channels that are live, by name. */
  channels: string[];
  /** Starts the channels and the outbox; the HTTP server is started by the caller. */
  start(): Promise<void>;
  /** Stops taking messages, finishes in-flight work, closes the database. */
  stop(): Promise<void>;
}

export async function createWeicheng(config: Config, options: WeichengOptions = {}): Promise<Weicheng> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const clock = options.clock ?? Date.now;
  const loaded = await loadPackFile(config.packFile);
  for (const w of loaded.warnings) logger.warn({ pack: loaded.source }, `pack: ${w.path}: ${w.message}`);
  const pack = loaded.pack;

  if (config.database.kind === 'postgres') {
    throw new AppError('CONFIG_INVALID', 'DATABASE_URL: PostgreSQL is not available in this version; use file:PATH (SQLite)');
  }
  const store = openSqliteStore({ file: config.database.file });
  const media = createMediaStore({ dir: config.mediaDir });
  const calendar = createWorkCalendar(pack.city);
  const router = createRouter(pack);
  let dispatcher: OutboxDispatcher | undefined;
  const kick = () => dispatcher?.kick();
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
    onQueued: kick,
  });
  const staff = createStaffService({ store, pack: () => pack, clock });
  const faq = await createKnowledgeBase(store, { clock });
  await faq.syncFromPack(pack.faq);

  const services: ChatServices = {
    pack: () => pack,
    router,
    tickets,
    faq,
    formatTime: (lang, ms) => formatDateTime(lang, ms, pack.city.timezone),
    isNearCity: (lat, lon, crs) => isNearPack(pack, lat, lon, crs),
    clock,
  };
  const engine = createConversationEngine({
    store,
    media,
    flows: createFlows(),
    entry: ENTRY_FLOW,
    services,
    clock,
    logger,
    defaultLanguage: pack.city.locale,
    onQueued: kick,
  });

  const server = createServer({ logger });
  const adapters: ChannelAdapter[] = [];
  const senders: ChannelSender[] = [];
  if (config.webChat) {
    const web = createWebChatAdapter({ repo: store.webMessages, media, logger, cityName: pack.city.name, clock });
    await server.register(web.routes);
    adapters.push(web.adapter);
  }
  if (config.telegram) {
    const tg = createTelegramAdapter({ ...config.telegram, publicUrl: config.publicUrl, media, logger });
    if (tg.routes) await server.register(tg.routes);
    adapters.push(tg.adapter);
  }
  if (config.wechat || options.wechatPuppet) {
    // wechaty takes seconds to import: load it only when WeChat is configured.
    const { createWechatAdapter } = await import('../adapters/wechat/index.js');
    adapters.push(
      createWechatAdapter({
        puppet: options.wechatPuppet ?? config.wechat?.puppet ?? 'wechaty-puppet-wechat4u',
        puppetToken: config.wechat?.puppetToken,
        media,
        logger,
      }),
    );
  }
  senders.push(...adapters, createWecomSender({ url: (name) => config.secret(name), logger }));
  const channels = adapters.map((a) => a.channel);

  dispatcher = createOutboxDispatcher({ store, senders, clock: { now: clock }, logger, options: options.outbox });
  await server.register(consoleRoutes, {
    store,
    staff,
    tickets,
    media,
    pack: () => pack,
    clock,
    secureCookies: config.publicUrl.startsWith('https:'),
  });
  await server.register(healthRoutes, {
    health: createHealthCheck({
      store,
      pack: () => ({ id: pack.city.id, name: pack.city.name, warnings: loaded.warnings.map((w) => `${w.path}: ${w.message}`) }),
      channels: () => channels,
    }),
  });

  let stopping: Promise<void> | undefined;
  return {
    config,
    server,
    store,
    engine,
    dispatcher,
    tickets,
    staff,
    services,
    channels,
    async start() {
      dispatcher!.start();
      for (const a of adapters) await a.start((msg) => engine.handle(msg));
      logger.info({ channels, pack: pack.city.id, mediaDir: dirname(config.mediaDir) }, `channels live: ${channels.join(', ') || 'none'}`);
    },
    stop() {
      stopping ??= (async () => {
        for (const a of adapters) await a.stop().catch((err: unknown) => logger.warn({ err, channel: a.channel }, 'adapter stop failed'));
        await server.close();
        await dispatcher!.stop();
        await store.close();
      })();
      return stopping;
    },
  };
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = parseConfig(process.env);
  } catch (err) {
    process.stderr.write(`configuration error: ${(err as Error).message}\n`);
    process.exit(1);
  }
  const logger = createLogger(config.logLevel);
  let app: Weicheng;
  try {
    app = await createWeicheng(config, { logger });
  } catch (err) {
    process.stderr.write(`start-up failed: ${(err as Error).message}\n`);
    process.exit(1);
  }
  await app.start();
  await app.server.listen({ port: config.port, host: config.host });
  logger.info(`Weicheng is serving ${config.publicUrl} (web chat: ${config.webChat ? `${config.publicUrl}/chat` : 'off'})`);
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down: finishing in-flight work');
    app.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

if (import.meta.url === `file://${process.argv[1]}`) void main();
