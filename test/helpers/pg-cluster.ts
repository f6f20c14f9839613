/**
 * A throwaway PostgreSQL cluster for tests: `initdb` into a fresh temporary directory, started with
 * `pg_ctl` on a free loopback port, durability switched off (the data is thrown away), stopped and
 * deleted afterwards. initdb refuses to run as root, so as root the cluster belongs to the
 * `postgres` user (the Debian package creates it) and its programs run through `runuser`.
 *
 * Used by test/helpers/postgres.ts when no server is given, and by `.ci/run`, which starts one
 * cluster for the whole run:
 *
 *   npx tsx test/helpers/pg-cluster.ts start     prints WEICHENG_TEST_PG_URL=... and WEICHENG_TEST_PG_DIR=...
 *   npx tsx test/helpers/pg-cluster.ts stop DIR  stops that cluster and deletes its directory
 */
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Where Debian puts each PostgreSQL version's server programs. */
const DEBIAN_ROOT = '/usr/lib/postgresql';

/** The directory holding initdb, pg_ctl and postgres (the newest Debian version), or undefined. */
export function pgBinDir(): string | undefined {
  if (!existsSync(DEBIAN_ROOT)) return undefined;
  const versions = readdirSync(DEBIAN_ROOT)
    .filter((v) => existsSync(join(DEBIAN_ROOT, v, 'bin', 'initdb')) && existsSync(join(DEBIAN_ROOT, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(DEBIAN_ROOT, versions[0], 'bin');
}

export interface Cluster {
  /** Superuser URL of the cluster's `postgres` database (trust authentication, loopback only). */
  url: string;
  /** The temporary directory holding the data, the socket and the log. */
  dir: string;
  stop(): Promise<void>;
}

const isRoot = () => process.getuid?.() === 0;

/** Runs one of the server programs, as the `postgres` user when we are root. */
async function pgProgram(bin: string, program: string, args: string[], cwd: string): Promise<void> {
  const file = join(bin, program);
  const [cmd, argv] = isRoot() ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
  try {
    await run(cmd, argv, { cwd, timeout: 60_000 });
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    throw new Error(`${program} failed: ${(e.stderr || e.message).trim()}`);
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function ownedByPostgres(dir: string): Promise<void> {
  if (!isRoot()) return;
  const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
  const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
  chownSync(dir, uid, gid);
}

/** Initialises and starts a cluster; throws with initdb's or pg_ctl's message when it cannot. */
export async function startCluster(bin = pgBinDir()): Promise<Cluster> {
  if (!bin) throw new Error(`no PostgreSQL server programs under ${DEBIAN_ROOT} (apt-get install -y postgresql)`);
  const dir = mkdtempSync(join(tmpdir(), 'weicheng-pg-'));
  try {
    await ownedByPostgres(dir);
    const data = join(dir, 'data');
    await pgProgram(bin, 'initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync', '--no-instructions'], dir);
    const port = await freePort();
    // Only the loopback interface and a socket in our own directory; no fsync: the data is thrown away.
    const options = [
      `-p ${port}`,
      `-k ${dir}`,
      "-c listen_addresses='127.0.0.1'",
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=300',
    ].join(' ');
    await pgProgram(bin, 'pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60', '-o', options, 'start'], dir);
    return { url: `postgresql://postgres@127.0.0.1:${port}/postgres`, dir, stop: () => stopCluster(dir, bin) };
  } catch (err) {
    const log = join(dir, 'server.log');
    const tail = existsSync(log) ? `\n${readFileSync(log, 'utf8').split('\n').slice(-10).join('\n')}` : '';
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`could not start a throwaway PostgreSQL cluster: ${(err as Error).message}${tail}`);
  }
}

/** Stops the cluster in `dir` at once (its data is not needed again) and deletes the directory. */
export async function stopCluster(dir: string, bin = pgBinDir()): Promise<void> {
  const data = join(dir, 'data');
  if (bin && existsSync(join(data, 'postmaster.pid'))) await pgProgram(bin, 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'], dir);
  rmSync(dir, { recursive: true, force: true });
}

// `.ci/run` starts one cluster for the whole run and stops it at the end.
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  const [command, dir] = process.argv.slice(2);
  if (command === 'start') {
    const c = await startCluster();
    process.stdout.write(`WEICHENG_TEST_PG_URL=${c.url}\nWEICHENG_TEST_PG_DIR=${c.dir}\n`);
  } else if (command === 'stop' && dir) {
    await stopCluster(dir);
  } else {
    process.stderr.write('usage: tsx test/helpers/pg-cluster.ts start | stop DIR\n');
    process.exitCode = 2;
  }
}
