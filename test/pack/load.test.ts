import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { formatIssue } from '../../src/pack/issues.js';
import { checkPackFile, loadPackFile, parsePack } from '../../src/pack/load.js';
import { DEMO, FIXTURES, NOW_2025, SMALL, errorLines } from './helpers.js';

describe('loadPackFile', () => {
  it('loads the small fixture with defaults filled in and images resolved', async () => {
    const loaded = await loadPackFile(SMALL, { now: NOW_2025 });
    expect(loaded.baseDir).toBe(FIXTURES.replace(/\/$/, ''));
    expect(loaded.source).toBe(SMALL);
    expect(loaded.warnings).toEqual([]);
    const { pack } = loaded;
    expect(pack.city.timezone).toBe('Asia/Shanghai');
    expect(pack.city.locale).toBe('zh-CN');
    expect(pack.city.crs).toBe('wgs84');
    expect(pack.units[1]?.contacts.telegram_chat).toBe('-1009876543210');
    expect(pack.categories[1]?.sla).toEqual({ ack: 'same_day', resolve_workdays: 1 });
    expect(pack.categories[0]?.sla.resolve_workdays).toBe(2);
    expect(pack.areas[2]?.units).toEqual({ rubbish: 'east-village' });
    expect(pack.campaigns[0]?.message.image).toBe(join(FIXTURES, 'images/tip.png'));
    expect(pack.campaigns[0]?.enabled).toBe(true);
  });

  it('loads the demo pack, which meets the product brief', async () => {
    const { pack, warnings } = await loadPackFile(DEMO, { now: NOW_2025 });
    expect(warnings).toEqual([]);
    expect(pack.units.length).toBeGreaterThanOrEqual(12);
    expect(pack.categories.length).toBeGreaterThanOrEqual(15);
    for (const c of pack.categories) {
      expect(c.examples.length, c.id).toBeGreaterThanOrEqual(4);
      expect(c.examples.length, c.id).toBeLessThanOrEqual(6);
      expect(c.keywords.length, c.id).toBeGreaterThanOrEqual(10);
      expect(c.sla.resolve_workdays, c.id).toBeLessThanOrEqual(5);
    }
    expect(pack.areas.length).toBeGreaterThanOrEqual(10);
    expect(pack.areas.every((a) => a.polygon !== undefined)).toBe(true);
    expect(pack.areas.filter((a) => a.parent !== undefined).length).toBeGreaterThanOrEqual(5);
    expect(pack.areas.filter((a) => Object.keys(a.units).length > 0).length).toBeGreaterThanOrEqual(3);
    expect(pack.faq.length).toBeGreaterThanOrEqual(30);
    for (const f of pack.faq) expect(f.variants.length, f.id).toBeGreaterThanOrEqual(2);
    expect(pack.campaigns.map((c) => (c.schedule === undefined ? 'at' : 'cron')).sort()).toEqual(['at', 'cron']);
  });

  it('accepts a directory holding pack.yaml', async () => {
    const loaded = await loadPackFile(join(DEMO, '..'), { now: NOW_2025 });
    expect(loaded.source).toBe(DEMO);
  });

  it('throws PACK_NOT_FOUND for a missing file', async () => {
    const err = await loadPackFile(join(FIXTURES, 'no-such-pack.yaml')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('PACK_NOT_FOUND');
    expect((err as AppError).message).toBe(`pack file not found: ${join(FIXTURES, 'no-such-pack.yaml')}`);
  });

  it('throws PACK_INVALID listing every problem', async () => {
    const file = join(FIXTURES, 'many-problems.yaml');
    const err = await loadPackFile(file, { now: NOW_2025 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('PACK_INVALID');
    const lines = (err as AppError).message.split('\n');
    expect(lines[0]).toBe(`${file}: 15 problems`);
    expect(lines).toContain('  categories[0].unit: unknown unit "cleanign" (did you mean "cleaning"?)');
  });

  it('requires a relative campaign image to exist next to the pack', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'weicheng-pack-'));
    const text = (await import('node:fs')).readFileSync(SMALL, 'utf8').replace('./images/tip.png', './images/missing.png');
    writeFileSync(join(dir, 'pack.yaml'), text);
    const r = await checkPackFile(join(dir, 'pack.yaml'), { now: NOW_2025 });
    expect(errorLines(r)).toEqual(['campaigns[0].message.image: image file "./images/missing.png" not found next to the pack']);
  });

  it('reports a file that is not UTF-8', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'weicheng-pack-'));
    writeFileSync(join(dir, 'gbk.yaml'), Buffer.from([0x76, 0x3a, 0x20, 0xc4, 0xe3, 0xba, 0xc3, 0xff, 0x0a]));
    const r = await checkPackFile(join(dir, 'gbk.yaml'));
    expect(errorLines(r)).toEqual([`${join(dir, 'gbk.yaml')} is not UTF-8 text`]);
  });
});

