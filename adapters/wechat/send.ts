/**
 * Sending to a WeChat address: a contact id (private chat) or `room:<topic>` (a group). Failures
 * are sorted into "try again later" and "this chat is gone", so the outbox neither drops a reply
 * over a hiccup nor retries a chat that no longer exists.
 */
import { basename } from 'node:path';
import { FileBox } from 'file-box';
import type { Wechaty } from 'wechaty';
import type { OutboundMessage, SendResult } from '../../src/channels/types.js';
import { AppError } from '../../src/errors.js';
import type { MediaStore } from '../../src/media/store.js';
import type { NumberedChoices } from './choices.js';
import { ROOM_PREFIX } from './inbound.js';
import { renderText } from './render.js';

/** Seconds before retrying after a send error. */
const RETRY_AFTER_S = 15;
/** Seconds before retrying while the account is logged out (someone must scan the QR code). */
const LOGGED_OUT_RETRY_S = 60;

/** Puppets' wording for "no such contact/room" (mock, wechat4u, puppet-service). */
const GONE = /no payload|not exist|no this\.wechat4u\.contacts|not found|NOT_FOUND/i;

class ChatGone extends Error {
  override name = 'ChatGone';
}

interface Target {
  say(something: string | FileBox): Promise<unknown>;
}

async function findTarget(bot: Wechaty, address: string): Promise<Target> {
  if (address.startsWith(ROOM_PREFIX)) {
    const topic = address.slice(ROOM_PREFIX.length);
    const room = await bot.Room.find({ topic });
    if (!room) throw new ChatGone(`no WeChat room with this topic`);
    return room;
  }
  try {
    // Ask the puppet first: Contact.find() hides why it found nothing, and only "unknown id" is gone.
    await bot.puppet.contactPayload(address);
  } catch (err) {
    if (GONE.test((err as Error).message ?? '')) throw new ChatGone('no WeChat contact with this id');
    throw err;
  }
  const contact = await bot.Contact.find({ id: address });
  if (!contact) throw new ChatGone('no WeChat contact with this id');
  return contact;
}

async function photoBox(media: MediaStore, photo: string): Promise<FileBox> {
  if (/^https:\/\//.test(photo)) return FileBox.fromUrl(photo);
  // Base64 rather than fromFile: every puppet (and the mock) can serialise it.
  const data = await media.read(photo);
  return FileBox.fromBase64(data.toString('base64'), basename(photo));
}

export interface SendDeps {
  bot: Wechaty;
  media: MediaStore;
  choices: NumberedChoices;
}

export async function sendWechat(deps: SendDeps, address: string, message: OutboundMessage): Promise<SendResult> {
  const { bot, media, choices } = deps;
  if (!bot.isLoggedIn) {
    return { status: 'retry', afterSeconds: LOGGED_OUT_RETRY_S, error: 'WeChat account is not logged in' };
  }
  try {
    const target = await findTarget(bot, address);
    if (message.kind === 'photo') await target.say(await photoBox(media, message.photo));
    const text = renderText(message);
    if (text) await target.say(text);
    // After delivery, so a list the resident never got is not answerable; no buttons: the earlier list stands.
    if (message.buttons) await choices.remember(address, message.buttons);
    return { status: 'delivered' };
  } catch (err) {
    if (err instanceof ChatGone) return { status: 'failed', gone: true, error: err.message };
    // Bad media paths and missing files never get better by waiting.
    if (err instanceof AppError) return { status: 'failed', error: err.message };
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') return { status: 'failed', error: 'photo file is missing from the media store' };
    // Puppet errors may quote the chat id, which is personal data: keep it out of the record.
    const detail = `${e.name}: ${e.message}`.split(address).join('[chat]');
    return { status: 'retry', afterSeconds: RETRY_AFTER_S, error: `WeChat send failed: ${detail}`.slice(0, 300) };
  }
}
