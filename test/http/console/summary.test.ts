import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
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

/**
 * The week the summary tests count: three litter tickets for 县环卫站 (one on time throughout,
 * one late twice, one resolved then rated unsatisfied and so reopened) and one parking ticket for
 * 县交警队, accepted; plus one the day before the period.
 */
async function fileTheWeek() {
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
}

describe('per-unit summary', () => {
  it('counts received, on-time acceptance and resolution, resolution and satisfaction rates for the period', async () => {
    await fileTheWeek();
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

describe('per-unit summary as CSV', () => {
  const csvUrl = '/console/api/summary.csv?from=2026-11-25&to=2026-11-30';
  /** The rows of a CSV answer, without the byte-order mark (checked separately). */
  const lines = (body: string) => body.replace(/^\uFEFF/, '').split('\r\n');

  it('is the JSON summary for Excel: BOM, Chinese header, one row per unit, the total, rates in percent', async () => {
    await fileTheWeek();
    await h.addStaff('zhou', 'hub', 'supervisor');
    const res = await h.server.inject({ method: 'GET', url: csvUrl, headers: { cookie: await h.login('zhou') } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="summary-2026-11-25-2026-11-30.csv"');
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(lines(res.body)).toEqual([
      '单位,受理,按时接单,按时接单率,按时办结,按时办结率,办结,办结率,评价数,满意率',
      '县创卫办,0,0,,0,,0,,0,',
      // 1 of 3 accepted and resolved on time, 2 of 3 resolved, (1 + 0.9) / 3 satisfied.
      '县环卫站,3,1,33.3%,1,33.3%,2,66.7%,3,63.3%',
      '县交警队,1,1,100.0%,0,0.0%,0,0.0%,0,',
      '河口镇政府,0,0,,0,,0,,0,',
      '合计,4,2,50.0%,1,25.0%,2,50.0%,3,63.3%',
      '',
    ]);
  });

  it('covers only the units of an officer, and defaults to this month like the JSON route', async () => {
    await fileTheWeek();
    await h.addStaff('li', 'police');
    const officer = await h.login('li');
    const own = await h.server.inject({ method: 'GET', url: csvUrl, headers: { cookie: officer } });
    expect(lines(own.body).slice(1, -1)).toEqual(['县交警队,1,1,100.0%,0,0.0%,0,0.0%,0,', '合计,1,1,100.0%,0,0.0%,0,0.0%,0,']);
    h.clock.now = at('2026-12-03T10:00:00+08:00'); // sessions last 12 hours: sign in again
    const current = await h.server.inject({ method: 'GET', url: '/console/api/summary.csv', headers: { cookie: await h.login('li') } });
    expect(current.headers['content-disposition']).toBe('attachment; filename="summary-2026-12-01-2026-12-03.csv"');
    expect(lines(current.body)[1]).toBe('县交警队,0,0,,0,,0,,0,');
  });

  it('refuses what the JSON route refuses, with the same errors', async () => {
    await h.addStaff('li', 'police');
    const cookie = await h.login('li');
    for (const query of ['from=2026-11-30&to=2026-11-25', 'from=2026-13-01', 'to=yesterday']) {
      const json = await h.server.inject({ method: 'GET', url: `/console/api/summary?${query}`, headers: { cookie } });
      const csv = await h.server.inject({ method: 'GET', url: `/console/api/summary.csv?${query}`, headers: { cookie } });
      expect(json.statusCode).toBe(400);
      expect(csv.statusCode).toBe(400);
      expect(csv.json()).toEqual(json.json());
    }
    for (const headers of [{}, { cookie: 'wc_session=' + 'A'.repeat(43) }]) {
      const res = await h.server.inject({ method: 'GET', url: csvUrl, headers });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
      expect(res.headers['content-disposition']).toBeUndefined();
    }
    // A browser following the 导出 CSV link after its session expired is sent to log in again.
    const nav = await h.server.inject({ method: 'GET', url: csvUrl, headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    expect(nav.statusCode).toBe(302);
    expect(nav.headers.location).toBe('/console/login?next=%2Fconsole%2Fsummary');
  });

  it('neutralises a unit name from the pack that a spreadsheet would run as a formula', async () => {
    // The same fixture pack, but the traffic police named like a formula, with a comma and quotes.
    const packFile = join(mkdtempSync(join(tmpdir(), 'weicheng-pack-')), 'formula-pack.yaml');
    const yaml = readFileSync('test/fixtures/packs/tickets.yaml', 'utf8').replace('name: 县交警队', `name: '=HYPERLINK("http://evil.example","县交警队")'`);
    writeFileSync(packFile, yaml);
    await h.close();
    h = await consoleHarness({ packFile, start: '2026-11-25T09:00:00+08:00' });
    resident = await h.resident();
    expect(h.pack.units.find((u) => u.id === 'police')?.name).toBe('=HYPERLINK("http://evil.example","县交警队")');
    await file('有辆车乱停车堵住消防通道', '2026-11-25T09:30:00+08:00');
    await h.addStaff('li', 'police');
    const res = await h.server.inject({ method: 'GET', url: csvUrl, headers: { cookie: await h.login('li') } });
    // An apostrophe first, so Excel shows the text; quoted, so the comma stays inside the cell.
    expect(lines(res.body)[1]).toBe(`"'=HYPERLINK(""http://evil.example"",""县交警队"")",1,0,0.0%,0,0.0%,0,0.0%,0,`);
    rmSync(dirname(packFile), { recursive: true, force: true });
  });
});
