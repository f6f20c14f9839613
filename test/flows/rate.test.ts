import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createChatHarness, type ChatHarness } from '../helpers/chat-harness.js';

let h: ChatHarness;
beforeEach(async () => {
  h = await createChatHarness();
});
afterEach(async () => {
  await h.close();
});

/** A report by u1, resolved by its office; returns the ticket's id and number. */
async function resolvedTicket(user = 'u1'): Promise<{ id: number; number: string }> {
  await h.send('北街垃圾桶满了没人收，臭得很', { user });
  await h.press('跳过', { user });
  await h.press('跳过', { user });
  await h.press('确认提交', { user });
  const [t] = await h.tickets.forResident((await h.resident(user)).id);
  await h.tickets.act(t!.id, { type: 'resolve', note: '已清运完毕' }, 'staff:1');
  // The resolution notice with its rating buttons reaches the resident through the outbox.
  const notice = await h.unread(user);
  expect(notice.join('\n')).toContain('已清运完毕');
  return { id: t!.id, number: t!.number };
}

describe('rate flow', () => {
  it('satisfied closes the ticket; the comment is kept', async () => {
    const t = await resolvedTicket();
    expect(h.lastReplies()[0]?.buttons.map((b) => b.data)).toContain(`rate:satisfied:${t.number}`);
    const r = (await h.press('满意')).join('\n');
    expect(r).toContain('已办结归档');
    expect(r).toContain('想补充几句');
    expect((await h.tickets.byId(t.id))).toMatchObject({ state: 'closed', rating: 'satisfied' });
    expect((await h.send('师傅来得很快')).join('\n')).toContain('已记下您的补充');
    const comment = (await h.tickets.history(t.id)).find((e) => e.type === 'comment');
    expect(comment).toMatchObject({ note: '师傅来得很快', actor: `resident:${(await h.resident()).id}` });
  });

  it('不满意 reopens the ticket, and the skip button ends the flow', async () => {
    const t = await resolvedTicket();
    const r = (await h.press('不满意')).join('\n');
    expect(r).toContain('重新交');
    expect(await h.tickets.byId(t.id)).toMatchObject({ state: 'reopened', rating: 'unsatisfied' });
    expect((await h.press('跳过')).join('\n')).toContain('好的');
    expect((await h.db.store.conversations.get('web', 'chat-u1'))?.flow).toBeNull();
  });

  it('takes a typed rating when a resolved ticket waits for one', async () => {
    const t = await resolvedTicket();
    await h.send('基本满意');
    expect(await h.tickets.byId(t.id)).toMatchObject({ state: 'closed', rating: 'neutral' });
    // Nothing waits any more: 满意 is an ordinary message now and changes nothing.
    await h.send('跳过');
    const again = (await h.send('满意')).join('\n');
    expect(again).not.toContain('想补充');
    expect(await h.tickets.byId(t.id)).toMatchObject({ state: 'closed', rating: 'neutral' });
  });

  it('refuses a second rating and someone else\'s ticket', async () => {
    const t = await resolvedTicket();
    await h.press('满意');
    await h.press('跳过');
    const twice = (await h.send({ kind: 'button', data: `rate:unsatisfied:${t.number}` })).join('\n');
    expect(twice).toContain('不需要评价');
    expect((await h.tickets.byId(t.id))?.state).toBe('closed');
    const other = (await h.send({ kind: 'button', data: `rate:unsatisfied:${t.number}` }, { user: 'u2' })).join('\n');
    expect(other).toContain('没有找到');
    expect((await h.tickets.byId(t.id))?.state).toBe('closed');
  });
});
