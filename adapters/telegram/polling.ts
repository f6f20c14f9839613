/**
 * Long polling with getUpdates. Updates of one chat are handled in order (a photo then a location
 * must reach the flow in that order); different chats run side by side. The offset only moves past
 * an update once it was handled, so a failure is fetched again rather than lost (the engine's
 * "seen" mark makes the repeats harmless).
 */
import type { Telegram } from 'telegraf';
import { TelegramError } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { Logger } from '../../src/logger.js';

export interface PollingOptions {
  telegram: Telegram;
  /** Resolves true when the update was handled, false to fetch it again later. */
  handle: (update: Update) => Promise<boolean>;
  logger: Pick<Logger, 'warn' | 'error'>;
  /** Long-poll wait in seconds. Default 50. */
  timeoutSeconds?: number;
  /** Pause after a failed fetch or a failed update, in ms. Default 3000. */
  retryDelayMs?: number;
}

export interface Poller {
  /** Aborts the pending getUpdates, lets handlers in flight finish and confirms the offset. */
  stop(): Promise<void>;
}

type ApiSignal = NonNullable<Parameters<Telegram['callApi']>[2]>['signal'];

const ALLOWED_UPDATES = ['message', 'callback_query'] as const;

export function startPolling(o: PollingOptions): Poller {
  const abort = new AbortController();
  const retryDelay = o.retryDelayMs ?? 3000;
  let offset = 0;

  async function loop(): Promise<void> {
    while (!abort.signal.aborted) {
      let updates: Update[];
      try {
        updates = await o.telegram.callApi(
          'getUpdates',
          { timeout: o.timeoutSeconds ?? 50, offset, allowed_updates: [...ALLOWED_UPDATES] },
          // telegraf types the signal from the abort-controller package; node-fetch takes the native one.
          { signal: abort.signal as unknown as ApiSignal },
        );
      } catch (err) {
        if (abort.signal.aborted) break;
        const wait = fetchErrorDelay(err, retryDelay);
        o.logger.warn({ channel: 'telegram', error: describe(err), retryMs: wait }, 'getUpdates failed');
        await sleep(wait, abort.signal);
        continue;
      }
      const failedAt = await handleBatch(updates);
      if (failedAt === undefined) {
        const last = updates[updates.length - 1];
        if (last) offset = last.update_id + 1;
      } else {
        offset = failedAt;
        await sleep(retryDelay, abort.signal);
      }
    }
  }

  /** Returns the lowest update_id that failed, if any. */
  async function handleBatch(updates: Update[]): Promise<number | undefined> {
    const byChat = new Map<string, Update[]>();
    for (const u of updates) {
      const key = chatKey(u);
      byChat.set(key, [...(byChat.get(key) ?? []), u]);
    }
    const failures = await Promise.all(
      [...byChat.values()].map(async (list) => {
        for (const u of list) if (!(await o.handle(u))) return u.update_id;
        return undefined;
      }),
    );
    const failed = failures.filter((f): f is number => f !== undefined);
    return failed.length ? Math.min(...failed) : undefined;
  }

  const running = loop().catch((err: unknown) => o.logger.error({ channel: 'telegram', error: describe(err) }, 'polling stopped'));
  return {
    async stop() {
      abort.abort();
      await running;
      // Confirms what was handled, so the next start does not fetch it again.
      await o.telegram.callApi('getUpdates', { offset, limit: 1, timeout: 0 }).catch(() => undefined);
    },
  };
}

function chatKey(u: Update): string {
  if ('message' in u) return String(u.message.chat.id);
  if ('callback_query' in u) return String(u.callback_query.message?.chat.id ?? u.callback_query.from.id);
  return `update:${u.update_id}`;
}

function fetchErrorDelay(err: unknown, base: number): number {
  if (err instanceof TelegramError) {
    if (err.code === 429) return (err.parameters?.retry_after ?? 5) * 1000;
    // 409: a webhook is set or another instance polls; 401/404: bad token. Neither heals quickly.
    if (err.code === 409 || err.code === 401 || err.code === 404) return Math.max(base, 30_000);
  }
  return base;
}

function describe(err: unknown): string {
  return err instanceof TelegramError ? `${err.code}: ${err.description}` : err instanceof Error ? err.message : String(err);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done);
  });
}
