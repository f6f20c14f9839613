/**
 * The inbound half of the web chat: records what a resident sent in the session's message log
 * (so a reload shows it) and hands it to the conversation engine. One session's messages run one
 * after another, and a retried request (same clientId) is recorded once and handled once: the
 * engine ignores a message id it has already seen.
 */
import type { InboundContent, InboundMessage } from '../../src/channels/types.js';
import { AppError } from '../../src/errors.js';
import type { WebMessage, WebMessageRepo } from '../../src/store/ports.js';
import type { WebSession } from './session.js';

/** What the message log keeps of an inbound message; the page renders these. */
export type WebInboundPayload =
  | { kind: 'text'; text: string }
  | { kind: 'command'; command: string; args: string }
  | { kind: 'button'; data: string; label?: string }
  | { kind: 'location'; lat: number; lon: number; crs: 'wgs84' }
  | { kind: 'photo'; path: string; mime: string };

export type MessageHandler = (message: InboundMessage) => Promise<void>;

export interface WebInboxOptions {
  repo: WebMessageRepo;
  clock: () => number;
  /** How far back a retried clientId is looked for. Default 1000 messages of the session. */
  historyScan?: number;
}

export interface WebInbox {
  handler: MessageHandler | undefined;
  /** Records and handles one message; resolves when the engine has stored its effects. */
  receive(session: WebSession, clientId: string, payload: WebInboundPayload, content: InboundContent): Promise<WebMessage>;
  /** Messages of the session after `afterId`, oldest first (both directions). */
  history(sessionId: string, afterId: number, limit: number): Promise<WebMessage[]>;
}

export function createWebInbox(o: WebInboxOptions): WebInbox {
  const scan = o.historyScan ?? 1000;
  const queues = new Map<string, Promise<unknown>>();

  /** Runs `fn` after the session's earlier messages, so a fast tapper's messages keep their order. */
  function serial<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const prev = queues.get(key) ?? Promise.resolve();
    const run = prev.then(fn, fn);
    const tail = run.catch(() => undefined);
    queues.set(key, tail);
    void tail.then(() => {
      if (queues.get(key) === tail) queues.delete(key);
    });
    return run;
  }

  async function findRetry(sessionId: string, clientId: string): Promise<WebMessage | undefined> {
    const rows = await o.repo.since(sessionId, 0, scan);
    // Newest first: a retry follows its original closely.
    for (let i = rows.length - 1; i >= 0; i--) {
      const r = rows[i]!;
      if (r.direction === 'in' && r.payload.clientId === clientId) return r;
    }
    return undefined;
  }

  const inbox: WebInbox = {
    handler: undefined,
    receive(session, clientId, payload, content) {
      return serial(session.id, async () => {
        const handler = inbox.handler;
        if (!handler) throw new AppError('CHANNEL_UNAVAILABLE', 'the web chat is not running (starting up or shutting down); try again shortly');
        const now = o.clock();
        const row =
          (await findRetry(session.id, clientId)) ??
          (await o.repo.add({ sessionId: session.id, direction: 'in', payload: { ...payload, clientId }, createdAt: now }));
        await handler({
          channel: 'web',
          chatId: session.id,
          chatType: 'private',
          userId: session.id,
          messageId: `web:${session.id}:${clientId}`,
          language: session.language,
          at: row.createdAt,
          content,
        });
        return row;
      });
    },
    history: (sessionId, afterId, limit) => o.repo.since(sessionId, afterId, limit),
  };
  return inbox;
}
