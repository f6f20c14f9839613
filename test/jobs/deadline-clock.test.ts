/**
 * The deadline clock over a real database and the ticket fixture pack, with the clock moved by
 * hand: which sweep reminds, which escalates, and that nothing happens twice.
 */
import cron from 'node-cron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkCalendar } from '../../src/calendar/index.js';
import { zhCN } from '../../src/i18n/zh-CN.js';
import { createDeadlineClock, type DeadlineClock } from '../../src/jobs/index.js';
import { ticketHarness, type TicketHarness } from '../helpers/tickets.js';

let h: TicketHarness;
let clock: DeadlineClock;
const at = (iso: string) => Date.parse(iso);

beforeEach(async () => {
  // Wednesday 25 November 2026, 10:00.
  h = await ticketHarness();
  clock = createDeadlineClock({ store: h.db.store, tickets: h.tickets, pack: () => h.pack, calendar: createWorkCalendar(h.pack.city), clock: () => h.clock.now }, { schedule: false });
});
afterEach(async () => {
  await clock.stop();
  await h.db.cleanup();
});

const texts = async (address: string) => (await h.outbox()).filter((r) => r.address === address).map((r) => (r.payload.kind === 'text' ? r.payload.text : ''));

describe('deadline clock', () => {
  it('reminds before the resolution deadline once, after acceptance', async () => {
    const t = await h.tickets.file({ resident: await h.resident(), text: '垃圾堆了好几天没人清运' });
    await h.tickets.act(t.id, { type: 'accept' }, 'system');
    expect(t.resolveDueAt).toBe(at('2026-11-27T17:30:00+08:00'));
    h.clock.now = at('2026-11-27T15:29:00+08:00');
    expect(await clock.sweep()).toEqual({ reminded: 0, escalated: 0 });
    h.clock.now = at('2026-11-27T15:30:00+08:00');
    expect(await clock.sweep()).toEqual({ reminded: 1, escalated: 0 });
    h.clock.now = at('2026-11-27T17:00:00+08:00');
    expect(await clock.sweep()).toEqual({ reminded: 0, escalated: 0 });
    const group = await texts('-100111');
    expect(group.filter((x) => x.startsWith('【办结提醒】'))).toHaveLength(1);
    // Past it: escalated once, to the supervisor, counting the one reminder.
    h.clock.now = at('2026-11-27T17:31:00+08:00');
    expect(await clock.sweep()).toEqual({ reminded: 0, escalated: 1 });
    expect(await clock.sweep()).toEqual({ reminded: 0, escalated: 0 });
    const after = (await h.tickets.byId(t.id))!;
    expect(after).toMatchObject({ state: 'escalated', unitId: 'cleaners' });
    const escalate = (await h.tickets.history(t.id)).filter((e) => e.type === 'escalate');
    expect(escalate.map((e) => [e.actor, e.data?.['toUnitId'], e.note])).toEqual([['system', 'hub', zhCN.office.overdueReason.resolve]]);
    const notice = (await texts('-100111')).find((x) => x.startsWith('【督办】'))!;
    expect(notice).toContain('办结时限');
    expect(notice).toContain('此前已提醒 1 次');
    expect(notice).toContain('请县创卫办督促办理');
  });

  it('escalates a ticket of a unit without a supervisor to the dispatcher, with no reminder if the sweep missed the window', async () => {
    const t = await h.tickets.file({ resident: await h.resident(), text: '今天天气不错' });
    expect(t.unitId).toBe('hub');
    h.clock.now = at('2026-11-26T09:00:00+08:00');
    expect(await clock.sweep()).toEqual({ reminded: 0, escalated: 1 });
    const e = (await h.tickets.history(t.id)).find((x) => x.type === 'escalate')!;
    expect(e.data?.['toUnitId']).toBe(h.pack.city.dispatcher);
  });

  it('reminds again after a reopen gave the ticket new deadlines', async () => {
    const resident = await h.resident();
    const t = await h.tickets.file({ resident, text: '垃圾堆了好几天没人清运' });
    h.clock.now = at('2026-11-25T16:45:00+08:00');
    expect((await clock.sweep()).reminded).toBe(1);
    await h.tickets.act(t.id, { type: 'resolve', note: '已清理' }, 'system');
    h.clock.now = at('2026-11-26T10:00:00+08:00');
    const reopened = await h.tickets.rate(t.id, 'unsatisfied', resident.id);
    expect(reopened.ackDueAt).toBe(at('2026-11-26T17:30:00+08:00'));
    expect((await clock.sweep()).escalated).toBe(0);
    h.clock.now = at('2026-11-26T16:40:00+08:00');
    expect(await clock.sweep()).toEqual({ reminded: 1, escalated: 0 });
    expect((await h.tickets.history(t.id)).filter((e) => e.type === 'remind')).toHaveLength(2);
  });

  it('sends the day-end note only for tickets of that day still waiting, once', async () => {
    const resident = await h.resident();
    const other = await h.resident('wechat', 'wx-1');
    const waiting = await h.tickets.file({ resident, text: '垃圾堆了好几天没人清运' });
    const taken = await h.tickets.file({ resident: other, text: '有辆车乱停车堵住消防通道' });
    await h.tickets.act(taken.id, { type: 'accept' }, 'system');
    h.clock.now = at('2026-11-25T17:30:00+08:00');
    // The fixture's supervisor (县创卫办) has no chat contacts: nobody to alert (the console lists the ticket as overdue).
    expect(await clock.endOfDay()).toEqual({ notes: 1, alerts: 0 });
    expect(await clock.endOfDay()).toEqual({ notes: 0, alerts: 0 });
    expect(await texts('chat-42')).toContain(zhCN.ticket.dayEnd({ number: waiting.number, unit: '县环卫站' }));
    expect((await texts('chat-wx-1')).some((x) => x.includes('今天'))).toBe(false);
    // The next day, yesterday's ticket is not "of that day" any more (the escalation covers it).
    h.clock.now = at('2026-11-26T17:30:00+08:00');
    expect(await clock.endOfDay()).toEqual({ notes: 0, alerts: 0 });
  });

  it('schedules its two jobs in the city timezone on start and removes them on stop', async () => {
    const live = createDeadlineClock({ store: h.db.store, tickets: h.tickets, pack: () => h.pack, calendar: createWorkCalendar(h.pack.city), clock: () => h.clock.now });
    live.start();
    const names = () => [...cron.getTasks().values()].map((t) => t.name).filter((n) => n?.startsWith('deadline-'));
    expect(names().sort()).toEqual(['deadline-day-end', 'deadline-sweep']);
    await live.stop();
    expect(names()).toEqual([]);
  });
});
