import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cnCoveredRange, cnCoversYear, cnIsWorkday } from '../../src/calendar/cn-holidays.js';

const probe = fileURLToPath(new URL('./fixtures/probe-calendar.ts', import.meta.url));

interface Probe {
  workdays: Record<string, boolean>;
  apiDisagreements: number;
  ackDueAt: string;
  resolveDueAt: string;
}

function runProbe(tz: string): Probe {
  const out = execFileSync(process.execPath, ['--import', 'tsx', probe], {
    env: { ...process.env, TZ: tz },
    encoding: 'utf8',
  });
  return JSON.parse(out) as Probe;
}

const expectedDays = {
  '2026-09-30': true,
  '2026-10-01': false,
  '2026-10-08': true,
  '2026-10-10': true,
  '2026-02-14': true,
  '2026-02-16': false,
};

describe('chinese-days table', () => {
  it('knows 2026 statutory days off and make-up working days', () => {
    expect(cnIsWorkday('2026-10-01')).toBe(false); // National Day, Thursday
    expect(cnIsWorkday('2026-10-07')).toBe(false); // golden week, Wednesday
    expect(cnIsWorkday('2026-10-08')).toBe(true);
    expect(cnIsWorkday('2026-10-10')).toBe(true); // make-up Saturday
    expect(cnIsWorkday('2026-09-20')).toBe(true); // make-up Sunday
    expect(cnIsWorkday('2026-02-17')).toBe(false); // Spring Festival, Tuesday
    expect(cnIsWorkday('2026-02-28')).toBe(true); // make-up Saturday
    expect(cnIsWorkday('2026-11-28')).toBe(false); // ordinary Saturday
    expect(cnIsWorkday('2026-11-30')).toBe(true); // ordinary Monday
  });

  it('covers 2004-2026 and nothing after', () => {
    expect(cnCoveredRange()).toEqual({ first: 2004, last: 2026 });
    expect(cnCoversYear(2004)).toBe(true);
    expect(cnCoversYear(2026)).toBe(true);
    expect(cnCoversYear(2003)).toBe(false);
    expect(cnCoversYear(2027)).toBe(false);
  });

  it('agrees with the package API for every day 2004-2026 where that API works (process east of UTC)', () => {
    const r = runProbe('Asia/Shanghai');
    expect(r.apiDisagreements).toBe(0);
    expect(r.workdays).toEqual(expectedDays);
  });

  it('gives the same days and deadlines in a process west of UTC, where the package API is a day off', () => {
    const r = runProbe('America/Los_Angeles');
    // chinese-days 1.5.7's own answers shift by a day there (r.apiDisagreements > 0); that is why
    // the calendar reads the table instead.
    expect(r.workdays).toEqual(expectedDays);
    expect(r.ackDueAt).toBe('2026-10-08T09:30:00.000Z');
    expect(r.resolveDueAt).toBe('2026-10-10T09:30:00.000Z');
  });
});
