import { describe, expect, it } from 'vitest';
import { databaseFromArg, databaseLabel, parseConfig } from '../src/config.js';

describe('configuration', () => {
  it('runs on safe defaults with an empty environment', () => {
    const c = parseConfig({});
    expect(c).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      database: { kind: 'sqlite', file: './data/weicheng.db' },
      packFile: './packs/demo/pack.yaml',
      logLevel: 'info',
      webChat: true,
      publicUrl: 'http://localhost:3000',
    });
    expect(c.telegram).toBeUndefined();
    expect(c.wechat).toBeUndefined();
  });

  it('names the variable and the reason for each bad value', () => {
    expect(() => parseConfig({ PORT: 'eighty' })).toThrow(/^PORT: must be a number$/);
    expect(() => parseConfig({ LOG_LEVEL: 'loud' })).toThrow(/^LOG_LEVEL: must be one of/);
    expect(() => parseConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/^DATABASE_URL: must start with file:/);
    expect(() => parseConfig({ PUBLIC_URL: 'not a url' })).toThrow(/^PUBLIC_URL: must be a URL/);
    expect(() => parseConfig({ WEB_CHAT: 'maybe' })).toThrow(/^WEB_CHAT: must be true or false$/);
  });

  it('reports several bad variables at once, one per line', () => {
    try {
      parseConfig({ PORT: '0', TELEGRAM_MODE: 'push' });
      expect.unreachable();
    } catch (err) {
      const lines = (err as Error).message.split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/^PORT: /);
      expect(lines[1]).toMatch(/^TELEGRAM_MODE: must be webhook or polling$/);
      expect(err).toMatchObject({ code: 'CONFIG_INVALID' });
    }
  });

  it('turns Telegram on with a token and requires a secret for webhooks', () => {
    expect(parseConfig({ TELEGRAM_BOT_TOKEN: '123:abc' }).telegram).toMatchObject({ token: '123:abc', mode: 'polling' });
    expect(() => parseConfig({ TELEGRAM_BOT_TOKEN: '123:abc', TELEGRAM_MODE: 'webhook' })).toThrow(/^TELEGRAM_WEBHOOK_SECRET: required/);
    expect(() => parseConfig({ TELEGRAM_WEBHOOK_SECRET: 'has space' })).toThrow(/^TELEGRAM_WEBHOOK_SECRET: must be 1-256/);
  });

  it('reads PostgreSQL URLs and pack-named secrets from the snapshot it was given', () => {
    const env: Record<string, string> = { DATABASE_URL: 'postgres://u:p@db/weicheng', WECOM_X_URL: 'https://robot/x' };
    const c = parseConfig(env);
    env.WECOM_X_URL = 'changed later';
    expect(c.database).toEqual({ kind: 'postgres', url: 'postgres://u:p@db/weicheng' });
    expect(c.secret('WECOM_X_URL')).toBe('https://robot/x');
    expect(c.secret('MISSING')).toBeUndefined();
  });

  it('reads DATABASE_POOL_SIZE as a whole number from 1 to 100, 10 when unset or blank', () => {
    expect(parseConfig({}).databasePoolSize).toBe(10);
    expect(parseConfig({ DATABASE_POOL_SIZE: '' }).databasePoolSize).toBe(10);
    expect(parseConfig({ DATABASE_POOL_SIZE: '1' }).databasePoolSize).toBe(1);
    expect(parseConfig({ DATABASE_POOL_SIZE: ' 25 ' }).databasePoolSize).toBe(25);
    expect(parseConfig({ DATABASE_POOL_SIZE: '100', DATABASE_URL: 'postgres://u:p@db/weicheng' }).databasePoolSize).toBe(100);
    expect(() => parseConfig({ DATABASE_POOL_SIZE: '0' })).toThrow(/^DATABASE_POOL_SIZE: must be from 1 to 100$/);
    expect(() => parseConfig({ DATABASE_POOL_SIZE: '101' })).toThrow(/^DATABASE_POOL_SIZE: must be from 1 to 100$/);
    expect(() => parseConfig({ DATABASE_POOL_SIZE: '-5' })).toThrow(/^DATABASE_POOL_SIZE: must be from 1 to 100$/);
    expect(() => parseConfig({ DATABASE_POOL_SIZE: '2.5' })).toThrow(/^DATABASE_POOL_SIZE: must be a whole number$/);
    expect(() => parseConfig({ DATABASE_POOL_SIZE: 'ten' })).toThrow(/^DATABASE_POOL_SIZE: must be a number$/);
    expect(() => parseConfig({ DATABASE_POOL_SIZE: 'ten' })).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
  });

  it('reads RETENTION_DAYS as a whole number of days from 7 to 3650, 180 when unset or blank', () => {
    expect(parseConfig({}).retentionDays).toBe(180);
    expect(parseConfig({ RETENTION_DAYS: '' }).retentionDays).toBe(180);
    expect(parseConfig({ RETENTION_DAYS: '7' }).retentionDays).toBe(7);
    expect(parseConfig({ RETENTION_DAYS: ' 365 ' }).retentionDays).toBe(365);
    expect(parseConfig({ RETENTION_DAYS: '3650' }).retentionDays).toBe(3650);
    expect(() => parseConfig({ RETENTION_DAYS: '6' })).toThrow(/^RETENTION_DAYS: must be from 7 to 3650$/);
    expect(() => parseConfig({ RETENTION_DAYS: '3651' })).toThrow(/^RETENTION_DAYS: must be from 7 to 3650$/);
    expect(() => parseConfig({ RETENTION_DAYS: '-30' })).toThrow(/^RETENTION_DAYS: must be from 7 to 3650$/);
    expect(() => parseConfig({ RETENTION_DAYS: '30.5' })).toThrow(/^RETENTION_DAYS: must be a whole number$/);
    expect(() => parseConfig({ RETENTION_DAYS: 'half a year' })).toThrow(/^RETENTION_DAYS: must be a number$/);
    expect(() => parseConfig({ RETENTION_DAYS: 'forever' })).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
  });

  it('reads a command-line --db as a SQLite path or a PostgreSQL URL, and names it without the password', () => {
    expect(databaseFromArg('data/x.db')).toEqual({ kind: 'sqlite', file: 'data/x.db' });
    expect(databaseFromArg('file:data/x.db')).toEqual({ kind: 'sqlite', file: 'data/x.db' });
    const pg = databaseFromArg('postgresql://weicheng:s3cret@db.example:5432/weicheng');
    expect(pg).toEqual({ kind: 'postgres', url: 'postgresql://weicheng:s3cret@db.example:5432/weicheng' });
    expect(databaseLabel(pg)).toBe('postgresql://weicheng:***@db.example:5432/weicheng');
    expect(databaseLabel({ kind: 'postgres', url: 'postgres://db/weicheng' })).toBe('postgres://db/weicheng');
    expect(databaseLabel({ kind: 'sqlite', file: 'data/x.db' })).toBe('data/x.db');
  });
});
