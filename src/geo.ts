import gcoordModule from 'gcoord';
import type { Crs } from './channels/types.js';

// gcoord's types describe an ES default export while Node loads its CommonJS build: take either.
type Gcoord = typeof gcoordModule.default;
const gcoord = ((gcoordModule as unknown as { default?: Gcoord }).default ?? gcoordModule) as Gcoord;

/** Converts a point to WGS-84, the system tickets are stored in. */
export function toWgs84(lat: number, lon: number, crs: Crs): { lat: number; lon: number } {
  if (crs === 'wgs84') return { lat, lon };
  const [x, y] = gcoord.transform([lon, lat], gcoord.GCJ02, gcoord.WGS84);
  return { lat: y, lon: x };
}

/** Great-circle distance in metres. */
export function distanceMetres(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const R = 6_371_000;
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
}
