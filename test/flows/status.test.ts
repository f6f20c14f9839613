import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createChatHarness, type ChatHarness } from '../helpers/chat-harness.js';

let h: ChatHarness;
beforeEach(async () => {
  h = await createChatHarness();
});
afterEach(async () => {
  await h.close();
});

/** Files a report for `user` through the chat and returns its number. */
async function report(user: string, text: string): Promise<string> {
  await h.send(text, { user });
  await h.press('跳过', { user });
  await h.press('跳过', { user });
  const receipt = (await h.press('确认提交', { user })).join('\n');
  const number = /工单号 (\d{8}-\d{4})/.exec(receipt)?.[1];
  if (!number) throw new Error(`no receipt in: ${receipt}`);
  return number;
}

describe('status flow', () => {
  it('lists the resident\'s own tickets with state, unit, deadline and the latest reply', async () => {
    const n1 = await report('u1', '北街垃圾桶满了没人收，臭得很');
    const n2 = await report('u1', '楼下广场舞音响太吵，睡不着');
    const t1 = (await h.tickets.byNumber(n1))!;
    await h.tickets.act(t1.id, { type: 'accept' }, 'staff:1');
    await h.tickets.reply(t1.id, '已安排今天下午清运', 'staff:1');

    const list = (await h.send('进度')).join('\n');
    expect(list).toContain(n1);
    expect(list).toContain(n2);
    expect(list).toContain('处理中');
    expect(list).toContain('待接单');
    expect(list).toContain('北街社区居委会');
    expect(list).toContain('小河镇城管中队');
    expect(list).toContain('最新回复：已安排今天下午清运');
    expect(list).toContain(h.services.formatTime('zh-CN', t1.resolveDueAt));

    // /status and the menu button say the same.
    expect((await h.send({ kind: 'command', command: 'status', args: '' })).join('\n')).toContain(n2);
    expect((await h.send({ kind: 'button', data: 'menu:status' })).join('\n')).toContain(n2);

    const one = (await h.send(`查询 ${n1}`)).join('\n');
    expect(one).toContain(n1);
    expect(one).not.toContain(n2);
  });

  it('treats someone else\'s ticket exactly like an unknown number', async () => {
    const theirs = await report('u2', '北街垃圾桶满了没人收，臭得很');
    const other = (await h.send(`查询 ${theirs}`, { user: 'u1' })).join('\n');
    expect(other).toContain(`在您的工单里没有找到 ${theirs}`);
    expect(other).not.toContain('小河镇');
    const unknown = (await h.send('查询 20260304-0099', { user: 'u1' })).join('\n');
    expect(unknown).toBe(other.replace(theirs, '20260304-0099'));
    expect((await h.send('20260304-0099', { user: 'u1' })).join('\n')).toContain('没有找到');
  });

  it('says so when the resident has no tickets', async () => {
    const r = (await h.send('我的工单')).join('\n');
    expect(r).toContain('还没有提交过反映');
  });

  it('answers mid-report and then carries on with the report', async () => {
    await h.send('北街垃圾桶满了没人收');
    const r = await h.send('进度');
    expect(r.join('\n')).toContain('还没有提交过反映');
    expect(r.at(-1)).toContain('刚才的反映还没提交');
    expect((await h.db.store.conversations.get('web', 'chat-u1'))?.step).toBe('location');
  });
});
