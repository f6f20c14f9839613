/**
 * Loading a city pack: YAML text -> structure (zod) + references and values (validate.ts,
 * checks.ts), with every problem reported at once as `path: reason`.
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { AppError } from '../errors.js';
import { checkValues } from './checks.js';
import { formatIssue, formatPath } from './issues.js';
import type { Issue } from './issues.js';
import { Findings, asRecord } from './raw.js';
import type { Finding } from './raw.js';
import { packSchema } from './schema.js';
import type { Pack } from './schema.js';
import { checkReferences } from './validate.js';
import { fromZodIssues, packErrorMap } from './zod-issues.js';
import { readYaml } from './yaml-source.js';
import type { YamlSource } from './yaml-source.js';

export type { Issue } from './issues.js';

export interface ParseOptions {
  /**
   * Directory relative campaign images are resolved against; when set, they must exist.
   * Default: none (images are left as written and not checked).
   */
  baseDir?: string | undefined;
  /** "Now", for calendar coverage and past campaign times. Default: the current time. */
  now?: Date | undefined;
}

export type PackResult =
  | { ok: true; pack: Pack; errors: []; warnings: Issue[] }
  | { ok: false; pack: undefined; errors: Issue[]; warnings: Issue[] };

/** A pack read from a file and found valid. */
export interface LoadedPack {
  pack: Pack;
  /** Directory of the pack file; relative paths in the pack (campaign images) are resolved against it. */
  baseDir: string;
  /** Absolute path of the pack file. */
  source: string;
  warnings: Issue[];
}

/** Packs are small; anything beyond this is not a pack. */
const MAX_PACK_BYTES = 16 * 1024 * 1024;

/** Parses and validates pack text. `sourceName` names the text in messages (usually its file path). */
export function parsePack(text: string, sourceName: string, opts: ParseOptions = {}): PackResult {
  const yaml = readYaml(text);
  if (yaml.errors.length > 0) return fail(yaml.errors, yaml.warnings);
  const raw = asRecord(yaml.data);
  if (yaml.data === undefined || yaml.data === null) {
    return fail([{ path: '', message: `${sourceName} is empty; a pack needs version, city, units and categories` }], []);
  }
  if (!raw) {
    return fail([{ path: '', message: `${sourceName} must hold a mapping (key: value) at the top level` }], []);
  }

  const parsed = packSchema.safeParse(raw, { error: packErrorMap });
  const structural = parsed.success ? [] : fromZodIssues(parsed.error.issues, packSchema);
  const found = new Findings();
  checkReferences(raw, found);
  checkValues(raw, { now: opts.now ?? new Date(), baseDir: opts.baseDir }, found);

  const specific = found.errors.map((f) => locate(f, yaml));
  // Where a cross-reference check says something about the same value, its reason is the more useful one.
  const covered = new Set(specific.map((i) => i.path));
  const generic = structural.filter((i) => !covered.has(i.path)).map((i) => locateIssue(i, yaml));
  const errors = ordered(dedupe([...generic, ...specific]));
  const warnings = ordered([...yaml.warnings, ...found.warnings.map((f) => locate(f, yaml))]);
  if (errors.length > 0 || !parsed.success) return fail(errors, warnings);
  const pack = opts.baseDir === undefined ? parsed.data : resolveImages(parsed.data, opts.baseDir);
  return { ok: true, pack, errors: [], warnings };
}

function fail(errors: Issue[], warnings: Issue[]): PackResult {
  return { ok: false, pack: undefined, errors, warnings };
}

function locate(f: Finding, yaml: YamlSource): Issue {
  return { path: formatPath(f.key === undefined ? f.path : [...f.path, f.key]), message: f.message, ...yaml.locate(f.path, f.key) };
}

/** Zod issues carry a text path; split it back into segments to find the line. */
function locateIssue(issue: Issue, yaml: YamlSource): Issue {
  const segments = [...issue.path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : (m[1] ?? '')));
  const last = segments[segments.length - 1];
  // An unknown key's line is the key's own line.
  const pos = issue.message.startsWith('unknown key') && typeof last === 'string'
    ? yaml.locate(segments.slice(0, -1), last)
    : yaml.locate(segments);
  return { ...issue, ...pos };
}

function dedupe(issues: Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = formatIssue(i);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** File order (by line), keeping the found order for issues on the same line. */
function ordered(issues: Issue[]): Issue[] {
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort((a, b) => (a.issue.line ?? Infinity) - (b.issue.line ?? Infinity) || a.i - b.i)
    .map((x) => x.issue);
}

function resolveImages(pack: Pack, baseDir: string): Pack {
  const campaigns = pack.campaigns.map((c) => {
    const image = c.message.image;
    if (image === undefined || /^https:\/\//i.test(image) || isAbsolute(image)) return c;
    return { ...c, message: { ...c.message, image: resolve(baseDir, image) } };
  });
  return { ...pack, campaigns };
}

/** A pack file read and checked, valid or not. */
export type PackFileResult = PackResult & { source: string; baseDir: string };

/**
 * Reads and checks a pack file without throwing for an invalid pack. A directory means its
 * `pack.yaml`. Throws AppError PACK_NOT_FOUND when there is no such file.
 */
export async function checkPackFile(path: string, opts: Omit<ParseOptions, 'baseDir'> = {}): Promise<PackFileResult> {
  let source = resolve(path);
  const info = await stat(source).catch(() => undefined);
  if (info?.isDirectory()) source = join(source, 'pack.yaml');
  const baseDir = dirname(source);
  let bytes: Buffer;
  try {
    const size = info?.isDirectory() ? (await stat(source)).size : info?.size;
    if (size !== undefined && size > MAX_PACK_BYTES) {
      return { ...fail([{ path: '', message: `${path} is larger than ${MAX_PACK_BYTES / 1024 / 1024} MB; not a city pack` }], []), source, baseDir };
    }
    bytes = await readFile(source);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new AppError('PACK_NOT_FOUND', `pack file not found: ${path}`, { path });
    }
    throw new AppError('PACK_NOT_FOUND', `cannot read pack file ${path}: ${code ?? 'unknown error'}`, { path }, { cause: e });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ...fail([{ path: '', message: `${path} is not UTF-8 text` }], []), source, baseDir };
  }
  return { ...parsePack(text, path, { ...opts, baseDir }), source, baseDir };
}

/**
 * Reads a pack file for use. Throws AppError PACK_NOT_FOUND when the file is missing and
 * PACK_INVALID, listing every problem one per line, when it is not a valid pack.
 */
export async function loadPackFile(path: string, opts: Omit<ParseOptions, 'baseDir'> = {}): Promise<LoadedPack> {
  const result = await checkPackFile(path, opts);
  if (!result.ok) {
    const lines = result.errors.map((i) => `  ${formatIssue(i)}`).join('\n');
    const count = result.errors.length;
    throw new AppError('PACK_INVALID', `${path}: ${count} problem${count === 1 ? '' : 's'}\n${lines}`, {
      path,
      errors: result.errors.map(formatIssue),
    });
  }
  return { pack: result.pack, baseDir: result.baseDir, source: result.source, warnings: result.warnings };
}
