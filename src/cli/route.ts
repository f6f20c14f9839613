/**
 * `route --pack FILE`: JSON lines in, one JSON line out per input, in order. A bad line is
 * reported on stderr as `line N: reason` and skipped; the exit code is 1 if any line was bad.
 */
import { createInterface } from 'node:readline';
import { isAppError } from '../errors.js';
import { loadPackFile } from '../pack/load.js';
import { createRouter, type Crs, type Router } from '../routing/index.js';
import { option, type CliIo, type Subcommand } from './io.js';

/** A pack error as one line: "PACK: N problems, first: where: what" (the full list is in pack-check). */
function oneLine(e: unknown): string {
  if (!isAppError(e)) return String(e).split('\n')[0] ?? '';
  const errors = e.details?.errors;
  if (e.code === 'PACK_INVALID' && Array.isArray(errors) && errors.length > 0) {
    const n = errors.length;
    return `${String(e.details?.path ?? 'pack')}: ${n} problem${n === 1 ? '' : 's'}, first: ${String(errors[0])}`;
  }
  return e.message.split('\n')[0] ?? '';
}

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
    io.stderr.write(`route: ${oneLine(e)}\n`);
    return 1;
  }
  return routeLines(router, io);
};

/** Routes every JSON line of `io.stdin`; returns the exit code. */
export async function routeLines(router: Router, io: CliIo): Promise<number> {
  let n = 0;
  let bad = 0;
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    n++;
    if (line.trim() === '') continue;
    const parsed = parseLine(line);
    if (typeof parsed === 'string') {
      bad++;
      io.stderr.write(`line ${n}: ${parsed}\n`);
      continue;
    }
    const r = router.route(parsed);
    const out = {
      id: parsed.id,
      category: r.category,
      area: r.area,
      unit: r.unit,
      confidence: Math.round(r.confidence * 1000) / 1000,
    };
    io.stdout.write(`${JSON.stringify(out)}\n`);
  }
  return bad > 0 ? 1 : 0;
}

interface Request {
  id: unknown;
  text: string;
  lat?: number;
  lon?: number;
  crs?: Crs;
}

/** The request of one line, or the reason it is bad. */
function parseLine(line: string): Request | string {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    return 'invalid JSON';
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'expected a JSON object';
  const o = v as Record<string, unknown>;
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
