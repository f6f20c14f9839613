/**
 * Turns zod's structural issues into pack issues with plain reasons (`is required`, `unknown key
 * (did you mean "keywords"?)`, `must be one of "cn", "weekdays"`).
 */
import type { z } from 'zod';
import { suggestion } from './did-you-mean.js';
import { formatPath, quote } from './issues.js';
import type { Issue, PathSegment } from './issues.js';

type RawIssue = z.core.$ZodRawIssue;

/** Per-parse error map: plain reasons for the generic zod messages. Schema-level messages still win. */
export const packErrorMap = (iss: RawIssue): string | undefined => {
  switch (iss.code) {
    case 'invalid_type':
      if (iss.input === undefined) return 'is required';
      return `must be ${describeExpected(iss.expected)}, not ${describeInput(iss.input)}`;
    case 'invalid_value': {
      const values = iss.values.map((v) => JSON.stringify(v)).join(', ');
      if (iss.input === undefined) return `is required (one of ${values})`;
      const hint = typeof iss.input === 'string' ? suggestion(iss.input, iss.values.map(String)) : '';
      return `${quote(iss.input)} is not allowed; must be one of ${values}${hint}`;
    }
    case 'too_small':
      if (iss.origin === 'array') return `needs at least ${String(iss.minimum)} item(s)`;
      if (iss.origin === 'string') return 'must not be empty';
      return `must be at least ${String(iss.minimum)}`;
    case 'too_big':
      if (iss.origin === 'array') return `has more than ${String(iss.maximum)} items`;
      if (iss.origin === 'string') return `is longer than ${String(iss.maximum)} characters`;
      return `must be at most ${String(iss.maximum)}`;
    case 'invalid_format':
      if (iss.format === 'datetime') {
        return `${quote(iss.input)} is not a time with its UTC offset, like 2026-12-01T09:00:00+08:00`;
      }
      return `${quote(iss.input)} has the wrong format (${iss.format})`;
    case 'invalid_union':
      return `${describeInput(iss.input)} is not allowed here`;
    case 'not_multiple_of':
      return `must be a multiple of ${String(iss.divisor)}`;
    default:
      return undefined;
  }
};

function describeExpected(expected: string): string {
  switch (expected) {
    case 'object':
      return 'a mapping (key: value)';
    case 'array':
    case 'tuple':
      return 'a list';
    case 'int':
      return 'a whole number';
    case 'number':
    case 'string':
    case 'boolean':
      return `a ${expected}`;
    default:
      return expected;
  }
}

function describeInput(input: unknown): string {
  if (input === null) return 'empty';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'object') return 'a mapping';
  if (typeof input === 'string') return `the text ${quote(input)}`;
  return `${typeof input} ${String(input)}`;
}

/** Converts finished zod issues to pack issues; `schema` supplies the known keys for suggestions. */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[], schema: z.ZodType): Issue[] {
  const out: Issue[] = [];
  for (const iss of issues) {
    const path = iss.path.filter((p): p is PathSegment => typeof p !== 'symbol');
    if (iss.code === 'unrecognized_keys') {
      const known = knownKeys(schema, path);
      for (const key of iss.keys) {
        out.push({ path: formatPath([...path, key]), message: `unknown key${suggestion(key, known)}` });
      }
      continue;
    }
    out.push({ path: formatPath(path), message: iss.message });
  }
  return out;
}

interface DefLike {
  type?: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  valueType?: z.ZodType;
  items?: z.ZodType[];
}

function defOf(schema: z.ZodType): DefLike {
  return (schema as unknown as { _zod: { def: DefLike } })._zod.def;
}

/** Unwraps defaults, optionals and preprocess pipes to the schema that does the checking. */
function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (let i = 0; i < 10; i++) {
    const def = defOf(s);
    if ((def.type === 'default' || def.type === 'optional' || def.type === 'nullable') && def.innerType) s = def.innerType;
    else if (def.type === 'pipe' && def.out) s = defOf(def.out).type === 'transform' && def.in ? def.in : def.out;
    else break;
  }
  return s;
}

/** Keys of the object schema at `path` (list indexes and record keys walk into elements). */
export function knownKeys(schema: z.ZodType, path: readonly PathSegment[]): string[] {
  let s: z.ZodType | undefined = unwrap(schema);
  for (const seg of path) {
    if (!s) return [];
    const def = defOf(s);
    if (def.type === 'object' && typeof seg === 'string') s = def.shape?.[seg];
    else if (def.type === 'array') s = def.element;
    else if (def.type === 'record') s = def.valueType;
    else if (def.type === 'tuple' && typeof seg === 'number') s = def.items?.[seg];
    else return [];
    if (s) s = unwrap(s);
  }
  if (!s) return [];
  const def = defOf(s);
  return def.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}
