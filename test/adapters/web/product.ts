/**
 * The whole product for the end-to-end tests (createWeicheng over a fresh SQLite file and media
 * directory, the demo pack), plus what a garbage report should turn into, derived from the pack.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { createWorkCalendar } from '../../../src/calendar/index.js';
import { parseConfig } from '../../../src/config.js';
import { toWgs84 } from '../../../src/geo.js';
import { createWeicheng, type Weicheng } from '../../../src/main.js';
import { pointInRing } from '../../../src/pack/polygon.js';
import type { Area, Category, Pack } from '../../../src/pack/schema.js';

export interface Product {
  app: Weicheng;
  dir: string;
  close(): Promise<void>;
}

export async function startProduct(): Promise<Product> {
  const dir = mkdtempSync(join(tmpdir(), 'weicheng-web-e2e-'));
  const config = parseConfig({
    DATABASE_URL: 'file:' + join(dir, 'weicheng.db'),
    PACK: 'packs/demo/pack.yaml',
    MEDIA_DIR: join(dir, 'media'),
    LOG_LEVEL: 'silent',
  });
  const app = await createWeicheng(config, { outbox: { pollMs: 20 } });
  await app.start();
  return {
    app,
    dir,
    async close() {
      await app.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function garbageCategory(pack: Pack): Category {
  const c = pack.categories.find((x) => x.id === 'garbage') ?? pack.categories.find((x) => x.name.includes('垃圾'));
  if (!c) throw new Error('the demo pack has no garbage category');
  return c;
}

type Ring = [number, number][];

/** The unit the pack assigns a category in an area: the nearest override upward, else the category's. */
export function unitFor(pack: Pack, category: Category, area: Area): string {
  for (let a: Area | undefined = area; a; a = pack.areas.find((p) => p.id === a!.parent)) {
    const u = a.units?.[category.id];
    if (u) return u;
  }
  return category.unit;
}

/**
 * A leaf area (no area inside it) with a point inside it and inside no unrelated area, preferring
 * one whose garbage goes to a unit of its own: then the test also shows the override applied.
 * The point is returned in WGS-84, as a browser reports it.
 */
export function reportPlace(pack: Pack, category: Category): { area: Area; lat: number; lon: number; unit: string } {
  const withPolygon = pack.areas.filter((a) => a.polygon && a.polygon.length >= 3);
  const ancestors = (a: Area): Set<string> => {
    const s = new Set<string>();
    for (let p = pack.areas.find((x) => x.id === a.parent); p; p = pack.areas.find((x) => x.id === p!.parent)) s.add(p.id);
    return s;
  };
  const candidates = withPolygon
    .filter((a) => !withPolygon.some((b) => b.parent === a.id))
    .map((area) => {
      const ring = area.polygon as Ring;
      const lon = ring.reduce((s, p) => s + p[0], 0) / ring.length;
      const lat = ring.reduce((s, p) => s + p[1], 0) / ring.length;
      const up = ancestors(area);
      const clean =
        pointInRing([lon, lat], ring) &&
        withPolygon.every((b) => b.id === area.id || up.has(b.id) || !pointInRing([lon, lat], b.polygon as Ring));
      return { area, lon, lat, clean, unit: unitFor(pack, category, area) };
    })
    .filter((c) => c.clean);
  const pick = candidates.find((c) => c.unit !== category.unit) ?? candidates[0];
  if (!pick) throw new Error('the demo pack has no leaf area with a usable polygon');
  const wgs = toWgs84(pick.lat, pick.lon, pack.city.crs);
  return { area: pick.area, lat: Number(wgs.lat.toFixed(6)), lon: Number(wgs.lon.toFixed(6)), unit: pick.unit };
}

/** Checks the stored ticket against what the pack says a garbage report at `place` becomes. */
export async function expectGarbageTicket(
  product: Product,
  number: string,
  place: ReturnType<typeof reportPlace>,
  photo: Buffer,
): Promise<void> {
  const { app } = product;
  const pack = app.services.pack();
  const category = garbageCategory(pack);
  const ticket = await app.tickets.byNumber(number);
  expect(ticket, `ticket ${number}`).toBeDefined();
  expect(ticket).toMatchObject({
    kind: 'report',
    channel: 'web',
    categoryId: category.id,
    areaId: place.area.id,
    unitId: place.unit,
  });
  expect(ticket!.lat).toBeCloseTo(place.lat, 5);
  expect(ticket!.lon).toBeCloseTo(place.lon, 5);
  const due = createWorkCalendar(pack.city).deadlines(ticket!.createdAt, category.sla);
  expect(ticket!.ackDueAt).toBe(due.ackDueAt);
  expect(ticket!.resolveDueAt).toBe(due.resolveDueAt);
  const photos = await app.tickets.photos(ticket!.id);
  expect(photos.length).toBeGreaterThanOrEqual(1);
  const stored = photos.map((p) => readFileSync(join(product.dir, 'media', p.path)));
  expect(stored.some((b) => b.equals(photo))).toBe(true);
}
