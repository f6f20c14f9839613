import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTelegramAdapter } from '../../../adapters/telegram/index.js';
import { AppError } from '../../../src/errors.js';
import { createLogger } from '../../../src/logger.js';
import { createMediaStore } from '../../../src/media/store.js';
import { SECRET, startHarness, type Harness } from './harness.js';
import { textUpdate } from './updates.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness('webhook');
});
afterEach(async () => {
  await h.close();
});

describe('telegram webhook route', () => {
  it('registers the webhook at the public URL with the secret on start', () => {
    const [call] = h.api.callsTo('setWebhook');
    expect(call?.params.url).toBe('https://weicheng.example.org/webhooks/telegram');
    expect(call?.params.secret_token).toBe(SECRET);
    expect(h.api.webhook()).toEqual({ url: 'https://weicheng.example.org/webhooks/telegram', secret: SECRET });
  });

  it('answers 403 to a missing or wrong secret and hands nothing on', async () => {
    const update = { update_id: 1, ...textUpdate('hi') };
    expect((await h.post(update, null)).statusCode).toBe(403);
    expect((await h.post(update, 'wrong')).statusCode).toBe(403);
    expect((await h.post(update, SECRET + 'x')).statusCode).toBe(403);
    const res = await h.post(update, SECRET.toUpperCase());
    expect(res.statusCode).toBe(403);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(h.received).toHaveLength(0);
  });

  it('checks the secret before reading the body', async () => {
    expect((await h.post('{not json', 'wrong')).statusCode).toBe(403);
  });

  it('answers 400 to malformed bodies', async () => {
    for (const body of ['{not json', '[]', '"text"', '{}', '{"update_id":"7"}', '{"update_id":-1}', '{"update_id":1.5}', 'null']) {
      const res = await h.post(body);
      expect(res.statusCode, body).toBe(400);
    }
    const res = await h.post('{"message":{}}');
    expect(JSON.parse(res.body).error.message).toContain('update_id');
    expect(h.received).toHaveLength(0);
  });

  it('answers 200 only after the product handled the update', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    h.onMessage = async (msg) => {
      await gate;
      h.received.push(msg);
    };
    let answered = false;
    const pending = h.post({ update_id: 10, ...textUpdate('hi') }).then((r) => {
      answered = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(answered).toBe(false);
    release();
    expect((await pending).statusCode).toBe(200);
    expect(h.received).toHaveLength(1);
  });

  it('a failed update is answered with an error so Telegram delivers it again', async () => {
    h.onMessage = async () => {
      throw new Error('disk full');
    };
    expect((await h.post({ update_id: 11, ...textUpdate('hi') })).statusCode).toBe(503);
    h.onMessage = async (msg) => void h.received.push(msg);
    expect((await h.post({ update_id: 11, ...textUpdate('hi') })).statusCode).toBe(200);
    expect(h.received.map((m) => m.messageId)).toEqual(['u11']);
  });

  it('after stop, updates are refused with 503 (Telegram keeps them)', async () => {
    await h.tg.adapter.stop();
    expect((await h.post({ update_id: 12, ...textUpdate('hi') })).statusCode).toBe(503);
  });

  it('webhook mode without a secret is a configuration error', () => {
    expect(() =>
      createTelegramAdapter({
        token: 't',
        mode: 'webhook',
        publicUrl: 'https://x.example',
        media: createMediaStore({ dir: '/tmp/unused' }),
        logger: createLogger('silent'),
      }),
    ).toThrow(AppError);
  });

  it('a rejected token fails start with a clear error', async () => {
    const bad = createTelegramAdapter({
      token: '1:wrong',
      mode: 'polling',
      apiRoot: h.api.url,
      publicUrl: 'https://x.example',
      media: h.media,
      logger: createLogger('silent'),
    });
    const err = await bad.adapter.start(async () => undefined).then(
      () => undefined,
      (e: unknown) => e as AppError,
    );
    expect(err?.code).toBe('CHANNEL_UNAVAILABLE');
    expect(err?.message).toMatch(/getMe failed: 401.*TELEGRAM_BOT_TOKEN/);
    expect(err?.message).not.toContain('1:wrong');
  });
});
