/**
 * The whole product (createWeicheng on the demo pack, a real SQLite file) with Telegram pointed at
 * the fake Bot API, listening on a real port; and a resident who answers whatever the bot asks.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createWeicheng, type Weicheng } from '../../../src/main.js';
import { productConfig } from '../../helpers/product-config.js';
import { startFakeBotApi, type FakeBotApi, type SentMessage } from '../../helpers/fake-bot-api.js';

export const SECRET = 'e2e_secret-42';

export interface Product {
  app: Weicheng;
  api: FakeBotApi;
  dir: string;
  webhookUrl: string;
  close(): Promise<void>;
}

export async function startProduct(mode: 'webhook' | 'polling'): Promise<Product> {
  const api = await startFakeBotApi();
  const { dir, config } = productConfig('weicheng-tg-e2e-', {
    WEB_CHAT: 'false',
    PUBLIC_URL: 'https://weicheng.example.org',
    TELEGRAM_BOT_TOKEN: api.token,
    TELEGRAM_API_ROOT: api.url,
    TELEGRAM_MODE: mode,
    TELEGRAM_WEBHOOK_SECRET: SECRET,
  });
  const app = await createWeicheng(config, {
    // Fast polling and no per-chat spacing: these tests are about what is sent, not when.
    outbox: { pollMs: 20, limits: { telegram: { perAddress: [{ count: 100, perMs: 1000 }] } } },
  });
  await app.start();
  const address = await app.server.listen({ port: 0, host: '127.0.0.1' });
  return {
    app,
    api,
    dir,
    webhookUrl: `${address}/webhooks/telegram`,
    async close() {
      await app.stop();
      await api.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function buttonsOf(messages: SentMessage[]): string[] {
  return messages.flatMap((m) => {
    const kb = (m.reply_markup as { inline_keyboard?: { callback_data?: string }[][] } | undefined)?.inline_keyboard ?? [];
    return kb.flat().map((b) => b.callback_data ?? '');
  });
}

export function asksForLocation(messages: SentMessage[]): boolean {
  return messages.some((m) =>
    ((m.reply_markup as { keyboard?: { request_location?: boolean }[][] } | undefined)?.keyboard ?? []).some((row) => row.some((b) => b.request_location)),
  );
}

export function describe(messages: SentMessage[]): string {
  return messages.map((m) => `${m.text ?? m.caption ?? `[${m.method}]`} ${JSON.stringify(buttonsOf([m]))}`).join('\n---\n');
}
