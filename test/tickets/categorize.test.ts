import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ticketHarness, type TicketHarness } from '../helpers/tickets.js';

let h: TicketHarness;
beforeEach(async () => {
  h = await ticketHarness(); // Wednesday 2026-11-25 10:00, Shanghai
});
afterEach(async () => {
  await h.db.cleanup();
});

const at = (iso: string) => Date.parse(iso);

describe('classifying a ticket the router could not (manual dispatch)', () => {
  it("sets the category and the resolution deadline its SLA gives from the report, as an event by the dispatcher", async () => {
    const t = await h.tickets.file({ resident: await h.resident(), text: '你们管管吧', categoryId: null });
    // No category: the default SLA, one working day.
    expect(t.resolveDueAt).toBe(at('2026-11-26T17:30:00+08:00'));
    h.clock.now = at('2026-11-25T15:00:00+08:00');
    const done = await h.tickets.categorize(t.id, 'litter', 'staff:7');
    // 垃圾堆放 allows two working days, counted from the Wednesday report.
    expect(done).toMatchObject({ categoryId: 'litter', state: t.state, unitId: t.unitId });
    expect(done.resolveDueAt).toBe(at('2026-11-27T17:30:00+08:00'));
    expect(done.ackDueAt).toBe(t.ackDueAt);
    const last = (await h.tickets.history(t.id)).at(-1);
    expect(last).toMatchObject({ type: 'categorize', actor: 'staff:7', fromState: t.state, toState: t.state });
    expect(last?.data).toMatchObject({ category: 'litter', resolveDueAt: done.resolveDueAt });
  });

  it('never hands over a ticket already overdue: a late dispatch gets at least the end of its working day', async () => {
    const t = await h.tickets.file({ resident: await h.resident(), text: '你们管管吧', categoryId: null });
    h.clock.now = at('2026-11-30T10:00:00+08:00'); // the next Monday, past Friday's deadline
    const done = await h.tickets.categorize(t.id, 'litter', 'staff:7');
    expect(done.resolveDueAt).toBe(at('2026-11-30T17:30:00+08:00'));
  });

  it('refuses a ticket that has a category, or an unknown category, and changes nothing', async () => {
    const routed = await h.tickets.file({ resident: await h.resident(), text: '垃圾堆了好几天没人清运' });
    await expect(h.tickets.categorize(routed.id, 'parking', 'staff:7')).rejects.toMatchObject({ code: 'CONFLICT' });
    const t = await h.tickets.file({ resident: await h.resident(), text: '你们管管吧', categoryId: null });
    await expect(h.tickets.categorize(t.id, 'no-such', 'staff:7')).rejects.toMatchObject({ code: 'UNKNOWN_REFERENCE' });
    expect(await h.tickets.byId(t.id)).toEqual(t);
    expect((await h.tickets.history(t.id)).map((e) => e.type)).not.toContain('categorize');
  });
});
