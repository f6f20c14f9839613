/**
 * Value checks the schema cannot express: time zone, working hours, calendar dates and coverage,
 * cron expressions, campaign times and images, polygons, and warnings about things that are legal
 * but probably wrong (a category nothing can match, two areas with the same name).
 */
import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { validate as validateCron, validateDetailed } from 'node-cron';
import { isYearCovered, yearIn } from './calendar-coverage.js';
import { suggestion } from './did-you-mean.js';
import { quote } from './issues.js';
import { asRing, openRing, pointInRing, polygonProblem } from './polygon.js';
import type { Point } from './polygon.js';
import { asId, asList, asRecord, asString, entries } from './raw.js';
import type { Findings, RawRecord } from './raw.js';

export interface CheckOptions {
  /** "Now" for calendar coverage and past campaign times. */
  now: Date;
  /** Directory of the pack file; when set, relative campaign images must exist there. */
  baseDir?: string | undefined;
}

const DEFAULT_TIMEZONE = 'Asia/Shanghai';

export function checkValues(pack: RawRecord, opts: CheckOptions, found: Findings): void {
  const city = asRecord(pack.city);
  if (city) checkCity(city, opts, found);
  checkAreas(pack, found);
  checkCategories(pack, found);
  checkFaq(pack, found);
  checkCampaigns(pack, opts, found);
}

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** A real calendar date in YYYY-MM-DD form (2027-02-30 is not). */
function isRealDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

function checkCity(city: RawRecord, opts: CheckOptions, found: Findings): void {
  const tz = asString(city.timezone);
  if (tz !== undefined && (tz.trim() === '' || !isValidTimeZone(tz))) {
    found.error(['city', 'timezone'], `unknown time zone ${quote(tz)}${suggestion(tz, Intl.supportedValuesOf('timeZone'))}`);
  }
  const hours = asRecord(city.workhours);
  const start = asString(hours?.start);
  const end = asString(hours?.end);
  const hhmm = /^([01]\d|2[0-3]):[0-5]\d$/;
  if (start && end && hhmm.test(start) && hhmm.test(end) && start >= end) {
    found.error(['city', 'workhours'], `start ${start} must be before end ${end}`);
  }
  const days = new Map<string, number>();
  asList(city.holidays).forEach((d, i) => {
    if (typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d) && !isRealDate(d)) {
      found.error(['city', 'holidays', i], `${d} is not a real date`);
    } else if (typeof d === 'string') days.set(d, i);
  });
  asList(city.workdays).forEach((d, i) => {
    if (typeof d !== 'string') return;
    if (/^\d{4}-\d{2}-\d{2}$/.test(d) && !isRealDate(d)) found.error(['city', 'workdays', i], `${d} is not a real date`);
    else if (days.has(d)) {
      found.error(['city', 'workdays', i], `${d} is also listed in city.holidays[${String(days.get(d))}]`);
    }
  });
  const calendar = city.calendar ?? 'cn';
  if (calendar === 'cn') {
    const year = yearIn(opts.now, tz ?? DEFAULT_TIMEZONE);
    for (const y of [year, year + 1]) {
      if (!isYearCovered(y)) {
        found.warn(
          ['city', 'calendar'],
          `chinese-days has no holiday schedule for ${y}; Monday-Friday plus holidays/workdays are used`,
        );
      }
    }
  }
}

function checkAreas(pack: RawRecord, found: Findings): void {
  const areas = entries(pack, 'areas');
  const rings = new Map<string, Point[]>();
  const names = new Map<string, string>();
  for (const a of areas) {
    const ring = asRing(a.item.polygon);
    if (ring && ring.length >= 3) {
      const problem = polygonProblem(ring);
      if (problem) found.error(['areas', a.index, 'polygon'], problem);
      else if (a.id !== undefined) rings.set(a.id, openRing(ring));
    }
    const labels = [a.item.name, ...asList(a.item.aliases)].filter((v): v is string => typeof v === 'string');
    for (const label of new Set(labels.map((l) => l.trim()))) {
      const other = names.get(label);
      if (other !== undefined && other !== a.id) {
        found.warn(['areas', a.index], `name or alias "${label}" is also used by area "${other}"; a mention of it is ambiguous`);
      } else if (a.id !== undefined) names.set(label, a.id);
    }
  }
  for (const a of areas) {
    const parent = asId(a.item.parent);
    const ring = a.id === undefined ? undefined : rings.get(a.id);
    const parentRing = parent === undefined ? undefined : rings.get(parent);
    if (ring && parentRing && !ring.every((p) => pointInRing(p, parentRing))) {
      found.warn(['areas', a.index, 'polygon'], `reaches outside the polygon of its parent "${String(parent)}"`);
    }
  }
}

