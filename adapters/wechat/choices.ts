/**
 * Numbered replies: WeChat has no buttons, so the adapter sends the choices as a numbered list and
 * remembers, per chat, the last list it sent; a reply "1" / "１" / "1." then comes back as the
 * button's data.
 *
 * The memory is deliberately small and in-process: only the latest list per chat, forgotten after
 * `ttlMs` (the conversation engine resets an idle conversation after 30 minutes anyway) and capped
 * at `maxChats` (oldest first). A restart forgets the lists; the resident's "1" then reaches the
 * flows as plain text, which they answer like any unexpected text (a re-prompt), so nothing is lost.
 */
import type { Button } from '../../src/channels/types.js';

export interface NumberedChoicesOptions {
  /** How long a sent list stays answerable, in ms. Default 30 minutes. */
  ttlMs?: number;
  /** Most chats remembered at once; the least recently used is dropped beyond it. Default 10,000. */
  maxChats?: number;
  /** Clock in ms. Default Date.now. */
  now?: () => number;
}

interface Remembered {
  data: string[];
  at: number;
}

export interface NumberedChoices {
  /** Remembers the list last sent to a chat (replacing any earlier list). */
  remember(chatId: string, buttons: Button[][]): void;
  /** The button data a numeric reply stands for, or undefined if the text is not such a reply. */
  resolve(chatId: string, text: string): string | undefined;
  /** Chats currently remembered (for tests and health). */
  size(): number;
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

export function createNumberedChoices(options: NumberedChoicesOptions = {}): NumberedChoices {
  const ttlMs = options.ttlMs ?? 30 * 60_000;
  const maxChats = options.maxChats ?? 10_000;
  const now = options.now ?? Date.now;
  // A Map keeps insertion order: re-inserting on use makes the first key the least recently used.
  const byChat = new Map<string, Remembered>();

  return {
    remember(chatId, buttons) {
      const data = buttons.flat().map((b) => b.data);
      byChat.delete(chatId);
      if (data.length === 0) return;
      byChat.set(chatId, { data, at: now() });
      while (byChat.size > maxChats) {
        const oldest = byChat.keys().next().value;
        if (oldest === undefined) break;
        byChat.delete(oldest);
      }
    },
    resolve(chatId, text) {
      const n = parseChoiceNumber(text);
      if (n === undefined) return undefined;
      const entry = byChat.get(chatId);
      if (!entry) return undefined;
      if (now() - entry.at > ttlMs) {
        byChat.delete(chatId);
        return undefined;
      }
      return entry.data[n - 1];
    },
    size: () => byChat.size,
  };
}
