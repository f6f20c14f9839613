/**
 * A fake WeChat for tests: wechaty-puppet-mock with a bot account, resident contacts and an office
 * room, plus what the mock lacks: residents sending images and locations of their choosing, and a
 * record of everything the bot sent to each chat.
 *
 * The mock answers every `messageLocation()` with one fixed place in Beijing; `LocatingPuppetMock`
 * lets a test send any point (as WeChat would), or a location the puppet cannot read (as
 * wechat4u, whose location messages carry only an address text), and falls back to the fixed
 * place otherwise.
 */
import { randomUUID } from 'node:crypto';
import type { EventEmitter } from 'node:events';
import { FileBox } from 'file-box';
import { types, type payloads } from 'wechaty';
import { PuppetMock, mock } from 'wechaty-puppet-mock';

export type SentToChat = { kind: 'text'; text: string } | { kind: 'file'; name: string; data: Buffer };

class LocatingPuppetMock extends PuppetMock {
  readonly locations = new Map<string, payloads.Location>();
  readonly unreadable = new Set<string>();

  override async messageLocation(messageId: string): Promise<payloads.Location> {
    if (this.unreadable.has(messageId)) throw new Error('Wechaty Puppet Unsupported API Error.');
    return this.locations.get(messageId) ?? super.messageLocation(messageId);
  }
}

/** The mock's fixed answer to toLocation() (GCJ-02, Beijing), for tests that rely on it. */
export const MOCK_FIXED_LOCATION = { latitude: 39.995120999999997, longitude: 116.334154 } as const;

export interface MockWechat {
  mocker: mock.Mocker;
  puppet: PuppetMock;
  bot: mock.ContactMock;
  residents: mock.ContactMock[];
  room: mock.RoomMock;
  roomTopic: string;
  /** Logs the bot account in; call after the adapter (or product) started the wechaty bot. */
  login(): Promise<void>;
  /** A resident (or room member) sends text to the bot, or to the room. */
  text(from: mock.ContactMock, text: string, inRoom?: boolean): string;
  image(from: mock.ContactMock, data: Buffer, name?: string): string;
  /** A location message; without a point the mock's fixed place is used. Returns the message id. */
  location(from: mock.ContactMock, point?: { latitude: number; longitude: number; name?: string; address?: string }): string;
  /** A location the puppet cannot read, whose text is what web WeChat shows (address + map link). */
  unreadableLocation(from: mock.ContactMock, text: string): string;
  /** A message of another kind (voice, video ...), as the platform would deliver it. */
  other(from: mock.ContactMock, type: types.Message): string;
  /** Everything the bot sent to this contact (or the room), in order. */
  sentTo(chat: mock.ContactMock | mock.RoomMock): SentToChat[];
  /** Waits until the bot has sent at least `count` messages to the chat; returns them all. */
  waitForSent(chat: mock.ContactMock | mock.RoomMock, count: number, timeoutMs?: number): Promise<SentToChat[]>;
}

export interface MockWechatOptions {
  residents?: number;
  roomTopic?: string;
}

export function createMockWechat(options: MockWechatOptions = {}): MockWechat {
  const mocker = new mock.Mocker();
  const puppet = new LocatingPuppetMock({ mocker });
  const bot = mocker.createContact({ name: '卫城小助手' });
  const residents = mocker.createContacts(options.residents ?? 2);
  const roomTopic = options.roomTopic ?? '环卫所派单群';
  const room = mocker.createRoom({ topic: roomTopic, memberIdList: [bot.id, ...residents.map((r) => r.id)] });
  const sent = new Map<string, SentToChat[]>();

  const record = (chatId: string) => (msg: mock.MessageMock) => {
    if (msg.payload.talkerId !== bot.id) return;
    const list = sent.get(chatId) ?? [];
    const file = mocker.cacheFileBoxPayload.get(msg.id);
    if (file && 'base64' in file) {
      list.push({ kind: 'file', name: file.name, data: Buffer.from(file.base64, 'base64') });
    } else {
      list.push({ kind: 'text', text: msg.payload.text ?? '' });
    }
    sent.set(chatId, list);
  };
  // The mock's contacts and rooms are EventEmitters at runtime; its typings lose that.
  const emitterOf = (x: unknown) => x as EventEmitter;
  for (const r of residents) emitterOf(r).on('message', record(r.id));
  emitterOf(room).on('message', record(room.id));

  const emit = (from: mock.ContactMock, type: types.Message, extra: Partial<payloads.Message> = {}): string => {
    const id = randomUUID();
    const payload = { id, talkerId: from.id, listenerId: bot.id, timestamp: Date.now(), type, text: '', ...extra };
    mocker.MessageMock.create(payload as payloads.Message);
    puppet.emit('message', { messageId: id });
    return id;
  };

  const sentTo = (chat: mock.ContactMock | mock.RoomMock) => [...(sent.get(chat.id) ?? [])];

  return {
    mocker,
    puppet,
    bot,
    residents,
    room,
    roomTopic,
    async login() {
      mocker.login(bot);
      // The mock never reports ready; wechaty's ready() waits for it.
      puppet.emit('ready', { data: 'ready' });
      await new Promise((r) => setTimeout(r, 20));
    },
    text(from, text, inRoom = false) {
      if (inRoom) return emit(from, types.Message.Text, { text, listenerId: undefined, roomId: room.id, mentionIdList: [] });
      return emit(from, types.Message.Text, { text });
    },
    image(from, data, name = 'photo.jpg') {
      // The same path the mock takes for contact.say(fileBox): the file is cached by message id.
      const id = randomUUID();
      mocker.cacheFileBoxPayload.set(id, FileBox.fromBase64(data.toString('base64'), name).toJSON());
      mocker.MessageMock.create({ id, talkerId: from.id, listenerId: bot.id, timestamp: Date.now(), type: types.Message.Image } as payloads.Message);
      puppet.emit('message', { messageId: id });
      return id;
    },
    location(from, point) {
      const id = randomUUID();
      if (point) {
        puppet.locations.set(id, { accuracy: 15, address: point.address ?? '', name: point.name ?? '', latitude: point.latitude, longitude: point.longitude });
      }
      mocker.MessageMock.create({ id, talkerId: from.id, listenerId: bot.id, timestamp: Date.now(), type: types.Message.Location, text: '' } as payloads.Message);
      puppet.emit('message', { messageId: id });
      return id;
    },
    unreadableLocation(from, text) {
      const id = randomUUID();
      puppet.unreadable.add(id);
      mocker.MessageMock.create({ id, talkerId: from.id, listenerId: bot.id, timestamp: Date.now(), type: types.Message.Location, text } as payloads.Message);
      puppet.emit('message', { messageId: id });
      return id;
    },
    other(from, type) {
      return emit(from, type);
    },
    sentTo,
    async waitForSent(chat, count, timeoutMs = 5000) {
      const until = Date.now() + timeoutMs;
      while (Date.now() < until) {
        const list = sentTo(chat);
        if (list.length >= count) return list;
        await new Promise((r) => setTimeout(r, 10));
      }
      throw new Error(`the bot sent ${sentTo(chat).length} messages to the chat, expected ${count} within ${timeoutMs} ms`);
    },
  };
}
