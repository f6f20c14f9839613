/** Point-in-polygon and coordinate-system conversion for area look-up. */
import gcoordModule from 'gcoord';

// gcoord's typings declare an ES default export, but the package is CommonJS: under NodeNext the
// default import is module.exports itself, which is what its typings call `default`.
const gcoord = gcoordModule as unknown as typeof gcoordModule.default;

export type Crs = 'wgs84' | 'gcj02';

const CRS_TYPES = { wgs84: gcoord.WGS84, gcj02: gcoord.GCJ02 } as const;

/** [lon, lat] in `to`; a no-op when both systems are the same. */
export function convertPoint(lon: number, lat: number, from: Crs, to: Crs): [number, number] {
  if (from === to) return [lon, lat];
  const out = gcoord.transform<[number, number]>([lon, lat], CRS_TYPES[from], CRS_TYPES[to]);
  return [out[0], out[1]];
}

/** Ray casting on a ring of [lon, lat]; the ring may be open or closed. Edges count as inside-ish. */
export function pointInRing(lon: number, lat: number, ring: readonly (readonly [number, number])[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i];
    const b = ring[j];
    if (a === undefined || b === undefined) continue;
    const [xi, yi] = a;
    const [xj, yj] = b;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Unsigned area of a ring (shoelace), in squared degrees: only used to prefer the smaller of two. */
export function ringArea(ring: readonly (readonly [number, number])[]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i];
    const b = ring[j];
    if (a === undefined || b === undefined) continue;
    s += (b[0] + a[0]) * (b[1] - a[1]);
  }
  return Math.abs(s) / 2;
}
