/**
 * A fake Telegram Bot API server on real HTTP: `POST /bot<token>/<method>` with JSON or multipart
 * bodies, `{ ok, result }` / `{ ok: false, error_code, description, parameters }` answers, long-poll
 * getUpdates, and `GET /file/bot<token>/<path>` for downloads. It records every call and can play
 * the failures a real bot meets: rate limits (429 + retry_after), blocked users (403), unknown chats
 * (400) and server errors (5xx).
 */
import multipart from '@fastify/multipart';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';

export interface RecordedCall {
  method: string;
  params: Record<string, unknown>;
  /** Uploaded files of a multipart call, by field name. */
  files: Record<string, { filename: string; data: Buffer }>;
  /** 'ok' or the error code the fake answered with. */
  outcome: 'ok' | number;
}

export interface SentMessage {
  message_id: number;
  chat_id: number | string;
  method: string;
  text?: string;
  caption?: string;
  photo?: Buffer | string;
  reply_markup?: Record<string, unknown>;
}

export interface FakeBotApi {
  /** The API root to give telegraf (`apiRoot`). */
  url: string;
  token: string;
  calls: RecordedCall[];
  callsTo(method: string): RecordedCall[];
  /** Messages the bot sent (sendMessage, sendPhoto, sendLocation), edits applied. */
  sent: SentMessage[];
  sentTo(chatId: number | string): SentMessage[];
  /** Resolves with the first call (already made or future) to `method` that matches. */
  waitForCall(method: string, match?: (c: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  webhook(): { url: string; secret?: string } | undefined;
  /** Queues an update for getUpdates; assigns update_id when missing. Returns the update. */
  pushUpdate(update: Record<string, unknown>): Record<string, unknown> & { update_id: number };
  /** Posts an update to a webhook URL the way Telegram does. */
  postUpdate(url: string, update: Record<string, unknown>, secret?: string): Promise<{ status: number; body: string }>;
  nextUpdateId(): number;
  /** Tells the fake about an update delivered without it (e.g. by fastify inject): its callback query becomes answerable. */
  announce(update: Record<string, unknown>): void;
  /** The offset getUpdates last confirmed (every update below it is gone from the queue). */
  confirmedOffset(): number;
  /** Stores a file for getFile and the file server. */
  addFile(data: Buffer, path: string): { file_id: string; file_unique_id: string; file_size: number; file_path: string };
  /** The next `times` calls to `methods` (default: all send methods) answer 429 with retry_after. */
  rateLimit(o: { times: number; retryAfter: number; methods?: string[] }): void;
  /** The next `times` calls to `methods` answer with a bare HTTP `status` (5xx). */
  failNext(o: { times: number; status?: number; methods?: string[] }): void;
  /** Sending to this chat answers 403 "bot was blocked by the user". */
  block(chatId: number | string): void;
  /** Sending to this chat answers 400 "chat not found". */
  forgetChat(chatId: number | string): void;
  close(): Promise<void>;
}

const SEND_METHODS = ['sendMessage', 'sendPhoto', 'sendLocation'];

class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly parameters?: Record<string, unknown>,
  ) {
    super(description);
  }
}

