import type { Crs } from './channels/types.js';
import { distanceMetres, toWgs84 } from './geo.js';
import type { Pack } from './pack/schema.js';

/** How far outside the pack's areas a point may lie and still count as "in the city". */
export const NEAR_CITY_METRES = 20_000;

const boxes = new WeakMap<Pack, { minLat: number; maxLat: number; minLon: number; maxLon: number } | null>();

function bounds(pack: Pack) {
  if (!boxes.has(pack)) {
    const pts = pack.areas.flatMap((a) => a.polygon ?? []).map(([lon, lat]) => toWgs84(lat, lon, pack.city.crs));
    boxes.set(
      pack,
      pts.length === 0
        ? null
        : {
            minLat: Math.min(...pts.map((p) => p.lat)),
            maxLat: Math.max(...pts.map((p) => p.lat)),
            minLon: Math.min(...pts.map((p) => p.lon)),
            maxLon: Math.max(...pts.map((p) => p.lon)),
          },
    );
  }
  return boxes.get(pack) ?? null;
}

/** False when the point lies more than NEAR_CITY_METRES outside the box around the pack's polygons. */
export function isNearPack(pack: Pack, lat: number, lon: number, crs: Crs): boolean {
  const b = bounds(pack);
  if (!b) return true;
  const p = toWgs84(lat, lon, crs);
  const clamped = { lat: Math.min(Math.max(p.lat, b.minLat), b.maxLat), lon: Math.min(Math.max(p.lon, b.minLon), b.maxLon) };
  return distanceMetres(p, clamped) <= NEAR_CITY_METRES;
}
