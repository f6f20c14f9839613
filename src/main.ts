/**
 * The composition root: the one file in src/ that knows the adapters and the flows. It parses the
 * configuration, loads the pack, opens the store, builds the services, plugs the channels in and
 * serves HTTP. `createWeicheng` builds all of that without listening (tests use it with inject);
 * running this file starts the product and stops it cleanly on SIGTERM/SIGINT.
 */
import { createTelegramAdapter } from '../adapters/telegram/index.js';
import { createWebChatAdapter } from '../adapters/web/index.js';
import { createWecomSender } from '../adapters/wecom/index.js';
import { ENTRY_FLOW, createFlows } from '../flows/index.js';
import type { ChannelAdapter } from './channels/types.js';
import { parseConfig, type Config } from './config.js';
import { createConversationEngine, type ConversationEngine } from './conversations/engine.js';
import type { ChatServices } from './conversations/services.js';
import { createCore, type Core, type CoreOptions } from './core.js';
import { createHealthCheck } from './health.js';
import { consoleRoutes } from './http/console/index.js';
import { healthRoutes } from './http/routes/health.js';
import { createServer, type AppServer } from './http/server.js';
import { createLogger, type Logger } from './logger.js';
import { createBindFlow } from './offices/index.js';
import { createOutboxDispatcher, type OutboxDispatcher } from './outbox/index.js';

export interface WeichengOptions {
  logger?: Logger;
  clock?: () => number;
  /** A wechaty puppet instance to use instead of loading WECHATY_PUPPET by name (tests pass a mock). */
  wechatPuppet?: unknown;
  /** Outbox tuning (tests shorten the poll interval). */
  outbox?: Parameters<typeof createOutboxDispatcher>[0]['options'];
  /** Deadline clock tuning (tests pass `{ schedule: false }` and call its sweeps themselves). */
  deadlines?: CoreOptions['deadlines'];
  /** Housekeeping tuning (tests pass `{ schedule: false }`). */
  housekeeping?: CoreOptions['housekeeping'];
  /** Campaign scheduling tuning. */
  campaigns?: CoreOptions['campaigns'];
}

export interface Weicheng extends Omit<Core, 'chat'> {
  config: Config;
  server: AppServer;
  engine: ConversationEngine;
  dispatcher: OutboxDispatcher;
  services: ChatServices;
  /** Channels that are live, by name. */
  channels: string[];
  /** Starts the channels, the outbox and the scheduled jobs; the HTTP server is started by the caller. */
  start(): Promise<void>;
  /** Stops taking messages, finishes in-flight work, closes the database. */
  stop(): Promise<void>;
}

export async function createWeicheng(config: Config, options: WeichengOptions = {}): Promise<Weicheng> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const clock = options.clock ?? Date.now;
  let dispatcher: OutboxDispatcher | undefined;
  const core = await createCore(config, {
    logger,
    clock,
    deadlines: options.deadlines,
    housekeeping: options.housekeeping,
    campaigns: { quietHours: config.quietHours, ...options.campaigns },
    onQueued: () => dispatcher?.kick(),
  });
  const { pack, store, media, offices, deadlines, housekeeping, campaigns } = core;

  const engine = createConversationEngine({
    store,
    media,
    // Staff link their chat identity with /bind in a private chat too, before any resident flow.
    flows: [createBindFlow<ChatServices>(offices), ...createFlows()],
    entry: ENTRY_FLOW,
    services: core.chat,
    clock,
    logger,
    defaultLanguage: pack.city.locale,
    onQueued: () => dispatcher?.kick(),
    groupHandler: (msg, tx, now, photo) => offices.handleGroup(msg, tx, now, photo),
  });

  const server = createServer({ logger });
  const adapters: ChannelAdapter[] = [];
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
        // The numbered list last sent to each chat, in the database: a rating or survey is
        // answered hours or days later, often after a restart.
        choiceStore: store.numberedChoices,
        choices: { now: clock },
      }),
    );
  }
  const channels = adapters.map((a) => a.channel);

  dispatcher = createOutboxDispatcher({
    store,
    senders: [...adapters, createWecomSender({ url: (name) => config.secret(name), logger })],
    clock: { now: clock },
    logger,
    options: options.outbox,
    // A resident who blocked the bot gets no more campaign messages.
    onGone: (item) => campaigns.onGone(item),
  });
  await server.register(consoleRoutes, {
    store,
    staff: core.staff,
    tickets: core.tickets,
    media,
    pack: () => pack,
    clock,
    secureCookies: config.publicUrl.startsWith('https:'),
    admin: { faq: core.faq, campaigns },
  });
  await server.register(healthRoutes, {
    health: createHealthCheck({
      store,
      pack: () => ({ id: pack.city.id, name: pack.city.name, warnings: core.loaded.warnings.map((w) => `${w.path}: ${w.message}`) }),
      channels: () => channels,
    }),
  });

  let stopping: Promise<void> | undefined;
  const { chat, ...rest } = core;
  return {
    ...rest,
    config,
    server,
    engine,
    dispatcher,
    services: chat,
    channels,
    async start() {
      dispatcher!.start();
      deadlines.start();
      housekeeping.start();
      await campaigns.start();
      for (const a of adapters) await a.start((msg) => engine.handle(msg));
      logger.info({ channels, pack: pack.city.id }, `channels live: ${channels.join(', ') || 'none'}`);
    },
    stop() {
      stopping ??= (async () => {
        for (const a of adapters) await a.stop().catch((err: unknown) => logger.warn({ err, channel: a.channel }, 'adapter stop failed'));
        await server.close();
        await deadlines.stop();
        await housekeeping.stop();
        await campaigns.stop();
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
