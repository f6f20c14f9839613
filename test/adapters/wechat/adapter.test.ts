import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { types } from 'wechaty';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWechatAdapter, type WechatAdapterOptions } from '../../../adapters/wechat/index.js';
import type { ChannelAdapter, ChoiceStore, InboundMessage, SentChoices } from '../../../src/channels/types.js';
import { createMediaStore, type MediaStore } from '../../../src/media/store.js';
import { createMockWechat, MOCK_FIXED_LOCATION, type MockWechat } from '../../helpers/mock-wechat.js';

/** A real 1x1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

let w: MockWechat;
let adapter: ChannelAdapter;
let media: MediaStore;
let dir: string;
let received: InboundMessage[];
let logLines: string[];

async function until<T>(get: () => T | undefined, what: string, timeoutMs = 5000): Promise<T> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const v = get();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const inbound = (messageId: string) => until(() => received.find((m) => m.messageId === messageId), `inbound ${messageId}`);

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'weicheng-wechat-'));
  media = createMediaStore({ dir });
  w = createMockWechat();
  received = [];
  logLines = [];
  const logger = pino({ level: 'info' }, { write: (s: string) => void logLines.push(s) });
  adapter = createWechatAdapter({ puppet: w.puppet, media, logger });
  const first = received;
  await adapter.start(async (m) => void first.push(m));
  await w.login();
});

/** Stops the adapter and starts a new one on the same WeChat account with other options (a restart). */
async function restartWith(options: Partial<WechatAdapterOptions>): Promise<void> {
  await adapter.stop();
  const logger = pino({ level: 'info' }, { write: (s: string) => void logLines.push(s) });
  adapter = createWechatAdapter({ puppet: w.puppet, media, logger, ...options });
  // The stopped adapter's wechaty may still hear the shared mock puppet: count only the new one's.
  const mine: InboundMessage[] = [];
  received = mine;
  await adapter.start(async (m) => void mine.push(m));
  await w.login();
}

