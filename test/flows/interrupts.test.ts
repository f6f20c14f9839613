import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createChatHarness, type ChatHarness } from '../helpers/chat-harness.js';

let h: ChatHarness;
beforeEach(async () => {
  h = await createChatHarness();
});
afterEach(async () => {
  await h.close();
});

const step = async () => (await h.db.store.conversations.get('web', 'chat-u1'))?.step;

describe('from any state', () => {
  it('subscribes and unsubscribes mid-report, and the report carries on', async () => {
    await h.send('北街垃圾桶满了没人收');
    expect(await step()).toBe('location');
    const r = await h.send('订阅');
    expect(r[0]).toContain('已订阅创卫资讯');
    expect(r.at(-1)).toContain('刚才的反映还没提交');
    expect(await step()).toBe('location');
    const resident = await h.resident();
    expect(await h.db.store.subscriptions.byResident(resident.id)).toMatchObject({ status: 'active', language: 'zh-CN', areaId: null });

    expect((await h.send('STOP'))[0]).toContain('已退订');
    expect((await h.db.store.subscriptions.byResident(resident.id))?.status).toBe('unsubscribed');
    expect((await h.send('stop'))[0]).toContain('没有订阅');
    await h.send({ kind: 'command', command: 'subscribe', args: '' });
    expect((await h.send('取消订阅'))[0]).toContain('已退订');
    expect(await step()).toBe('location');
    // The report still files.
    await h.press('跳过');
    await h.press('跳过');
    expect((await h.press('确认提交')).join('\n')).toContain('工单号');
  });

  it('takes the area of the latest ticket for a subscription', async () => {
    await h.send('北街垃圾桶满了没人收');
    await h.send({ kind: 'location', lat: 30.02, lon: 120.01, crs: 'wgs84' });
    await h.press('跳过');
    await h.press('确认提交');
    await h.send({ kind: 'command', command: 'subscribe', args: '' });
    expect((await h.db.store.subscriptions.byResident((await h.resident()).id))?.areaId).toBe('south');
  });

  it('switches language and asks the current step again in it', async () => {
    await h.send('北街垃圾桶满了没人收');
    const r = await h.send('English');
    expect(r[0]).toBe('Switched to English.');
    expect(r.at(-1)).toContain('Your report is not submitted yet');
    expect((await h.db.store.residents.byId((await h.resident()).id))?.language).toBe('en');
    await h.press('Skip');
    await h.press('Skip');
    const receipt = (await h.press('Submit')).join('\n');
    expect(receipt).toContain('Your report is filed as ticket');
    expect((await h.send('中文'))[0]).toBe('已切换为中文。');
    // /lang without an argument offers both.
    await h.send({ kind: 'command', command: 'lang', args: '' });
    expect(h.lastReplies()[0]?.buttons.map((b) => b.data)).toEqual(['lang:zh-CN', 'lang:en']);
    expect((await h.press('English'))[0]).toBe('Switched to English.');
  });

  it('answers stickers, voice, video and files specifically, keeping the step', async () => {
    await h.send('北街垃圾桶满了没人收');
    expect((await h.send({ kind: 'unsupported', what: 'sticker' }))[0]).toContain('表情');
    expect((await h.send({ kind: 'unsupported', what: 'voice' }))[0]).toContain('语音');
    expect((await h.send({ kind: 'unsupported', what: 'video' }))[0]).toContain('视频');
    expect((await h.send({ kind: 'unsupported', what: 'file' }))[0]).toContain('文件');
    expect(await step()).toBe('location');
    expect((await h.db.store.conversations.get('web', 'chat-u1'))?.flow).toBe('report');
  });

  it('prompts gently on an empty or whitespace-only message', async () => {
    for (const text of ['', '   ', '\n\t ']) {
      const r = await h.send(text);
      expect(r).toHaveLength(1);
      expect(r[0]).toContain('空消息');
    }
  });

  it('help keeps the step; menu and cancel end it', async () => {
    await h.send('北街垃圾桶满了没人收');
    const help = await h.send('帮助');
    expect(help[0]).toContain('使用说明');
    expect(await step()).toBe('location');
    const menu = (await h.send('菜单')).join('\n');
    expect(menu).toContain('刚才未提交的反映已放弃');
    expect(h.lastReplies()[0]?.buttons.map((b) => b.label)).toEqual(['我要反映', '查询进度', '常见问题', '订阅创卫资讯']);
    expect((await h.db.store.conversations.get('web', 'chat-u1'))?.flow).toBeNull();
    expect((await h.send({ kind: 'command', command: 'cancel', args: '' }))[0]).toContain('当前没有进行中的操作');
  });

  it('greets on /start and answers greetings and unclear text with a short menu', async () => {
    const start = (await h.send({ kind: 'command', command: 'start', args: '' })).join('\n');
    expect(start).toContain('小河镇');
    expect(start).toContain('生成工单');
    expect((await h.send('你好'))[0]).toContain('请问要办什么');
    expect(h.lastReplies()[0]?.buttons).toHaveLength(4);
    const unclear = (await h.send('门口堆着东西'))[0];
    expect(unclear).toContain('要把这段话作为问题反映吗');
    // "Report this" files the text without retyping it.
    const r = (await h.press('反映这个问题')).join('\n');
    expect(r).toContain('属于哪一类');
    expect((await h.db.store.conversations.get('web', 'chat-u1'))?.state).toMatchObject({ text: '门口堆着东西' });
    // An unknown command mid-flow is named, and the flow carries on.
    const unknown = await h.send({ kind: 'command', command: 'nonsense', args: '' });
    expect(unknown[0]).toContain('没有“/nonsense”这个指令');
    expect(unknown.at(-1)).toContain('属于哪一类');
    expect(await step()).toBe('category');
  });

  it('starts in English for an English-speaking platform user', async () => {
    const r = await h.send('hello', { language: 'en-US' });
    expect(r[0]).toContain('What can I do for you');
  });
});
