/**
 * `faq --pack FILE`: answers JSON lines `{"id", "text"}` from stdin with `{"id", "faq", "score"}`,
 * in order. A bad line is reported on stderr as `line N: reason` and skipped; the exit code is
 * 1 at the end if any line was bad.
 */
import { createInterface } from 'node:readline';
import { isAppError } from '../errors.js';
import { createFaqEngine } from '../faq/index.js';
import { loadPackFile } from '../pack/load.js';
import { option, type Subcommand } from './io.js';

function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve) => {
    if (stream.write(text)) resolve();
    else stream.once('drain', () => resolve());
  });
}

/** Checks one input line; returns the request or a one-line reason. */
function parseLine(line: string): { id: unknown; text: string } | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return 'not valid JSON';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'expected a JSON object';
  const rec = value as Record<string, unknown>;
  if (!('id' in rec)) return 'missing "id"';
  if (typeof rec.text !== 'string') return '"text" must be a string';
  return { id: rec.id, text: rec.text };
}

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

export const faq: Subcommand = async (args, io) => {
  const packPath = option(args, 'pack');
  if (!packPath) {
    io.stderr.write('faq: missing --pack FILE\n');
    return 2;
  }
  let engine;
  try {
    engine = createFaqEngine((await loadPackFile(packPath)).pack.faq);
  } catch (e) {
    io.stderr.write(`faq: ${oneLine(e)}\n`);
    return 1;
  }
  let bad = 0;
  let n = 0;
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    n++;
    if (line.trim() === '') continue;
    const req = parseLine(line);
    if (typeof req === 'string') {
      bad++;
      io.stderr.write(`line ${n}: ${req}\n`);
      continue;
    }
    const a = engine.answer(req.text);
    // The score is the calibrated confidence of the best candidate: the engine answers when it
    // reaches 0.5, so the number means the same thing on every pack.
    await write(io.stdout, `${JSON.stringify({ id: req.id, faq: a.best?.id ?? null, score: a.top?.confidence ?? 0 })}\n`);
  }
  return bad > 0 ? 1 : 0;
};
