/**
 * The WeChat channel through wechaty: a personal account via wechaty-puppet-wechat4u (logged in
 * by scanning a QR code) or any puppet via wechaty-puppet-service with a token. Residents talk in
 * private chats; office rooms are addressed by topic (`room:<topic>`). WeChat has no buttons, so
 * choices go out as a numbered list and a number coming back is turned into the button's data.
 * The list last sent to each chat is kept in the `choiceStore` the product passes (the database,
 * so a rating or survey answered days later or after a restart still counts), for 7 days by
 * default; see choices.ts.
 */
import { WechatyBuilder, log as wechatyLog, qrcodeValueToImageUrl, ScanStatus, type Wechaty } from 'wechaty';
import type { ChannelAdapter, ChoiceStore, InboundMessage } from '../../src/channels/types.js';
import { AppError } from '../../src/errors.js';
import type { Logger } from '../../src/logger.js';
import type { MediaStore } from '../../src/media/store.js';
import { createNumberedChoices, type NumberedChoicesOptions } from './choices.js';
import { toInbound } from './inbound.js';
import { sendWechat } from './send.js';

export interface WechatAdapterOptions {
  /**
   * A puppet package name (`wechaty-puppet-wechat4u`, `wechaty-puppet-service`, ...) or a puppet
   * instance (tests pass a wechaty-puppet-mock instance). Typed `unknown` because the composition
   * root passes through whatever it was given; anything else is rejected with CONFIG_INVALID.
   */
  puppet: unknown;
  /** Token for wechaty-puppet-service (WECHATY_PUPPET_SERVICE_TOKEN). Default none. */
  puppetToken?: string;
  media: MediaStore;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  /**
   * Where the numbered list last sent to each chat is kept (the product passes the store's
   * `numberedChoices`). Default: in process memory, forgotten on restart.
   */
  choiceStore?: ChoiceStore;
  /** Numbered replies: how long a list stays answerable (default 7 days), the clock, the in-memory cap (default 10,000 chats). */
  choices?: NumberedChoicesOptions;
  /**
   * wechaty's own console logging (a process-wide setting of the library). Default `silent`:
   * at its `info` level and above it prints contact and room names, which are personal data.
   */
  wechatyLogLevel?: 'silent' | 'error' | 'warn' | 'info' | 'verbose' | 'silly';
}

function puppetOption(puppet: unknown): string | object {
  if (typeof puppet === 'string' && puppet.trim() !== '') return puppet.trim();
  if (puppet && typeof puppet === 'object' && typeof (puppet as { start?: unknown }).start === 'function') return puppet;
  throw new AppError('CONFIG_INVALID', 'WECHATY_PUPPET: must be a puppet package name such as wechaty-puppet-wechat4u');
}

export function createWechatAdapter(options: WechatAdapterOptions): ChannelAdapter {
  const { media, logger } = options;
  const puppet = puppetOption(options.puppet);
  const choices = createNumberedChoices({ store: options.choiceStore, logger }, options.choices);
  let bot: Wechaty | undefined;
  /** Per chat, the tail of its message chain: one chat's messages are handled in arrival order. */
  const chains = new Map<string, Promise<void>>();

  const enqueue = (key: string, work: () => Promise<void>): void => {
    const next = (chains.get(key) ?? Promise.resolve()).then(work);
    chains.set(key, next);
    void next.finally(() => {
      if (chains.get(key) === next) chains.delete(key);
    });
  };

  return {
    channel: 'wechat',

    async start(onMessage: (message: InboundMessage) => Promise<void>) {
      if (bot) return;
      wechatyLog.level(options.wechatyLogLevel ?? 'silent');
      bot = WechatyBuilder.build({
        // The builder's option type is a union of known package names and the puppet interface;
        // both forms were checked in puppetOption.
        puppet: puppet as never,
        puppetOptions: options.puppetToken ? { token: options.puppetToken } : undefined,
      });
      bot.on('scan', (qrcode, status) => {
        if (status === ScanStatus.Waiting || status === ScanStatus.Timeout) {
          logger.info({ qrcodeUrl: qrcodeValueToImageUrl(qrcode) }, 'WeChat: open this URL and scan the QR code with the bot account to log in');
        }
      });
      bot.on('login', () => logger.info('WeChat: logged in'));
      bot.on('logout', () => logger.warn('WeChat: logged out; replies wait in the outbox until the account logs in again'));
      bot.on('error', (err) => logger.warn({ errName: (err as Error)?.name }, 'WeChat: puppet error'));
      const b = bot;
      const deps = { choices, locationOf: (id: string) => b.puppet.messageLocation(id) };
      bot.on('message', (message) => {
        // The chain key is the platform's conversation; room or talker, both opaque here.
        const key = message.room()?.id ?? message.talker().id;
        enqueue(key, async () => {
          try {
            const inbound = await toInbound(message, deps);
            if (inbound) await onMessage(inbound);
          } catch (err) {
            logger.error({ err }, 'WeChat: handling a message failed');
          }
        });
      });
      await bot.start();
    },

    async send(address, message) {
      if (!bot) return { status: 'retry', afterSeconds: 60, error: 'WeChat adapter is not started' };
      return sendWechat({ bot, media, choices }, address, message);
    },

    async stop() {
      const b = bot;
      if (!b) return;
      bot = undefined;
      await Promise.allSettled([...chains.values()]);
      await b.stop();
    },
  };
}
