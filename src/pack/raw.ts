/**
 * Loose readers for the pack as parsed from YAML, before (or regardless of) schema validation:
 * cross-reference checks run on the raw data so that a pack with a structural error still gets
 * all its reference errors reported in the same run.
 */
import { ID_PATTERN } from './schema.js';
import type { PathSegment } from './issues.js';

export type RawRecord = Record<string, unknown>;

export function asRecord(v: unknown): RawRecord | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as RawRecord) : undefined;
}

export function asList(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export function asString(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** A well-formed id, or undefined (a malformed one is already reported by the schema). */
export function asId(v: unknown): string | undefined {
  return typeof v === 'string' && ID_PATTERN.test(v) ? v : undefined;
}

/** An entry of a pack list with its index, for items that are mappings. */
export interface Entry {
  index: number;
  item: RawRecord;
  id: string | undefined;
}

export function entries(pack: RawRecord, list: string): Entry[] {
  const out: Entry[] = [];
  asList(pack[list]).forEach((v, index) => {
    const item = asRecord(v);
    if (item) out.push({ index, item, id: asId(item.id) });
  });
  return out;
}

/** A problem found while checking, located by path segments (turned into text and a line later). */
export interface Finding {
  path: PathSegment[];
  /** Set when the problem is a key itself (its line is the key's line). */
  key?: string;
  message: string;
}

/** Collects errors and warnings in the order they are found. */
export class Findings {
  readonly errors: Finding[] = [];
  readonly warnings: Finding[] = [];

  error(path: PathSegment[], message: string): void {
    this.errors.push({ path, message });
  }

  warn(path: PathSegment[], message: string): void {
    this.warnings.push({ path, message });
  }
}
