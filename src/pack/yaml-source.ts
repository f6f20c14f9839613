/**
 * Reads pack text as YAML (JSON is YAML too) and maps paths back to lines, so every problem can
 * carry the line it sits on.
 */
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import type { Document, Node } from 'yaml';
import type { Issue, PathSegment } from './issues.js';

export interface YamlSource {
  /** The plain data; undefined when the text has syntax errors. */
  data: unknown;
  /** Syntax errors with line and column. */
  errors: Issue[];
  warnings: Issue[];
  /** 1-based line and column of the value at `path`, or of its deepest existing ancestor. */
  locate(path: readonly PathSegment[], key?: string): { line: number; column: number } | undefined;
}

/** Aliases expanded beyond this count abort the parse (guards against "billion laughs"). */
const MAX_ALIAS_COUNT = 200;

export function readYaml(text: string): YamlSource {
  const lineCounter = new LineCounter();
  // A BOM is legal in UTF-8 files written on Windows; it is not content.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const doc = parseDocument(body, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const pos = (offset: number): { line: number; column: number } => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const toIssue = (e: { message: string; pos: [number, number] }, prefix: string): Issue => ({
    path: '',
    message: `${prefix}${firstLine(e.message)}`,
    ...pos(e.pos[0]),
  });
  const errors = doc.errors.map((e) => toIssue(e, 'YAML syntax error: '));
  const warnings = doc.warnings.map((e) => toIssue(e, 'YAML: '));
  const locate = (path: readonly PathSegment[], key?: string) => {
    const offset = offsetOf(doc, path, key);
    return offset === undefined ? undefined : pos(offset);
  };
  if (errors.length > 0) return { data: undefined, errors, warnings, locate };
  try {
    return { data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), errors, warnings, locate };
  } catch (e) {
    const message = e instanceof Error ? firstLine(e.message) : String(e);
    return { data: undefined, errors: [{ path: '', message: `YAML: ${message}` }], warnings, locate };
  }
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '').trim();
}

/** Source offset of the node at `path` (or of `key` inside the map there), falling back to the nearest ancestor. */
function offsetOf(doc: Document, path: readonly PathSegment[], key?: string): number | undefined {
  let node: unknown = doc.contents;
  let offset = rangeStart(node);
  const steps: PathSegment[] = key === undefined ? [...path] : [...path, key];
  for (const [i, seg] of steps.entries()) {
    const isLastKey = key !== undefined && i === steps.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      // An unknown key points at the key itself; a value points at the value.
      const target = isLastKey ? pair.key : (pair.value ?? pair.key);
      const start = rangeStart(target);
      if (start !== undefined) offset = start;
      node = target;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg];
      if (item === undefined) break;
      const start = rangeStart(item);
      if (start !== undefined) offset = start;
      node = item;
    } else {
      break;
    }
  }
  return offset;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return Array.isArray(range) ? range[0] : undefined;
}
