/**
 * The JSON-lines contract shared by `route` and `faq`: one JSON object per input line, one JSON
 * line out per good input, in order; a bad line is reported on stderr as `line N: reason` and
 * skipped, and the exit code is 1 at the end if any line was bad.
 */
import { createInterface } from 'node:readline';
import { isAppError } from '../errors.js';
import type { CliIo } from './io.js';

/** Parses one line into a request, or returns the one-line reason it is bad. */
export type LineParser<R> = (value: Record<string, unknown>) => R | string;

function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve) => {
    if (stream.write(text)) resolve();
    else stream.once('drain', () => resolve());
  });
}

export async function processJsonLines<R>(io: CliIo, parse: LineParser<R>, answer: (request: R) => unknown): Promise<number> {
  let n = 0;
  let bad = 0;
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    n++;
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      value = undefined;
    }
    const request =
      value === undefined
        ? 'invalid JSON'
        : typeof value !== 'object' || value === null || Array.isArray(value)
          ? 'expected a JSON object'
          : parse(value as Record<string, unknown>);
    if (typeof request === 'string') {
      bad++;
      io.stderr.write(`line ${n}: ${request}\n`);
      continue;
    }
    await write(io.stdout, `${JSON.stringify(answer(request))}\n`);
  }
  return bad > 0 ? 1 : 0;
}

/** A pack error as one line: "PACK: N problems, first: where: what" (`pack check` lists them all). */
export function packErrorLine(e: unknown): string {
  if (!isAppError(e)) return String(e).split('\n')[0] ?? '';
  const errors = e.details?.errors;
  if (e.code === 'PACK_INVALID' && Array.isArray(errors) && errors.length > 0) {
    const n = errors.length;
    return `${String(e.details?.path ?? 'pack')}: ${n} problem${n === 1 ? '' : 's'}, first: ${String(errors[0])}`;
  }
  return e.message.split('\n')[0] ?? '';
}
