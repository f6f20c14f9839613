/**
 * Sends an OutboundMessage through the Bot API: long text in several messages, buttons as an inline
 * keyboard, a location request as a one-time reply keyboard (private chats only), photos uploaded
 * from the media store or passed by https URL.
 */
import { basename } from 'node:path';
import type { Telegram } from 'telegraf';
import type { InlineKeyboardMarkup, ReplyKeyboardMarkup, ReplyKeyboardRemove } from 'telegraf/types';
import type { Button, OutboundMessage, SendResult } from '../../src/channels/types.js';
import type { Logger } from '../../src/logger.js';
import type { MediaStore } from '../../src/media/store.js';
import { sendErrorResult } from './errors.js';
import { shareLocationLabel } from './labels.js';
import { MAX_CAPTION, markdownToPlain, splitText } from './text.js';

type Markup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove;

export interface SenderDeps {
  telegram: Telegram;
  media: MediaStore;
  logger: Pick<Logger, 'warn'>;
}

export type Send = (address: string, message: OutboundMessage) => Promise<SendResult>;

export function createSend(deps: SenderDeps): Send {
  return async (address, message) => {
    const chatId = /^-?\d+$/.test(address) ? Number(address) : address;
    // Telegram gives users positive ids and groups negative ones; a reply keyboard with
    // request_location is refused in groups.
    const isPrivate = typeof chatId === 'number' && chatId > 0;
    const invalid = checkButtons(message.buttons);
    if (invalid) return { status: 'failed', error: invalid };
    try {
      return message.kind === 'photo'
        ? await sendPhoto(deps, chatId, message)
        : await sendText(deps, chatId, isPrivate, message);
    } catch (err) {
      return sendErrorResult(err);
    }
  };
}

async function sendText(
  deps: SenderDeps,
  chatId: number | string,
  isPrivate: boolean,
  m: Extract<OutboundMessage, { kind: 'text' }>,
): Promise<SendResult> {
  const text = m.format === 'markdown' ? markdownToPlain(m.text) : m.text;
  if (!text.trim()) return { status: 'failed', error: 'telegram: message text is empty' };
  const wantsLocation = m.requestLocation === true && isPrivate;
  let markup: Markup | undefined;
  if (m.buttons?.length) markup = inlineKeyboard(m.buttons);
  else if (wantsLocation) markup = locationKeyboard(text);
  // A location keyboard left open would linger under later answers.
  else if (isPrivate) markup = { remove_keyboard: true };

  const parts = splitText(text);
  let lastId = 0;
  for (let i = 0; i < parts.length; i++) {
    const last = i === parts.length - 1;
    const sent = await deps.telegram.sendMessage(chatId, parts[i]!, last && markup ? { reply_markup: markup } : {});
    lastId = sent.message_id;
  }
  if (m.buttons?.length && wantsLocation) {
    // One message holds one keyboard: the location button follows in its own short message.
    // Its failure costs only the shortcut (the text already says what to do), so it is not retried.
    const label = shareLocationLabel(text);
    await deps.telegram.sendMessage(chatId, label, { reply_markup: locationKeyboard(text) }).catch((err: unknown) => {
      deps.logger.warn({ channel: 'telegram', error: sendErrorResult(err).error }, 'location keyboard not sent');
    });
  }
  return { status: 'delivered', platformMessageId: String(lastId) };
}

async function sendPhoto(
  deps: SenderDeps,
  chatId: number | string,
  m: Extract<OutboundMessage, { kind: 'photo' }>,
): Promise<SendResult> {
  let photo: string | { source: Buffer; filename: string };
  if (/^https:\/\//i.test(m.photo)) photo = m.photo;
  else {
    try {
      photo = { source: await deps.media.read(m.photo), filename: basename(m.photo) };
    } catch {
      return { status: 'failed', error: 'telegram: photo not found in the media store' };
    }
  }
  const caption = m.caption?.trim() ? m.caption : undefined;
  const fits = caption === undefined || caption.length <= MAX_CAPTION;
  const markup = m.buttons?.length ? inlineKeyboard(m.buttons) : undefined;
  const sent = await deps.telegram.sendPhoto(chatId, photo, {
    ...(fits && caption ? { caption } : {}),
    ...(fits && markup ? { reply_markup: markup } : {}),
  });
  if (!fits) {
    // Captions over 1024 characters are refused: the text follows the photo instead.
    const parts = splitText(caption);
    for (const [i, part] of parts.entries()) {
      const last = i === parts.length - 1;
      await deps.telegram.sendMessage(chatId, part, last && markup ? { reply_markup: markup } : {});
    }
  }
  return { status: 'delivered', platformMessageId: String(sent.message_id) };
}

function inlineKeyboard(rows: Button[][]): InlineKeyboardMarkup {
  return { inline_keyboard: rows.map((row) => row.map((b) => ({ text: b.label, callback_data: b.data }))) };
}

function locationKeyboard(text: string): ReplyKeyboardMarkup {
  return {
    keyboard: [[{ text: shareLocationLabel(text), request_location: true }]],
    resize_keyboard: true,
    one_time_keyboard: true,
  };
}

/** Telegram refuses the whole message for one bad button; say which one instead. */
function checkButtons(rows: Button[][] | undefined): string | undefined {
  for (const row of rows ?? []) {
    for (const b of row) {
      if (!b.label.trim()) return 'telegram: a button has an empty label';
      const bytes = Buffer.byteLength(b.data, 'utf8');
      if (bytes < 1 || bytes > 64) return `telegram: button "${b.label}" has callback data of ${bytes} bytes (1-64 allowed)`;
    }
  }
  return undefined;
}
