import { describe, expect, it } from 'vitest';
import { checkVariant, errorLines, warningLines } from './helpers.js';
import type { AnyPack } from './helpers.js';

/** Each kind of problem, one at a time, on top of the valid small fixture. */
describe('pack validation: one problem at a time', () => {
  it('accepts the unmodified fixture', () => {
    const r = checkVariant(() => {});
    expect(errorLines(r)).toEqual([]);
    expect(r.ok).toBe(true);
  });

  const cases: [string, (p: AnyPack) => void, string][] = [
    ['unknown category unit with suggestion', (p) => (p.categories[1].unit = 'ofice'), 'categories[1].unit: unknown unit "ofice" (did you mean "office"?)'],
    ['unknown dispatcher', (p) => (p.city.dispatcher = 'nobody'), 'city.dispatcher: unknown unit "nobody"'],
    ['unit name used for an id', (p) => (p.categories[0].unit = '镇保洁队'), 'categories[0].unit: unknown unit "镇保洁队" (did you mean "cleaning"?)'],
    ['area name used for an id', (p) => (p.areas[1].parent = '西街'), 'areas[1].parent: unknown area "西街" (did you mean "west"?)'],
    ['unknown supervisor', (p) => (p.units[1].supervisor = 'offic'), 'units[1].supervisor: unknown unit "offic" (did you mean "office"?)'],
    ['self supervision', (p) => (p.units[1].supervisor = 'cleaning'), 'units[1].supervisor: a unit cannot supervise itself'],
    ['supervisor cycle', (p) => (p.units[0].supervisor = 'cleaning'), 'units[0].supervisor: supervisor cycle: office -> cleaning -> office'],
    ['duplicate category id', (p) => (p.categories[2].id = 'rubbish'), 'categories[2].id: duplicate id "rubbish" (already used by categories[0])'],
    ['duplicate area id', (p) => p.areas.push({ id: 'west', name: '西街二段' }), 'areas[3].id: duplicate id "west" (already used by areas[0])'],
    ['unknown parent', (p) => (p.areas[1].parent = 'wets'), 'areas[1].parent: unknown area "wets" (did you mean "west"?)'],
    ['own parent', (p) => (p.areas[0].parent = 'west'), 'areas[0].parent: an area cannot be its own parent'],
    ['parent cycle', (p) => (p.areas[0].parent = 'west-market'), 'areas[0].parent: parent cycle: west -> west-market -> west'],
    ['unknown override category', (p) => (p.areas[2].units = { rubish: 'east-village' }), 'areas[2].units.rubish: unknown category "rubish" (did you mean "rubbish"?)'],
    ['unknown override unit', (p) => (p.areas[2].units = { rubbish: 'east-vilage' }), 'areas[2].units.rubbish: unknown unit "east-vilage" (did you mean "east-village"?)'],
    ['unknown audience area', (p) => (p.campaigns[1].audience.areas = ['eats']), 'campaigns[1].audience.areas[0]: unknown area "eats" (did you mean "east"?)'],
    ['self-crossing polygon', (p) => (p.areas[0].polygon = [[110, 30], [110.1, 30.1], [110.1, 30], [110, 30.1]]), 'areas[0].polygon: crosses itself (edges 1 and 3); list the points in order around the area'],
    ['flat polygon', (p) => (p.areas[0].polygon = [[110, 30], [110.1, 30.1], [110.2, 30.2]]), 'areas[0].polygon: encloses no area (its points lie on one line)'],
    ['repeated points', (p) => (p.areas[0].polygon = [[110, 30], [110, 30], [110.1, 30], [110, 30]]), 'areas[0].polygon: needs at least 3 distinct points'],
    ['too few points', (p) => (p.areas[0].polygon = [[110, 30], [110.1, 30]]), 'areas[0].polygon: a polygon needs at least 3 points'],
    ['swapped lon/lat', (p) => (p.areas[0].polygon[1] = [30, 110.1]), 'areas[0].polygon[1][1]: latitude must be between -90 and 90 (points are [lon, lat])'],
    ['bad cron value', (p) => (p.campaigns[0].schedule = '0 25 * * 1'), 'campaigns[0].schedule: invalid cron "0 25 * * 1": hour "25" is not valid'],
    ['cron with seconds', (p) => (p.campaigns[0].schedule = '0 0 9 * * 1'), 'campaigns[0].schedule: invalid cron "0 0 9 * * 1": needs 5 fields (minute hour day-of-month month weekday), got 6'],
    ['cron in words', (p) => (p.campaigns[0].schedule = 'every monday'), 'campaigns[0].schedule: invalid cron "every monday": needs 5 fields (minute hour day-of-month month weekday), got 2'],
    ['schedule and at', (p) => (p.campaigns[0].at = '2099-01-01T09:00:00+08:00'), 'campaigns[0]: has both `schedule` and `at`; keep one'],
    ['neither schedule nor at', (p) => delete p.campaigns[1].at, 'campaigns[1]: needs `schedule` (a cron) or `at` (a time)'],
    ['at without offset', (p) => (p.campaigns[1].at = '2099-01-01T09:00:00'), 'campaigns[1].at: "2099-01-01T09:00:00" is not a time with its UTC offset, like 2026-12-01T09:00:00+08:00'],
    ['plain http image', (p) => (p.campaigns[0].message.image = 'http://example.org/a.png'), 'campaigns[0].message.image: "http://example.org/a.png" must be a path relative to the pack file or an https:// URL'],
    ['bad time zone', (p) => (p.city.timezone = 'Asia/Shangai'), 'city.timezone: unknown time zone "Asia/Shangai" (did you mean "Asia/Shanghai"?)'],
    ['empty time zone', (p) => (p.city.timezone = ''), 'city.timezone: unknown time zone ""'],
    ['workhours reversed', (p) => (p.city.workhours = { start: '17:00', end: '09:00' }), 'city.workhours: start 17:00 must be before end 09:00'],
    ['workhours empty', (p) => (p.city.workhours = { start: '09:00', end: '09:00' }), 'city.workhours: start 09:00 must be before end 09:00'],
    ['bad time format', (p) => (p.city.workhours = { start: '8:30', end: '17:00' }), 'city.workhours.start: must be a time like "08:30"'],
    ['impossible date', (p) => (p.city.holidays = ['2027-02-30']), 'city.holidays[0]: 2027-02-30 is not a real date'],
    ['holiday and workday', (p) => { p.city.holidays = ['2027-02-20']; p.city.workdays = ['2027-02-20']; }, 'city.workdays[0]: 2027-02-20 is also listed in city.holidays[0]'],
    ['unknown key with suggestion', (p) => { p.categories[0].keywods = p.categories[0].keywords; delete p.categories[0].keywords; }, 'categories[0].keywods: unknown key (did you mean "keywords"?)'],
    ['unknown top-level key', (p) => (p.unit = []), 'unit: unknown key (did you mean "units"?)'],
    ['unknown nested key', (p) => (p.categories[0].sla.resolve_days = 2), 'categories[0].sla.resolve_days: unknown key (did you mean "resolve_workdays"?)'],
    ['unknown contact key', (p) => (p.units[1].contacts.telegram = '1'), 'units[1].contacts.telegram: unknown key (did you mean "telegram_chat"?)'],
    ['missing dispatcher', (p) => delete p.city.dispatcher, 'city.dispatcher: is required'],
    ['missing units', (p) => delete p.units, 'units: is required'],
    ['empty category list', (p) => (p.categories = []), 'categories: at least one category is required'],
    ['bad enum with suggestion', (p) => (p.city.calendar = 'CN'), 'city.calendar: "CN" is not allowed; must be one of "cn", "weekdays" (did you mean "cn"?)'],
    ['bad channel', (p) => (p.campaigns[1].audience.channels = ['wechta']), 'campaigns[1].audience.channels[0]: "wechta" is not allowed; must be one of "telegram", "wechat", "web" (did you mean "wechat"?)'],
    ['bad id', (p) => (p.units[0].id = 'Office'), 'units[0].id: must match [a-z0-9][a-z0-9_-]* (lower-case letters, digits, _ and -)'],
    ['wrong version', (p) => (p.version = 2), 'version: must be 1 (the only pack format this version understands)'],
    ['zero SLA', (p) => (p.categories[0].sla.resolve_workdays = 0), 'categories[0].sla.resolve_workdays: must be at least 1'],
    ['wrong type', (p) => (p.categories[0].keywords = '垃圾'), 'categories[0].keywords: must be a list, not the text "垃圾"'],
    ['bad env name', (p) => (p.units[1].contacts.wecom_webhook_env = 'https://qyapi.example/x'), 'units[1].contacts.wecom_webhook_env: must be an environment variable name like WECOM_SANITATION_URL'],
  ];

  it.each(cases)('%s', (_name, edit, expected) => {
    const r = checkVariant(edit);
    expect(r.ok).toBe(false);
    expect(r.pack).toBeUndefined();
    expect(errorLines(r)).toEqual([expected]);
  });
});

