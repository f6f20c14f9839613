/**
 * Command-line entry: `npm run -s cli -- <command> ...`. The contract of `pack check`, `route` and
 * `faq` is fixed by the city pack spec; each writes a one-line reason to stderr on bad input.
 */
import { parseConfig, type Config } from '../config.js';
import type { CliIo, Subcommand } from './io.js';

const USAGE = `usage: npm run -s cli -- <command>
  pack check FILE            validate a city pack
  route --pack FILE          route JSON lines from stdin
  faq --pack FILE            answer JSON lines from stdin
  campaign status ID|list     campaign run progress (--db FILE, --run N)
  staff add|list|bind-code|passwd   office staff accounts (staff --help)
  db copy --from FILE --to postgres://URL   move a SQLite database's data to an empty PostgreSQL one (db --help)
  db backup --from FILE --to NEW_FILE       back up a SQLite database while the service runs`;

const commands: Record<string, () => Promise<Subcommand>> = {
  'pack check': async () => (await import('./pack-check.js')).packCheck,
  route: async () => (await import('./route.js')).route,
  faq: async () => (await import('./faq.js')).faq,
  campaign: async () => (await import('./campaign.js')).campaign,
  staff: async () => (await import('./staff.js')).staffCommand,
  db: async () => (await import('./db.js')).dbCommand,
};

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  for (const [name, load] of Object.entries(commands)) {
    const words = name.split(' ');
    if (words.every((w, i) => argv[i] === w)) {
      return (await load())(argv.slice(words.length), io);
    }
  }
  io.stderr.write(`${argv.length ? `unknown command "${argv.join(' ')}"\n` : ''}${USAGE}\n`);
  return 2;
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  let config: Config | undefined;
  // Parsed only when a command needs it, so `pack check` runs whatever the environment holds.
  const lazyConfig = () => (config ??= parseConfig(process.env));
  runCli(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, config: lazyConfig }).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
