/** Builds pack variants from the small valid fixture for the validation tests. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { formatIssue } from '../../src/pack/issues.js';
import { parsePack } from '../../src/pack/load.js';
import type { ParseOptions, PackResult } from '../../src/pack/load.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/packs/', import.meta.url));
export const SMALL = `${FIXTURES}small.yaml`;
export const DEMO = fileURLToPath(new URL('../../packs/demo/pack.yaml', import.meta.url));

/** A fixed "now" inside chinese-days' coverage, so calendar warnings do not depend on the run date. */
export const NOW_2025 = new Date('2025-06-01T00:00:00Z');

/** Test data is edited freely, so it is untyped. */
export type AnyPack = any;

/** The small fixture as plain data, edited by `edit`, checked as YAML text. */
export function checkVariant(edit: (p: AnyPack) => void, opts: ParseOptions = {}): PackResult {
  const data: AnyPack = parse(readFileSync(SMALL, 'utf8'));
  edit(data);
  return parsePack(stringify(data), 'variant.yaml', { now: NOW_2025, ...opts });
}

/** Error lines of a result, as `pack check` prints them. */
export function errorLines(r: PackResult): string[] {
  return r.errors.map(formatIssue);
}

export function warningLines(r: PackResult): string[] {
  return r.warnings.map(formatIssue);
}
