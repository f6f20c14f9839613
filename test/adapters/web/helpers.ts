/**
 * A fastify server with only the web chat on it, over a real SQLite test database and a media
 * directory of its own. The message handler records what the adapter hands the engine.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makePng } from '../../helpers/test-image.js';
import { createWebChatAdapter, type WebChat } from '../../../adapters/web/index.js';
import type { InboundMessage } from '../../../src/channels/types.js';
import { createServer, type AppServer } from '../../../src/http/server.js';
import { createLogger } from '../../../src/logger.js';
import { createMediaStore, type MediaStore } from '../../../src/media/store.js';
import { createTestDb, type TestDb } from '../../helpers/db.js';

export interface WebChatHarness {
  server: AppServer;
  web: WebChat;
  db: TestDb;
  media: MediaStore;
  received: InboundMessage[];
  /** Replaces what the "engine" does with each message (default: nothing). */
  onMessage: (m: InboundMessage) => Promise<void>;
  /** A fresh session: loads /chat and returns its cookie header. */
  session(): Promise<string>;
  close(): Promise<void>;
}

export async function webChatHarness(options: { maxPhotoBytes?: number } = {}): Promise<WebChatHarness> {
  const db = createTestDb();
  const mediaDir = mkdtempSync(join(tmpdir(), 'weicheng-media-'));
  const media = createMediaStore({ dir: mediaDir });
  let now = Date.UTC(2026, 10, 30, 2, 0, 0);
  const web = createWebChatAdapter({
    repo: db.store.webMessages,
    media,
    logger: createLogger('silent'),
    cityName: '青禾县',
    clock: () => (now += 1000),
    maxPhotoBytes: options.maxPhotoBytes,
  });
  const server = createServer();
  await server.register(web.routes);
  const h: WebChatHarness = {
    server,
    web,
    db,
    media,
    received: [],
    onMessage: async () => {},
    async session() {
      const res = await server.inject({ method: 'GET', url: '/chat' });
      const set = res.cookies.find((c) => c.name === 'wc_sid');
      if (!set) throw new Error('no session cookie set');
      return `wc_sid=${set.value}`;
    },
    async close() {
      await web.adapter.stop();
      await server.close();
      await db.cleanup();
      rmSync(mediaDir, { recursive: true, force: true });
    },
  };
  await web.adapter.start(async (m) => {
    h.received.push(m);
    await h.onMessage(m);
  });
  return h;
}

/** One-file multipart/form-data body, as a browser's FormData sends it. */
export function multipart(file: { field?: string; name: string; type: string; data: Buffer }): { body: Buffer; contentType: string } {
  const boundary = '----weicheng' + Math.random().toString(16).slice(2);
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'photo'}"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, file.data, tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** A real PNG of the given size (see test/helpers/test-image.ts). */
export function pngImage(width = 64, height = 48): Buffer {
  return makePng(width, height, width + height);
}
