/**
 * `staff add|list|bind-code|passwd`: office staff accounts from the command line.
 *
 *   staff add --login wang --name 王科长 --unit sanitation --role officer [--password-stdin]
 *   staff list
 *   staff bind-code --login wang     prints a one-time code for /bind in an office chat
 *   staff passwd --login wang        reads the new password from stdin
 *
 * Every command takes `--db PATH` (or file:PATH, or a postgres:// URL) and `--pack FILE`; the
 * defaults are the configuration's (DATABASE_URL and PACK), and the database used is named in the
 * output (a URL without its password) so an operator sees which one was changed. Bad input gives one line on stderr.
 */
import { createInterface } from 'node:readline';
import { databaseFromArg, databaseLabel, parseConfig, type Config } from '../config.js';
import { openStore } from '../core.js';
import { AppError, isAppError } from '../errors.js';
import { loadPackFile } from '../pack/load.js';
import type { Pack } from '../pack/schema.js';
import type { StaffRole, Store } from '../store/ports.js';
import { createStaffService, STAFF_ROLES, type StaffService } from '../staff/service.js';
import type { CliIo, Subcommand } from './io.js';

const USAGE = `usage: npm run -s cli -- staff <command> [--db PATH|postgres://URL] [--pack FILE]
  staff add --login LOGIN --name NAME --unit UNIT --role officer|supervisor|admin [--password-stdin]
  staff list
  staff bind-code --login LOGIN
  staff passwd --login LOGIN          (new password on stdin)`;

interface Flags {
  values: Record<string, string>;
  switches: Set<string>;
}

const VALUE_FLAGS = ['db', 'pack', 'login', 'name', 'unit', 'role'];
const SWITCHES = ['password-stdin'];

function parseFlags(args: string[]): Flags {
  const values: Record<string, string> = {};
  const switches = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    const name = a.startsWith('--') ? a.slice(2) : undefined;
    if (name !== undefined && SWITCHES.includes(name)) {
      switches.add(name);
    } else if (name !== undefined && VALUE_FLAGS.includes(name)) {
      const v = args[i + 1];
      if (v === undefined || v.startsWith('--')) throw new AppError('INVALID_INPUT', `--${name} needs a value`);
      values[name] = v;
      i++;
    } else {
      throw new AppError('INVALID_INPUT', `unknown argument "${a}"`);
    }
  }
  return { values, switches };
}

function required(flags: Flags, name: string): string {
  const v = flags.values[name];
  if (v === undefined) throw new AppError('INVALID_INPUT', `missing --${name}`);
  return v;
}

/** The database of `--db` (PATH, file:PATH or postgres://URL), else the configuration's (DATABASE_URL). */
function databaseOf(flag: string | undefined, io: CliIo): Config['database'] {
  if (flag === undefined) return configOf(io).database;
  return databaseFromArg(flag);
}

function packFile(flag: string | undefined, io: CliIo): string {
  return flag ?? configOf(io).packFile;
}

const configOf = (io: CliIo) => io.config?.() ?? parseConfig({});

async function readSecretLine(io: CliIo): Promise<string> {
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  throw new AppError('INVALID_INPUT', 'expected the password on stdin, got nothing');
}

async function withService<T>(flags: Flags, io: CliIo, fn: (s: StaffService, pack: Pack, store: Store) => Promise<T>): Promise<T> {
  const { pack } = await loadPackFile(packFile(flags.values['pack'], io));
  const store = await openStore(databaseOf(flags.values['db'], io));
  try {
    return await fn(createStaffService({ store, pack: () => pack }), pack, store);
  } finally {
    await store.close();
  }
}

function unitName(pack: Pack, id: string): string {
  return pack.units.find((u) => u.id === id)?.name ?? '(not in pack)';
}

const handlers: Record<string, (flags: Flags, io: CliIo) => Promise<void>> = {
  async add(flags, io) {
    const role = required(flags, 'role');
    if (!(STAFF_ROLES as readonly string[]).includes(role)) {
      throw new AppError('INVALID_INPUT', `--role: "${role}" must be one of ${STAFF_ROLES.join(', ')}`);
    }
    const input = {
      login: required(flags, 'login'),
      name: required(flags, 'name'),
      unitId: required(flags, 'unit'),
      role: role as StaffRole,
    };
    const password = flags.switches.has('password-stdin') ? await readSecretLine(io) : undefined;
    const db = databaseLabel(databaseOf(flags.values['db'], io));
    await withService(flags, io, async (staff, pack) => {
      const s = await staff.add({ ...input, ...(password === undefined ? {} : { password }) });
      io.stdout.write(
        `added ${s.login} (${s.name}, ${s.role}, ${s.unitId} ${unitName(pack, s.unitId)})${s.hasPassword ? '' : ', no console password'} in ${db}\n`,
      );
    });
  },

  async list(flags, io) {
    await withService(flags, io, async (staff, pack, store) => {
      const all = await staff.list();
      if (all.length === 0) io.stdout.write('no staff yet\n');
      for (const s of all) {
        const links = await store.staff.links(s.id);
        const cols = [s.login, s.name, s.role, `${s.unitId} ${unitName(pack, s.unitId)}`, s.hasPassword ? 'console' : 'chat-only', `bound:${links.length}`];
        if (s.disabled) cols.push('disabled');
        io.stdout.write(`${cols.join('\t')}\n`);
      }
    });
  },

  async 'bind-code'(flags, io) {
    const login = required(flags, 'login');
    await withService(flags, io, async (staff, pack) => {
      const s = await staff.byLogin(login);
      if (!s) throw new AppError('NOT_FOUND', `no staff with login "${login}"`);
      const { code, expiresAt } = await staff.issueBindCode(s.id);
      io.stdout.write(`${code}\n`);
      const until = new Date(expiresAt).toLocaleString('zh-CN', { timeZone: pack.city.timezone, hour12: false });
      io.stderr.write(`one-time code for ${s.login}, valid until ${until}: send "/bind ${code}" (WeChat: "绑定 ${code}") in the office chat\n`);
    });
  },

  async passwd(flags, io) {
    const login = required(flags, 'login');
    const password = await readSecretLine(io);
    await withService(flags, io, async (staff) => {
      await staff.setPassword(login, password);
      io.stdout.write(`password of ${login} changed\n`);
    });
  },
};

export const staffCommand: Subcommand = async (args, io) => {
  const [name, ...rest] = args;
  if (name === '--help' || name === 'help') {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const handler = name === undefined ? undefined : handlers[name];
  if (!handler) {
    io.stderr.write(`${name === undefined ? '' : `staff: unknown command "${name}"\n`}${USAGE}\n`);
    return 2;
  }
  try {
    await handler(parseFlags(rest), io);
    return 0;
  } catch (e) {
    const msg = isAppError(e) ? e.message.split('\n')[0] : e instanceof Error ? e.message : String(e);
    io.stderr.write(`staff ${name}: ${msg}\n`);
    return 1;
  }
};
