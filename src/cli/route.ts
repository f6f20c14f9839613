/**
 * `route --pack FILE`: JSON lines `{"id", "text", "lat"?, "lon"?, "crs"?}` in, one line
 * `{"id", "category", "area", "unit", "confidence"}` out per input, in order (see jsonl.ts).
 */
import { loadPackFile } from '../pack/load.js';
import { createRouter, type Crs, type Router } from '../routing/index.js';
import { option, type CliIo, type Subcommand } from './io.js';
import { packErrorLine, processJsonLines } from './jsonl.js';

export const route: Subcommand = async (args, io) => {
  const path = option(args, 'pack');
  if (path === undefined || path.startsWith('--')) {
    io.stderr.write('route: missing --pack FILE\n');
    return 2;
  }
  let router: Router;
  try {
    router = createRouter((await loadPackFile(path)).pack);
  } catch (e) {
    io.stderr.write(`route: ${packErrorLine(e)}\n`);
    return 1;
  }
  return routeLines(router, io);
};

/** Routes every JSON line of `io.stdin`; returns the exit code. */
export function routeLines(router: Router, io: CliIo): Promise<number> {
  return processJsonLines(io, parseRequest, (req) => {
    const r = router.route(req);
    return { id: req.id, category: r.category, area: r.area, unit: r.unit, confidence: Math.round(r.confidence * 1000) / 1000 };
  });
}

interface Request {
  id: unknown;
  text: string;
  lat?: number;
  lon?: number;
  crs?: Crs;
}

function parseRequest(o: Record<string, unknown>): Request | string {
  if (typeof o.text !== 'string') return o.text === undefined ? 'missing "text"' : '"text" must be a string';
  const req: Request = { id: o.id ?? null, text: o.text };
  const hasLat = o.lat !== undefined && o.lat !== null;
  const hasLon = o.lon !== undefined && o.lon !== null;
  if (hasLat !== hasLon) return hasLat ? '"lat" given without "lon"' : '"lon" given without "lat"';
  if (hasLat) {
    if (typeof o.lat !== 'number' || !Number.isFinite(o.lat) || Math.abs(o.lat) > 90) return `bad "lat": ${JSON.stringify(o.lat)} (a number from -90 to 90)`;
    if (typeof o.lon !== 'number' || !Number.isFinite(o.lon) || Math.abs(o.lon) > 180) return `bad "lon": ${JSON.stringify(o.lon)} (a number from -180 to 180)`;
    req.lat = o.lat;
    req.lon = o.lon;
  }
  if (o.crs !== undefined && o.crs !== null) {
    if (o.crs !== 'wgs84' && o.crs !== 'gcj02') return `bad "crs": ${JSON.stringify(o.crs)} (wgs84 or gcj02)`;
    req.crs = o.crs;
  }
  return req;
}
