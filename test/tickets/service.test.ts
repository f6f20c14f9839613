import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ticketHarness, type TicketHarness } from '../helpers/tickets.js';

let h: TicketHarness;
beforeEach(async () => {
  h = await ticketHarness();
});
afterEach(async () => {
  await h.db.cleanup();
});

const at = (iso: string) => Date.parse(iso);


describe('filing a report', () => {
  it('numbers, routes, sets deadlines and records events in one go', async () => {
    const resident = await h.resident();
    const t = await h.tickets.file({ resident, text: '渡口社区门口垃圾堆了三天没人清运', location: { lat: 30.03, lon: 120.03, crs: 'wgs84' } });
    expect(t.number).toBe('20261125-0001');
    expect(t).toMatchObject({ state: 'assigned', categoryId: 'litter', areaId: 'ferry', unitId: 'river-town', kind: 'report' });
    // Wednesday 10:00: accept by 17:30 today, resolve within 2 working days.
    expect(t.ackDueAt).toBe(at('2026-11-25T17:30:00+08:00'));
    expect(t.resolveDueAt).toBe(at('2026-11-27T17:30:00+08:00'));
    const events = await h.tickets.history(t.id);
    expect(events.map((e) => [e.type, e.fromState, e.toState, e.actor])).toEqual([
      ['created', null, 'submitted', `resident:${resident.id}`],
      ['assigned', 'submitted', 'assigned', 'system'],
    ]);
    const second = await h.tickets.file({ resident, text: '有辆车乱停车堵住消防通道' });
    expect(second.number).toBe('20261125-0002');
    expect(second).toMatchObject({ categoryId: 'parking', unitId: 'police', areaId: null });
  });

  it('queues the resident receipt and a card to every contact of the unit', async () => {
    const resident = await h.resident();
    const t = await h.tickets.file({ resident, text: '垃圾堆了好几天没人清运' });
    const rows = await h.outbox();
    expect(rows.map((r) => [r.channel, r.address])).toEqual([
      ['telegram', 'chat-42'],
      ['telegram', '-100111'],
      ['wechat', 'room:环卫站工单群'],
      ['wecom', 'WECOM_CLEANERS_URL'],
    ]);
    const receipt = rows[0]!.payload;
    expect(receipt.kind === 'text' && receipt.text).toContain(t.number);
    expect(receipt.kind === 'text' && receipt.text).toContain('县环卫站');
    const card = rows[1]!.payload;
    expect(card.kind === 'text' && card.buttons?.flat().map((b) => b.label)).toEqual(['接单', '转办', '办结', '退回']);
    // Offices see the pseudonym, never the platform id.
    expect(JSON.stringify(rows.slice(1))).not.toContain('42"');
    expect(JSON.stringify(rows.slice(1))).toContain(resident.pseudonym);
  });

  it('moves an after-hours Friday report to the next working day', async () => {
    h.clock.now = at('2026-11-27T18:05:00+08:00');
    const t = await h.tickets.file({ resident: await h.resident(), text: '垃圾没人清运' });
    expect(t.number).toBe('20261127-0001');
    expect(t.ackDueAt).toBe(at('2026-11-30T17:30:00+08:00'));
    expect(t.resolveDueAt).toBe(at('2026-12-02T17:30:00+08:00'));
  });

  it('skips the National Day holiday and counts the make-up Saturday', async () => {
    h.clock.now = at('2026-10-01T10:00:00+08:00');
    const t = await h.tickets.file({ resident: await h.resident(), text: '垃圾堆没人清运' });
    expect(t.ackDueAt).toBe(at('2026-10-08T17:30:00+08:00'));
    expect(t.resolveDueAt).toBe(at('2026-10-10T17:30:00+08:00'));
  });

  it('sends an unrecognisable report to the dispatcher', async () => {
    const t = await h.tickets.file({ resident: await h.resident(), text: '你们管管吧' });
    expect(t).toMatchObject({ categoryId: null, unitId: 'hub' });
  });

  it('honours the category the resident confirmed and converts GCJ-02 points to WGS-84', async () => {
    const t = await h.tickets.file({
      resident: await h.resident(),
      text: '这里有问题',
      categoryId: 'litter',
      location: { lat: 30.03, lon: 120.03, crs: 'gcj02' },
    });
    expect(t.categoryId).toBe('litter');
    expect(t.lat).not.toBeCloseTo(30.03, 4);
    expect(Math.abs(t.lat! - 30.03)).toBeLessThan(0.01);
  });

  it('refuses an unknown category and writes nothing', async () => {
    await expect(h.tickets.file({ resident: await h.resident(), text: 'x', categoryId: 'nope' })).rejects.toMatchObject({ code: 'UNKNOWN_REFERENCE' });
    expect(await h.db.store.tickets.list({})).toEqual([]);
    expect(await h.outbox()).toEqual([]);
  });
});

