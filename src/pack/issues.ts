/** One problem found in a city pack, located by its path (e.g. `categories[3].unit`). */
export interface Issue {
  /** Dotted path with list indexes, e.g. `areas[2].units.garbage`; empty for the whole file. */
  path: string;
  /** Plain reason, e.g. `unknown unit "sanitaton" (did you mean "sanitation"?)`. */
  message: string;
  /** 1-based line in the pack file, when known. */
  line?: number;
  /** 1-based column in the pack file, when known. */
  column?: number;
}

export type PathSegment = string | number;

/** `['categories', 3, 'unit']` -> `categories[3].unit`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? seg : `.${seg}`;
  }
  return out;
}

/** One line: `path: reason`; a problem of the whole file (a YAML syntax error) names its line instead. */
export function formatIssue(issue: Issue): string {
  if (issue.path !== '') return `${issue.path}: ${issue.message}`;
  if (issue.line !== undefined) return `line ${issue.line}, column ${issue.column ?? 1}: ${issue.message}`;
  return issue.message;
}

/** Quotes a value for a message, keeping it on one line and short. */
export function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  const oneLine = text.replace(/\s+/g, ' ');
  return JSON.stringify(oneLine.length > 60 ? `${oneLine.slice(0, 57)}...` : oneLine);
}
