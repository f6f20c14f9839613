/**
 * The ticket's location drawn over the pack's area polygons as a self-contained SVG: no map tiles,
 * nothing fetched from the internet. Polygons in GCJ-02 are converted to WGS-84 first, the system
 * tickets are stored in. The view is the top-level area around the ticket (or every polygon).
 */
import { toWgs84 } from '../../geo.js';
import type { Pack } from '../../pack/schema.js';

export interface MapPoint {
  lat: number;
  lon: number;
}

export interface MapOptions {
  /** The ticket's point (WGS-84), if the resident sent one. */
  point?: MapPoint | null;
  /** The ticket's area, highlighted. */
  areaId?: string | null;
  /** Width in px. Default 640. */
  width?: number;
}

interface Shape {
  id: string;
  name: string;
  parent: string | undefined;
  ring: MapPoint[];
}

function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Area polygons in WGS-84 (cache per pack: the conversion is the costly part). */
export function areaShapes(pack: Pack): Shape[] {
  const out: Shape[] = [];
  for (const a of pack.areas) {
    if (!a.polygon) continue;
    const ring = a.polygon.map(([lon, lat]) => toWgs84(lat, lon, pack.city.crs));
    out.push({ id: a.id, name: a.name, parent: a.parent, ring });
  }
  return out;
}

/** Centroid of a ring (area-weighted; the vertex mean for a degenerate one). */
function centroid(ring: MapPoint[]): MapPoint {
  let a = 0;
  let x = 0;
  let y = 0;
  for (let i = 0; i < ring.length; i++) {
    const p = ring[i]!;
    const q = ring[(i + 1) % ring.length]!;
    const f = p.lon * q.lat - q.lon * p.lat;
    a += f;
    x += (p.lon + q.lon) * f;
    y += (p.lat + q.lat) * f;
  }
  if (Math.abs(a) < 1e-12) {
    const n = ring.length || 1;
    return { lon: ring.reduce((s, p) => s + p.lon, 0) / n, lat: ring.reduce((s, p) => s + p.lat, 0) / n };
  }
  return { lon: x / (3 * a), lat: y / (3 * a) };
}

/** A round length (1, 2, 5 x 10^n metres) close to a quarter of the view's width. */
function scaleLength(viewMetres: number): number {
  const target = viewMetres / 4;
  const p = 10 ** Math.floor(Math.log10(target));
  return [5, 2, 1].map((m) => m * p).find((v) => v <= target) ?? p;
}

