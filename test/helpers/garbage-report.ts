/**
 * What a garbage report in the demo pack should turn into, derived from the pack itself (the
 * garbage category, a leaf area with a point inside it, the unit the spec's rules give), and a
 * check of the stored ticket against it. Shared by the end-to-end tests of every channel.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { createWorkCalendar } from '../../src/calendar/index.js';
import type { ChannelName } from '../../src/channels/types.js';
import { toWgs84 } from '../../src/geo.js';
import { pointInRing } from '../../src/pack/polygon.js';
import type { Area, Category, Pack } from '../../src/pack/schema.js';
import type { Ticket, TicketPhoto } from '../../src/store/ports.js';

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

export interface ExpectedTicket {
  channel: ChannelName;
  place: ReturnType<typeof reportPlace>;
  photo: Buffer;
  /** Decimal places the stored point must match (a GCJ-02 round trip loses some). Default 5. */
  precision?: number;
}

/** Checks a stored garbage ticket: category, area, unit, point, both deadlines and the photo's bytes. */
export function expectGarbageTicket(
  pack: Pack,
  ticket: Ticket | undefined,
  photos: TicketPhoto[],
  mediaDir: string,
  x: ExpectedTicket,
): void {
  const category = garbageCategory(pack);
  expect(ticket).toBeDefined();
  expect(ticket).toMatchObject({ kind: 'report', channel: x.channel, categoryId: category.id, areaId: x.place.area.id, unitId: x.place.unit });
  expect(ticket!.lat).toBeCloseTo(x.place.lat, x.precision ?? 5);
  expect(ticket!.lon).toBeCloseTo(x.place.lon, x.precision ?? 5);
  const due = createWorkCalendar(pack.city).deadlines(ticket!.createdAt, category.sla);
  expect(ticket!.ackDueAt).toBe(due.ackDueAt);
  expect(ticket!.resolveDueAt).toBe(due.resolveDueAt);
  expect(ticket!.resolveDueAt).toBeGreaterThan(ticket!.ackDueAt);
  expect(photos.length).toBeGreaterThanOrEqual(1);
  expect(photos.map((p) => readFileSync(join(mediaDir, p.path))).some((b) => b.equals(x.photo))).toBe(true);
}
