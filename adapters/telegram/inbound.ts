/**
 * Translates a Bot API update into the product's InboundMessage. Only what a resident or an office
 * says reaches the product; service updates (members joining, edits, polls ...) are dropped here.
 */
import type { Chat, Message, Update, User } from 'telegraf/types';
import type { InboundContent, InboundMessage } from '../../src/channels/types.js';
import type { FileDownloader } from './files.js';

/** Message fields that carry something a person sent but the product cannot read. */
const UNSUPPORTED: [string, Extract<InboundContent, { kind: 'unsupported' }>['what']][] = [
  ['sticker', 'sticker'],
  ['voice', 'voice'],
  ['audio', 'voice'],
  ['video_note', 'video'],
  ['video', 'video'],
  ['animation', 'video'],
  ['document', 'file'],
  ['contact', 'other'],
  ['poll', 'other'],
  ['dice', 'other'],
  ['game', 'other'],
  ['story', 'other'],
];

/**
 * The message id is the update id: Telegram redelivers a webhook update (and a long-poll update
 * that was not confirmed) with the same update_id, so the engine's "seen" mark stops a repeat.
 */
export function toInbound(update: Update, files: FileDownloader): InboundMessage | undefined {
  if ('callback_query' in update) {
    const q = update.callback_query;
    if (!('data' in q) || q.data === undefined) return undefined;
    const chat = q.message?.chat;
    return base(update.update_id, chat, q.from, Date.now(), { kind: 'button', data: q.data });
  }
  if (!('message' in update)) return undefined;
  const m = update.message;
  if (!m.from) return undefined;
  const content = toContent(m, files);
  return content && base(update.update_id, m.chat, m.from, m.date * 1000, content);
}

function base(updateId: number, chat: Chat | undefined, from: User, at: number, content: InboundContent): InboundMessage {
  return {
    channel: 'telegram',
    // A button on an inline message has no chat: it can only come from the user's own chat.
    chatId: String(chat?.id ?? from.id),
    chatType: chat === undefined || chat.type === 'private' ? 'private' : 'group',
    userId: String(from.id),
    messageId: `u${updateId}`,
    language: from.language_code,
    at,
    content,
  };
}

function toContent(m: Message, files: FileDownloader): InboundContent | undefined {
  if ('text' in m) return textContent(m.text);
  if ('photo' in m) {
    const largest = m.photo[m.photo.length - 1];
    if (!largest) return undefined;
    return { kind: 'photo', caption: m.caption || undefined, fetch: () => files.download(largest.file_id) };
  }
  // A photo sent "as a file" keeps its quality; it is still a photo for the resident.
  if ('document' in m && m.document.mime_type?.startsWith('image/')) {
    const doc = m.document;
    return { kind: 'photo', caption: m.caption || undefined, fetch: () => files.download(doc.file_id, doc.mime_type) };
  }
  if ('venue' in m) {
    const v = m.venue;
    return { kind: 'location', lat: v.location.latitude, lon: v.location.longitude, crs: 'wgs84', label: v.title || undefined };
  }
  if ('location' in m) return { kind: 'location', lat: m.location.latitude, lon: m.location.longitude, crs: 'wgs84' };
  for (const [field, what] of UNSUPPORTED) if (field in m) return { kind: 'unsupported', what };
  return undefined;
}

/** `/start@WeichengBot hello` → command `start`, args `hello`. Anything else is text. */
export function textContent(text: string): InboundContent {
  const match = /^\/([A-Za-z0-9_]{1,64})(?:@[A-Za-z0-9_]+)?(?:\s+([\s\S]*))?$/.exec(text.trim());
  if (!match) return { kind: 'text', text };
  return { kind: 'command', command: match[1]!.toLowerCase(), args: (match[2] ?? '').trim() };
}
