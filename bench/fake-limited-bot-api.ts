/**
 * A minimal, fast fake of the Bot API's sendMessage for the broadcast benchmark: it enforces a
 * rate limit by answering 429 with retry_after, and counts what each chat received. node:http
 * only, so the fake is not the bottleneck, and in a process of its own, so it times arrivals like
 * a separate server would (on the sender's event loop a long database batch would skew its clock).
 *
 * The limit is the strictest usual model: at most `limit` accepted messages in ANY sliding window
 * of `perMs`, timed when the request has fully arrived. A fixed window (per calendar second) or a
 * token bucket would let more through at the edges; Telegram publishes only "about 30 a second",
 * so a sender that passes this fake passes those too.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface LimitedBotApiStats {
  accepted: number;
  tooMany: number;
  /** Chats that received at least one message. */
  chats: number;
  /** Messages beyond the first per chat. */
  duplicates: number;
  /** From the first accepted message to the last, in ms. */
  spanMs: number;
}

export interface LimitedBotApiHandle {
  url: string;
  token: string;
  stats(): Promise<LimitedBotApiStats>;
  close(): Promise<void>;
}

/** Starts the fake in a child process of its own. */
export async function startLimitedBotApiWorker(o: { limit?: number; perMs?: number } = {}): Promise<LimitedBotApiHandle> {
  const child = fork(fileURLToPath(import.meta.url), ['--serve', JSON.stringify(o)], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  const ask = <T>(msg: string): Promise<T> =>
    new Promise((resolve) => {
      child.once('message', (m) => resolve(m as T));
      child.send(msg);
    });
  const ready = await new Promise<{ url: string; token: string }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as { url: string; token: string }));
    child.once('error', reject);
  });
  return {
    ...ready,
    stats: () => ask<LimitedBotApiStats>('stats'),
    async close() {
      await ask('close');
      child.disconnect();
    },
  };
}

if (process.argv[2] === '--serve' && process.send) {
  const send = process.send.bind(process);
  const api = await startLimitedBotApi(JSON.parse(process.argv[3] ?? '{}') as { limit?: number; perMs?: number });
  process.on('message', async (m: string) => {
    if (m === 'stats') {
      let duplicates = 0;
      for (const n of api.received.values()) duplicates += n - 1;
      send({ accepted: api.accepted, tooMany: api.tooMany, chats: api.received.size, duplicates, spanMs: api.lastAt - api.firstAt });
    } else if (m === 'close') {
      await api.close();
      send('closed');
    }
  });
  send({ url: api.url, token: api.token });
}

export interface LimitedBotApi {
  url: string;
  token: string;
  /** Messages accepted per chat id. */
  received: Map<string, number>;
  accepted: number;
  tooMany: number;
  firstAt: number;
  lastAt: number;
  reset(): void;
  close(): Promise<void>;
}

export async function startLimitedBotApi(o: { limit?: number; perMs?: number; token?: string } = {}): Promise<LimitedBotApi> {
  const token = o.token ?? '123456:BENCH-token';
  const limit = o.limit ?? Infinity;
  const perMs = o.perMs ?? 1000;
  // Arrival times of the last `limit` accepted messages (a ring buffer).
  const ring = Number.isFinite(limit) ? new Float64Array(limit) : new Float64Array(1);
  let head = 0;
  let filled = 0;
  let messageId = 1;
  const prefix = `/bot${token}/`;

  const api: LimitedBotApi = {
    url: '',
    token,
    received: new Map(),
    accepted: 0,
    tooMany: 0,
    firstAt: 0,
    lastAt: 0,
    reset() {
      api.received = new Map();
      api.accepted = 0;
      api.tooMany = 0;
      api.firstAt = 0;
      api.lastAt = 0;
      head = 0;
      filled = 0;
    },
    close: () => new Promise((r) => server.close(() => r())),
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const send = (status: number, body: unknown) => {
        const text = JSON.stringify(body);
        res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
        res.end(text);
      };
      if (!req.url?.startsWith(prefix)) return send(401, { ok: false, error_code: 401, description: 'Unauthorized' });
      const method = req.url.slice(prefix.length);
      if (method !== 'sendMessage') return send(404, { ok: false, error_code: 404, description: 'Not Found: method not found' });
      const now = performance.now();
      if (Number.isFinite(limit)) {
        // The oldest of the last `limit` messages must be older than the window.
        if (filled === limit && now - ring[head]! < perMs) {
          api.tooMany++;
          return send(429, { ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } });
        }
        ring[head] = now;
        head = (head + 1) % limit;
        filled = Math.min(limit, filled + 1);
      }
      const p = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { chat_id: number | string; text: string };
      const chat = String(p.chat_id);
      api.received.set(chat, (api.received.get(chat) ?? 0) + 1);
      api.accepted++;
      if (api.firstAt === 0) api.firstAt = now;
      api.lastAt = now;
      send(200, {
        ok: true,
        result: { message_id: messageId++, date: Math.floor(Date.now() / 1000), chat: { id: Number(chat), type: 'private' }, text: p.text },
      });
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  api.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return api;
}