describe('parsePack: many problems at once', () => {
  it('reports every problem of a broken pack, in file order, with lines', async () => {
    const r = await checkPackFile(join(FIXTURES, 'many-problems.yaml'), { now: NOW_2025 });
    expect(r.ok).toBe(false);
    expect(errorLines(r)).toEqual([
      'city.timezone: unknown time zone "Asia/Shangai" (did you mean "Asia/Shanghai"?)',
      'city.workhours: start 18:00 must be before end 09:00',
      'city.dispatcher: unknown unit "ofice" (did you mean "office"?)',
      'city.holidays[0]: 2027-02-30 is not a real date',
      'units[1].supervisor: unknown unit "cleanup"',
      'units[2].id: duplicate id "cleaning" (already used by units[1])',
      'categories[0].unit: unknown unit "cleanign" (did you mean "cleaning"?)',
      'categories[0].keywods: unknown key (did you mean "keywords"?)',
      'categories[1].sla.resolve_workdays: must be at least 1',
      'areas[0].parent: parent cycle: a -> b -> a',
      'areas[1].polygon: crosses itself (edges 1 and 3); list the points in order around the area',
      'areas[1].units.rubish: unknown category "rubish" (did you mean "rubbish"?)',
      'areas[1].units.noise: unknown unit "nobody"',
      'campaigns[0].schedule: invalid cron "0 9 * * 8": weekday "8" is not valid',
      'campaigns[0].audience.areas[0]: unknown area "c"',
    ]);
    const byPath = new Map(r.errors.map((i) => [i.path, i.line]));
    expect(byPath.get('city.timezone')).toBe(6);
    expect(byPath.get('categories[0].unit')).toBe(24);
    expect(byPath.get('categories[0].keywods')).toBe(25);
    expect(byPath.get('campaigns[0].audience.areas[0]')).toBe(48);
  });

  it('reports a YAML syntax error with its line and column', async () => {
    const r = await checkPackFile(join(FIXTURES, 'yaml-syntax.yaml'));
    expect(r.ok).toBe(false);
    const first = r.errors[0];
    expect(first?.line).toBe(4);
    expect(first?.column).toBeGreaterThan(0);
    expect(formatIssue(first!)).toMatch(/^line 4, column \d+: YAML syntax error: /);
  });

  it('reports a duplicate YAML key with its line', async () => {
    const r = await checkPackFile(join(FIXTURES, 'duplicate-key.yaml'));
    expect(r.errors.map(formatIssue)).toEqual(['line 4, column 3: YAML syntax error: Map keys must be unique']);
  });

  it('reads JSON too', () => {
    const r = parsePack(
      JSON.stringify({
        version: 1,
        city: { id: 'j', name: 'J', dispatcher: 'u', calendar: 'weekdays' },
        units: [{ id: 'u', name: 'U' }],
        categories: [{ id: 'c', name: 'C', unit: 'u', keywords: ['x'] }],
      }),
      'pack.json',
    );
    expect(errorLines(r)).toEqual([]);
    expect(r.ok && r.pack.units[0]?.id).toBe('u');
  });

  it('explains an empty file and a top level that is not a mapping', () => {
    expect(errorLines(parsePack('', 'empty.yaml'))).toEqual(['empty.yaml is empty; a pack needs version, city, units and categories']);
    expect(errorLines(parsePack('- a\n- b\n', 'list.yaml'))).toEqual(['list.yaml must hold a mapping (key: value) at the top level']);
  });

  it('refuses alias bombs', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefg'[i]}`).join(', ')}]`)].join('\n');
    const r = parsePack(bomb, 'bomb.yaml');
    expect(r.ok).toBe(false);
    expect(errorLines(r)[0]).toMatch(/^YAML: /);
  });
});
