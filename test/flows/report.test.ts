import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkCalendar } from '../../src/calendar/index.js';
import { MAX_REPORT_TEXT } from '../../src/tickets/create.js';
import { createChatHarness, type ChatHarness } from '../helpers/chat-harness.js';

// Points inside the fixture's areas (WGS-84) and one in another province.
const NORTH = { kind: 'location', lat: 30.07, lon: 120.02, crs: 'wgs84' } as const;
const FAR = { kind: 'location', lat: 39.9, lon: 116.4, crs: 'wgs84' } as const;

let h: ChatHarness;
beforeEach(async () => {
  h = await createChatHarness();
});
afterEach(async () => {
  await h.close();
});

async function ticketsOf(user = 'u1') {
  return h.tickets.forResident((await h.resident(user)).id);
}

describe('report flow', () => {
  it('files a full report: text, settled category, pin, photo, confirm', async () => {
    const first = await h.send('北街路口的垃圾桶满了两天没人收，臭得很');
    expect(first.join('\n')).toContain('垃圾堆积与清运');
    expect(h.lastReplies()[0]?.requestLocation).toBe(true);
    expect(h.lastReplies()[0]?.buttons.map((b) => b.label)).toContain('更改类别');

    expect((await h.send(NORTH)).join('\n')).toContain('已收到定位（北街社区）');
    expect((await h.send(h.photo('pile'))).join('\n')).toContain('第 1 张');
    const summary = (await h.press('完成')).join('\n');
    expect(summary).toContain('请核对');
    expect(summary).toContain('照片：1 张');
    expect(await ticketsOf()).toHaveLength(0);

    const receipt = (await h.press('确认提交')).join('\n');
    const [t] = await ticketsOf();
    expect(t).toBeDefined();
    expect(receipt).toContain(t!.number);
    expect(receipt).toContain('北街社区居委会');
    // The receipt is queued once, by the ticket service.
    expect(receipt.match(new RegExp(t!.number, 'g'))?.length).toBe(2);
    expect(t).toMatchObject({ kind: 'report', categoryId: 'garbage', areaId: 'north', unitId: 'north-committee', state: 'assigned' });
    const due = createWorkCalendar(h.pack.city).deadlines(h.clock.now, h.pack.categories.find((c) => c.id === 'garbage')?.sla);
    expect(t!.ackDueAt).toBe(due.ackDueAt);
    expect(t!.resolveDueAt).toBe(due.resolveDueAt);
    expect(t!.lat).toBeCloseTo(30.07, 5);
    const photos = await h.tickets.photos(t!.id);
    expect(photos).toHaveLength(1);
    expect((await h.media.read(photos[0]!.path)).toString()).toContain('pile');

    // The conversation is over: the next message starts afresh.
    const conv = await h.db.store.conversations.get('web', 'chat-u1');
    expect(conv?.flow).toBeNull();
  });

  it('asks for the category with the best guesses when the router is unsure', async () => {
    await h.send('路上有点乱还有人摆摊和垃圾');
    const ask = h.lastReplies()[0]!;
    expect(ask.text).toContain('属于哪一类');
    const labels = ask.buttons.map((b) => b.label);
    expect(labels).toContain('流动摊点占道');
    expect(labels).toContain('垃圾堆积与清运');
    expect(labels.length).toBeLessThanOrEqual(4);
    expect(labels.at(-1)).toBe('其他');

    // "Other" lists every category of the pack, plus "none of these".
    await h.press('其他');
    const all = h.lastReplies()[0]!.buttons.map((b) => b.label);
    expect(all).toEqual([...h.pack.categories.map((c) => c.name), '都不是']);
    expect((await h.press('噪声扰民')).join('\n')).toContain('「噪声扰民」');
    await h.press('跳过');
    await h.press('跳过');
    await h.press('确认提交');
    const [t] = await ticketsOf();
    expect(t).toMatchObject({ categoryId: 'noise', unitId: 'patrol', areaId: null, lat: null });
  });

  it('takes a typed category name at the category step, and asks again for anything else', async () => {
    await h.send('路上有点乱还有人摆摊和垃圾');
    const again = await h.send('不知道');
    expect(again).toHaveLength(1);
    expect(again[0]).toBe('请点选下面的类别：');
    expect(h.lastReplies()[0]?.buttons.map((b) => b.label)).toContain('流动摊点占道');
    expect((await h.send('流动摊点占道')).join('\n')).toContain('好的，类别：「流动摊点占道」');
    expect((await h.db.store.conversations.get('web', 'chat-u1'))?.step).toBe('location');
  });

  it('"none of these" sends the report to the dispatcher', async () => {
    await h.send({ kind: 'button', data: 'menu:report' });
    expect(h.lastReplies()[0]?.text).toContain('在哪里、出了什么问题');
    await h.send('门口堆着东西');
    await h.press('其他');
    await h.press('都不是');
    await h.press('跳过');
    await h.press('跳过');
    await h.press('确认提交');
    const [t] = await ticketsOf();
    expect(t).toMatchObject({ categoryId: null, unitId: 'office' });
  });

  it('takes a typed address and routes by the area it names', async () => {
    await h.send('楼下噪音太大，晚上睡不着');
    const noted = (await h.send('小河菜市场东门')).join('\n');
    expect(noted).toContain('已记下地址（小河菜市场）');
    await h.press('跳过');
    const summary = (await h.send('确认')).join('\n');
    const [t] = await ticketsOf();
    expect(summary).toContain(t!.number);
    expect(t).toMatchObject({ categoryId: 'noise', areaId: 'market', lat: null });
    expect(t!.text).toContain('小河菜市场东门');
  });

  it('can skip the location', async () => {
    await h.send('学校门口的小推车把路都占了，全是摊贩');
    const next = (await h.press('跳过')).join('\n');
    expect(next).toContain('照片');
    await h.press('跳过');
    const summary = (await h.send('确认提交')).join('\n');
    expect(summary).toContain('工单号');
    const [t] = await ticketsOf();
    expect(t).toMatchObject({ categoryId: 'vendors', areaId: null, unitId: 'patrol', lat: null });
  });

  it('refuses a pin far outside the city politely and asks again', async () => {
    await h.send('下水道堵了，污水漫到路上');
    const far = (await h.send(FAR)).join('\n');
    expect(far).toContain('不在小河镇范围内');
    expect(h.lastReplies()[0]?.requestLocation).toBe(true);
    expect((await h.db.store.conversations.get('web', 'chat-u1'))?.step).toBe('location');
    expect((await h.send(NORTH)).join('\n')).toContain('已收到定位');
  });

  it('starts from a photo alone and asks what it shows', async () => {
    const r = (await h.send(h.photo('only'))).join('\n');
    expect(r).toContain('收到照片');
    await h.send('垃圾堆在河边没人清运');
    await h.send(NORTH);
    await h.press('完成');
    await h.press('确认提交');
    const [t] = await ticketsOf();
    expect(t?.categoryId).toBe('garbage');
    expect(await h.tickets.photos(t!.id)).toHaveLength(1);
  });

  it('cancels mid-flow without filing anything', async () => {
    await h.send('北街垃圾桶满了没人收');
    await h.send(NORTH);
    const r = (await h.send('取消')).join('\n');
    expect(r).toContain('已取消，这次反映没有提交');
    expect(await ticketsOf()).toHaveLength(0);
    expect((await h.db.store.conversations.get('web', 'chat-u1'))?.flow).toBeNull();
    // The summary's cancel button works too.
    await h.send('北街垃圾桶满了没人收');
    await h.press('跳过');
    await h.press('跳过');
    expect((await h.press('取消')).join('\n')).toContain('没有提交');
    expect(await ticketsOf()).toHaveLength(0);
  });

  it('resumes at the same step after a restart', async () => {
    await h.send('北街垃圾桶满了没人收');
    await h.send(h.photo('before-restart'));
    await h.restart();
    // Still waiting for the location, with the photo kept.
    const r = (await h.send(NORTH)).join('\n');
    expect(r).toContain('已收到定位');
    expect(r).toContain('已有 1 张照片');
    await h.press('完成');
    await h.press('确认提交');
    const [t] = await ticketsOf();
    expect(t?.areaId).toBe('north');
    expect(await h.tickets.photos(t!.id)).toHaveLength(1);
  });

  it('resets a conversation idle for 30 minutes, politely', async () => {
    await h.send('北街垃圾桶满了没人收');
    h.clock.now += 31 * 60_000;
    const r = await h.send(NORTH);
    expect(r[0]).toContain('超过 30 分钟');
    // The pin now starts a new report instead of finishing the old one.
    expect(r.join('\n')).toContain('请用一两句话说明出了什么问题');
    expect(await ticketsOf()).toHaveLength(0);
  });

  it('keeps 2000 characters of a 10,000-character message, with a note', async () => {
    const long = '北街垃圾桶满了没人收，'.repeat(1000);
    expect(long.length).toBe(11_000);
    const r = (await h.send(long)).join('\n');
    expect(r).toContain(`已保留前 ${MAX_REPORT_TEXT} 字`);
    await h.press('跳过');
    await h.press('跳过');
    await h.press('确认提交');
    const [t] = await ticketsOf();
    expect(t?.text.length).toBe(MAX_REPORT_TEXT);
    expect(t?.categoryId).toBe('garbage');
  });

  it('does one thing for a message delivered twice, even concurrently', async () => {
    await h.send('北街垃圾桶满了没人收');
    await h.press('跳过');
    await h.press('跳过');
    const ok = { kind: 'button', data: 'rep:ok' } as const;
    const msg = h.message(ok, { messageId: 'dup-1' });
    await Promise.all([h.engine.handle(msg), h.engine.handle(msg), h.engine.handle(msg)]);
    expect((await h.unread()).filter((t) => t.includes('工单号'))).toHaveLength(1);
    expect(await h.send(ok, { messageId: 'dup-1' })).toEqual([]);
    expect(await ticketsOf()).toHaveLength(1);
    // A second press of the same button (a new message) files nothing more.
    expect((await h.send(ok)).join('\n')).toContain('已经提交或取消');
    expect(await ticketsOf()).toHaveLength(1);
  });

  it('lets the resident change the description from the summary', async () => {
    await h.send('北街垃圾桶满了没人收');
    await h.press('跳过');
    await h.press('跳过');
    await h.press('修改');
    await h.press('改描述');
    await h.send('北街路边下水道堵了，污水冒出来');
    const r = (await h.send('跳过')).join('\n');
    expect(r).toContain('下水道堵塞与污水');
    await h.send('确认');
    const [t] = await ticketsOf();
    expect(t?.categoryId).toBe('drains');
  });
});
