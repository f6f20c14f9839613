import { describe, expect, it } from 'vitest';
import { createWorkCalendar, type CalendarCity, type WorkCalendar } from '../../src/calendar/work-calendar.js';
import { isAppError } from '../../src/errors.js';

const at = (iso: string): number => Date.parse(iso);
const iso = (ms: number): string => new Date(ms).toISOString();

function city(over: Partial<CalendarCity> = {}): CalendarCity {
  return {
    timezone: 'Asia/Shanghai',
    calendar: 'cn',
    holidays: [],
    workdays: [],
    workhours: { start: '08:30', end: '17:30' },
    ...over,
  };
}

/** Deadlines as local Shanghai wall times, which is how the office reads them. */
function due(cal: WorkCalendar, reported: string, n = 1): { ack: string; resolve: string } {
  const d = cal.deadlines(at(reported), { ack: 'same_day', resolve_workdays: n });
  const fmt = (ms: number): string => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
  return { ack: fmt(d.ackDueAt), resolve: fmt(d.resolveDueAt) };
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return isAppError(e) ? e.code : 'not an AppError';
  }
  return undefined;
}

describe('working days, calendar cn', () => {
  const cal = createWorkCalendar(city());

  it('treats weekends as days off', () => {
    expect(cal.isWorkday('2026-11-28')).toBe(false);
    expect(cal.isWorkday('2026-11-29')).toBe(false);
    expect(cal.isWorkday('2026-11-27')).toBe(true);
    expect(cal.isWorkday('2026-11-30')).toBe(true);
    expect(cal.nextWorkday('2026-11-27')).toBe('2026-11-30');
  });

  it('knows the National Day golden week and the Spring Festival', () => {
    for (const d of ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07']) expect(cal.isWorkday(d)).toBe(false);
    for (const d of ['2026-02-16', '2026-02-20', '2026-02-23']) expect(cal.isWorkday(d)).toBe(false);
    expect(cal.nextWorkday('2026-09-30')).toBe('2026-10-08');
    expect(cal.addWorkdays('2026-09-30', 3)).toBe('2026-10-10');
  });

  it('counts make-up weekend days as working days', () => {
    expect(cal.isWorkday('2026-10-10')).toBe(true); // Saturday
    expect(cal.isWorkday('2026-09-20')).toBe(true); // Sunday
    expect(cal.isWorkday('2026-02-14')).toBe(true); // Saturday
    expect(cal.isWorkday('2026-02-28')).toBe(true); // Saturday
    expect(cal.nextWorkday('2026-02-13')).toBe('2026-02-14');
  });

  it('refuses a malformed date with INVALID_INPUT', () => {
    expect(codeOf(() => cal.isWorkday('2026-13-01'))).toBe('INVALID_INPUT');
    expect(codeOf(() => cal.isWorkday('tomorrow'))).toBe('INVALID_INPUT');
  });
});

describe('deadlines', () => {
  const cal = createWorkCalendar(city());

  it('reported during working hours: accept today, resolve by the Nth next working day', () => {
    expect(due(cal, '2026-11-30T10:00:00+08:00')).toEqual({ ack: '2026-11-30 17:30', resolve: '2026-12-01 17:30' });
    expect(due(cal, '2026-11-30T10:00:00+08:00', 3)).toEqual({ ack: '2026-11-30 17:30', resolve: '2026-12-03 17:30' });
    expect(due(cal, '2026-11-27T10:00:00+08:00', 1)).toEqual({ ack: '2026-11-27 17:30', resolve: '2026-11-30 17:30' });
  });

  it('reported before work starts counts for the same day', () => {
    expect(due(cal, '2026-11-30T07:00:00+08:00')).toEqual({ ack: '2026-11-30 17:30', resolve: '2026-12-01 17:30' });
    // 01:00 local is still the previous day in UTC: the city's date is what counts.
    expect(due(cal, '2026-11-30T01:00:00+08:00')).toEqual({ ack: '2026-11-30 17:30', resolve: '2026-12-01 17:30' });
  });

  it('reported after hours moves to the next working day', () => {
    expect(due(cal, '2026-11-27T18:00:00+08:00')).toEqual({ ack: '2026-11-30 17:30', resolve: '2026-12-01 17:30' });
    expect(due(cal, '2026-11-30T17:30:00+08:00')).toEqual({ ack: '2026-12-01 17:30', resolve: '2026-12-02 17:30' });
    expect(due(cal, '2026-11-30T17:29:59+08:00').ack).toBe('2026-11-30 17:30');
  });

  it('reported on a day off moves to the next working day', () => {
    expect(due(cal, '2026-11-29T11:00:00+08:00')).toEqual({ ack: '2026-11-30 17:30', resolve: '2026-12-01 17:30' });
    expect(due(cal, '2026-10-03T09:00:00+08:00', 2)).toEqual({ ack: '2026-10-08 17:30', resolve: '2026-10-10 17:30' });
  });

  it('skips the Spring Festival and uses its make-up Saturday', () => {
    expect(due(cal, '2026-02-13T20:00:00+08:00')).toEqual({ ack: '2026-02-14 17:30', resolve: '2026-02-24 17:30' });
  });

  it('defaults to one working day and checks its input', () => {
    const d = cal.deadlines(at('2026-11-30T10:00:00+08:00'));
    expect(iso(d.resolveDueAt)).toBe('2026-12-01T09:30:00.000Z');
    expect(codeOf(() => cal.deadlines(Number.NaN))).toBe('INVALID_INPUT');
    expect(codeOf(() => cal.deadlines(0, { ack: 'same_day', resolve_workdays: 0 }))).toBe('INVALID_INPUT');
    expect(codeOf(() => cal.deadlines(0, { ack: 'same_day', resolve_workdays: 1.5 }))).toBe('INVALID_INPUT');
  });

  it('follows the pack working hours', () => {
    const late = createWorkCalendar(city({ workhours: { start: '09:00', end: '18:00' } }));
    expect(due(late, '2026-11-30T17:45:00+08:00')).toEqual({ ack: '2026-11-30 18:00', resolve: '2026-12-01 18:00' });
    expect(late.isWorkingTime(at('2026-11-30T08:45:00+08:00'))).toBe(false);
    expect(late.isWorkingTime(at('2026-11-30T09:00:00+08:00'))).toBe(true);
    expect(late.isWorkingTime(at('2026-11-30T18:00:00+08:00'))).toBe(false);
    expect(late.isWorkingTime(at('2026-11-29T10:00:00+08:00'))).toBe(false);
  });
});

describe('pack holidays and workdays', () => {
  it('override weekends and ordinary weekdays', () => {
    const cal = createWorkCalendar(city({ holidays: ['2026-11-30'], workdays: ['2026-11-28'] }));
    expect(cal.isWorkday('2026-11-30')).toBe(false);
    expect(cal.isWorkday('2026-11-28')).toBe(true);
    expect(due(cal, '2026-11-27T18:00:00+08:00')).toEqual({ ack: '2026-11-28 17:30', resolve: '2026-12-01 17:30' });
  });

  it('override the published schedule both ways', () => {
    const cal = createWorkCalendar(city({ holidays: ['2026-10-10'], workdays: ['2026-10-02'] }));
    expect(cal.isWorkday('2026-10-10')).toBe(false);
    expect(cal.isWorkday('2026-10-02')).toBe(true);
    expect(cal.nextWorkday('2026-09-30')).toBe('2026-10-02');
    expect(cal.nextWorkday('2026-10-09')).toBe('2026-10-12');
  });

  it('are refused when contradictory or not real dates, naming the key', () => {
    const both = () => createWorkCalendar(city({ holidays: ['2027-02-20'], workdays: ['2027-02-20'] }));
    expect(codeOf(both)).toBe('PACK_INVALID');
    expect(() => both()).toThrow(/^city\.workdays: 2027-02-20 is also listed in city\.holidays$/);
    expect(() => createWorkCalendar(city({ holidays: ['2027-01-01', '2027-02-30'] }))).toThrow(/^city\.holidays\[1\]: "2027-02-30"/);
    expect(() => createWorkCalendar(city({ timezone: 'Asia/Beijing' }))).toThrow(/^city\.timezone: unknown time zone "Asia\/Beijing"/);
    expect(() => createWorkCalendar(city({ workhours: { start: '18:00', end: '08:30' } }))).toThrow(/^city\.workhours: /);
    expect(codeOf(() => createWorkCalendar(city({ workhours: { start: '09:00', end: '09:00' } })))).toBe('PACK_INVALID');
  });
});

describe('years the schedule does not cover', () => {
  it('falls back to Monday-Friday plus the pack lists, and says so', () => {
    const cal = createWorkCalendar(city({ holidays: ['2027-01-01'], workdays: ['2027-02-20'] }));
    expect(cal.covered(2026)).toBe(true);
    expect(cal.covered(2027)).toBe(false);
    expect(cal.uncoveredYears([2027, 2026, 2027, 2003])).toEqual([2003, 2027]);
    expect(cal.isWorkday('2027-01-01')).toBe(false); // Friday, from the pack
    expect(cal.isWorkday('2027-02-20')).toBe(true); // Saturday, from the pack
    expect(cal.isWorkday('2027-02-19')).toBe(true); // would be Spring Festival; no data, so a weekday
    expect(cal.isWorkday('2027-02-21')).toBe(false); // Sunday
    expect(due(cal, '2026-12-31T18:00:00+08:00')).toEqual({ ack: '2027-01-04 17:30', resolve: '2027-01-05 17:30' });
  });

  it('weekdays calendar ignores the national schedule and is always covered', () => {
    const cal = createWorkCalendar(city({ calendar: 'weekdays', holidays: ['2026-12-25'] }));
    expect(cal.kind).toBe('weekdays');
    expect(cal.covered(2027)).toBe(true);
    expect(cal.uncoveredYears([2026, 2027, 2040])).toEqual([]);
    expect(cal.isWorkday('2026-10-01')).toBe(true);
    expect(cal.isWorkday('2026-10-10')).toBe(false);
    expect(cal.isWorkday('2026-12-25')).toBe(false);
  });
});

describe('another time zone', () => {
  const ny = createWorkCalendar(
    city({ timezone: 'America/New_York', calendar: 'weekdays', workhours: { start: '09:00', end: '17:00' } }),
  );

  it('uses the city date and hours, not UTC', () => {
    // 22:30 UTC on Monday is 17:30 in New York: after hours.
    const d = ny.deadlines(at('2026-11-30T22:30:00Z'));
    expect(iso(d.ackDueAt)).toBe('2026-12-01T22:00:00.000Z');
    expect(iso(d.resolveDueAt)).toBe('2026-12-02T22:00:00.000Z');
    expect(ny.localDate(at('2026-12-01T03:00:00Z'))).toBe('2026-11-30');
  });

  it('keeps 17:00 local across the end of daylight saving time', () => {
    const d = ny.deadlines(at('2026-10-30T18:00:00-04:00'));
    expect(iso(d.ackDueAt)).toBe('2026-11-02T22:00:00.000Z'); // 17:00 EST
    expect(iso(d.resolveDueAt)).toBe('2026-11-03T22:00:00.000Z');
    expect(iso(ny.endOfWorkday('2026-10-30'))).toBe('2026-10-30T21:00:00.000Z'); // 17:00 EDT
    expect(iso(ny.startOfWorkday('2026-11-02'))).toBe('2026-11-02T14:00:00.000Z');
  });
});
