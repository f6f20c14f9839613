import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { webChatHarness, type WebChatHarness } from './helpers.js';

let h: WebChatHarness;
beforeEach(async () => {
  h = await webChatHarness();
});
afterEach(async () => {
  await h.close();
});

const post = (cookie: string | undefined, payload: unknown, lang?: string) =>
  h.server.inject({
    method: 'POST',
    url: '/chat/api/messages',
    headers: { ...(cookie ? { cookie } : {}), ...(lang ? { 'accept-language': lang } : {}) },
    payload: payload as object,
  });

const history = async (cookie: string, after = 0) => {
  const res = await h.server.inject({ method: 'GET', url: `/chat/api/messages?after=${after}`, headers: { cookie } });
  expect(res.statusCode).toBe(200);
  return res.json() as { messages: { id: number; direction: 'in' | 'out'; at: number; payload: Record<string, unknown> }[]; more: boolean };
};

describe('the /chat page and its identity cookie', () => {
  it('serves a UTF-8 Chinese page titled with the city and sets a random httpOnly, SameSite=Lax cookie', async () => {
    const res = await h.server.inject({ method: 'GET', url: '/chat' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('<title>青禾县 · 市民诉求在线反映</title>');
    expect(res.body).toContain('lang="zh-CN"');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    const cookie = res.cookies.find((c) => c.name === 'wc_sid');
    expect(cookie?.value).toMatch(/^[0-9a-f]{32}$/);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/chat' });

    const second = await h.server.inject({ method: 'GET', url: '/chat' });
    expect(second.cookies.find((c) => c.name === 'wc_sid')?.value).not.toBe(cookie?.value);
  });

  it('keeps an existing session: a page reload sets no new cookie', async () => {
    const cookie = await h.session();
    const res = await h.server.inject({ method: 'GET', url: '/chat', headers: { cookie } });
    expect(res.cookies.find((c) => c.name === 'wc_sid')).toBeUndefined();
  });

  it('serves the page assets it references and 404s anything else', async () => {
    const page = await h.server.inject({ method: 'GET', url: '/chat' });
    const refs = [...page.body.matchAll(/(?:src|href)="(\/chat\/static\/[^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThanOrEqual(2);
    for (const url of refs) {
      const res = await h.server.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/charset=utf-8/);
    }
    for (const url of ['/chat/static/..%2Fpage.ts', '/chat/static/index.ts', '/chat/nothing', '/chat/media/../../etc/passwd']) {
      expect((await h.server.inject({ method: 'GET', url })).statusCode, url).toBe(404);
    }
  });
});

describe('POST /chat/api/messages', () => {
  it('hands the engine a web InboundMessage from the session and answers 202', async () => {
    const cookie = await h.session();
    const clientId = randomUUID();
    const res = await post(cookie, { clientId, text: '小区门口垃圾堆了三天没人清理' }, 'zh-CN,zh;q=0.9,en;q=0.8');
    expect(res.statusCode).toBe(202);
    expect(h.received).toHaveLength(1);
    const m = h.received[0]!;
    expect(m).toMatchObject({
      channel: 'web',
      chatType: 'private',
      language: 'zh-CN',
      content: { kind: 'text', text: '小区门口垃圾堆了三天没人清理' },
    });
    expect(m.chatId).toMatch(/^[0-9a-f]{32}$/);
    expect(m.userId).toBe(m.chatId);
    expect(m.messageId).toBe(`web:${m.chatId}:${clientId}`);
    // The cookie is a credential: the id the rest of the system keeps is derived from it, not it.
    expect(cookie).not.toContain(m.chatId);
  });

  it('turns buttons, locations and typed commands into their own kinds', async () => {
    const cookie = await h.session();
    expect((await post(cookie, { clientId: randomUUID(), button: 'report:confirm', label: '确认提交' }, 'en-US,en;q=0.9')).statusCode).toBe(202);
    expect((await post(cookie, { clientId: randomUUID(), location: { lat: 31.2304, lon: 121.4737 } })).statusCode).toBe(202);
    expect((await post(cookie, { clientId: randomUUID(), text: '/status 20261129-0007' })).statusCode).toBe(202);
    expect(h.received.map((m) => m.content)).toEqual([
      { kind: 'button', data: 'report:confirm' },
      { kind: 'location', lat: 31.2304, lon: 121.4737, crs: 'wgs84' },
      { kind: 'command', command: 'status', args: '20261129-0007' },
    ]);
    expect(h.received[0]!.language).toBe('en-US');
    const rows = (await history(cookie)).messages;
    expect(rows.map((r) => r.payload.kind)).toEqual(['button', 'location', 'command']);
    expect(rows[0]!.payload.label).toBe('确认提交');
  });

  it('round trip: a reply sent to the session shows up in its history, and only there', async () => {
    const cookie = await h.session();
    const other = await h.session();
    h.onMessage = async (m) => {
      const r = await h.web.adapter.send(m.chatId, {
        kind: 'text',
        text: '请选择问题类别',
        buttons: [[{ label: '垃圾堆放', data: 'cat:garbage' }]],
        requestLocation: true,
      });
      expect(r.status).toBe('delivered');
    };
    await post(cookie, { clientId: randomUUID(), text: '这里有垃圾' });
    const { messages } = await history(cookie);
    expect(messages.map((m) => m.direction)).toEqual(['in', 'out']);
    expect(messages[1]!.payload).toEqual({
      kind: 'text',
      text: '请选择问题类别',
      buttons: [[{ label: '垃圾堆放', data: 'cat:garbage' }]],
      requestLocation: true,
    });
    expect((await history(cookie, messages[0]!.id)).messages.map((m) => m.id)).toEqual([messages[1]!.id]);
    expect((await history(cookie, messages[1]!.id)).messages).toEqual([]);
    expect((await history(other)).messages).toEqual([]);
  });

  it('a retried POST with the same clientId is recorded once and carries the same message id', async () => {
    const cookie = await h.session();
    const body = { clientId: randomUUID(), text: '路灯不亮' };
    const results = await Promise.all([post(cookie, body), post(cookie, body), post(cookie, body)]);
    expect(results.map((r) => r.statusCode)).toEqual([202, 202, 202]);
    expect(new Set(results.map((r) => r.json().id)).size).toBe(1);
    expect((await history(cookie)).messages).toHaveLength(1);
    // The engine deduplicates on messageId, so handing it the same id again is what makes it idempotent.
    expect(new Set(h.received.map((m) => m.messageId)).size).toBe(1);
  });

  it('answers 503 while the channel is stopped, and records nothing', async () => {
    const cookie = await h.session();
    await h.web.adapter.stop();
    const res = await post(cookie, { clientId: randomUUID(), text: '你好' });
    expect(res.statusCode).toBe(503);
    expect((await history(cookie)).messages).toEqual([]);
  });
});

describe('bad input', () => {
  it.each([
    [{ text: '' }, '/text: must not be empty or only spaces'],
    [{ text: ' \n\t　' }, '/text: must not be empty or only spaces'],
    [{ text: 'x'.repeat(20_001) }, '/text: must be at most 20000 characters'],
    [{ text: 42 }, '/text: must be a string'],
    [{}, 'give exactly one of text, button or location'],
    [{ text: '你好', button: 'x' }, 'give exactly one of text, button or location'],
    [{ location: { lat: 91, lon: 0 } }, '/location/lat: must be between -90 and 90'],
    [{ location: { lat: '31', lon: 121 } }, '/location/lat: must be a number'],
  ])('%j -> 400 naming the field', async (body, message) => {
    const cookie = await h.session();
    const res = await post(cookie, { clientId: randomUUID(), ...body });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('INVALID_INPUT');
    expect(res.json().error.message).toContain(message);
    expect(h.received).toEqual([]);
  });

  it('accepts a 10,000-character message (the flow shortens it)', async () => {
    const cookie = await h.session();
    const res = await post(cookie, { clientId: randomUUID(), text: '垃'.repeat(10_000) });
    expect(res.statusCode).toBe(202);
    expect(h.received[0]!.content).toEqual({ kind: 'text', text: '垃'.repeat(10_000) });
  });

  it('refuses a missing or malformed clientId', async () => {
    const cookie = await h.session();
    for (const clientId of [undefined, 'abc', '../../x']) {
      const res = await post(cookie, { clientId, text: '你好' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toMatch(/^\/clientId: /);
    }
  });

  it('refuses broken JSON with 400', async () => {
    const cookie = await h.session();
    const res = await h.server.inject({
      method: 'POST',
      url: '/chat/api/messages',
      headers: { cookie, 'content-type': 'application/json' },
      payload: '{"clientId": "x", "text": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/JSON/i);
  });

  it('needs the session cookie: none or a forged one -> 401', async () => {
    for (const cookie of [undefined, 'wc_sid=not-a-token', 'wc_sid=' + 'g'.repeat(32)]) {
      const res = await post(cookie, { clientId: randomUUID(), text: '你好' });
      expect(res.statusCode, String(cookie)).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
      const get = await h.server.inject({ method: 'GET', url: '/chat/api/messages', headers: cookie ? { cookie } : {} });
      expect(get.statusCode).toBe(401);
    }
    expect(h.received).toEqual([]);
  });

  it('refuses a bad history cursor and unknown API paths', async () => {
    const cookie = await h.session();
    const bad = await h.server.inject({ method: 'GET', url: '/chat/api/messages?after=-1', headers: { cookie } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('/after');
    const unknown = await h.server.inject({ method: 'GET', url: '/chat/api/nothing', headers: { cookie } });
    expect(unknown.statusCode).toBe(404);
  });
});