describe('acting on a ticket', () => {
  it('walks accept, reply, resolve, unsatisfied rating (reopen), resolve, satisfied (close)', async () => {
    const resident = await h.resident();
    const t = await h.tickets.file({ resident, text: '垃圾没人清运' });
    h.clock.now += 60_000;
    expect((await h.tickets.act(t.id, { type: 'accept' }, 'staff:1')).state).toBe('accepted');
    await h.tickets.reply(t.id, '已安排人员前往', 'staff:1');
    const resolved = await h.tickets.act(t.id, { type: 'resolve', note: '已清理完毕' }, 'staff:1');
    expect(resolved).toMatchObject({ state: 'resolved' });
    expect(resolved.resolvedAt).toBe(h.clock.now);
    const reopened = await h.tickets.rate(t.id, 'unsatisfied', resident.id, '还有残留');
    expect(reopened).toMatchObject({ state: 'reopened', unitId: 'cleaners', rating: 'unsatisfied' });
    await h.tickets.act(t.id, { type: 'resolve', note: '已彻底清理' }, 'staff:1');
    const closed = await h.tickets.rate(t.id, 'satisfied', resident.id);
    expect(closed).toMatchObject({ state: 'closed', rating: 'satisfied' });
    const types = (await h.tickets.history(t.id)).map((e) => e.type);
    expect(types).toEqual(['created', 'assigned', 'accept', 'reply', 'resolve', 'reopen', 'resolve', 'close']);
    const texts = (await h.outbox()).filter((r) => r.address === 'chat-42').map((r) => (r.payload.kind === 'text' ? r.payload.text : ''));
    expect(texts.some((x) => x.includes('已由县环卫站接单'))).toBe(true);
    expect(texts.some((x) => x.includes('已安排人员前往'))).toBe(true);
    expect(texts.some((x) => x.includes('已清理完毕'))).toBe(true);
  });

  it('refuses an invalid transition with a typed error and changes nothing', async () => {
    const t = await h.tickets.file({ resident: await h.resident(), text: '垃圾没人清运' });
    await expect(h.tickets.act(t.id, { type: 'close' }, 'staff:1')).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    expect((await h.tickets.byId(t.id))!.state).toBe('assigned');
    expect((await h.tickets.history(t.id)).length).toBe(2);
  });

  it('transfers to another unit and sends that unit a card', async () => {
    const t = await h.tickets.file({ resident: await h.resident(), text: '有车乱停车堵住消防通道' });
    const moved = await h.tickets.act(t.id, { type: 'transfer', toUnitId: 'cleaners', reason: '实为垃圾车' }, 'staff:2');
    expect(moved).toMatchObject({ state: 'transferred', unitId: 'cleaners' });
    const cards = (await h.outbox()).filter((r) => r.address === '-100111');
    expect(cards).toHaveLength(1);
    expect(cards[0]!.payload.kind === 'text' && cards[0]!.payload.text).toContain('转办工单');
  });

  it('rejects with a reason the resident is told', async () => {
    const t = await h.tickets.file({ resident: await h.resident(), text: '垃圾没人清运' });
    await expect(h.tickets.act(t.id, { type: 'reject', reasonKind: 'duplicate', note: '' } as never, 'staff:1')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const r = await h.tickets.act(t.id, { type: 'reject', reasonKind: 'duplicate', note: '与 20261125-0001 重复' }, 'staff:1');
    expect(r).toMatchObject({ state: 'rejected', rejectReason: 'duplicate: 与 20261125-0001 重复' });
  });

  it('does not let a resident rate someone else’s ticket', async () => {
    const owner = await h.resident('telegram', '1');
    const other = await h.resident('telegram', '2');
    const t = await h.tickets.file({ resident: owner, text: '垃圾没人清运' });
    await h.tickets.act(t.id, { type: 'resolve', note: 'ok' }, 'staff:1');
    await expect(h.tickets.rate(t.id, 'satisfied', other.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
