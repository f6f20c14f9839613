/**
 * The Telegram channel: telegraf for the Bot API, in webhook mode (a route in the product's fastify
 * server) or long polling. It only translates updates to InboundMessage and OutboundMessage to
 * Bot API calls; everything a resident experiences is decided by the flows.
 */
import type { FastifyPluginAsync } from 'fastify';
import { Telegraf, TelegramError } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { ChannelAdapter, InboundMessage } from '../../src/channels/types.js';
import { AppError } from '../../src/errors.js';
import type { Logger } from '../../src/logger.js';
import type { MediaStore } from '../../src/media/store.js';
import { createFileDownloader } from './files.js';
import { toInbound } from './inbound.js';
import { createSend } from './outbound.js';
import { startPolling, type Poller } from './polling.js';
import { WEBHOOK_PATH, webhookRoutes } from './webhook.js';

export { WEBHOOK_PATH } from './webhook.js';

export interface TelegramAdapterOptions {
  /** The bot token from @BotFather. Never logged. */
  token: string;
  /** `webhook`: Telegram posts to `${publicUrl}/webhooks/telegram`; `polling`: the bot asks getUpdates. */
  mode: 'webhook' | 'polling';
  /** Required in webhook mode: Telegram sends it back in X-Telegram-Bot-Api-Secret-Token. */
  webhookSecret?: string;
  /** Bot API server. Default https://api.telegram.org (a local Bot API server or a test fake otherwise). */
  apiRoot?: string;
  /** The product's public base URL (https for a real Telegram webhook). */
  publicUrl: string;
  media: MediaStore;
  logger: Logger;
  /** Longest time one update may take before it counts as failed. Default 60 000 ms. */
  handlerTimeoutMs?: number;
  /** Long-poll wait of one getUpdates call. Default 50 s. */
  pollTimeoutSeconds?: number;
  /** Pause after a failed getUpdates or a failed update in polling mode. Default 3000 ms. */
  pollRetryDelayMs?: number;
}

export interface TelegramAdapter {
  adapter: ChannelAdapter;
  /** The webhook route (webhook mode only). */
  routes?: FastifyPluginAsync;
}

export function createTelegramAdapter(o: TelegramAdapterOptions): TelegramAdapter {
  if (o.mode === 'webhook' && !o.webhookSecret) {
    throw new AppError('CONFIG_INVALID', 'TELEGRAM_WEBHOOK_SECRET: required when TELEGRAM_MODE=webhook');
  }
  const apiRoot = o.apiRoot ?? 'https://api.telegram.org';
  const logger = o.logger;
  const bot = new Telegraf(o.token, {
    telegram: { apiRoot, webhookReply: false },
    handlerTimeout: o.handlerTimeoutMs ?? 60_000,
  });
  const files = createFileDownloader({ telegram: bot.telegram, token: o.token, apiRoot });
  let onMessage: ((msg: InboundMessage) => Promise<void>) | undefined;
  let poller: Poller | undefined;
  const failed = new WeakSet<Update>();

  bot.use(async (ctx) => {
    const msg = toInbound(ctx.update, files);
    try {
      if (msg) {
        // Stopped between the route's check and here: fail, so the update comes again later.
        if (!onMessage) throw new Error('telegram adapter is stopped');
        await onMessage(msg);
      }
    } finally {
      // An unanswered button keeps spinning on the resident's phone, whatever happened above.
      if ('callback_query' in ctx.update) {
        await ctx.answerCbQuery().catch((err: unknown) => logger.warn({ channel: 'telegram', error: describe(err) }, 'answerCallbackQuery failed'));
      }
    }
  });
  // Without a catch handler telegraf rethrows, which would end long polling.
  bot.catch((err, ctx) => {
    failed.add(ctx.update);
    logger.error({ channel: 'telegram', update: ctx.update.update_id, error: describe(err) }, 'telegram update failed');
  });

  async function handle(update: Update): Promise<boolean> {
    await bot.handleUpdate(update);
    return !failed.has(update);
  }

  const adapter: ChannelAdapter = {
    channel: 'telegram',
    send: createSend({ telegram: bot.telegram, media: o.media, logger }),
    async start(handler) {
      onMessage = handler;
      bot.botInfo = await call('getMe', () => bot.telegram.getMe());
      if (o.mode === 'webhook') {
        await call('setWebhook', () =>
          bot.telegram.setWebhook(`${o.publicUrl.replace(/\/$/, '')}${WEBHOOK_PATH}`, {
            secret_token: o.webhookSecret,
            allowed_updates: ['message', 'callback_query'],
          }),
        );
      } else {
        await call('deleteWebhook', () => bot.telegram.deleteWebhook());
        poller = startPolling({
          telegram: bot.telegram,
          handle,
          logger,
          timeoutSeconds: o.pollTimeoutSeconds,
          retryDelayMs: o.pollRetryDelayMs,
        });
      }
      logger.info({ channel: 'telegram', mode: o.mode, bot: bot.botInfo.username }, 'telegram connected');
    },
    async stop() {
      onMessage = undefined;
      await poller?.stop();
      poller = undefined;
    },
  };

  const routes =
    o.mode === 'webhook'
      ? webhookRoutes({ secret: o.webhookSecret!, handle: (update) => (onMessage ? handle(update) : undefined) })
      : undefined;
  return { adapter, routes };
}

/** A start-up call that fails says which call, why, and what to check. */
async function call<T>(method: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const hint = err instanceof TelegramError && (err.code === 401 || err.code === 404) ? ' (check TELEGRAM_BOT_TOKEN)' : '';
    throw new AppError('CHANNEL_UNAVAILABLE', `telegram: ${method} failed: ${describe(err)}${hint}`, { method }, { cause: err });
  }
}

function describe(err: unknown): string {
  return err instanceof TelegramError ? `${err.code}: ${err.description}` : err instanceof Error ? err.message : String(err);
}
