import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createChatHarness, type ChatHarness } from '../helpers/chat-harness.js';

let h: ChatHarness;
beforeEach(async () => {
  h = await createChatHarness();
});
afterEach(async () => {
  await h.close();
});

async function feedbackRows() {
  return h.db.store.faqFeedback.list({ limit: 100 });
}

describe('faq flow', () => {
  it('answers a question and records that it helped', async () => {
    const r = (await h.send('垃圾车几点来？')).join('\n');
    expect(r).toContain('每天早上七点和傍晚六点');
    expect(h.lastReplies()[0]?.buttons.map((b) => b.label)).toEqual(expect.arrayContaining(['有帮助', '没帮助']));
    expect((await h.press('有帮助')).join('\n')).toContain('谢谢反馈');
    const [f] = await feedbackRows();
    expect(f).toMatchObject({ kind: 'helpful', faqId: 'bin-times', question: '垃圾车几点来？' });
    expect(f?.residentId).toBe((await h.resident()).id);
  });

  it('records an unhelpful answer and offers the ways on', async () => {
    await h.send('热线电话多少');
    const r = (await h.press('没帮助')).join('\n');
    expect(r).toContain('抱歉没帮上忙');
    expect(h.lastReplies()[0]?.buttons.map((b) => b.label)).toEqual(['我要反映', '留给工作人员']);
    expect((await feedbackRows())[0]).toMatchObject({ kind: 'unhelpful', faqId: 'hotline' });
  });

  it('with no answer says so, records it, and leaves the question for staff as an inquiry', async () => {
    const r = (await h.send('小河镇有几个公园？')).join('\n');
    expect(r).toContain('暂时答不上来');
    expect((await feedbackRows())[0]).toMatchObject({ kind: 'unanswered', faqId: null, question: '小河镇有几个公园？' });
    const receipt = (await h.press('留给工作人员')).join('\n');
    const [t] = await h.tickets.forResident((await h.resident()).id);
    expect(t).toMatchObject({ kind: 'inquiry', categoryId: null, unitId: 'office', text: '小河镇有几个公园？' });
    expect(receipt).toContain(t!.number);
    expect(t!.resolveDueAt).toBeGreaterThan(t!.createdAt);
  });

  it('with no answer can turn the question into a report', async () => {
    await h.send('请问桥下那一片归谁管？');
    const r = (await h.press('我要反映')).join('\n');
    expect(r).toContain('问题类别');
    const conv = await h.db.store.conversations.get('web', 'chat-u1');
    expect(conv).toMatchObject({ flow: 'report', step: 'category', state: expect.objectContaining({ text: '请问桥下那一片归谁管？' }) });
  });

  it('asks for the question from the menu button, and a new message after an answer starts afresh', async () => {
    expect((await h.send({ kind: 'button', data: 'menu:faq' })).join('\n')).toContain('请输入您的问题');
    expect((await h.send('可回收物都有哪些')).join('\n')).toContain('蓝色桶');
    // Not feedback: a report.
    const r = (await h.send('北街垃圾桶满了没人收，臭死了')).join('\n');
    expect(r).toContain('垃圾堆积与清运');
    expect((await h.db.store.conversations.get('web', 'chat-u1'))?.flow).toBe('report');
  });
});
