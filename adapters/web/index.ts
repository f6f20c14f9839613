/**
 * The web chat channel: a page at /chat for phone browsers (WeChat's in-app browser included)
 * and the HTTP API it talks to. A browser is an anonymous resident known by a cookie; every
 * message in both directions is kept in the session's message log, which the page polls.
 */
import cookie from '@fastify/cookie';
import type { FastifyPluginAsync } from 'fastify';
import type { ChannelAdapter, OutboundMessage } from '../../src/channels/types.js';
import type { Logger } from '../../src/logger.js';
import type { MediaStore } from '../../src/media/store.js';
import type { WebMessageRepo } from '../../src/store/ports.js';
import { webApiRoutes } from './api.js';
import { createWebInbox } from './inbox.js';
import { webPageRoutes } from './page.js';

export interface WebChatOptions {
  /** The message log (web_messages). */
  repo: WebMessageRepo;
  /** Where uploaded photos go (the engine stores the same bytes under the same name). */
  media: MediaStore;
  logger: Pick<Logger, 'warn' | 'debug'>;
  /** Shown in the page title and header. */
  cityName: string;
  /** Default Date.now. */
  clock?: () => number;
  /** Longest text message accepted. Default 20,000 characters (flows shorten long reports). */
  maxTextLength?: number;
  /** Largest photo upload. Default 10 MiB. */
  maxPhotoBytes?: number;
}

export interface WebChat {
  adapter: ChannelAdapter;
  /** Register on the fastify server: /chat, /chat/static/*, /chat/media/*, /chat/api/*. */
  routes: FastifyPluginAsync;
}

export function createWebChatAdapter(o: WebChatOptions): WebChat {
  const clock = o.clock ?? Date.now;
  const inbox = createWebInbox({ repo: o.repo, clock });

  const adapter: ChannelAdapter = {
    channel: 'web',
    async start(onMessage) {
      inbox.handler = onMessage;
    },
    async stop() {
      inbox.handler = undefined;
    },
    async send(address: string, message: OutboundMessage) {
      try {
        const row = await o.repo.add({
          sessionId: address,
          direction: 'out',
          payload: message as unknown as Record<string, unknown>,
          createdAt: clock(),
        });
        return { status: 'delivered', platformMessageId: String(row.id) };
      } catch (err) {
        o.logger.warn({ err: (err as Error).message }, 'web chat: storing an outgoing message failed');
        return { status: 'retry', afterSeconds: 5, error: (err as Error).message };
      }
    },
  };

  const routes: FastifyPluginAsync = async (app) => {
    await app.register(cookie);
    await app.register(webPageRoutes, { inbox, media: o.media, cityName: o.cityName });
    await app.register(webApiRoutes, { inbox, media: o.media, maxTextLength: o.maxTextLength, maxPhotoBytes: o.maxPhotoBytes });
  };

  return { adapter, routes };
}
