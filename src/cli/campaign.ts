/**
 * `campaign status ID [--run N] [--db FILE|postgres://URL]`: a campaign run's progress with a bar,
 * read from the database (the product may be sending at the same time). `campaign list` lists the campaigns.
 * The database is --db (a SQLite file or a postgres:// URL), or DATABASE_URL as the product reads it.
 */
import { formatProgress, runProgress } from '../campaigns/progress.js';
import { DEFAULT_QUIET_HOURS, parseQuietHours } from '../campaigns/quiet-hours.js';
import { databaseFromArg, parseConfig } from '../config.js';
import { openStore } from '../core.js';
import { isAppError } from '../errors.js';
import { loadPackFile } from '../pack/load.js';
import { option, type Subcommand } from './io.js';

const USAGE = 'usage: campaign status ID [--run N] [--db FILE|postgres://URL] [--pack FILE] [--quiet-hours 21:30-08:00] | campaign list [--db FILE|postgres://URL]';

export const campaign: Subcommand = async (args, io) => {
  const [action, id] = args;
  if (action !== 'status' && action !== 'list') {
    io.stderr.write(`campaign: unknown action "${action ?? ''}"\n${USAGE}\n`);
    return 2;
  }
  if (action === 'status' && (!id || id.startsWith('--'))) {
    io.stderr.write(`campaign status: missing campaign ID\n${USAGE}\n`);
    return 2;
  }
  const runArg = option(args, 'run');
  if (runArg !== undefined && !/^\d+$/.test(runArg)) {
    io.stderr.write(`campaign status: --run must be a run number, got "${runArg}"\n`);
    return 2;
  }
  let store;
  let timezone: string;
  try {
    const config = io.config?.() ?? parseConfig({});
    const flag = option(args, 'db');
    const database = flag === undefined ? config.database : databaseFromArg(flag);
    timezone = (await loadPackFile(option(args, 'pack') ?? config.packFile)).pack.city.timezone;
    store = await openStore(database);
  } catch (e) {
    io.stderr.write(`campaign: ${isAppError(e) || e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  try {
    const now = Date.now();
    if (action === 'list') {
      for (const c of await store.campaigns.list()) {
        const [last] = await store.campaigns.runs(c.id, 1);
        io.stdout.write(`${c.id}\t${c.status}\t${c.schedule ?? new Date(c.at ?? 0).toISOString()}\t${c.name}\t${last ? `last run ${last.id} ${last.status}` : 'no runs'}\n`);
      }
      return 0;
    }
    const c = await store.campaigns.byId(id!);
    if (!c) {
      io.stderr.write(`campaign status: no campaign "${id}"\n`);
      return 1;
    }
    const run = runArg !== undefined ? await store.campaigns.runById(Number(runArg)) : (await store.campaigns.runs(c.id, 1))[0];
    if (!run || run.campaignId !== c.id) {
      io.stdout.write(runArg !== undefined ? '' : `campaign ${c.id} (${c.status}): no runs yet\n`);
      if (runArg !== undefined) io.stderr.write(`campaign status: campaign "${c.id}" has no run ${runArg}\n`);
      return runArg !== undefined ? 1 : 0;
    }
    const quietHours = parseQuietHours(option(args, 'quiet-hours') ?? DEFAULT_QUIET_HOURS);
    io.stdout.write(formatProgress(await runProgress(store.campaigns, run, now, { timezone, quietHours }), now, timezone));
    return 0;
  } catch (e) {
    io.stderr.write(`campaign: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  } finally {
    await store.close();
  }
};
