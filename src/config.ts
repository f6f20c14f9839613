/**
 * Configuration, parsed once at start-up from the environment. This is the only module that
 * reads environment variables; everything else receives a `Config`. `.env.example` documents
 * every variable here.
 */
import { z } from 'zod';
import { AppError } from './errors.js';

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'], 'must be true or false')
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const url = z.url('must be a URL like https://example.org');
const optionalUrl = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .pipe(url.optional());

/** A blank value (`NAME=` in a .env file) counts as unset, so the default applies. */
const blankIsUnset = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** What DATABASE_URL (or a command's --db) may start with: SQLite's file: or PostgreSQL's URL schemes. */
const DATABASE_FORMS = /^(file:|sqlite:|postgres(ql)?:\/\/)/;

const envSchema = z.object({
  /** HTTP port. Default 3000. */
  PORT: z.coerce.number('must be a number').int('must be a whole number').min(1).max(65535).default(3000),
  /** Interface to listen on. Default 0.0.0.0 (all), so phones on the same network can open /chat. */
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  /** Public base URL (for webhooks and console links). Default: http://localhost:PORT. */
  PUBLIC_URL: optionalUrl,
  /** `file:PATH` (SQLite) or `postgres://...`. Default file:./data/weicheng.db. */
  DATABASE_URL: z
    .string()
    .trim()
    .default('file:./data/weicheng.db')
    .refine((v) => DATABASE_FORMS.test(v), 'must start with file: (SQLite) or postgres://'),
  /**
   * Most PostgreSQL connections one process holds (each running transaction keeps one), 1-100.
   * Default 10. Ignored on SQLite. All processes together must stay under the server's max_connections.
   */
  DATABASE_POOL_SIZE: z.preprocess(
    blankIsUnset,
    z.coerce.number('must be a number').int('must be a whole number').min(1, 'must be from 1 to 100').max(100, 'must be from 1 to 100').default(10),
  ),
  /**
   * Days delivered or failed outbox messages and web chat messages are kept before housekeeping
   * removes them, 7-3650. Default 180. It bounds how long residents' messages are held.
   */
  RETENTION_DAYS: z.preprocess(
    blankIsUnset,
    z.coerce.number('must be a number').int('must be a whole number').min(7, 'must be from 7 to 3650').max(3650, 'must be from 7 to 3650').default(180),
  ),
  /** City pack file. Default the demo pack. */
  PACK: z.string().trim().min(1).default('./packs/demo/pack.yaml'),
  /** Where photos are stored. Default ./data/media. */
  MEDIA_DIR: z.string().trim().min(1).default('./data/media'),
  /** pino level. Default info. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'must be one of fatal, error, warn, info, debug, trace, silent').default('info'),
  /** Serve the web chat at /chat. Default true. */
  WEB_CHAT: bool.default(true),
  /** Campaign quiet hours in city time, `HH:MM-HH:MM` or `off`. Default 21:30-08:00. */
  QUIET_HOURS: z
    .string()
    .trim()
    .regex(/^(off|([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d)$/, 'must be HH:MM-HH:MM (city time) or off')
    .default('21:30-08:00'),

  TELEGRAM_BOT_TOKEN: optionalText,
  /** webhook | polling. Default polling (works behind NAT, no public URL needed). */
  TELEGRAM_MODE: z.enum(['webhook', 'polling'], 'must be webhook or polling').default('polling'),
  TELEGRAM_WEBHOOK_SECRET: optionalText.pipe(
    z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, 'must be 1-256 characters of A-Z a-z 0-9 _ -').optional(),
  ),
  /** Another Bot API server (a local one, or a test fake). Default Telegram's. */
  TELEGRAM_API_ROOT: optionalUrl,

  /** wechaty puppet package, e.g. wechaty-puppet-wechat4u. Unset: WeChat off. */
  WECHATY_PUPPET: optionalText,
  WECHATY_PUPPET_SERVICE_TOKEN: optionalText,
});

export interface Config {
  port: number;
  host: string;
  publicUrl: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  /** Most PostgreSQL connections this process holds (DATABASE_POOL_SIZE). Default 10; unused on SQLite. */
  databasePoolSize: number;
  /** Days sent outbox messages and web chat messages are kept (RETENTION_DAYS). Default 180. */
  retentionDays: number;
  packFile: string;
  mediaDir: string;
  logLevel: z.output<typeof envSchema>['LOG_LEVEL'];
  webChat: boolean;
  /** Campaign quiet hours, `HH:MM-HH:MM` city time or `off`. */
  quietHours: string;
  telegram?: { token: string; mode: 'webhook' | 'polling'; webhookSecret?: string; apiRoot?: string };
  wechat?: { puppet: string; puppetToken?: string };
  /** Looks up a secret the city pack names by variable (such as a WeCom robot URL). */
  secret(name: string): string | undefined;
}

/** The database of a command-line `--db` value: a SQLite PATH, file:PATH, or a postgres:// URL. */
export function databaseFromArg(arg: string): Config['database'] {
  return parseConfig({ DATABASE_URL: DATABASE_FORMS.test(arg) ? arg : `file:${arg}` }).database;
}

/** How the database is named to an operator: the SQLite file, or the PostgreSQL URL without its password. */
export function databaseLabel(database: Config['database']): string {
  if (database.kind === 'sqlite') return database.file;
  try {
    const u = new URL(database.url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparsable URL)';
  }
}

/** Parses the environment; throws AppError CONFIG_INVALID with one line per bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${String(i.path[0] ?? '?')}: ${i.message}`);
    throw new AppError('CONFIG_INVALID', lines.join('\n'), { variables: parsed.error.issues.map((i) => i.path[0]) });
  }
  const e = parsed.data;
  if (e.TELEGRAM_BOT_TOKEN && e.TELEGRAM_MODE === 'webhook' && !e.TELEGRAM_WEBHOOK_SECRET) {
    throw new AppError('CONFIG_INVALID', 'TELEGRAM_WEBHOOK_SECRET: required when TELEGRAM_MODE=webhook');
  }
  const db = e.DATABASE_URL.startsWith('postgres')
    ? { kind: 'postgres' as const, url: e.DATABASE_URL }
    : { kind: 'sqlite' as const, file: e.DATABASE_URL.replace(/^(file|sqlite):(\/\/)?/, '') };
  const snapshot = { ...env };
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    database: db,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    retentionDays: e.RETENTION_DAYS,
    packFile: e.PACK,
    mediaDir: e.MEDIA_DIR,
    logLevel: e.LOG_LEVEL,
    webChat: e.WEB_CHAT,
    quietHours: e.QUIET_HOURS,
    telegram: e.TELEGRAM_BOT_TOKEN
      ? {
          token: e.TELEGRAM_BOT_TOKEN,
          mode: e.TELEGRAM_MODE,
          webhookSecret: e.TELEGRAM_WEBHOOK_SECRET,
          apiRoot: e.TELEGRAM_API_ROOT,
        }
      : undefined,
    wechat: e.WECHATY_PUPPET ? { puppet: e.WECHATY_PUPPET, puppetToken: e.WECHATY_PUPPET_SERVICE_TOKEN } : undefined,
    secret: (name) => {
      const v = snapshot[name]?.trim();
      return v ? v : undefined;
    },
  };
}
