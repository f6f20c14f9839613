import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { textContent } from '../../../adapters/telegram/inbound.js';
import { makePng } from '../../helpers/test-image.js';
import { startHarness, type Harness } from './harness.js';
import { callbackUpdate, locationUpdate, messageUpdate, photoUpdate, textUpdate } from './updates.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness('webhook');
});
afterEach(async () => {
  await h.close();
});

async function deliver(update: Record<string, unknown>) {
  const res = await h.post({ update_id: h.api.nextUpdateId(), ...update });
  expect(res.statusCode).toBe(200);
  return h.received.at(-1);
}

describe('telegram updates become InboundMessage', () => {
  it('text in a private chat carries chat, user, update id and language', async () => {
    const update = { update_id: 4242, ...textUpdate('路口有一堆垃圾', { userId: 7001, lang: 'zh-hans' }) };
    expect((await h.post(update)).statusCode).toBe(200);
    expect(h.received).toHaveLength(1);
    const msg = h.received[0]!;
    expect(msg).toMatchObject({
      channel: 'telegram',
      chatId: '7001',
      chatType: 'private',
      userId: '7001',
      messageId: 'u4242',
      language: 'zh-hans',
      content: { kind: 'text', text: '路口有一堆垃圾' },
    });
    expect(Math.abs(msg.at - Date.now())).toBeLessThan(5_000);
  });

  it('commands split into name and arguments, with the bot name removed', async () => {
    expect((await deliver(textUpdate('/start')))?.content).toEqual({ kind: 'command', command: 'start', args: '' });
    expect((await deliver(textUpdate('/Status@weicheng_test_bot 20261129-0007')))?.content).toEqual({
      kind: 'command',
      command: 'status',
      args: '20261129-0007',
    });
    expect(textContent('/ not a command').kind).toBe('text');
    expect(textContent('1/2 的路灯坏了').kind).toBe('text');
  });

  it('group and supergroup messages are group chats with the group as chat and the sender as user', async () => {
    const msg = await deliver(textUpdate('收到', { chatId: -100123, userId: 8002 }));
    expect(msg).toMatchObject({ chatId: '-100123', chatType: 'group', userId: '8002' });
    const plain = await deliver(
      messageUpdate({ userId: 8003 }, { chat: { id: -555, type: 'group', title: 'Office' }, text: '好的' }),
    );
    expect(plain).toMatchObject({ chatId: '-555', chatType: 'group', userId: '8003' });
  });

  it('a photo fetches the largest size through getFile and the file server', async () => {
    const png = makePng(16, 12, 3);
    const file = h.api.addFile(png, 'photos/file_7.png');
    const msg = await deliver(photoUpdate(file.file_id, {}, '垃圾没人清'));
    expect(msg?.content.kind).toBe('photo');
    if (msg?.content.kind !== 'photo') return;
    expect(msg.content.caption).toBe('垃圾没人清');
    const got = await msg.content.fetch();
    expect(got.mime).toBe('image/png');
    expect(got.data.equals(png)).toBe(true);
    expect(h.api.callsTo('getFile').map((c) => c.params.file_id)).toEqual([file.file_id]);
  });

  it('a photo sent as a file is a photo; a JPEG path gives image/jpeg', async () => {
    const png = makePng(8, 8, 4);
    const file = h.api.addFile(png, 'documents/file_9.jpg');
    const msg = await deliver(
      messageUpdate({}, { document: { file_id: file.file_id, file_unique_id: 'd1', mime_type: 'image/png', file_name: 'x.png' } }),
    );
    if (msg?.content.kind !== 'photo') throw new Error(`expected a photo, got ${msg?.content.kind}`);
    expect((await msg.content.fetch()).mime).toBe('image/png');
    const jpeg = h.api.addFile(makePng(8, 8, 5), 'photos/file_10.jpg');
    const msg2 = await deliver(photoUpdate(jpeg.file_id));
    if (msg2?.content.kind !== 'photo') throw new Error('expected a photo');
    expect((await msg2.content.fetch()).mime).toBe('image/jpeg');
  });

  it('a photo that cannot be downloaded rejects its fetch without the token in the message', async () => {
    const msg = await deliver(photoUpdate('no-such-file'));
    if (msg?.content.kind !== 'photo') throw new Error('expected a photo');
    const err = await msg.content.fetch().then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(err).toBeInstanceOf(Error);
    expect(err!.message).not.toContain(h.api.token);
  });

  it('locations are WGS-84; a venue keeps its title', async () => {
    expect((await deliver(locationUpdate(39.9087, 116.3975)))?.content).toEqual({ kind: 'location', lat: 39.9087, lon: 116.3975, crs: 'wgs84' });
    const venue = await deliver(
      messageUpdate({}, {
        location: { latitude: 31.23, longitude: 121.47 },
        venue: { location: { latitude: 31.23, longitude: 121.47 }, title: '人民广场', address: '黄浦区' },
      }),
    );
    expect(venue?.content).toEqual({ kind: 'location', lat: 31.23, lon: 121.47, crs: 'wgs84', label: '人民广场' });
  });

  it('a button press becomes a button message and its callback query is answered', async () => {
    const update = { update_id: h.api.nextUpdateId(), ...callbackUpdate('cat:garbage', { userId: 7001 }, 'cq-77') };
    expect((await h.post(update)).statusCode).toBe(200);
    expect(h.received.at(-1)).toMatchObject({ chatId: '7001', userId: '7001', chatType: 'private', content: { kind: 'button', data: 'cat:garbage' } });
    const answers = h.api.callsTo('answerCallbackQuery');
    expect(answers.map((c) => [c.params.callback_query_id, c.outcome])).toEqual([['cq-77', 'ok']]);
  });

  it('a button press is answered even when the product fails on it', async () => {
    h.onMessage = async () => {
      throw new Error('database is down');
    };
    const res = await h.post({ update_id: h.api.nextUpdateId(), ...callbackUpdate('x', {}, 'cq-88') });
    expect(res.statusCode).toBe(503);
    expect(h.api.callsTo('answerCallbackQuery').map((c) => [c.params.callback_query_id, c.outcome])).toEqual([['cq-88', 'ok']]);
  });

  it('stickers, voice, audio, video, video notes and files are unsupported, by kind', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ sticker: { file_id: 's', file_unique_id: 's', type: 'regular', width: 1, height: 1, is_animated: false, is_video: false } }, 'sticker'],
      [{ voice: { file_id: 'v', file_unique_id: 'v', duration: 3 } }, 'voice'],
      [{ audio: { file_id: 'a', file_unique_id: 'a', duration: 3 } }, 'voice'],
      [{ video: { file_id: 'vi', file_unique_id: 'vi', width: 1, height: 1, duration: 3 } }, 'video'],
      [{ video_note: { file_id: 'vn', file_unique_id: 'vn', length: 1, duration: 3 } }, 'video'],
      [{ document: { file_id: 'd', file_unique_id: 'd', mime_type: 'application/pdf', file_name: 'a.pdf' } }, 'file'],
      [{ contact: { phone_number: '+10000000000', first_name: 'X' } }, 'other'],
    ];
    for (const [content, what] of cases) {
      expect((await deliver(messageUpdate({}, content)))?.content).toEqual({ kind: 'unsupported', what });
    }
  });

  it('service messages and other update kinds are dropped but acknowledged', async () => {
    const before = h.received.length;
    const joined = messageUpdate({ chatId: -100123 }, { new_chat_members: [{ id: 1, is_bot: false, first_name: 'N' }] });
    expect((await h.post({ update_id: h.api.nextUpdateId(), ...joined })).statusCode).toBe(200);
    const edited = { update_id: h.api.nextUpdateId(), edited_message: (textUpdate('改了') as { message: object }).message };
    expect((await h.post(edited)).statusCode).toBe(200);
    expect(h.received.length).toBe(before);
  });

  it('no language code gives no language', async () => {
    const update = textUpdate('hi');
    delete ((update.message as Record<string, unknown>).from as Record<string, unknown>).language_code;
    expect((await deliver(update))?.language).toBeUndefined();
  });
});
