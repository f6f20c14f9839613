import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InboundMessage } from '../../../src/channels/types.js';
import { startHarness, type Harness } from './harness.js';
import { callbackUpdate, textUpdate } from './updates.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness('polling');
});
afterEach(async () => {
  await h.close();
});

async function until(cond: () => boolean, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('telegram long polling', () => {
  it('deletes any webhook and registers no route', () => {
    expect(h.api.callsTo('deleteWebhook')).toHaveLength(1);
    expect(h.api.callsTo('setWebhook')).toHaveLength(0);
    expect(h.tg.routes).toBeUndefined();
  });

  it('receives queued updates and confirms them with the offset', async () => {
    const a = h.api.pushUpdate(textUpdate('第一条', { userId: 7101 }));
    const b = h.api.pushUpdate(callbackUpdate('menu', { userId: 7101 }));
    await until(() => h.received.length === 2);
    expect(h.received.map((m) => m.messageId)).toEqual([`u${a.update_id}`, `u${b.update_id}`]);
    expect(h.received[1]?.content).toEqual({ kind: 'button', data: 'menu' });
    await h.api.waitForCall('answerCallbackQuery');
    await h.api.waitForCall('getUpdates', (c) => Number(c.params.offset) === b.update_id + 1);
  });

  it('keeps the order of one chat while other chats go on', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const order: string[] = [];
    h.onMessage = async (msg: InboundMessage) => {
      if (msg.content.kind === 'text' && msg.content.text === 'slow') await gate;
      order.push(`${msg.chatId}:${msg.content.kind === 'text' ? msg.content.text : ''}`);
    };
    h.api.pushUpdate(textUpdate('slow', { userId: 7201 }));
    h.api.pushUpdate(textUpdate('after', { userId: 7201 }));
    h.api.pushUpdate(textUpdate('other', { userId: 7202 }));
    await until(() => order.length === 1);
    expect(order).toEqual(['7202:other']);
    release();
    await until(() => order.length === 3);
    expect(order).toEqual(['7202:other', '7201:slow', '7201:after']);
  });

  it('fetches a failed update again instead of losing it', async () => {
    let fail = true;
    h.onMessage = async (msg) => {
      if (fail) {
        fail = false;
        throw new Error('database busy');
      }
      h.received.push(msg);
    };
    const u = h.api.pushUpdate(textUpdate('请收下', { userId: 7301 }));
    await until(() => h.received.length === 1);
    expect(h.received[0]?.messageId).toBe(`u${u.update_id}`);
  });

  it('survives getUpdates failures (5xx, 429) and keeps polling', async () => {
    h.api.failNext({ times: 2, status: 502, methods: ['getUpdates'] });
    h.api.pushUpdate(textUpdate('还在吗', { userId: 7401 }));
    await until(() => h.received.length === 1);
    expect(h.api.callsTo('getUpdates').some((c) => c.outcome === 502)).toBe(true);
  });

  it('stop ends the pending long poll promptly and confirms the offset', async () => {
    const u = h.api.pushUpdate(textUpdate('最后一条', { userId: 7501 }));
    await until(() => h.received.length === 1);
    const t0 = Date.now();
    await h.tg.adapter.stop();
    expect(Date.now() - t0).toBeLessThan(1_000);
    expect(h.api.confirmedOffset()).toBe(u.update_id + 1);
    const calls = h.api.callsTo('getUpdates').length;
    h.api.pushUpdate(textUpdate('停了以后', { userId: 7501 }));
    await new Promise((r) => setTimeout(r, 200));
    expect(h.api.callsTo('getUpdates').length).toBe(calls);
    expect(h.received).toHaveLength(1);
  });
});
