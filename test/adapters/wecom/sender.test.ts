import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createWecomSender } from '../../../adapters/wecom/index.js';
import { truncateUtf8 } from '../../../adapters/wecom/truncate.js';
import type { ChannelSender } from '../../../src/channels/types.js';

/** A local stand-in for qyapi.weixin.qq.com's robot endpoint, answering as WeCom does. */
let robot: FastifyInstance;
let base: string;
let received: Array<{ key: string; body: any }>;
/** The answer for the next request, by key: an errcode, an HTTP status, or a hang-up. */
const behaviour = new Map<string, { errcode?: number; status?: number; destroy?: boolean }>();
let warnings: unknown[];
let sender: ChannelSender;
let env: Record<string, string>;

beforeAll(async () => {
  robot = Fastify();
  robot.post('/cgi-bin/webhook/send', async (req, reply) => {
    const key = (req.query as { key?: string }).key ?? '';
    const b = behaviour.get(key) ?? {};
    if (b.destroy) {
      req.raw.socket.destroy();
      return reply.hijack();
    }
    received.push({ key, body: req.body });
    if (b.status) return reply.code(b.status).send({ errcode: -1, errmsg: 'system busy' });
    const errcode = b.errcode ?? 0;
    return { errcode, errmsg: errcode === 0 ? 'ok' : `invalid webhook url, hint: [key=${key}]` };
  });
  await robot.listen({ port: 0, host: '127.0.0.1' });
  const addr = robot.server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/cgi-bin/webhook/send?key=`;
});

afterAll(() => robot.close());

beforeEach(() => {
  received = [];
  warnings = [];
  behaviour.clear();
  env = { WECOM_HUANWEI: `${base}secret-key-1` };
  sender = createWecomSender({ url: (name) => env[name], logger: { warn: (...args: unknown[]) => void warnings.push(args) } });
});

describe('WeCom robot sender', () => {
  it('posts markdown for markdown messages and text otherwise', async () => {
    expect(sender.channel).toBe('wecom');
    expect(await sender.send('WECOM_HUANWEI', { kind: 'text', format: 'markdown', text: '### 新工单\n> 垃圾满溢' })).toEqual({ status: 'delivered' });
    expect(await sender.send('WECOM_HUANWEI', { kind: 'text', text: '工单 20261129-0007 已办结' })).toEqual({ status: 'delivered' });
    expect(received).toEqual([
      { key: 'secret-key-1', body: { msgtype: 'markdown', markdown: { content: '### 新工单\n> 垃圾满溢' } } },
      { key: 'secret-key-1', body: { msgtype: 'text', text: { content: '工单 20261129-0007 已办结' } } },
    ]);
  });

  it('cuts markdown to 4096 bytes on a character boundary', async () => {
    const long = '垃圾'.repeat(1000); // 6000 bytes
    await sender.send('WECOM_HUANWEI', { kind: 'text', format: 'markdown', text: long });
    const content: string = received[0]!.body.markdown.content;
    expect(Buffer.byteLength(content)).toBeLessThanOrEqual(4096);
    expect(content.endsWith('…')).toBe(true);
    expect(content).not.toContain('\uFFFD');
    expect(long.startsWith(content.slice(0, -1))).toBe(true);
  });

  it('fails (not gone) with the variable name when the URL is not configured', async () => {
    const r = await sender.send('WECOM_UNSET', { kind: 'text', text: 'x' });
    expect(r).toEqual({ status: 'failed', error: 'WeCom robot URL is not configured: set the environment variable WECOM_UNSET' });
    expect(received).toHaveLength(0);
  });

  it('reads the URL at send time', async () => {
    expect((await sender.send('WECOM_LATE', { kind: 'text', text: 'x' })).status).toBe('failed');
    env.WECOM_LATE = `${base}late-key`;
    expect(await sender.send('WECOM_LATE', { kind: 'text', text: 'x' })).toEqual({ status: 'delivered' });
  });

  it('retries after 60 s on the rate limit errcode 45009', async () => {
    behaviour.set('secret-key-1', { errcode: 45009 });
    expect(await sender.send('WECOM_HUANWEI', { kind: 'text', text: 'x' })).toMatchObject({ status: 'retry', afterSeconds: 60 });
  });

  it('fails on other errcodes without echoing the key', async () => {
    behaviour.set('secret-key-1', { errcode: 93000 });
    const r = await sender.send('WECOM_HUANWEI', { kind: 'text', text: 'x' });
    expect(r.status).toBe('failed');
    expect(r.status === 'failed' && r.error).toContain('93000');
    expect(JSON.stringify(r)).not.toContain('secret-key-1');
  });

  it('retries on HTTP 5xx and on a dropped connection, never logging the URL', async () => {
    behaviour.set('secret-key-1', { status: 502 });
    expect((await sender.send('WECOM_HUANWEI', { kind: 'text', text: 'x' })).status).toBe('retry');
    behaviour.set('secret-key-1', { destroy: true });
    const r = await sender.send('WECOM_HUANWEI', { kind: 'text', text: 'x' });
    expect(r.status).toBe('retry');
    expect(warnings).toHaveLength(1);
    expect(JSON.stringify([r, warnings])).not.toMatch(/secret-key-1|127\.0\.0\.1/);
  });

  it('retries when nothing listens at the URL', async () => {
    env.WECOM_DOWN = 'http://127.0.0.1:9/cgi-bin/webhook/send?key=down-key';
    const r = await sender.send('WECOM_DOWN', { kind: 'text', text: 'x' });
    expect(r.status).toBe('retry');
    expect(JSON.stringify([r, warnings])).not.toContain('down-key');
  });
});

describe('truncateUtf8', () => {
  it('keeps short strings and never splits characters or surrogate pairs', () => {
    expect(truncateUtf8('abc', 3)).toBe('abc');
    expect(truncateUtf8('abcd', 3)).toBe('…');
    expect(truncateUtf8('中文字', 8)).toBe('中…'); // 3 + 3 bytes fit, the ellipsis takes 3
    const emoji = truncateUtf8('😀😀😀', 9);
    expect(emoji).toBe('😀…');
    expect(Buffer.byteLength(emoji)).toBeLessThanOrEqual(9);
  });
});