function checkCategories(pack: RawRecord, found: Findings): void {
  for (const c of entries(pack, 'categories')) {
    if (asList(c.item.keywords).length === 0 && asList(c.item.examples).length === 0) {
      found.warn(['categories', c.index], 'has neither keywords nor examples, so no report can be routed to it');
    }
  }
}

function checkFaq(pack: RawRecord, found: Findings): void {
  const seen = new Map<string, string>();
  for (const f of entries(pack, 'faq')) {
    const texts = [f.item.question, ...asList(f.item.variants)].filter((v): v is string => typeof v === 'string');
    for (const text of new Set(texts.map((t) => t.trim()))) {
      const other = seen.get(text);
      if (other !== undefined && other !== f.id) {
        found.warn(['faq', f.index], `question ${quote(text)} is also asked in faq entry "${other}"`);
      } else if (f.id !== undefined) seen.set(text, f.id);
    }
  }
}

const CRON_FIELDS: Record<string, string> = {
  second: 'second',
  minute: 'minute',
  hour: 'hour',
  dayOfMonth: 'day of month',
  month: 'month',
  dayOfWeek: 'weekday',
};

/** Why a 5-field cron expression is invalid, or undefined when node-cron accepts it. */
export function cronProblem(expr: string): string | undefined {
  const fields = expr.trim().split(/\s+/);
  if (fields.length !== 5) {
    return `invalid cron ${quote(expr)}: needs 5 fields (minute hour day-of-month month weekday), got ${fields.length}`;
  }
  if (validateCron(expr)) return undefined;
  const first = validateDetailed(expr).errors[0];
  const field = first ? (CRON_FIELDS[first.field] ?? first.field) : undefined;
  const detail = first && field ? `: ${field} "${first.value}" is not valid` : '';
  return `invalid cron ${quote(expr)}${detail}`;
}

function checkCampaigns(pack: RawRecord, opts: CheckOptions, found: Findings): void {
  for (const c of entries(pack, 'campaigns')) {
    const at = ['campaigns', c.index];
    const hasSchedule = c.item.schedule !== undefined && c.item.schedule !== null;
    const hasAt = c.item.at !== undefined && c.item.at !== null;
    if (hasSchedule === hasAt) {
      found.error(at, hasSchedule ? 'has both `schedule` and `at`; keep one' : 'needs `schedule` (a cron) or `at` (a time)');
    }
    const schedule = asString(c.item.schedule);
    if (schedule !== undefined && schedule.trim() !== '') {
      const problem = cronProblem(schedule);
      if (problem) found.error([...at, 'schedule'], problem);
    }
    const when = asString(c.item.at);
    const time = when === undefined ? NaN : Date.parse(when);
    if (!Number.isNaN(time) && time < opts.now.getTime() && c.item.enabled !== false) {
      found.warn([...at, 'at'], `${when ?? ''} is in the past; the campaign will not be sent`);
    }
    const image = asString(asRecord(c.item.message)?.image);
    if (image !== undefined && image.trim() !== '') checkImage(image, [...at, 'message', 'image'], opts, found);
  }
}

function checkImage(image: string, path: (string | number)[], opts: CheckOptions, found: Findings): void {
  if (/^[a-z][a-z0-9+.-]*:/i.test(image) && !/^[a-z]:[\\/]/i.test(image)) {
    if (!/^https:\/\/[^\s/]+/i.test(image)) {
      found.error(path, `${quote(image)} must be a path relative to the pack file or an https:// URL`);
    }
    return;
  }
  if (opts.baseDir === undefined) return;
  const file = isAbsolute(image) ? image : resolve(opts.baseDir, image);
  if (!existsSync(file)) found.error(path, `image file ${quote(image)} not found next to the pack`);
}