describe('pack validation: warnings', () => {
  it('warns when the cn calendar lacks next year, and not for weekdays', () => {
    const at2026 = checkVariant((p) => (p.city.calendar = 'cn'), { now: new Date('2026-07-01T00:00:00Z') });
    expect(at2026.ok).toBe(true);
    expect(warningLines(at2026)).toEqual([
      'city.calendar: chinese-days has no holiday schedule for 2027; Monday-Friday plus holidays/workdays are used',
    ]);
    const at2027 = checkVariant((p) => (p.city.calendar = 'cn'), { now: new Date('2027-03-01T00:00:00Z') });
    expect(warningLines(at2027)).toHaveLength(2);
    expect(warningLines(checkVariant((p) => (p.city.calendar = 'cn')))).toEqual([]);
    expect(warningLines(checkVariant(() => {}, { now: new Date('2030-01-01T00:00:00Z') }))).toEqual([]);
  });

  it('uses the city time zone for the current year', () => {
    // 2026-12-31 17:00 UTC is already 2027 in Shanghai, so 2027 and 2028 are both missing.
    const r = checkVariant((p) => (p.city.calendar = 'cn'), { now: new Date('2026-12-31T17:00:00Z') });
    expect(warningLines(r).map((l) => /for (\d{4})/.exec(l)?.[1])).toEqual(['2027', '2028']);
  });

  it('warns about legal but suspicious things without failing', () => {
    const r = checkVariant((p) => {
      p.units.push({ id: 'spare', name: '备用' });
      p.categories[1].keywords = [];
      p.areas[1].polygon = [[110.09, 30.09], [110.2, 30.09], [110.2, 30.2], [110.09, 30.2]];
      p.areas[2].aliases = ['西街'];
      p.campaigns[1].at = '2020-01-01T09:00:00+08:00';
    });
    expect(r.ok).toBe(true);
    expect(warningLines(r)).toEqual([
      'units[3].id: unit "spare" receives no tickets: no category, area override, dispatcher or supervisor names it',
      'categories[1]: has neither keywords nor examples, so no report can be routed to it',
      'areas[1].polygon: reaches outside the polygon of its parent "west"',
      'areas[2]: name or alias "西街" is also used by area "west"; a mention of it is ambiguous',
      'campaigns[1].at: 2020-01-01T09:00:00+08:00 is in the past; the campaign will not be sent',
    ]);
  });
});
