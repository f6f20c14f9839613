import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Resident } from '../../../src/store/ports.js';
import { consoleHarness, type ConsoleHarness } from './helpers.js';

let h: ConsoleHarness;
let resident: Resident;
const at = (iso: string) => Date.parse(iso);

beforeEach(async () => {
  h = await consoleHarness({ start: '2026-11-24T10:00:00+08:00' });
  resident = await h.resident();
});
afterEach(async () => {
  await h.close();
});

async function file(text: string, when: string) {
  h.clock.now = at(when);
  return h.tickets.file({ resident, text });
}

async function step(when: string, fn: () => Promise<unknown>) {
  h.clock.now = at(when);
  await fn();
}

describe('per-unit summary', () => {
  it('counts received, on-time acceptance and resolution, resolution and satisfaction rates for the period', async () => {
    const staff = 'staff:1';
    // Before the period: not counted.
    await file('垃圾堆了好几天没人清运', '2026-11-24T10:00:00+08:00');
    // Wednesday 25th: acceptance due 17:30 today; litter resolves within 2 working days (27th 17:30).
    const t1 = await file('垃圾堆了好几天没人清运 一', '2026-11-25T09:00:00+08:00');
    const t2 = await file('垃圾堆了好几天没人清运 二', '2026-11-25T09:10:00+08:00');
    const t3 = await file('垃圾堆了好几天没人清运 三', '2026-11-25T09:20:00+08:00');
    const t4 = await file('有辆车乱停车堵住消防通道', '2026-11-25T09:30:00+08:00');
    expect([t1, t2, t3].map((t) => t.unitId)).toEqual(['cleaners', 'cleaners', 'cleaners']);
    expect(t4.unitId).toBe('police');

    await step('2026-11-25T11:00:00+08:00', () => h.tickets.act(t1.id, { type: 'accept' }, staff)); // on time
    await step('2026-11-26T10:00:00+08:00', () => h.tickets.act(t1.id, { type: 'resolve', note: '已清运' }, staff)); // on time
    await step('2026-11-26T11:00:00+08:00', () => h.tickets.rate(t1.id, 'satisfied', resident.id));

    await step('2026-11-25T18:00:00+08:00', () => h.tickets.act(t2.id, { type: 'accept' }, staff)); // late
    await step('2026-11-30T10:00:00+08:00', () => h.tickets.act(t2.id, { type: 'resolve', note: '已清运' }, staff)); // late
    await step('2026-11-30T11:00:00+08:00', () => h.tickets.rate(t2.id, 'neutral', resident.id));

    // Resolved without pressing accept (counts as accepted then), rated not satisfied: reopened.
    await step('2026-11-25T16:00:00+08:00', () => h.tickets.act(t3.id, { type: 'resolve', note: '已清运' }, staff));
    await step('2026-11-25T17:00:00+08:00', () => h.tickets.rate(t3.id, 'unsatisfied', resident.id));

    await step('2026-11-25T12:00:00+08:00', () => h.tickets.act(t4.id, { type: 'accept' }, staff));

    await h.addStaff('zhou', 'hub', 'supervisor');
    await h.addStaff('li', 'police');
    const chief = await h.login('zhou');
    const res = await h.server.inject({ method: 'GET', url: '/console/api/summary?from=2026-11-25&to=2026-11-30', headers: { cookie: chief } });
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s.units.map((u: { unitId: string }) => u.unitId)).toEqual(['hub', 'cleaners', 'police', 'river-town']);
    const cleaners = s.units.find((u: { unitId: string }) => u.unitId === 'cleaners');
    expect(cleaners).toMatchObject({
      unitName: '县环卫站',
      received: 3,
      acceptedOnTime: 1, // t1; t2 late; t3 reopened (its acceptance was reset)
      resolved: 2,
      resolvedOnTime: 1,
      rated: 3,
      satisfied: 1,
      neutral: 1,
      unsatisfied: 1,
    });
    expect(cleaners.acceptedOnTimeRate).toBeCloseTo(1 / 3, 6);
    expect(cleaners.resolutionRate).toBeCloseTo(2 / 3, 6);
    expect(cleaners.satisfactionRate).toBeCloseTo((1 + 0.9) / 3, 6);
    expect(s.units.find((u: { unitId: string }) => u.unitId === 'police')).toMatchObject({
      received: 1,
      acceptedOnTime: 1,
      resolved: 0,
      rated: 0,
      satisfactionRate: null,
      resolutionRate: 0,
    });
    expect(s.units.find((u: { unitId: string }) => u.unitId === 'hub')).toMatchObject({ received: 0, resolutionRate: null });
    expect(s.total).toMatchObject({ received: 4, acceptedOnTime: 2, resolved: 2, resolvedOnTime: 1, rated: 3 });

    // The 24th is counted when the period includes it; an officer sees their own unit only.
    const wider = await h.server.inject({ method: 'GET', url: '/console/api/summary?from=2026-11-24&to=2026-11-24', headers: { cookie: chief } });
    expect(wider.json().total.received).toBe(1);
    const officer = await h.login('li');
    const own = await h.server.inject({ method: 'GET', url: '/console/api/summary?from=2026-11-25&to=2026-11-30', headers: { cookie: officer } });
    expect(own.json().units.map((u: { unitId: string }) => u.unitId)).toEqual(['police']);
    const backwards = await h.server.inject({ method: 'GET', url: '/console/api/summary?from=2026-11-30&to=2026-11-25', headers: { cookie: officer } });
    expect(backwards.statusCode).toBe(400);
  });

  it('defaults to the current month in the city time', async () => {
    h.clock.now = at('2026-11-25T10:00:00+08:00');
    await h.addStaff('zhou', 'hub', 'supervisor');
    const res = await h.server.inject({ method: 'GET', url: '/console/api/summary', headers: { cookie: await h.login('zhou') } });
    expect(res.json()).toMatchObject({ from: '2026-11-01', to: '2026-11-25' });
  });
});
