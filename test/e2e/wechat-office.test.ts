/**
 * The office loop with the unit working in its WeChat room (wechaty-puppet-mock): the room gets
 * the card as text with the commands; members bind with "绑定 CODE" and act with typed commands
 * ("接单 <number>", "办结 <number> <note>"); the resident, on Telegram, hears back at each step;
 * 不满意 reopens the ticket to the same unit and its room gets the card again.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { zhCN } from '../../src/i18n/zh-CN.js';
import type { MockWechat, SentToChat } from '../helpers/mock-wechat.js';
import { E2E_TIMEOUT_MS, TelegramResident, garbageUnit, startOfficeProduct, textOf, type OfficeProduct } from './product.js';

let p: OfficeProduct | undefined;
afterEach(async () => {
  await p?.close();
  p = undefined;
});

const texts = (list: SentToChat[]) => list.filter((m) => m.kind === 'text').map((m) => (m as { text: string }).text);

/** A member says something in the room; returns the bot's answers in the room once it falls quiet. */
async function inRoom(p: OfficeProduct, w: MockWechat, member: number, text: string, expected = 1): Promise<string[]> {
  const before = w.sentTo(w.room).length;
  w.text(w.residents[member]!, text, true);
  await w.waitForSent(w.room, before + expected, 10_000);
  await p.app.dispatcher.drain();
  await new Promise((r) => setTimeout(r, 100));
  return texts(w.sentTo(w.room).slice(before));
}

describe('office loop in a WeChat room', () => {
  it('card, 绑定, 接单, 办结 with a note, 不满意 reopens to the same unit', async () => {
    p = await startOfficeProduct({ wechat: true });
    const w = p.w!;
    const unit = garbageUnit(p.app.services.pack());
    expect(w.roomTopic).toBe(unit.contacts.wechat_room);
    const resident = new TelegramResident(p, 8301);
    const t = await resident.report();
    expect(t.unitId).toBe(unit.id);

    // The room gets the resident's photo and the card as text, with the commands to use.
    const card = await w.waitForSent(w.room, 2, 10_000);
    expect(card[0]?.kind).toBe('file');
    const cardText = texts(card).find((x) => x.includes(t.number))!;
    expect(cardText).toContain('【新工单】');
    expect(cardText).toContain(`接单 ${t.number}`);
    expect(cardText).toContain(`办结 ${t.number}`);

    // Unbound: refused.
    expect(await inRoom(p, w, 2, `接单 ${t.number}`)).toEqual([zhCN.office.notBound]);
    // Chatter is not answered.
    const quiet = w.sentTo(w.room).length;
    w.text(w.residents[2]!, '大家辛苦了', true);
    await new Promise((r) => setTimeout(r, 300));
    await p.app.dispatcher.drain();
    expect(w.sentTo(w.room).length).toBe(quiet);

    const wang = await p.app.staff.add({ login: 'wang', name: '王班长', unitId: unit.id, role: 'officer' });
    const code = await p.app.staff.issueBindCode(wang.id);
    expect(await inRoom(p, w, 1, `绑定 ${code.code}`)).toEqual([zhCN.office.bound({ name: '王班长', unit: unit.name })]);

    resident.fresh();
    expect(await inRoom(p, w, 1, `接单 ${t.number}`)).toEqual([zhCN.office.accepted({ number: t.number, name: '王班长' })]);
    expect(resident.fresh().map(textOf)).toEqual([zhCN.ticket.accepted({ number: t.number, unit: unit.name })]);

    expect(await inRoom(p, w, 1, `办结 ${t.number} 已清理完毕`)).toEqual([zhCN.office.resolved({ number: t.number, name: '王班长' })]);
    const told = resident.fresh();
    expect(told.map(textOf)).toEqual([zhCN.ticket.resolved({ number: t.number, unit: unit.name, note: '已清理完毕' })]);

    const before = w.sentTo(w.room).length;
    await resident.press(`rate:unsatisfied:${t.number}`);
    expect((await p.app.tickets.byId(t.id))!).toMatchObject({ state: 'reopened', unitId: unit.id });
    const again = texts((await w.waitForSent(w.room, before + 1, 10_000)).slice(before));
    expect(again.some((x) => x.startsWith(`【重新办理】${t.number}`) && x.includes('重办原因'))).toBe(true);

    // A reply to the resident typed in the room.
    expect(await inRoom(p, w, 1, `回复 ${t.number} 明早再派车复查`)).toEqual([zhCN.office.replied({ number: t.number, name: '王班长' })]);
    expect(resident.fresh().map(textOf)).toContain(zhCN.ticket.reply({ number: t.number, unit: unit.name, text: '明早再派车复查' }));
    const history = await p.app.tickets.history(t.id);
    expect(history.filter((e) => e.actor === `staff:${wang.id}`).map((e) => e.type)).toEqual(['accept', 'resolve', 'reply']);
  }, E2E_TIMEOUT_MS);
});
