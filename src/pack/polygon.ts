/**
 * Sanity checks of area polygons: a ring of [lon, lat] points must enclose some area and must not
 * cross itself, or the router's point-in-polygon test gives nonsense.
 */

export type Point = readonly [number, number];

/** Reads a ring of finite [lon, lat] pairs in range, or undefined (the schema reports the rest). */
export function asRing(v: unknown): Point[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const ring: Point[] = [];
  for (const p of v) {
    if (!Array.isArray(p) || p.length !== 2) return undefined;
    const [lon, lat] = p as unknown[];
    if (typeof lon !== 'number' || typeof lat !== 'number') return undefined;
    if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) return undefined;
    ring.push([lon, lat]);
  }
  return ring;
}

/** Drops repeated consecutive points and the closing point (a ring may or may not repeat its first point). */
export function openRing(ring: readonly Point[]): Point[] {
  const out: Point[] = [];
  for (const p of ring) {
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (out.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]) out.pop();
  return out;
}

/** Signed area (shoelace) in square degrees. */
export function ringArea(ring: readonly Point[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i] as Point;
    const b = ring[(i + 1) % ring.length] as Point;
    sum += a[0] * b[1] - b[0] * a[1];
  }
  return sum / 2;
}

function orient(a: Point, b: Point, c: Point): number {
  const v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

function onSegment(a: Point, b: Point, p: Point): boolean {
  return Math.min(a[0], b[0]) <= p[0] && p[0] <= Math.max(a[0], b[0]) && Math.min(a[1], b[1]) <= p[1] && p[1] <= Math.max(a[1], b[1]);
}

function segmentsTouch(a: Point, b: Point, c: Point, d: Point): boolean {
  const o1 = orient(a, b, c);
  const o2 = orient(a, b, d);
  const o3 = orient(c, d, a);
  const o4 = orient(c, d, b);
  if (o1 !== o2 && o3 !== o4) return true;
  return (o1 === 0 && onSegment(a, b, c)) || (o2 === 0 && onSegment(a, b, d)) || (o3 === 0 && onSegment(c, d, a)) || (o4 === 0 && onSegment(c, d, b));
}

/** The first pair of non-adjacent edges (1-based edge numbers) that touch or cross, if any. */
export function selfIntersection(ring: readonly Point[]): [number, number] | undefined {
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue; // these two share the first point
      const a = ring[i] as Point;
      const b = ring[(i + 1) % n] as Point;
      const c = ring[j] as Point;
      const d = ring[(j + 1) % n] as Point;
      if (segmentsTouch(a, b, c, d)) return [i + 1, j + 1];
    }
  }
  return undefined;
}

/** All points on one line, allowing for floating-point noise in the cross products. */
function collinear(ring: readonly Point[]): boolean {
  const a = ring[0] as Point;
  const b = ring[1] as Point;
  const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
  return ring.every((p) => Math.abs((b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0])) <= 1e-12 * Math.max(len, 1e-9));
}

/** What is wrong with a ring, or undefined when it is a usable simple polygon. */
export function polygonProblem(ring: readonly Point[]): string | undefined {
  const open = openRing(ring);
  if (open.length < 3) return 'needs at least 3 distinct points';
  if (collinear(open)) return 'encloses no area (its points lie on one line)';
  const crossing = selfIntersection(open);
  if (crossing) {
    return `crosses itself (edges ${crossing[0]} and ${crossing[1]}); list the points in order around the area`;
  }
  if (Math.abs(ringArea(open)) < 1e-14) return 'encloses no area';
  return undefined;
}

/** Ray casting; points on the boundary count as inside. */
export function pointInRing(p: Point, ring: readonly Point[]): boolean {
  let inside = false;
  const n = ring.length;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const a = ring[i] as Point;
    const b = ring[j] as Point;
    if (orient(a, b, p) === 0 && onSegment(a, b, p)) return true;
    if (a[1] > p[1] !== b[1] > p[1] && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
  }
  return inside;
}
