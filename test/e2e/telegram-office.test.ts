/**
 * The office loop with the unit working in its Telegram group: a resident reports on Telegram,
 * the unit's group gets the card with the photo and the four buttons, an unbound member's press is
 * refused, a bound officer accepts (the resident is told) and resolves with a note (the resident is
 * asked to rate), the resident answers 不满意 and the ticket is reopened to the same unit, whose
 * group gets the card again and then the resident's added note.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { zhCN } from '../../src/i18n/zh-CN.js';
import { E2E_TIMEOUT_MS, GroupMember, TelegramResident, buttonsOf, garbageUnit, startOfficeProduct, textOf, type OfficeProduct } from './product.js';

let p: OfficeProduct | undefined;
afterEach(async () => {
  await p?.close();
  p = undefined;
});

describe('office loop in a Telegram group', () => {
  it('card, refusal of an unbound member, accept, resolve with a note, 不满意 reopens to the same unit', async () => {
    p = await startOfficeProduct();
    const pack = p.app.services.pack();
    const unit = garbageUnit(pack);
    const group = Number(unit.contacts.telegram_chat);
    const resident = new TelegramResident(p, 8101);

    const t = await resident.report();
    expect(t.unitId).toBe(unit.id);
    expect(t.state).toBe('assigned');

    // The card: the resident's photo, the number, the pseudonym (never the platform id), the four buttons.
    const cards = p.sent(group).filter((m) => textOf(m).includes(t.number));
    expect(cards).toHaveLength(1);
    const card = cards[0]!;
    expect(card.method).toBe('sendPhoto');
    expect(textOf(card)).toContain('【新工单】');
    const reporter = (await p.app.store.residents.byId(t.residentId!))!;
    expect(textOf(card)).toContain(reporter.pseudonym);
    expect(textOf(card)).not.toContain('8101');
    expect(buttonsOf([card])).toEqual([`t:accept:${t.number}`, `t:transfer:${t.number}`, `t:resolve:${t.number}`, `t:reject:${t.number}`]);

    // (e) A member who never bound presses 接单: refused politely, nothing changes.
    const stranger = new GroupMember(p, group, 8199);
    const refused = await stranger.press(`t:accept:${t.number}`);
    expect(refused.map(textOf)).toEqual([zhCN.office.notBound]);
    expect((await p.app.tickets.byId(t.id))!.state).toBe('assigned');

    // A bound officer of another unit is refused too, naming the unit in charge.
    const other = pack.units.find((u) => u.id !== unit.id && u.id !== pack.city.dispatcher && !pack.units.some((x) => x.supervisor === u.id))!;
    const outsider = await p.app.staff.add({ login: 'zhao', name: '赵干事', unitId: other.id, role: 'officer' });
    const outsiderCode = await p.app.staff.issueBindCode(outsider.id);
    const outsiderMember = new GroupMember(p, group, 8198);
    expect((await outsiderMember.say(`/bind ${outsiderCode.code}`)).map(textOf)).toEqual([zhCN.office.bound({ name: '赵干事', unit: other.name })]);
    const notYours = await outsiderMember.press(`t:accept:${t.number}`);
    expect(notYours.map(textOf)).toEqual([zhCN.office.notYours({ number: t.number, unit: unit.name, name: '赵干事', staffUnit: other.name })]);

    // The officer binds in a private chat with the bot, with the one-time code.
    const li = await p.app.staff.add({ login: 'li', name: '李师傅', unitId: unit.id, role: 'officer' });
    const code = await p.app.staff.issueBindCode(li.id);
    const officerPrivate = new TelegramResident(p, 8102);
    expect((await officerPrivate.text(`/bind ${code.code}`)).map(textOf)).toEqual([zhCN.office.bound({ name: '李师傅', unit: unit.name })]);
    // Used once: the same code again is refused.
    expect((await officerPrivate.text(`/bind ${code.code}`)).map(textOf)).toEqual([zhCN.office.bindFailed.used]);

    // 接单: acknowledged in the group, the resident told which unit accepted.
    const officer = new GroupMember(p, group, 8102);
    resident.fresh();
    expect((await officer.press(`t:accept:${t.number}`)).map(textOf)).toEqual([zhCN.office.accepted({ number: t.number, name: '李师傅' })]);
    expect((await p.app.tickets.byId(t.id))!.state).toBe('accepted');
    expect(resident.fresh().map(textOf)).toEqual([zhCN.ticket.accepted({ number: t.number, unit: unit.name })]);
    // Pressing again is answered, not applied twice.
    expect((await officer.press(`t:accept:${t.number}`)).map(textOf)).toEqual([
      zhCN.office.notAllowed({ number: t.number, state: zhCN.ticket.states.accepted, action: zhCN.office.actions.accept }),
    ]);

    // 办结: the bot asks for the note; the officer's next message in the group is the note.
    expect((await officer.press(`t:resolve:${t.number}`)).map(textOf)).toEqual([zhCN.office.askResolveNote({ number: t.number, name: '李师傅' })]);
    // Someone else's message in between is not taken as the note.
    expect(await stranger.say('收到')).toEqual([]);
    expect((await officer.say('已安排环卫车清运，现场已冲洗')).map(textOf)).toEqual([zhCN.office.resolved({ number: t.number, name: '李师傅' })]);
    const resolved = (await p.app.tickets.byId(t.id))!;
    expect(resolved.state).toBe('resolved');
    const told = resident.fresh();
    expect(told.map(textOf)).toEqual([zhCN.ticket.resolved({ number: t.number, unit: unit.name, note: '已安排环卫车清运，现场已冲洗' })]);
    expect(buttonsOf(told)).toEqual([`rate:satisfied:${t.number}`, `rate:neutral:${t.number}`, `rate:unsatisfied:${t.number}`]);

    // 不满意: reopened to the same unit; its group gets the card again.
    const before = p.sent(group).length;
    const afterRating = await resident.press(`rate:unsatisfied:${t.number}`);
    const reopened = (await p.app.tickets.byId(t.id))!;
    expect(reopened).toMatchObject({ state: 'reopened', unitId: unit.id, rating: 'unsatisfied', acceptedAt: null });
    expect(afterRating.map(textOf)).toContain(zhCN.ticket.reopened({ number: t.number, unit: unit.name }));
    const again = p.sent(group).slice(before);
    expect(again.some((m) => textOf(m).startsWith(`【重新办理】${t.number}`))).toBe(true);

    // The resident's reason reaches the group through the ticket service.
    await resident.text('垃圾还在，根本没清');
    expect(p.sent(group).map(textOf)).toContain(zhCN.office.residentComment({ number: t.number, rating: zhCN.rating.unsatisfied, text: '垃圾还在，根本没清' }));
    const events = await p.app.tickets.history(t.id);
    expect(events.map((e) => e.type)).toEqual(['created', 'assigned', 'accept', 'resolve', 'reopen', 'comment']);
    expect(events.find((e) => e.type === 'accept')!.actor).toBe(`staff:${li.id}`);
  }, E2E_TIMEOUT_MS);

  it('transfer and reject by buttons, and commands typed in the group', async () => {
    p = await startOfficeProduct();
    const pack = p.app.services.pack();
    const unit = garbageUnit(pack);
    const group = Number(unit.contacts.telegram_chat);
    const first = await new TelegramResident(p, 8201).report();
    const second = await new TelegramResident(p, 8202).report('小区东门垃圾桶满了一地，好几天没人收');
    const li = await p.app.staff.add({ login: 'li', name: '李师傅', unitId: unit.id, role: 'officer' });
    const officer = new GroupMember(p, group, 8203);
    await officer.say(`绑定 ${(await p.app.staff.issueBindCode(li.id)).code}`);

    // 转办: unit buttons, then the reason as the next message; the new unit gets a card.
    const target = pack.units.find((u) => u.id !== unit.id && u.contacts.telegram_chat)!;
    const ask = await officer.press(`t:transfer:${first.number}`);
    expect(textOf(ask[0]!)).toBe(zhCN.office.askTransferUnit({ number: first.number, name: '李师傅' }));
    expect(buttonsOf(ask)).toContain(`t:to:${first.number}:${target.id}`);
    expect(buttonsOf(ask)).not.toContain(`t:to:${first.number}:${unit.id}`);
    expect((await officer.press(`t:to:${first.number}:${target.id}`)).map(textOf)).toEqual([
      zhCN.office.askTransferReason({ number: first.number, name: '李师傅', unit: target.name }),
    ]);
    expect((await officer.say('属于调度范围')).map(textOf)).toEqual([zhCN.office.transferred({ number: first.number, name: '李师傅', unit: target.name })]);
    expect((await p.app.tickets.byId(first.id))!).toMatchObject({ state: 'transferred', unitId: target.id });
    expect(p.sent(Number(target.contacts.telegram_chat)).some((m) => textOf(m).includes(`【转办工单】${first.number}`) && textOf(m).includes('转办理由：属于调度范围'))).toBe(true);

    // 退回 by a typed command with kind and note.
    expect((await officer.say(`退回 ${second.number} 无效 现场核实无此情况`)).map(textOf)).toEqual([
      zhCN.office.rejected({ number: second.number, name: '李师傅', kind: zhCN.office.rejectKinds.invalid }),
    ]);
    expect((await p.app.tickets.byId(second.id))!).toMatchObject({ state: 'rejected', rejectReason: 'invalid: 现场核实无此情况' });
    // A verb without a number gets the format; an unknown number is named.
    expect((await officer.say('接单')).map(textOf)).toEqual([zhCN.office.usage({ action: '接单', example: zhCN.office.examples.accept })]);
    expect((await officer.say('接单 20991231-0001')).map(textOf)).toEqual([zhCN.office.notFound({ number: '20991231-0001' })]);
  }, E2E_TIMEOUT_MS);
});
