/**
 * The router: category (classifier.ts), area (area.ts) and unit (unit.ts) for one report. Indexes
 * are built once in `createRouter`; a call to `route` does no I/O.
 */
import type { Pack } from '../pack/schema.js';
import { AppError } from '../errors.js';
import { addWords } from '../text/segment.js';
import { AreaIndex } from './area.js';
import { CategoryClassifier, type ClassifierOptions } from './classifier.js';
import type { Crs } from './geo.js';
import { resolveUnit } from './unit.js';

export type { Crs } from './geo.js';

export interface RouteInput {
  text: string;
  lat?: number;
  lon?: number;
  /** System of lat/lon. Default wgs84 (what Telegram and browsers send). */
  crs?: Crs;
}

export interface RouteResult {
  category: string | null;
  area: string | null;
  unit: string;
  /** 0..1: how sure the answer is (for none: how sure no category fits). */
  confidence: number;
  /** The best-scoring categories, best first, with their raw scores. */
  alternatives: { category: string; score: number }[];
}

export interface Router {
  route(input: RouteInput): RouteResult;
  /** The unit for a category (or none) in an area (or none): overrides walked up, else the category's unit, else the dispatcher. */
  unitFor(category: string | null, area: string | null): string;
}

export type RouterOptions = ClassifierOptions;

export function createRouter(pack: Pack, options: RouterOptions = {}): Router {
  const areas = new AreaIndex(pack);
  // Keywords and place names cut whole make better words on both sides.
  addWords([...pack.categories.flatMap((c) => c.keywords), ...areas.nameWords()]);
  const classifier = new CategoryClassifier(pack, options);

  return {
    route(input: RouteInput): RouteResult {
      const text = typeof input.text === 'string' ? input.text : '';
      const hasPoint = input.lat !== undefined || input.lon !== undefined;
      if (hasPoint && !validPoint(input.lat, input.lon)) {
        throw new AppError('INVALID_INPUT', `bad point: lat ${String(input.lat)}, lon ${String(input.lon)}`);
      }
      const mentions = areas.mentions(text);
      let area: string | null = null;
      if (hasPoint && input.lat !== undefined && input.lon !== undefined) {
        area = areas.atPoint(input.lat, input.lon, input.crs ?? 'wgs84');
      }
      area ??= areas.fromText(text);
      const c = classifier.classify(text, mentions);
      return {
        category: c.category,
        area,
        unit: resolveUnit(pack, areas, c.category, area),
        confidence: c.category === null ? 1 - c.confidence : c.confidence,
        alternatives: c.alternatives,
      };
    },
    unitFor: (category, area) => resolveUnit(pack, areas, category, area),
  };
}

function validPoint(lat: unknown, lon: unknown): boolean {
  return (
    typeof lat === 'number' &&
    typeof lon === 'number' &&
    Number.isFinite(lat) &&
    Number.isFinite(lon) &&
    Math.abs(lat) <= 90 &&
    Math.abs(lon) <= 180
  );
}
