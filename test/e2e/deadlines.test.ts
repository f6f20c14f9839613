/**
 * The deadline clock on the whole product, with its clock moved: a resident reports on a working
 * morning; an hour before the acceptance deadline the unit is reminded (once); at the end of the
 * working day the resident whose ticket was not accepted gets a status note and the supervisor an
 * alert (once); past the deadline the ticket escalates once to the supervisor with a 督办 notice
 * counting the reminders, and later sweeps do not escalate it again.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { formatDateTime } from '../../src/i18n/index.js';
import { zhCN } from '../../src/i18n/zh-CN.js';
import { E2E_TIMEOUT_MS, TelegramResident, garbageUnit, startOfficeProduct, supervisorOf, textOf, type OfficeProduct } from './product.js';

let p: OfficeProduct | undefined;
afterEach(async () => {
  await p?.close();
  p = undefined;
});

describe('deadline clock with the clock moved', () => {
  it('reminds once, notes the day end to the resident and the supervisor, escalates once', async () => {
    // Wednesday 25 November 2026, a working day in the cn calendar.
    p = await startOfficeProduct({ start: '2026-11-25T10:00:00+08:00' });
    const pack = p.app.services.pack();
    const unit = garbageUnit(pack);
    const supervisor = supervisorOf(pack, unit);
    expect(supervisor.contacts.telegram_chat).toBeDefined();
    const group = Number(unit.contacts.telegram_chat);
    const supGroup = Number(supervisor.contacts.telegram_chat);
    const tz = pack.city.timezone;

    const late = new TelegramResident(p, 8501);
    const t = await late.report();
    expect(t.ackDueAt).toBe(Date.parse('2026-11-25T17:30:00+08:00'));
    const prompt = new TelegramResident(p, 8502);
    const accepted = await prompt.report('单元门口的垃圾桶满了，袋子堆在地上，一直没人清运');
    await p.app.tickets.act(accepted.id, { type: 'accept' }, 'system');

    // Before the reminder window: nothing.
    p.setTime('2026-11-25T16:00:00+08:00');
    expect(await p.app.deadlines.sweep()).toEqual({ reminded: 0, escalated: 0 });

    // An hour before the acceptance deadline: one reminder to the unit, however often the sweep runs.
    p.setTime('2026-11-25T16:35:00+08:00');
    expect(await p.app.deadlines.sweep()).toEqual({ reminded: 1, escalated: 0 });
    p.setTime('2026-11-25T16:36:00+08:00');
    expect(await p.app.deadlines.sweep()).toEqual({ reminded: 0, escalated: 0 });
    await p.app.dispatcher.drain();
    const reminder = zhCN.office.reminderAck({ number: t.number, category: pack.categories.find((c) => c.id === t.categoryId)!.name, due: formatDateTime('zh-CN', t.ackDueAt, tz) });
    expect(p.sent(group).map(textOf).filter((x) => x === reminder)).toHaveLength(1);

    // The end of the working day: the resident whose ticket waits gets a note, the supervisor an alert.
    late.fresh();
    prompt.fresh();
    p.setTime('2026-11-25T17:30:00+08:00');
    expect(await p.app.deadlines.endOfDay()).toEqual({ notes: 1, alerts: 1 });
    expect(await p.app.deadlines.endOfDay()).toEqual({ notes: 0, alerts: 0 });
    await p.app.dispatcher.drain();
    expect(late.fresh().map(textOf)).toEqual([zhCN.ticket.dayEnd({ number: t.number, unit: unit.name })]);
    expect(prompt.fresh()).toEqual([]);
    const alerts = p.sent(supGroup).map(textOf).filter((x) => x.startsWith('【当日未接单】'));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toContain(t.number);
    expect(alerts[0]).not.toContain(accepted.number);

    // Past the deadline: escalated once, with a 督办 notice counting the one reminder; the unit keeps the ticket.
    p.setTime('2026-11-25T17:31:00+08:00');
    expect(await p.app.deadlines.sweep()).toEqual({ reminded: 0, escalated: 1 });
    for (const at of ['2026-11-25T17:32:00+08:00', '2026-11-25T20:00:00+08:00', '2026-11-26T09:00:00+08:00']) {
      p.setTime(at);
      expect((await p.app.deadlines.sweep()).escalated).toBe(0);
    }
    await p.app.dispatcher.drain();
    const after = (await p.app.tickets.byId(t.id))!;
    expect(after).toMatchObject({ state: 'escalated', unitId: unit.id });
    // Escalated by the 17:31 sweep, not by a later one.
    expect(after.escalatedAt).toBeGreaterThanOrEqual(Date.parse('2026-11-25T17:31:00+08:00'));
    expect(after.escalatedAt).toBeLessThan(Date.parse('2026-11-25T17:32:00+08:00'));
    const events = await p.app.tickets.history(t.id);
    expect(events.filter((e) => e.type === 'escalate')).toHaveLength(1);
    expect(events.filter((e) => e.type === 'remind')).toHaveLength(1);
    const notices = p.sent(supGroup).map(textOf).filter((x) => x.startsWith(`【督办】工单 ${t.number}`));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('此前已提醒 1 次');
    expect(notices[0]).toContain(`请${supervisor.name}督促办理`);
    // The unit gets the same notice; the resident is told it is being followed up.
    expect(p.sent(group).map(textOf).filter((x) => x.startsWith(`【督办】工单 ${t.number}`))).toHaveLength(1);
    expect(late.fresh().map(textOf)).toEqual([zhCN.ticket.escalated({ number: t.number, unit: supervisor.name })]);
    // The accepted ticket is not escalated (its resolution deadline is tomorrow evening).
    expect((await p.app.tickets.byId(accepted.id))!.escalatedAt).toBeNull();

    // The unit can still accept and resolve the escalated ticket.
    await p.app.tickets.act(t.id, { type: 'accept' }, 'system');
    expect((await p.app.tickets.byId(t.id))!.state).toBe('accepted');

    // A day off has no end-of-day round.
    p.setTime('2026-11-28T17:30:00+08:00');
    expect(await p.app.deadlines.endOfDay()).toEqual({ notes: 0, alerts: 0 });
  }, E2E_TIMEOUT_MS);
});
