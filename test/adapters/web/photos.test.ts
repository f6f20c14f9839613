import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { multipart, pngImage, webChatHarness, type WebChatHarness } from './helpers.js';

let h: WebChatHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function upload(harness: WebChatHarness, cookie: string | undefined, file: Parameters<typeof multipart>[0], clientId = randomUUID()) {
  const { body, contentType } = multipart(file);
  return harness.server.inject({
    method: 'POST',
    url: `/chat/api/photos?clientId=${clientId}`,
    headers: { 'content-type': contentType, ...(cookie ? { cookie } : {}) },
    payload: body,
  });
}

describe('POST /chat/api/photos', () => {
  it('hands the engine a photo message whose fetch() returns the uploaded bytes, and serves it back to its sender only', async () => {
    h = await webChatHarness();
    const cookie = await h.session();
    const png = pngImage(80, 60);
    const clientId = randomUUID();
    // Browsers on some phones label photos application/octet-stream: the bytes decide.
    const res = await upload(h, cookie, { name: '现场.png', type: 'application/octet-stream', data: png }, clientId);
    expect(res.statusCode).toBe(202);

    expect(h.received).toHaveLength(1);
    const m = h.received[0]!;
    expect(m.messageId).toBe(`web:${m.chatId}:${clientId}`);
    if (m.content.kind !== 'photo') throw new Error(`expected a photo, got ${m.content.kind}`);
    const fetched = await m.content.fetch();
    expect(fetched.mime).toBe('image/png');
    expect(fetched.data.equals(png)).toBe(true);

    const rows = (
      await h.server.inject({ method: 'GET', url: '/chat/api/messages', headers: { cookie } })
    ).json().messages as { payload: { kind: string; path: string; mime: string } }[];
    expect(rows).toHaveLength(1);
    const { path } = rows[0]!.payload;
    expect(rows[0]!.payload).toMatchObject({ kind: 'photo', mime: 'image/png' });
    expect(path).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{64}\.png$/);

    const mine = await h.server.inject({ method: 'GET', url: `/chat/media/${path}`, headers: { cookie } });
    expect(mine.statusCode).toBe(200);
    expect(mine.headers['content-type']).toBe('image/png');
    expect(mine.rawPayload.equals(png)).toBe(true);

    const stranger = await h.session();
    expect((await h.server.inject({ method: 'GET', url: `/chat/media/${path}`, headers: { cookie: stranger } })).statusCode).toBe(404);
    expect((await h.server.inject({ method: 'GET', url: `/chat/media/${path}` })).statusCode).toBe(401);
  });

  it('shows a photo the bot sent to the session', async () => {
    h = await webChatHarness();
    const cookie = await h.session();
    const path = await h.media.save(pngImage(20, 20), 'image/png');
    let chatId = '';
    h.onMessage = async (m) => {
      chatId = m.chatId;
    };
    await h.server.inject({ method: 'POST', url: '/chat/api/messages', headers: { cookie }, payload: { clientId: randomUUID(), text: '你好' } });
    expect((await h.web.adapter.send(chatId, { kind: 'photo', photo: path, caption: '处理后' })).status).toBe('delivered');
    const res = await h.server.inject({ method: 'GET', url: `/chat/media/${path}`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
  });

  it('records a retried upload once', async () => {
    h = await webChatHarness();
    const cookie = await h.session();
    const clientId = randomUUID();
    const file = { name: 'a.png', type: 'image/png', data: pngImage() };
    expect((await upload(h, cookie, file, clientId)).statusCode).toBe(202);
    expect((await upload(h, cookie, file, clientId)).statusCode).toBe(202);
    const rows = (await h.server.inject({ method: 'GET', url: '/chat/api/messages', headers: { cookie } })).json().messages;
    expect(rows).toHaveLength(1);
    expect(new Set(h.received.map((m) => m.messageId)).size).toBe(1);
  });

  it('refuses what is not an image with a 400 that says so', async () => {
    h = await webChatHarness();
    const cookie = await h.session();
    const res = await upload(h, cookie, { name: 'notes.txt', type: 'image/jpeg', data: Buffer.from('这不是图片，只是一段文字而已。') });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'INVALID_INPUT' });
    expect(res.json().error.message).toContain('is not an image');
    expect(h.received).toEqual([]);
  });

  it('refuses a photo over the size limit', async () => {
    h = await webChatHarness({ maxPhotoBytes: 2048 });
    const cookie = await h.session();
    const big = pngImage(400, 300);
    expect(big.length).toBeGreaterThan(2048);
    const res = await upload(h, cookie, { name: 'big.png', type: 'image/png', data: big });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/larger than/);
    expect(h.received).toEqual([]);
  });

  it('refuses a request that is not multipart, has no file, no clientId or no session', async () => {
    h = await webChatHarness();
    const cookie = await h.session();
    const json = await h.server.inject({
      method: 'POST',
      url: `/chat/api/photos?clientId=${randomUUID()}`,
      headers: { cookie },
      payload: { photo: 'base64...' },
    });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.message).toContain('multipart/form-data');

    const boundary = 'xyz';
    const noFile = await h.server.inject({
      method: 'POST',
      url: `/chat/api/photos?clientId=${randomUUID()}`,
      headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--${boundary}--\r\n`,
    });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().error.message).toContain('no file');

    const { body, contentType } = multipart({ name: 'a.png', type: 'image/png', data: pngImage() });
    const noId = await h.server.inject({ method: 'POST', url: '/chat/api/photos', headers: { cookie, 'content-type': contentType }, payload: body });
    expect(noId.statusCode).toBe(400);
    expect(noId.json().error.message).toContain('/clientId');

    expect((await upload(h, undefined, { name: 'a.png', type: 'image/png', data: pngImage() })).statusCode).toBe(401);
    expect(h.received).toEqual([]);
  });

  it('never serves a media path outside the media store form', async () => {
    h = await webChatHarness();
    const cookie = await h.session();
    for (const url of ['/chat/media/..%2F..%2Fetc%2Fpasswd', '/chat/media/ab/..%2F..%2Ftest.db', `/chat/media/ab/${'c'.repeat(64)}.png`, '/chat/media/']) {
      expect((await h.server.inject({ method: 'GET', url, headers: { cookie } })).statusCode, url).toBe(404);
    }
  });
});
