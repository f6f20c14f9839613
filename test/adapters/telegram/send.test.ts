import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makePng } from '../../helpers/test-image.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness('webhook');
});
afterEach(async () => {
  await h.close();
});

const send = (address: string, message: Parameters<Harness['tg']['adapter']['send']>[1]) => h.tg.adapter.send(address, message);

describe('telegram send', () => {
  it('sends text and reports the platform message id', async () => {
    const result = await send('7001', { kind: 'text', text: '您好' });
    expect(result.status).toBe('delivered');
    const [m] = h.api.sentTo(7001);
    expect(m?.text).toBe('您好');
    expect(result).toEqual({ status: 'delivered', platformMessageId: String(m!.message_id) });
    // A plain answer in a private chat closes a location keyboard left open.
    expect(m?.reply_markup).toEqual({ remove_keyboard: true });
  });

  it('splits text over 4096 characters on line breaks, buttons on the last part', async () => {
    const line = '这是一行很长的说明文字。'.repeat(20); // 240 chars
    const text = Array.from({ length: 40 }, (_, i) => `${i} ${line}`).join('\n');
    const result = await send('7001', { kind: 'text', text, buttons: [[{ label: '好', data: 'ok' }]] });
    expect(result.status).toBe('delivered');
    const parts = h.api.sentTo(7001);
    expect(parts.length).toBeGreaterThan(2);
    for (const p of parts) expect(p.text!.length).toBeLessThanOrEqual(4096);
    expect(parts.map((p) => p.text).join('\n')).toBe(text);
    expect(parts.slice(0, -1).every((p) => p.reply_markup === undefined)).toBe(true);
    expect(parts.at(-1)?.reply_markup).toEqual({ inline_keyboard: [[{ text: '好', callback_data: 'ok' }]] });
  });

  it('buttons become an inline keyboard with callback data', async () => {
    await send('7001', {
      kind: 'text',
      text: '请选择类别',
      buttons: [[{ label: '垃圾', data: 'cat:garbage' }, { label: '噪音', data: 'cat:noise' }], [{ label: '取消', data: 'cancel' }]],
    });
    expect(h.api.sentTo(7001)[0]?.reply_markup).toEqual({
      inline_keyboard: [
        [{ text: '垃圾', callback_data: 'cat:garbage' }, { text: '噪音', callback_data: 'cat:noise' }],
        [{ text: '取消', callback_data: 'cancel' }],
      ],
    });
  });

  it('a location request is a one-time reply keyboard with request_location in private chats', async () => {
    await send('7001', { kind: 'text', text: '请发送位置', requestLocation: true });
    const markup = h.api.sentTo(7001)[0]?.reply_markup as { keyboard: { text: string; request_location?: boolean }[][]; one_time_keyboard?: boolean };
    expect(markup.keyboard[0]?.[0]?.request_location).toBe(true);
    expect(markup.keyboard[0]?.[0]?.text).toMatch(/位置/);
    expect(markup.one_time_keyboard).toBe(true);
  });

  it('a location request with buttons sends the buttons and then the location keyboard', async () => {
    await send('7001', { kind: 'text', text: 'Where is it?', requestLocation: true, buttons: [[{ label: 'Skip', data: 'skip' }]] });
    const [first, second] = h.api.sentTo(7001);
    expect(first?.reply_markup).toEqual({ inline_keyboard: [[{ text: 'Skip', callback_data: 'skip' }]] });
    const kb = second?.reply_markup as { keyboard: { text: string; request_location?: boolean }[][] };
    expect(kb.keyboard[0]?.[0]).toMatchObject({ request_location: true, text: expect.stringMatching(/location/i) });
  });

  it('never asks for a location in a group chat', async () => {
    const result = await send('-100123', { kind: 'text', text: '请发送位置', requestLocation: true });
    expect(result.status).toBe('delivered');
    expect(h.api.sentTo(-100123)[0]?.reply_markup).toBeUndefined();
  });

  it('markdown goes out as plain text', async () => {
    await send('7001', { kind: 'text', text: '## 工单\n**20261129-0007** 已受理', format: 'markdown' });
    expect(h.api.sentTo(7001)[0]?.text).toBe('工单\n20261129-0007 已受理');
  });

  it('uploads a photo from the media store as multipart, with caption and buttons', async () => {
    const png = makePng(16, 12, 9);
    const path = await h.media.save(png, 'image/png');
    const result = await send('7001', { kind: 'photo', photo: path, caption: '现场照片', buttons: [[{ label: '好', data: 'ok' }]] });
    expect(result.status).toBe('delivered');
    const [call] = h.api.callsTo('sendPhoto');
    expect(call?.files.photo?.data.equals(png)).toBe(true);
    expect(call?.params.caption).toBe('现场照片');
    expect(call?.params.chat_id).toBe(7001);
    expect(call?.params.reply_markup).toEqual({ inline_keyboard: [[{ text: '好', callback_data: 'ok' }]] });
  });

  it('passes an https photo URL through; a missing media file fails for good', async () => {
    expect((await send('7001', { kind: 'photo', photo: 'https://example.org/a.jpg' })).status).toBe('delivered');
    expect(h.api.callsTo('sendPhoto')[0]?.params.photo).toBe('https://example.org/a.jpg');
    const missing = await send('7001', { kind: 'photo', photo: 'ab/nope.png' });
    expect(missing).toMatchObject({ status: 'failed' });
    expect((missing as { gone?: boolean }).gone).toBeUndefined();
  });

  it('a caption over 1024 characters follows the photo as text', async () => {
    const path = await h.media.save(makePng(4, 4, 2), 'image/png');
    const caption = '说明'.repeat(600);
    expect((await send('7001', { kind: 'photo', photo: path, caption })).status).toBe('delivered');
    const [photo, text] = h.api.sentTo(7001);
    expect(photo?.method).toBe('sendPhoto');
    expect(photo?.caption).toBeUndefined();
    expect(text?.text).toBe(caption);
  });

  it('429 becomes retry with retry_after', async () => {
    h.api.rateLimit({ times: 1, retryAfter: 17 });
    const result = await send('7001', { kind: 'text', text: '您好' });
    expect(result).toMatchObject({ status: 'retry', afterSeconds: 17 });
    expect((await send('7001', { kind: 'text', text: '您好' })).status).toBe('delivered');
  });

  it('a user who blocked the bot, or an unknown chat, is gone', async () => {
    h.api.block(7002);
    h.api.forgetChat(7003);
    expect(await send('7002', { kind: 'text', text: 'x' })).toMatchObject({ status: 'failed', gone: true, error: expect.stringContaining('403') });
    expect(await send('7003', { kind: 'text', text: 'x' })).toMatchObject({ status: 'failed', gone: true, error: expect.stringContaining('chat not found') });
  });

  it('5xx and network failures are retried; other 4xx fail for good', async () => {
    h.api.failNext({ times: 1, status: 502 });
    expect(await send('7001', { kind: 'text', text: 'x' })).toMatchObject({ status: 'retry' });
    expect(await send('7001', { kind: 'text', text: '   ' })).toMatchObject({ status: 'failed' });
    const tooLong = await send('7001', { kind: 'text', text: 'x', buttons: [[{ label: 'a', data: 'd'.repeat(65) }]] });
    expect(tooLong).toMatchObject({ status: 'failed', error: expect.stringContaining('65 bytes') });
    expect(h.api.callsTo('sendMessage').filter((c) => c.outcome === 'ok')).toHaveLength(0);
    await h.api.close();
    const offline = await send('7001', { kind: 'text', text: 'x' });
    expect(offline.status).toBe('retry');
    if (offline.status === 'retry') expect(offline.error).not.toContain(h.api.token);
  });
});