export function renderMapSvg(pack: Pack, shapes: Shape[], o: MapOptions = {}): string {
  const width = o.width ?? 640;
  const point = o.point ?? null;
  const byId = new Map(shapes.map((s) => [s.id, s]));
  // The top-most area with a polygon above the ticket's area frames the view.
  let frame: Shape | undefined;
  for (let id = o.areaId ?? undefined, guard = 0; id !== undefined && guard < 50; guard++) {
    const area = pack.areas.find((a) => a.id === id);
    if (byId.has(id)) frame = byId.get(id);
    id = area?.parent;
  }
  const framePoints = frame ? frame.ring : shapes.flatMap((s) => s.ring);
  const pts = [...framePoints, ...(point ? [point] : [])];
  if (pts.length === 0) {
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="120" viewBox="0 0 ${width} 120"><rect width="100%" height="100%" fill="#f4f6f8"/><text x="50%" y="50%" text-anchor="middle" font-size="14" fill="#667">未提供位置，城市包中也没有区域边界</text></svg>`;
  }
  let minLon = Math.min(...pts.map((p) => p.lon));
  let maxLon = Math.max(...pts.map((p) => p.lon));
  let minLat = Math.min(...pts.map((p) => p.lat));
  let maxLat = Math.max(...pts.map((p) => p.lat));
  // A single point (no polygons) still needs some ground around it: about 500 m.
  const minSpan = 0.005;
  if (maxLon - minLon < minSpan) [minLon, maxLon] = [(minLon + maxLon) / 2 - minSpan / 2, (minLon + maxLon) / 2 + minSpan / 2];
  if (maxLat - minLat < minSpan) [minLat, maxLat] = [(minLat + maxLat) / 2 - minSpan / 2, (minLat + maxLat) / 2 + minSpan / 2];
  const padLon = (maxLon - minLon) * 0.08;
  const padLat = (maxLat - minLat) * 0.08;
  minLon -= padLon;
  maxLon += padLon;
  minLat -= padLat;
  maxLat += padLat;
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = (maxLon - minLon) * k;
  const spanY = maxLat - minLat;
  const height = Math.round(Math.min(Math.max((width * spanY) / spanX, 200), 520));
  const scale = Math.min(width / spanX, height / spanY);
  const offX = (width - spanX * scale) / 2;
  const offY = (height - spanY * scale) / 2;
  const xy = (p: MapPoint): [number, number] => [offX + (p.lon - minLon) * k * scale, offY + (maxLat - p.lat) * scale];
  const f = (n: number) => n.toFixed(1);

  const parts: string[] = [];
  parts.push(`<rect width="100%" height="100%" fill="#eef3f6"/>`);
  // Parents first, so sub-areas are drawn on top of them.
  const depth = (s: Shape): number => {
    let d = 0;
    for (let p = s.parent; p !== undefined && d < 50; d++) p = pack.areas.find((a) => a.id === p)?.parent;
    return d;
  };
  const ordered = [...shapes].sort((a, b) => depth(a) - depth(b));
  for (const s of ordered) {
    const hit = s.id === o.areaId;
    const d = s.ring.map((p, i) => `${i === 0 ? 'M' : 'L'}${xy(p).map(f).join(' ')}`).join(' ') + ' Z';
    parts.push(
      `<path d="${d}" class="area${hit ? ' hit' : ''}" data-area="${escapeXml(s.id)}" fill="${hit ? '#cfe3ff' : '#ffffff'}" fill-opacity="${hit ? 0.9 : 0.7}" stroke="${hit ? '#1f5fbf' : '#8a9bb0'}" stroke-width="${hit ? 2 : 1}"/>`,
    );
  }
  const pointXy = point ? xy(point) : undefined;
  const hasChildren = new Set(shapes.map((s) => s.parent).filter((p): p is string => p !== undefined));
  for (const s of ordered) {
    let [x, y] = xy(centroid(s.ring));
    // A parent's centre is usually covered by its children: label it along its top edge instead.
    if (hasChildren.has(s.id)) y = Math.min(...s.ring.map((p) => xy(p)[1])) + 16;
    // Keep the label off the ticket's marker.
    if (pointXy && Math.abs(pointXy[0] - x) < 40 && Math.abs(pointXy[1] - y) < 16) y = pointXy[1] - 18;
    y = Math.max(14, y);
    if (x < 0 || x > width || y > height) continue;
    parts.push(`<text x="${f(x)}" y="${f(y)}" text-anchor="middle" font-size="12" fill="${s.id === o.areaId ? '#173f7a' : '#4a5a6a'}">${escapeXml(s.name)}</text>`);
  }
  if (point) {
    const [x, y] = xy(point);
    parts.push(
      `<g class="ticket-point" data-x="${f(x)}" data-y="${f(y)}"><circle cx="${f(x)}" cy="${f(y)}" r="13" fill="#d93025" fill-opacity="0.18"/><circle cx="${f(x)}" cy="${f(y)}" r="6" fill="#d93025" stroke="#fff" stroke-width="2"/></g>`,
    );
  } else {
    parts.push(`<text x="${width - 10}" y="20" text-anchor="end" font-size="13" fill="#a33">居民未发送定位</text>`);
  }
  const metresPerPx = (111_320 * spanX) / (spanX * scale);
  const len = scaleLength(metresPerPx * width);
  const px = len / metresPerPx;
  const label = len >= 1000 ? `${len / 1000} 公里` : `${len} 米`;
  parts.push(
    `<g class="scale"><rect x="10" y="${height - 28}" width="${f(px + 16)}" height="22" fill="#fff" fill-opacity="0.8" rx="3"/><path d="M18 ${height - 12} h${f(px)}" stroke="#333" stroke-width="2"/><text x="${f(18 + px / 2)}" y="${height - 16}" text-anchor="middle" font-size="11" fill="#333">${label}</text></g>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif">${parts.join('')}</svg>`;
}