export async function startFakeBotApi(o: { token?: string; username?: string } = {}): Promise<FakeBotApi> {
  const token = o.token ?? '123456:TEST-token_abc';
  const username = o.username ?? 'weicheng_test_bot';
  const calls: RecordedCall[] = [];
  const sent: SentMessage[] = [];
  const files = new Map<string, { data: Buffer; path: string; id: string }>();
  const filesByPath = new Map<string, Buffer>();
  const openQueries = new Set<string>();
  const blocked = new Set<string>();
  const missing = new Set<string>();
  const limits: { times: number; retryAfter: number; methods: string[] }[] = [];
  const failures: { times: number; status: number; methods: string[] }[] = [];
  const callWaiters = new Set<() => void>();
  let queue: (Record<string, unknown> & { update_id: number })[] = [];
  let pollWaiters: (() => void)[] = [];
  let webhook: { url: string; secret?: string } | undefined;
  let updateSeq = 1000;
  let messageSeq = 1;
  let confirmed = 0;
  let closed = false;

  const app = Fastify({ logger: false, forceCloseConnections: true });
  await app.register(multipart, { limits: { fileSize: 25 * 1024 * 1024 } });

  function wakePolls() {
    const w = pollWaiters;
    pollWaiters = [];
    for (const f of w) f();
  }

  function register(update: Record<string, unknown>) {
    const q = update.callback_query as { id?: string } | undefined;
    if (q?.id) openQueries.add(q.id);
  }

  function chatType(id: number | string): string {
    return Number(id) < 0 ? 'supergroup' : 'private';
  }

  function message(chatId: number | string, extra: Record<string, unknown>): Record<string, unknown> {
    return {
      message_id: messageSeq++,
      date: Math.floor(Date.now() / 1000),
      chat: { id: Number(chatId), type: chatType(chatId) },
      from: { id: 999000, is_bot: true, first_name: 'Weicheng', username },
      ...extra,
    };
  }

  function checkRecipient(p: Record<string, unknown>) {
    const chat = String(p.chat_id ?? '');
    if (!chat) throw new ApiError(400, 'Bad Request: chat_id is empty');
    if (blocked.has(chat)) throw new ApiError(403, 'Forbidden: bot was blocked by the user');
    if (missing.has(chat)) throw new ApiError(400, 'Bad Request: chat not found');
  }

  function checkMarkup(p: Record<string, unknown>) {
    const m = p.reply_markup as { inline_keyboard?: { text: string; callback_data?: string }[][]; keyboard?: { request_location?: boolean }[][] } | undefined;
    for (const row of m?.inline_keyboard ?? []) {
      for (const b of row) {
        const n = Buffer.byteLength(b.callback_data ?? '', 'utf8');
        if (!b.text || n < 1 || n > 64) throw new ApiError(400, 'Bad Request: BUTTON_DATA_INVALID');
      }
    }
    if (m?.keyboard?.some((row) => row.some((b) => b.request_location)) && chatType(String(p.chat_id)) !== 'private') {
      throw new ApiError(400, 'Bad Request: request_location buttons are allowed only in private chats');
    }
  }

  const methods: Record<string, (p: Record<string, unknown>, up: RecordedCall['files']) => unknown> = {
    getMe: () => ({ id: 999000, is_bot: true, first_name: 'Weicheng', username, can_join_groups: true }),
    setWebhook: (p) => {
      const secret = p.secret_token as string | undefined;
      if (secret !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secret)) throw new ApiError(400, 'Bad Request: secret token contains unallowed characters');
      webhook = { url: String(p.url), secret };
      wakePolls();
      return true;
    },
    deleteWebhook: (p) => {
      webhook = undefined;
      if (p.drop_pending_updates) queue = [];
      return true;
    },
    sendMessage: (p) => {
      checkRecipient(p);
      const text = String(p.text ?? '');
      if (!text.trim()) throw new ApiError(400, 'Bad Request: message text is empty');
      if (text.length > 4096) throw new ApiError(400, 'Bad Request: message is too long');
      checkMarkup(p);
      const msg = message(p.chat_id as number, { text });
      sent.push({ message_id: msg.message_id as number, chat_id: p.chat_id as number, method: 'sendMessage', text, reply_markup: p.reply_markup as never });
      return msg;
    },
    sendPhoto: (p, up) => {
      checkRecipient(p);
      const caption = p.caption as string | undefined;
      if (caption && caption.length > 1024) throw new ApiError(400, 'Bad Request: message caption is too long');
      const photo = up.photo?.data ?? (p.photo as string | undefined);
      if (!photo || (Buffer.isBuffer(photo) && photo.length === 0)) throw new ApiError(400, 'Bad Request: there is no photo in the request');
      checkMarkup(p);
      const msg = message(p.chat_id as number, { photo: [{ file_id: `sent-${messageSeq}`, file_unique_id: `s${messageSeq}`, width: 16, height: 12 }], caption });
      sent.push({ message_id: msg.message_id as number, chat_id: p.chat_id as number, method: 'sendPhoto', caption, photo, reply_markup: p.reply_markup as never });
      return msg;
    },
    sendLocation: (p) => {
      checkRecipient(p);
      const msg = message(p.chat_id as number, { location: { latitude: p.latitude, longitude: p.longitude } });
      sent.push({ message_id: msg.message_id as number, chat_id: p.chat_id as number, method: 'sendLocation' });
      return msg;
    },
    answerCallbackQuery: (p) => {
      const id = String(p.callback_query_id ?? '');
      if (!openQueries.delete(id)) throw new ApiError(400, 'Bad Request: query is too old and response timeout expired or query ID is invalid');
      return true;
    },
    editMessageText: (p) => {
      const m = sent.find((s) => String(s.chat_id) === String(p.chat_id) && s.message_id === Number(p.message_id));
      if (!m) throw new ApiError(400, 'Bad Request: message to edit not found');
      m.text = String(p.text ?? '');
      if (p.reply_markup) m.reply_markup = p.reply_markup as never;
      return message(m.chat_id, { message_id: m.message_id, text: m.text });
    },
    editMessageReplyMarkup: (p) => {
      const m = sent.find((s) => String(s.chat_id) === String(p.chat_id) && s.message_id === Number(p.message_id));
      if (!m) throw new ApiError(400, 'Bad Request: message to edit not found');
      m.reply_markup = p.reply_markup as never;
      return message(m.chat_id, { message_id: m.message_id });
    },
    getFile: (p) => {
      const f = files.get(String(p.file_id));
      if (!f) throw new ApiError(400, 'Bad Request: invalid file_id');
      return { file_id: f.id, file_unique_id: `u-${f.id}`, file_size: f.data.length, file_path: f.path };
    },
  };

  async function getUpdates(p: Record<string, unknown>, reply: FastifyReply): Promise<unknown> {
    if (webhook) throw new ApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    const offset = Number(p.offset ?? 0);
    if (offset > 0) {
      confirmed = Math.max(confirmed, offset);
      queue = queue.filter((u) => u.update_id >= offset);
    }
    const limit = Number(p.limit ?? 100);
    const timeout = Number(p.timeout ?? 0);
    if (queue.length === 0 && timeout > 0 && !closed) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, timeout * 1000);
        function done() {
          clearTimeout(timer);
          reply.raw.off('close', done);
          resolve();
        }
        pollWaiters.push(done);
        // The client gave up (aborted fetch): stop holding the request.
        reply.raw.on('close', done);
      });
    }
    return queue.slice(0, limit);
  }

  async function readParams(req: FastifyRequest): Promise<{ params: Record<string, unknown>; files: RecordedCall['files'] }> {
    const params: Record<string, unknown> = {};
    const up: RecordedCall['files'] = {};
    if (req.isMultipart()) {
      for await (const part of req.parts()) {
        if (part.type === 'file') up[part.fieldname] = { filename: part.filename, data: await part.toBuffer() };
        else params[part.fieldname] = part.value;
      }
      // Multipart carries everything as strings; JSON fields as JSON text.
      for (const key of ['reply_markup', 'caption_entities']) {
        if (typeof params[key] === 'string') params[key] = JSON.parse(params[key] as string);
      }
      if (typeof params.chat_id === 'string' && /^-?\d+$/.test(params.chat_id)) params.chat_id = Number(params.chat_id);
    } else if (req.body && typeof req.body === 'object') {
      Object.assign(params, req.body);
    }
    return { params, files: up };
  }

  function injectedFailure(method: string): ApiError | number | undefined {
    const limit = limits.find((l) => l.times > 0 && l.methods.includes(method));
    if (limit) {
      limit.times--;
      return new ApiError(429, `Too Many Requests: retry after ${limit.retryAfter}`, { retry_after: limit.retryAfter });
    }
    const failure = failures.find((f) => f.times > 0 && f.methods.includes(method));
    if (failure) {
      failure.times--;
      return failure.status;
    }
    return undefined;
  }

  app.post('/*', async (req, reply) => {
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(req.url.split('?')[0]!);
    if (!match) return reply.code(404).send({ ok: false, error_code: 404, description: 'Not Found' });
    const [, givenToken, method] = match as unknown as [string, string, string];
    const { params, files: up } = await readParams(req);
    const call: RecordedCall = { method, params, files: up, outcome: 'ok' };
    calls.push(call);
    for (const w of [...callWaiters]) w();
    try {
      if (givenToken !== token) throw new ApiError(401, 'Unauthorized');
      const injected = injectedFailure(method);
      if (typeof injected === 'number') {
        call.outcome = injected;
        return reply.code(injected).send('Bad Gateway');
      }
      if (injected) throw injected;
      const handler = methods[method];
      if (method === 'getUpdates') return { ok: true, result: await getUpdates(params, reply) };
      if (!handler) throw new ApiError(404, 'Not Found: method not found');
      return { ok: true, result: handler(params, up) };
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      call.outcome = err.code;
      return reply.code(err.code).send({ ok: false, error_code: err.code, description: err.description, ...(err.parameters ? { parameters: err.parameters } : {}) });
    }
  });

  app.get('/file/*', async (req, reply) => {
    const prefix = `/file/bot${token}/`;
    const path = req.url.startsWith(prefix) ? decodeURIComponent(req.url.slice(prefix.length)) : undefined;
    const data = path === undefined ? undefined : filesByPath.get(path);
    if (!data) return reply.code(404).send({ ok: false, error_code: 404, description: 'Not Found' });
    return reply.type('application/octet-stream').send(data);
  });

  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const api: FakeBotApi = {
    url: address,
    token,
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method),
    sent,
    sentTo: (chatId) => sent.filter((s) => String(s.chat_id) === String(chatId)),
    waitForCall(method, match = () => true, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const found = calls.find((c) => c.method === method && match(c));
          if (!found) return;
          clearTimeout(timer);
          callWaiters.delete(check);
          resolve(found);
        };
        const timer = setTimeout(() => {
          callWaiters.delete(check);
          reject(new Error(`fake Bot API: no ${method} call within ${timeoutMs} ms`));
        }, timeoutMs);
        callWaiters.add(check);
        check();
      });
    },
    webhook: () => webhook,
    pushUpdate(update) {
      const u = { ...update, update_id: typeof update.update_id === 'number' ? update.update_id : ++updateSeq };
      register(u);
      queue.push(u);
      wakePolls();
      return u;
    },
    async postUpdate(url, update, secret) {
      register(update);
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(secret !== undefined ? { 'x-telegram-bot-api-secret-token': secret } : {}) },
        body: JSON.stringify(update),
      });
      return { status: res.status, body: await res.text() };
    },
    nextUpdateId: () => ++updateSeq,
    announce: register,
    confirmedOffset: () => confirmed,
    addFile(data, path) {
      const id = `file-${files.size + 1}`;
      files.set(id, { data, path, id });
      filesByPath.set(path, data);
      return { file_id: id, file_unique_id: `u-${id}`, file_size: data.length, file_path: path };
    },
    rateLimit: ({ times, retryAfter, methods: m }) => void limits.push({ times, retryAfter, methods: m ?? SEND_METHODS }),
    failNext: ({ times, status, methods: m }) => void failures.push({ times, status: status ?? 502, methods: m ?? SEND_METHODS }),
    block: (chatId) => void blocked.add(String(chatId)),
    forgetChat: (chatId) => void missing.add(String(chatId)),
    async close() {
      closed = true;
      wakePolls();
      await app.close();
    },
  };
  return api;
}
