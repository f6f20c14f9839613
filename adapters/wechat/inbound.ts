/**
 * A wechaty message -> InboundMessage. Private chats are residents (chatId = userId = the
 * contact's id); room messages are group messages addressed as `room:<topic>`, the same form
 * the city pack uses for offices' rooms.
 */
import { types, type Message, type payloads } from 'wechaty';
import type { InboundContent, InboundMessage } from '../../src/channels/types.js';
import type { NumberedChoices } from './choices.js';
import { imageMime } from './image.js';

export const ROOM_PREFIX = 'room:';

const UNSUPPORTED: Partial<Record<types.Message, Extract<InboundContent, { kind: 'unsupported' }>['what']>> = {
  [types.Message.Audio]: 'voice',
  [types.Message.Video]: 'video',
  [types.Message.Attachment]: 'file',
  [types.Message.Emoticon]: 'sticker',
};

/** "/status 20261129-0007" -> a command, like Telegram's bot commands. */
export function parseCommand(text: string): { command: string; args: string } | undefined {
  const m = /^[/／]([A-Za-z][A-Za-z0-9_]{0,31})(?:@\S+)?(?:\s+([\s\S]*))?$/.exec(text.trim());
  if (!m) return undefined;
  return { command: (m[1] ?? '').toLowerCase(), args: (m[2] ?? '').trim() };
}

export async function textContent(chatId: string, text: string, choices: NumberedChoices): Promise<InboundContent> {
  const button = await choices.resolve(chatId, text);
  if (button !== undefined) return { kind: 'button', data: button };
  const command = parseCommand(text);
  if (command) return { kind: 'command', ...command };
  return { kind: 'text', text };
}

/**
 * Web WeChat (wechat4u) cannot read a location's coordinates; its message text is the place's
 * address followed by a map link. The address still helps the resident as a typed address, and a
 * map link with `coord=lat,lon` (some clients send one) gives the point itself.
 */
function locationFromText(text: string): InboundContent | undefined {
  const coord = /coord=(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)/.exec(text);
  const label = text.split(/:\s*\n/)[0]?.trim();
  if (coord) {
    return { kind: 'location', lat: Number(coord[1]), lon: Number(coord[2]), crs: 'gcj02', ...(label ? { label } : {}) };
  }
  if (label && !label.startsWith('/') && !/^https?:/.test(label)) return { kind: 'text', text: label };
  return undefined;
}

async function locationContent(message: Message, deps: InboundDeps): Promise<InboundContent> {
  try {
    const loc = await deps.locationOf(message.id);
    const { latitude: lat, longitude: lon } = loc;
    if (Number.isFinite(lat) && Number.isFinite(lon)) {
      const label = loc.name || loc.address;
      return { kind: 'location', lat, lon, crs: 'gcj02', ...(label ? { label } : {}) };
    }
  } catch {
    // The puppet cannot read locations (wechat4u); fall back to the message text below.
  }
  return locationFromText(message.text()) ?? { kind: 'unsupported', what: 'other' };
}

export interface InboundDeps {
  choices: NumberedChoices;
  /**
   * The puppet's location payload for a message. wechaty 1.20.2's `message.toLocation()` always
   * throws ("WUC can not be instantiated directly"), so the adapter asks the puppet itself.
   */
  locationOf: (messageId: string) => Promise<payloads.Location>;
}

/** The InboundMessage for a wechaty message, or undefined for messages the bot itself sent. */
export async function toInbound(message: Message, deps: InboundDeps): Promise<InboundMessage | undefined> {
  if (message.self()) return undefined;
  const talker = message.talker();
  const room = message.room();
  const chatId = room ? `${ROOM_PREFIX}${await room.topic()}` : talker.id;
  const type = message.type();
  let content: InboundContent;
  if (type === types.Message.Text) {
    content = await textContent(chatId, message.text(), deps.choices);
  } else if (type === types.Message.Image) {
    content = {
      kind: 'photo',
      fetch: async () => {
        const box = await message.toFileBox();
        const data = await box.toBuffer();
        return { data, mime: imageMime(data, box.name, box.mediaType) };
      },
    };
  } else if (type === types.Message.Location) {
    content = await locationContent(message, deps);
  } else {
    content = { kind: 'unsupported', what: UNSUPPORTED[type] ?? 'other' };
  }
  return {
    channel: 'wechat',
    chatId,
    chatType: room ? 'group' : 'private',
    userId: talker.id,
    messageId: message.id,
    at: message.date().getTime(),
    content,
  };
}
