/**
 * One Telegram adapter wired to the fake Bot API and a real fastify server (the product's own
 * createServer), recording what it hands to the product.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTelegramAdapter, type TelegramAdapter } from '../../../adapters/telegram/index.js';
import type { InboundMessage } from '../../../src/channels/types.js';
import { createServer, type AppServer } from '../../../src/http/server.js';
import { createLogger } from '../../../src/logger.js';
import { createMediaStore, type MediaStore } from '../../../src/media/store.js';
import { startFakeBotApi, type FakeBotApi } from '../../helpers/fake-bot-api.js';

export const SECRET = 'test_secret-123';

export interface Harness {
  api: FakeBotApi;
  tg: TelegramAdapter;
  server: AppServer;
  media: MediaStore;
  received: InboundMessage[];
  /** Replace to make the product fail or slow down. */
  onMessage: (msg: InboundMessage) => Promise<void>;
  /** Injects a webhook POST with the right secret unless told otherwise. */
  post(update: unknown, secret?: string | null): Promise<{ statusCode: number; body: string }>;
  close(): Promise<void>;
}

export async function startHarness(mode: 'webhook' | 'polling' = 'webhook'): Promise<Harness> {
  const api = await startFakeBotApi();
  const dir = mkdtempSync(join(tmpdir(), 'weicheng-tg-'));
  const media = createMediaStore({ dir });
  const logger = createLogger('silent');
  const tg = createTelegramAdapter({
    token: api.token,
    mode,
    webhookSecret: SECRET,
    apiRoot: api.url,
    publicUrl: 'https://weicheng.example.org',
    media,
    logger,
    pollTimeoutSeconds: 1,
    pollRetryDelayMs: 50,
  });
  const server = createServer({ logger });
  if (tg.routes) await server.register(tg.routes);
  await server.ready();
  const h: Harness = {
    api,
    tg,
    server,
    media,
    received: [],
    onMessage: async (msg) => void h.received.push(msg),
    async post(update, secret = SECRET) {
      if (update && typeof update === 'object') api.announce(update as Record<string, unknown>);
      const res = await server.inject({
        method: 'POST',
        url: '/webhooks/telegram',
        headers: { 'content-type': 'application/json', ...(secret === null ? {} : { 'x-telegram-bot-api-secret-token': secret }) },
        payload: typeof update === 'string' ? update : JSON.stringify(update),
      });
      return { statusCode: res.statusCode, body: res.body };
    },
    async close() {
      await tg.adapter.stop();
      await server.close();
      await api.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await tg.adapter.start((msg) => h.onMessage(msg));
  return h;
}
