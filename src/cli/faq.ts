/**
 * `faq --pack FILE`: JSON lines `{"id", "text"}` in, one line `{"id", "faq", "score"}` out per
 * input, in order (see jsonl.ts). `faq` is null when no entry answers well enough to show it.
 */
import { createFaqEngine, type FaqEngine } from '../faq/index.js';
import { loadPackFile } from '../pack/load.js';
import { option, type Subcommand } from './io.js';
import { packErrorLine, processJsonLines } from './jsonl.js';

export const faq: Subcommand = async (args, io) => {
  const packPath = option(args, 'pack');
  if (!packPath || packPath.startsWith('--')) {
    io.stderr.write('faq: missing --pack FILE\n');
    return 2;
  }
  let engine: FaqEngine;
  try {
    engine = createFaqEngine((await loadPackFile(packPath)).pack.faq);
  } catch (e) {
    io.stderr.write(`faq: ${packErrorLine(e)}\n`);
    return 1;
  }
  return processJsonLines(
    io,
    (o) => (!('id' in o) ? 'missing "id"' : typeof o.text !== 'string' ? '"text" must be a string' : { id: o.id, text: o.text }),
    (req) => {
      const a = engine.answer(req.text);
      // The score is the calibrated confidence of the best candidate: the engine answers from 0.5,
      // so the number means the same on every pack.
      return { id: req.id, faq: a.best?.id ?? null, score: a.top?.confidence ?? 0 };
    },
  );
};
