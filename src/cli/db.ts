/**
 * `db copy --from FILE --to postgres://URL`: moves a county's data from its SQLite file to an empty
 * PostgreSQL database (db/copy.ts does the work, in one PostgreSQL transaction).
 * `db backup --from FILE --to FILE`: an online backup of the SQLite file (db/sqlite/backup.ts), safe
 * while the service runs.
 *
 * Both flags are required, with no default from DATABASE_URL: the source and the target are named
 * on the command line so neither can be mistaken for the other. The summary (row counts per table,
 * the target's URL without its password) goes to stdout; problems go to stderr, one line each, and
 * the exit code is 1 (2 for a usage mistake).
 */
import { copySqliteToPostgres } from '../../db/copy.js';
import { backupSqlite } from '../../db/sqlite/backup.js';
import { databaseFromArg, databaseLabel } from '../config.js';
import { AppError, isAppError } from '../errors.js';
import type { CliIo, Subcommand } from './io.js';

const USAGE = `usage: npm run -s cli -- db copy --from PATH|file:PATH --to postgres://USER:PASSWORD@HOST:PORT/DATABASE
  copies every table of a SQLite database into an empty PostgreSQL database, ids included;
  stop the service first, then set DATABASE_URL to the PostgreSQL URL and start it again
       npm run -s cli -- db backup --from PATH|file:PATH --to NEW_FILE
  writes a consistent copy of a SQLite database while the service keeps running; never overwrites`;

const VALUE_FLAGS = ['from', 'to'];

/** A mistake in the command line itself: answered with the usage and exit code 2. */
class UsageError extends AppError {
  constructor(message: string) {
    super('INVALID_INPUT', message);
  }
}

function parseFlags(args: string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    const name = a.startsWith('--') ? a.slice(2) : undefined;
    if (name === undefined || !VALUE_FLAGS.includes(name)) throw new UsageError(`unknown argument "${a}"`);
    const v = args[i + 1];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`--${name} needs a value`);
    values[name] = v;
    i++;
  }
  for (const name of VALUE_FLAGS) if (values[name] === undefined) throw new UsageError(`missing --${name}`);
  return values;
}

async function backup(args: string[], io: CliIo): Promise<void> {
  const flags = parseFlags(args);
  const from = databaseFromArg(flags['from']!);
  if (from.kind !== 'sqlite') throw new UsageError('--from must be a SQLite file (PATH or file:PATH); back up PostgreSQL with pg_dump');
  const result = await backupSqlite({ from: from.file, to: flags['to']! });
  io.stdout.write(`backed up ${from.file} to ${result.file}: ${result.bytes} bytes, ${result.tickets} tickets, integrity check ok\n`);
}

async function copy(args: string[], io: CliIo): Promise<void> {
  const flags = parseFlags(args);
  const from = databaseFromArg(flags['from']!);
  if (from.kind !== 'sqlite') throw new UsageError('--from must be a SQLite file (PATH or file:PATH)');
  const to = databaseFromArg(flags['to']!);
  if (to.kind !== 'postgres') throw new UsageError('--to must be a PostgreSQL URL (postgres://...)');
  const target = databaseLabel(to);
  // Said first: a large county takes a while, and nothing shows in PostgreSQL until the commit.
  io.stderr.write(`copying ${from.file} to ${target} in one transaction\n`);
  const result = await copySqliteToPostgres({ from: from.file, to: to.url });
  const width = Math.max(...result.tables.map((t) => t.name.length));
  const total = result.tables.reduce((n, t) => n + t.rows, 0);
  const lines = [
    `copied ${from.file} to ${target}`,
    ...result.tables.map((t) => `${t.name.padEnd(width)}  ${String(t.rows).padStart(8)}`),
    `${'total'.padEnd(width)}  ${String(total).padStart(8)} rows in ${result.tables.length} tables; ${result.sequences.length} id sequences continue after the copied ids`,
  ];
  io.stdout.write(`${lines.join('\n')}\n`);
}

export const dbCommand: Subcommand = async (args, io) => {
  const [name, ...rest] = args;
  if (name === '--help' || name === 'help') {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const run = name === 'copy' ? copy : name === 'backup' ? backup : undefined;
  if (!run) {
    io.stderr.write(`${name === undefined ? '' : `db: unknown command "${name}"\n`}${USAGE}\n`);
    return 2;
  }
  try {
    await run(rest, io);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`db ${name}: ${e.message}\n${USAGE}\n`);
      return 2;
    }
    // The commands' own messages name tables, rows, columns and files, never values, and URLs without passwords.
    const msg = isAppError(e) ? e.message : e instanceof Error ? e.message : String(e);
    io.stderr.write(`db ${name}: ${msg}\n`);
    return 1;
  }
};
