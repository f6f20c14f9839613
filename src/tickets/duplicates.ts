/**
 * Finding an earlier open ticket about the same problem, so a resident can follow it instead of
 * filing a second one: the same category, reported in the last 72 hours and still open, and
 * either within 100 m of the new report's point, or in the same area with a similar description
 * (Jaccard similarity of character bigrams, which tolerates word order and segmentation).
 */
import type { Crs } from '../channels/types.js';
import { distanceMetres, toWgs84 } from '../geo.js';
import type { Ticket } from '../store/ports.js';
import { charNgrams } from '../text/segment.js';
import type { TicketDeps } from './deps.js';
import { OPEN_STATES } from './state-machine.js';

export interface DuplicateQuery {
  categoryId: string | null;
  /** The area the router gives the new report (pin first, else names in the text). */
  areaId: string | null;
  text: string;
  location?: { lat: number; lon: number; crs: Crs };
  /** The resident filing: their own tickets are not offered. */
  residentId?: number;
}

export interface DuplicateOptions {
  /** How far back an earlier ticket counts. Default 72 hours. */
  windowMs?: number;
  /** Points closer than this are the same place. Default 100 m. */
  radiusMetres?: number;
  /** Bigram Jaccard from which two descriptions in one area are the same problem. Default 0.25. */
  minSimilarity?: number;
  /** Earlier tickets examined at most (newest first). Default 200. */
  maxCandidates?: number;
}

/** Jaccard similarity of the two texts' character bigram sets, 0..1. */
export function textSimilarity(a: string, b: string): number {
  const x = new Set(charNgrams(a, 2));
  const y = new Set(charNgrams(b, 2));
  if (x.size === 0 || y.size === 0) return 0;
  let common = 0;
  for (const g of x) if (y.has(g)) common++;
  return common / (x.size + y.size - common);
}

/** The closest matching open ticket (nearest point, else most similar text), if any. */
export async function findDuplicate(deps: TicketDeps, q: DuplicateQuery, options: DuplicateOptions = {}): Promise<Ticket | undefined> {
  if (q.categoryId === null) return undefined;
  const now = deps.clock();
  const radius = options.radiusMetres ?? 100;
  const minSimilarity = options.minSimilarity ?? 0.25;
  const candidates = await deps.store.tickets.list({
    categoryId: q.categoryId,
    states: [...OPEN_STATES],
    createdFrom: now - (options.windowMs ?? 72 * 3600_000),
    limit: options.maxCandidates ?? 200,
  });
  const point = q.location ? toWgs84(q.location.lat, q.location.lon, q.location.crs) : undefined;
  let best: { ticket: Ticket; score: number } | undefined;
  for (const t of candidates) {
    if (t.kind !== 'report' || (q.residentId !== undefined && t.residentId === q.residentId)) continue;
    let score = 0;
    if (point && t.lat !== null && t.lon !== null) {
      const d = distanceMetres(point, { lat: t.lat, lon: t.lon });
      // Any point match beats any text match: 1 + closeness.
      if (d <= radius) score = 2 - d / radius;
    }
    if (score === 0 && q.areaId !== null && t.areaId === q.areaId) {
      const s = textSimilarity(q.text, t.text);
      if (s >= minSimilarity) score = s;
    }
    if (score > 0 && (!best || score > best.score)) best = { ticket: t, score };
  }
  return best?.ticket;
}
