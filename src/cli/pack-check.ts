/**
 * `pack check FILE`: validates a city pack and prints every problem on stdout, one per line
 * (`path: reason`), warnings prefixed `warning: `. Exits 1 with a one-line summary on stderr when
 * there is any error; exits 0 with a one-line OK summary on stdout otherwise.
 */
import { isAppError } from '../errors.js';
import { formatIssue } from '../pack/issues.js';
import { checkPackFile } from '../pack/load.js';
import type { Subcommand } from './io.js';

export const packCheck: Subcommand = async (args, io) => {
  const file = args[0];
  if (file === undefined || args.length > 1) {
    io.stderr.write('usage: npm run -s cli -- pack check FILE\n');
    return 2;
  }
  let result;
  try {
    result = await checkPackFile(file);
  } catch (e) {
    if (isAppError(e)) {
      io.stderr.write(`${e.message}\n`);
      return 1;
    }
    throw e;
  }
  // The report goes to stdout (errors first, then warnings); stderr gets the one-line reason.
  if (!result.ok) {
    for (const e of result.errors) io.stdout.write(`${formatIssue(e)}\n`);
    for (const w of result.warnings) io.stdout.write(`warning: ${formatIssue(w)}\n`);
    const n = result.errors.length;
    io.stderr.write(`${file}: ${n} problem${n === 1 ? '' : 's'}\n`);
    return 1;
  }
  for (const w of result.warnings) io.stdout.write(`warning: ${formatIssue(w)}\n`);
  const p = result.pack;
  io.stdout.write(
    `OK ${file}: ${p.city.name} (${p.city.id}): ${p.units.length} units, ${p.categories.length} categories, ` +
      `${p.areas.length} areas, ${p.faq.length} faq, ${p.campaigns.length} campaigns` +
      `${result.warnings.length ? `, ${result.warnings.length} warning${result.warnings.length === 1 ? '' : 's'}` : ''}\n`,
  );
  return 0;
};
