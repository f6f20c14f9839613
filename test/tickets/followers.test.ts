import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ticketHarness, type TicketHarness } from '../helpers/tickets.js';

let h: TicketHarness;
beforeEach(async () => {
  h = await ticketHarness();
});
afterEach(async () => {
  await h.db.cleanup();
});

const said = async (address: string) => (await h.outbox()).filter((r) => r.address === address).map((r) => (r.payload.kind === 'text' ? r.payload.text : `[${r.payload.kind}]`));

describe('followers and comments', () => {
  it('a follower hears every update, the unit learns the count, only the reporter rates', async () => {
    const reporter = await h.resident('telegram', '1');
    const follower = await h.resident('wechat', '2');
    const t = await h.tickets.file({ resident: reporter, text: '垃圾堆了好几天没人清运' });
    expect(await h.tickets.follow(t.id, follower.id)).toBe(true);
    expect(await h.tickets.follow(t.id, follower.id)).toBe(false);
    expect(await h.tickets.follow(t.id, reporter.id)).toBe(false);
    expect((await h.tickets.reporters([t.id])).get(t.id)).toBe(2);
    expect(await said('-100111')).toContain(`工单 ${t.number}：又有居民反映同一问题，已有 2 位居民反映。`);

    await h.tickets.act(t.id, { type: 'accept' }, 'staff:1');
    await h.tickets.reply(t.id, '明天上午清运', 'staff:1');
    await h.tickets.act(t.id, { type: 'resolve', note: '已清运' }, 'staff:1', { photo: { path: 'x/after.png', mime: 'image/png' } });
    const toFollower = await said('chat-2');
    expect(toFollower).toEqual([
      `工单 ${t.number} 已由县环卫站接单，正在处理。`,
      `工单 ${t.number} 县环卫站回复：明天上午清运`,
      `您关注的工单 ${t.number} 已由县环卫站办结：已清运`,
      '[photo]',
    ]);
    const rows = await h.outbox();
    expect(rows.filter((r) => r.address === 'chat-2').some((r) => r.payload.kind === 'text' && r.payload.buttons)).toBe(false);
    expect(rows.filter((r) => r.address === 'chat-1').some((r) => r.payload.kind === 'text' && r.payload.buttons?.flat().some((b) => b.data.startsWith('rate:')))).toBe(true);
    // A reopened card tells the unit how many reported it.
    await h.tickets.rate(t.id, 'unsatisfied', reporter.id);
    expect((await said('-100111')).some((x) => x.startsWith(`【重新办理】${t.number}`) && x.includes('已有 2 位居民反映'))).toBe(true);
    // A closed ticket cannot be followed.
    await h.tickets.act(t.id, { type: 'resolve', note: '再次清运' }, 'staff:1');
    await h.tickets.rate(t.id, 'satisfied', reporter.id);
    await expect(h.tickets.follow(t.id, (await h.resident('telegram', '3')).id)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it("a resident's comment is kept and passed on to the unit; a stranger's is refused", async () => {
    const reporter = await h.resident('telegram', '1');
    const t = await h.tickets.file({ resident: reporter, text: '垃圾堆了好几天没人清运' });
    await h.tickets.comment(t.id, reporter.id, { text: '  还有一袋在树下 ', rating: 'unsatisfied', photo: { path: 'p/1.png', mime: 'image/png' } });
    const e = (await h.tickets.history(t.id)).at(-1)!;
    expect([e.type, e.note, e.data]).toEqual(['comment', '还有一袋在树下', { rating: 'unsatisfied' }]);
    expect((await h.tickets.photos(t.id)).map((p) => p.source)).toEqual(['resident']);
    expect(await said('-100111')).toContain(`【居民补充】工单 ${t.number}（评价：不满意）：还有一袋在树下`);
    expect(await said('WECOM_CLEANERS_URL')).not.toContain('[photo]');
    await expect(h.tickets.comment(t.id, (await h.resident('telegram', '9')).id, { text: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(h.tickets.comment(t.id, reporter.id, { text: '  ' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});