afterEach(async () => {
  await adapter.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('WeChat adapter: inbound', () => {
  it('turns a private text into a resident text message', async () => {
    const [alice] = w.residents;
    const id = w.text(alice!, '小区门口垃圾堆了三天');
    const m = await inbound(id);
    expect(m).toMatchObject({
      channel: 'wechat',
      chatType: 'private',
      chatId: alice!.id,
      userId: alice!.id,
      messageId: id,
      content: { kind: 'text', text: '小区门口垃圾堆了三天' },
    });
    expect(m.at).toBeGreaterThan(0);
  });

  it('turns /status and /status with arguments into commands', async () => {
    const [alice] = w.residents;
    const a = await inbound(w.text(alice!, '/status'));
    const b = await inbound(w.text(alice!, '/STATUS  20261129-0007 '));
    expect(a.content).toEqual({ kind: 'command', command: 'status', args: '' });
    expect(b.content).toEqual({ kind: 'command', command: 'status', args: '20261129-0007' });
  });

  it('delivers an image as a photo whose bytes and type come from the message', async () => {
    const [alice] = w.residents;
    // A misleading name: the bytes decide the type.
    const m = await inbound(w.image(alice!, PNG, 'IMG_0001.jpg'));
    expect(m.content.kind).toBe('photo');
    if (m.content.kind !== 'photo') return;
    const got = await m.content.fetch();
    expect(got.mime).toBe('image/png');
    expect(got.data.equals(PNG)).toBe(true);
    const path = await media.save(got.data, got.mime);
    expect((await media.read(path)).equals(PNG)).toBe(true);
  });

  it('delivers a location as GCJ-02 with its place name', async () => {
    const [alice] = w.residents;
    const m = await inbound(w.location(alice!, { latitude: 28.6531, longitude: 116.9112, name: '文昌社区东门' }));
    expect(m.content).toEqual({ kind: 'location', lat: 28.6531, lon: 116.9112, crs: 'gcj02', label: '文昌社区东门' });
  });

  it("passes the mock's fixed location through unchanged", async () => {
    const [alice] = w.residents;
    const m = await inbound(w.location(alice!));
    expect(m.content).toMatchObject({ kind: 'location', lat: MOCK_FIXED_LOCATION.latitude, lon: MOCK_FIXED_LOCATION.longitude, crs: 'gcj02' });
  });

  it('falls back to the address text when the puppet cannot read a location (web WeChat)', async () => {
    const [alice] = w.residents;
    const typed = await inbound(w.unreadableLocation(alice!, '青禾县文昌社区东门:\n/cgi-bin/mmwebwx-bin/webwxgetpubliclinkimg?url=xxx&pictype=location'));
    expect(typed.content).toEqual({ kind: 'text', text: '青禾县文昌社区东门' });
    const pinned = await inbound(w.unreadableLocation(alice!, '文昌社区:\nhttp://apis.map.qq.com/uri/v1/geocoder?coord=28.6531,116.9112'));
    expect(pinned.content).toEqual({ kind: 'location', lat: 28.6531, lon: 116.9112, crs: 'gcj02', label: '文昌社区' });
    const nothing = await inbound(w.unreadableLocation(alice!, ''));
    expect(nothing.content).toEqual({ kind: 'unsupported', what: 'other' });
  });

  it('marks voice, video, files, stickers and links as unsupported', async () => {
    const [alice] = w.residents;
    const cases: Array<[types.Message, string]> = [
      [types.Message.Audio, 'voice'],
      [types.Message.Video, 'video'],
      [types.Message.Attachment, 'file'],
      [types.Message.Emoticon, 'sticker'],
      [types.Message.Url, 'other'],
    ];
    for (const [type, what] of cases) {
      const m = await inbound(w.other(alice!, type));
      expect(m.content).toEqual({ kind: 'unsupported', what });
    }
  });

  it('sets chatType group and chatId room:<topic> for room messages', async () => {
    const [alice] = w.residents;
    const m = await inbound(w.text(alice!, '接单 20261129-0007', true));
    expect(m).toMatchObject({ chatType: 'group', chatId: `room:${w.roomTopic}`, userId: alice!.id });
  });

  it('ignores messages the bot account itself sent', async () => {
    const [alice] = w.residents;
    expect(await adapter.send(alice!.id, { kind: 'text', text: '您好' })).toEqual({ status: 'delivered' });
    await w.waitForSent(alice!, 1);
    // A message from the bot's own account on another device, then a marker from the resident.
    w.text(w.bot, '机器人自己说的话');
    const marker = w.text(alice!, 'marker');
    await inbound(marker);
    expect(received.map((m) => m.content)).toEqual([{ kind: 'text', text: 'marker' }]);
  });
});

describe('WeChat adapter: numbered replies', () => {
  const rate = {
    kind: 'text' as const,
    text: '请对处理结果评价：',
    buttons: [
      [
        { label: '满意', data: 'rate:good' },
        { label: '基本满意', data: 'rate:ok' },
      ],
      [{ label: '不满意', data: 'rate:bad' }],
    ],
  };

  it('renders buttons as a numbered list and maps a number back to the button', async () => {
    const [alice, bob] = w.residents;
    expect(await adapter.send(alice!.id, rate)).toEqual({ status: 'delivered' });
    const [shown] = await w.waitForSent(alice!, 1);
    expect(shown).toEqual({ kind: 'text', text: '请对处理结果评价：\n\n回复数字选择：\n1. 满意\n2. 基本满意\n3. 不满意' });

    expect((await inbound(w.text(alice!, '1'))).content).toEqual({ kind: 'button', data: 'rate:good' });
    expect((await inbound(w.text(alice!, '２'))).content).toEqual({ kind: 'button', data: 'rate:ok' });
    expect((await inbound(w.text(alice!, ' 3. '))).content).toEqual({ kind: 'button', data: 'rate:bad' });
    // Out of range, or a chat that got no list: plain text.
    expect((await inbound(w.text(alice!, '4'))).content).toEqual({ kind: 'text', text: '4' });
    expect((await inbound(w.text(bob!, '1'))).content).toEqual({ kind: 'text', text: '1' });
  });

  it('a newer list replaces the older one', async () => {
    const [alice] = w.residents;
    await adapter.send(alice!.id, rate);
    await adapter.send(alice!.id, { kind: 'text', text: 'Confirm?', buttons: [[{ label: 'Yes', data: 'confirm:yes' }]] });
    const sent = await w.waitForSent(alice!, 2);
    expect(sent[1]).toEqual({ kind: 'text', text: 'Confirm?\n\nReply with a number:\n1. Yes' });
    expect((await inbound(w.text(alice!, '1'))).content).toEqual({ kind: 'button', data: 'confirm:yes' });
    expect((await inbound(w.text(alice!, '3'))).content).toEqual({ kind: 'text', text: '3' });
  });

  it('a message without buttons in between leaves the list answerable', async () => {
    const [alice] = w.residents;
    await adapter.send(alice!.id, rate);
    await adapter.send(alice!.id, { kind: 'text', text: '本周六上午全城大扫除，欢迎参加。' });
    await w.waitForSent(alice!, 2);
    expect((await inbound(w.text(alice!, '3'))).content).toEqual({ kind: 'button', data: 'rate:bad' });
  });

  it('keeps the lists in the choice store it is given: a new adapter on the same store answers from them', async () => {
    const [alice] = w.residents;
    const rows = new Map<string, SentChoices>();
    const store: ChoiceStore = {
      put: async (channel, chatId, list) => void rows.set(`${channel}|${chatId}`, list),
      get: async (channel, chatId) => rows.get(`${channel}|${chatId}`),
    };
    await restartWith({ choiceStore: store });
    await adapter.send(alice!.id, rate);
    expect([...rows.keys()]).toEqual([`wechat|${alice!.id}`]);
    await restartWith({ choiceStore: store });
    expect((await inbound(w.text(alice!, '3'))).content).toEqual({ kind: 'button', data: 'rate:bad' });
  });

  it('a failing choice store loses no message: the send is delivered, the number arrives as text, the log names no chat', async () => {
    const [alice] = w.residents;
    const failing: ChoiceStore = {
      put: async (_c, chatId) => {
        throw new Error(`database is locked (${chatId})`);
      },
      get: async (_c, chatId) => {
        throw new Error(`database is locked (${chatId})`);
      },
    };
    await restartWith({ choiceStore: failing });
    expect(await adapter.send(alice!.id, rate)).toEqual({ status: 'delivered' });
    expect((await inbound(w.text(alice!, '（3）'))).content).toEqual({ kind: 'text', text: '（3）' });
    const warnings = logLines.filter((l) => l.includes('numbered list'));
    expect(warnings).toHaveLength(2);
    for (const secret of [alice!.id, '（3）', 'database is locked']) expect(warnings.join('\n')).not.toContain(secret);
  });

  it('adds a hint on how to send a location when one is requested', async () => {
    const [alice] = w.residents;
    await adapter.send(alice!.id, { kind: 'text', text: '请发送问题所在的位置', requestLocation: true, buttons: [[{ label: '跳过', data: 'loc:skip' }]] });
    const [shown] = await w.waitForSent(alice!, 1);
    expect(shown?.kind === 'text' && shown.text).toMatch(/^请发送问题所在的位置\n\n回复数字选择：\n1\. 跳过\n\n发送位置：.*“位置”/);
  });
});

describe('WeChat adapter: sending', () => {
  it('sends a stored photo with its caption', async () => {
    const [alice] = w.residents;
    const path = await media.save(PNG, 'image/png');
    expect(await adapter.send(alice!.id, { kind: 'photo', photo: path, caption: '现场照片' })).toEqual({ status: 'delivered' });
    const sent = await w.waitForSent(alice!, 2);
    expect(sent[0]?.kind).toBe('file');
    expect(sent[0]?.kind === 'file' && sent[0].data.equals(PNG)).toBe(true);
    expect(sent[1]).toEqual({ kind: 'text', text: '现场照片' });
  });

  it('fails for good on a photo path outside the media directory', async () => {
    const [alice] = w.residents;
    const r = await adapter.send(alice!.id, { kind: 'photo', photo: '../../etc/passwd' });
    expect(r.status).toBe('failed');
  });

  it('sends to a room by its topic', async () => {
    expect(await adapter.send(`room:${w.roomTopic}`, { kind: 'text', text: '【新工单】20261129-0007' })).toEqual({ status: 'delivered' });
    expect(await w.waitForSent(w.room, 1)).toEqual([{ kind: 'text', text: '【新工单】20261129-0007' }]);
  });

  it('reports an unknown room or contact as gone', async () => {
    expect(await adapter.send('room:没有这个群', { kind: 'text', text: 'x' })).toMatchObject({ status: 'failed', gone: true });
    expect(await adapter.send('no-such-contact-id', { kind: 'text', text: 'x' })).toMatchObject({ status: 'failed', gone: true });
  });

  it('asks to retry while the account is logged out', async () => {
    const [alice] = w.residents;
    await w.puppet.logout();
    const r = await adapter.send(alice!.id, { kind: 'text', text: 'x' });
    expect(r).toMatchObject({ status: 'retry', afterSeconds: 60 });
  });
});

describe('WeChat adapter: logs', () => {
  it('logs the QR login URL and a generic login line, never names or ids', async () => {
    w.mocker.scan('qr-value-123');
    await until(() => logLines.find((l) => l.includes('qrcodeUrl')), 'the scan log line');
    const all = logLines.join('\n');
    expect(all).toContain('https://wechaty.js.org/qrcode/qr-value-123');
    expect(all).toContain('WeChat: logged in');
    const [alice] = w.residents;
    w.text(alice!, 'hello');
    await until(() => received[0], 'a message');
    for (const secret of [w.bot.payload.name, alice!.payload.name, alice!.id, w.bot.id]) {
      expect(all).not.toContain(secret);
    }
  });
});

describe('WeChat adapter: puppet option', () => {
  it('loads a puppet by package name', async () => {
    const byName = createWechatAdapter({ puppet: 'wechaty-puppet-mock', media, logger: pino({ level: 'silent' }) });
    await byName.start(async () => {});
    // Started but nobody logged in: replies wait in the outbox.
    expect(await byName.send('someone', { kind: 'text', text: 'x' })).toMatchObject({ status: 'retry', afterSeconds: 60 });
    await byName.stop();
  });

  it('rejects anything that is neither a name nor a puppet', () => {
    for (const puppet of [undefined, '', 42, {}]) {
      expect(() => createWechatAdapter({ puppet, media, logger: pino({ level: 'silent' }) })).toThrow(/WECHATY_PUPPET/);
    }
  });
});
