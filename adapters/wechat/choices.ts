/**
 * Numbered replies: WeChat has no buttons, so the adapter sends the choices as a numbered list and
 * remembers, per chat, the last list it sent; a reply "1" / "１" / "1." then comes back as the
 * button's data.
 *
 * The lists that matter most arrive unannounced and are answered hours or days later: the rating
 * list sent with a resolution notice (不满意 reopens the ticket) and a campaign's survey question.
 * So the memory is durable: a ChoiceStore (in the product, the store's `numberedChoices` table)
 * keeps the latest list per chat, across restarts and for every instance sharing the database.
 * Without a store (the adapter on its own, in tests) an in-process memory takes its place, capped
 * at `maxChats` and forgotten on restart.
 *
 * - Only the latest list counts: a later list replaces the earlier one. A message without buttons
 *   leaves it (a campaign notice between the resolution notice and the reply does not make "3"
 *   meaningless).
 * - A list stays answerable for `ttlMs`, default 7 days. After that, or for a number beyond the
 *   list, the reply reaches the flows as plain text, which they answer like any unexpected text
 *   (a re-prompt); a resolved ticket still takes a typed 满意 / 基本满意 / 不满意.
 * - A store that fails loses nothing: a lookup that fails passes the reply on as text, a list that
 *   cannot be kept leaves the message delivered. Either is logged without chat ids or text.
 */
import type { Button, ChannelName, ChoiceStore, SentChoices } from '../../src/channels/types.js';
import type { Logger } from '../../src/logger.js';

const CHANNEL: ChannelName = 'wechat';

/** How long a sent list stays answerable by default: 7 days. */
export const DEFAULT_CHOICE_TTL_MS = 7 * 24 * 60 * 60_000;

export interface NumberedChoicesOptions {
  /**
   * How long a sent list stays answerable, in ms. Default 7 days (DEFAULT_CHOICE_TTL_MS): a
   * rating or a survey is answered days later, and after that a typed 满意 / 不满意 still works.
   */
  ttlMs?: number;
  /** The in-memory fallback only: most chats remembered; the least recently told is dropped beyond it. Default 10,000. */
  maxChats?: number;
  /** Clock in ms. Default Date.now. */
  now?: () => number;
}

export interface NumberedChoices {
  /** Keeps the list just sent to a chat, replacing any earlier one; no buttons: keeps the earlier one. */
  remember(chatId: string, buttons: Button[][]): Promise<void>;
  /** The button data a numeric reply stands for, or undefined if the text is not such a reply. */
  resolve(chatId: string, text: string): Promise<string | undefined>;
}

/** "1", "１", "1.", "1、", "(1)", " 2 " -> the number; anything else -> undefined. */
export function parseChoiceNumber(text: string): number | undefined {
  // NFKC turns full-width digits and punctuation (１．) into ASCII.
  const t = text.normalize('NFKC').trim();
  const m = /^[(\[]?\s*(\d{1,2})\s*[)\].、。,，]?$/.exec(t);
  if (!m) return undefined;
  const n = Number(m[1]);
  return n >= 1 ? n : undefined;
}

/** A ChoiceStore in process memory, keeping at most `maxChats` chats (the least recently told go first). */
export function createMemoryChoiceStore(maxChats = 10_000): ChoiceStore & { size(): number } {
  // A Map keeps insertion order: re-inserting on put makes the first key the least recently told.
  const byChat = new Map<string, SentChoices>();
  const key = (channel: string, chatId: string) => `${channel}\n${chatId}`;
  return {
    async put(channel, chatId, list) {
      const k = key(channel, chatId);
      byChat.delete(k);
      byChat.set(k, { data: [...list.data], sentAt: list.sentAt });
      while (byChat.size > maxChats) {
        const oldest = byChat.keys().next().value;
        if (oldest === undefined) break;
        byChat.delete(oldest);
      }
    },
    async get(channel, chatId) {
      return byChat.get(key(channel, chatId));
    },
    size: () => byChat.size,
  };
}

export interface NumberedChoicesDeps {
  /** Where the lists are kept. Default: in process memory (see createMemoryChoiceStore). */
  store?: ChoiceStore;
  logger: Pick<Logger, 'warn'>;
}

/** What a store error may say in a log: its class and code, never its message (it may quote a chat id). */
function errorFields(err: unknown): { errName: string; errCode?: string } {
  const e = err as { name?: unknown; code?: unknown } | null;
  const errName = typeof e?.name === 'string' ? e.name : typeof err;
  return typeof e?.code === 'string' ? { errName, errCode: e.code } : { errName };
}

export function createNumberedChoices(deps: NumberedChoicesDeps, options: NumberedChoicesOptions = {}): NumberedChoices {
  const ttlMs = options.ttlMs ?? DEFAULT_CHOICE_TTL_MS;
  const now = options.now ?? Date.now;
  const store = deps.store ?? createMemoryChoiceStore(options.maxChats);
  const { logger } = deps;

  return {
    async remember(chatId, buttons) {
      const data = buttons.flat().map((b) => b.data);
      if (data.length === 0) return;
      try {
        await store.put(CHANNEL, chatId, { data, sentAt: now() });
      } catch (err) {
        logger.warn(errorFields(err), 'WeChat: could not keep the numbered list just sent; a number replied to it will arrive as text');
      }
    },
    async resolve(chatId, text) {
      const n = parseChoiceNumber(text);
      if (n === undefined) return undefined;
      let list: SentChoices | undefined;
      try {
        list = await store.get(CHANNEL, chatId);
      } catch (err) {
        logger.warn(errorFields(err), 'WeChat: could not look up the numbered list last sent; the reply goes on as text');
        return undefined;
      }
      if (!list || !Array.isArray(list.data) || now() - list.sentAt > ttlMs) return undefined;
      const data: unknown = list.data[n - 1];
      return typeof data === 'string' ? data : undefined;
    },
  };
}
