import { describe, expect, it } from 'vitest';
import { addDays, localDate, localDay, parseIsoDate, weekday, zonedTime } from '../../src/calendar/zoned-time.js';
import { isAppError } from '../../src/errors.js';

const at = (iso: string): number => Date.parse(iso);

describe('local dates', () => {
  it('reads the date in the city zone, not in UTC', () => {
    const ms = at('2026-11-29T17:00:00Z'); // 01:00 on the 30th in Shanghai
    expect(localDate(ms, 'Asia/Shanghai')).toBe('2026-11-30');
    expect(localDay(ms, 'Asia/Shanghai')).toBe('20261130');
    expect(localDay(ms, 'UTC')).toBe('20261129');
    expect(localDay(at('2026-01-01T04:00:00Z'), 'America/New_York')).toBe('20251231');
  });

  it('refuses an unknown zone with INVALID_INPUT', () => {
    try {
      localDay(0, 'Mars/Olympus');
      expect.unreachable();
    } catch (e) {
      expect(isAppError(e) && e.code).toBe('INVALID_INPUT');
      expect((e as Error).message).toContain('Mars/Olympus');
    }
  });
});

describe('date arithmetic', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(weekday('2026-11-29')).toBe(0);
    expect(weekday('2026-11-30')).toBe(1);
  });

  it('accepts only real dates', () => {
    expect(parseIsoDate('2026-02-29')).toBeUndefined();
    expect(parseIsoDate('2026-13-01')).toBeUndefined();
    expect(parseIsoDate('2026-1-1')).toBeUndefined();
    expect(parseIsoDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
  });
});

describe('wall-clock time to instant', () => {
  it('uses a fixed offset zone', () => {
    expect(zonedTime('2026-11-30', 17 * 60 + 30, 'Asia/Shanghai')).toBe(at('2026-11-30T17:30:00+08:00'));
    expect(zonedTime('2026-11-30', 17 * 60 + 30, 'Asia/Kolkata')).toBe(at('2026-11-30T17:30:00+05:30'));
  });

  it('follows daylight saving time', () => {
    expect(zonedTime('2026-07-01', 17 * 60, 'America/New_York')).toBe(at('2026-07-01T17:00:00-04:00'));
    expect(zonedTime('2026-12-01', 17 * 60, 'America/New_York')).toBe(at('2026-12-01T17:00:00-05:00'));
  });

  it('moves a wall time in the spring-forward gap past the gap', () => {
    // 02:30 on 2026-03-08 never happens in New York; the clock jumps from 01:59 EST to 03:00 EDT.
    expect(zonedTime('2026-03-08', 2 * 60 + 30, 'America/New_York')).toBe(at('2026-03-08T03:30:00-04:00'));
  });

  it('takes the earlier of two instants in the fall-back overlap', () => {
    expect(zonedTime('2026-11-01', 60 + 30, 'America/New_York')).toBe(at('2026-11-01T01:30:00-04:00'));
    expect(zonedTime('2026-10-25', 2 * 60 + 30, 'Europe/Berlin')).toBe(at('2026-10-25T02:30:00+02:00'));
  });
});
