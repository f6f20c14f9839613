import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { loadPackFile } from '../../src/pack/load.js';
import type { Pack } from '../../src/pack/schema.js';
import { BIND_CODE_ALPHABET, normalizeBindCode } from '../../src/staff/bind-codes.js';
import { hashToken, createStaffService, type StaffService } from '../../src/staff/service.js';
import { scopeOf } from '../../src/staff/access.js';
import { createTestDb, type TestDb } from '../helpers/db.js';

let db: TestDb;
let pack: Pack;
let staff: StaffService;
const clock = { now: Date.parse('2026-11-25T10:00:00+08:00') };
const HOUR = 3600_000;

beforeEach(async () => {
  db = createTestDb();
  pack = (await loadPackFile(resolve('test/fixtures/packs/tickets.yaml'))).pack;
  clock.now = Date.parse('2026-11-25T10:00:00+08:00');
  staff = createStaffService({ store: db.store, pack: () => pack, clock: () => clock.now });
});
afterEach(async () => {
  await db.cleanup();
});

describe('staff accounts', () => {
  it('creates an account with a bcrypt hash of cost 10 and never exposes the hash', async () => {
    const s = await staff.add({ login: 'wang', name: '王科长', unitId: 'cleaners', role: 'officer', password: 'correct horse' });
    expect(s).toMatchObject({ login: 'wang', name: '王科长', unitId: 'cleaners', role: 'officer', hasPassword: true, disabled: false });
    expect(JSON.stringify(s)).not.toContain('$2');
    const row = await db.store.staff.byLogin('wang');
    expect(row?.passwordHash).toMatch(/^\$2[aby]\$10\$/);
    expect(row?.passwordHash).not.toContain('correct horse');
  });

  it('refuses an unknown unit with a suggestion, a duplicate login, a bad role and a short password', async () => {
    await expect(staff.add({ login: 'li', name: '李', unitId: 'cleaner', role: 'officer' })).rejects.toThrow('unknown unit "cleaner" (did you mean "cleaners"?)');
    await staff.add({ login: 'li', name: '李', unitId: 'police', role: 'officer' });
    await expect(staff.add({ login: 'li', name: '李二', unitId: 'police', role: 'officer' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(staff.add({ login: 'zhao', name: '赵', unitId: 'police', role: 'boss' as 'admin' })).rejects.toThrow(/role: "boss"/);
    await expect(staff.add({ login: 'zhao', name: '赵', unitId: 'police', role: 'officer', password: 'short' })).rejects.toThrow(/at least 8/);
    await expect(staff.add({ login: 'Bad Login', name: '赵', unitId: 'police', role: 'officer' })).rejects.toThrow(/login/);
    expect((await staff.list()).map((s) => s.login)).toEqual(['li']);
  });
});

describe('console sessions', () => {
  beforeEach(async () => {
    await staff.add({ login: 'wang', name: '王科长', unitId: 'cleaners', role: 'officer', password: 'correct horse' });
  });

  it('logs in with the right password only; a chat-only account cannot log in', async () => {
    expect(await staff.login('wang', 'wrong horse')).toBeUndefined();
    expect(await staff.login('nobody', 'correct horse')).toBeUndefined();
    await staff.add({ login: 'chat', name: '群成员', unitId: 'cleaners', role: 'officer' });
    expect(await staff.login('chat', '')).toBeUndefined();
    const ok = await staff.login('wang', 'correct horse');
    expect(ok?.staff.login).toBe('wang');
    expect(ok?.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(ok?.expiresAt).toBe(clock.now + 12 * HOUR);
  });

  it('stores only the SHA-256 of the token, and the session expires after 12 hours', async () => {
    const ok = (await staff.login('wang', 'correct horse'))!;
    expect(await db.store.consoleSessions.byHash(ok.token)).toBeUndefined();
    expect(await db.store.consoleSessions.byHash(hashToken(ok.token))).toMatchObject({ staffId: ok.staff.id });
    expect((await staff.session(ok.token))?.login).toBe('wang');
    clock.now += 12 * HOUR - 1;
    expect((await staff.session(ok.token))?.login).toBe('wang');
    clock.now += 1;
    expect(await staff.session(ok.token)).toBeUndefined();
    expect(await db.store.consoleSessions.byHash(hashToken(ok.token))).toBeUndefined();
  });

  it('logout ends the session; a wrong or malformed token finds nothing', async () => {
    const ok = (await staff.login('wang', 'correct horse'))!;
    expect(await staff.session(ok.token.slice(0, -1) + (ok.token.endsWith('A') ? 'B' : 'A'))).toBeUndefined();
    expect(await staff.session('x')).toBeUndefined();
    expect(await staff.session(undefined)).toBeUndefined();
    await staff.logout(ok.token);
    expect(await staff.session(ok.token)).toBeUndefined();
  });

  it('a disabled account loses its sessions and cannot log in', async () => {
    const ok = (await staff.login('wang', 'correct horse'))!;
    await db.store.staff.update(ok.staff.id, { disabled: true });
    expect(await staff.session(ok.token)).toBeUndefined();
    expect(await staff.login('wang', 'correct horse')).toBeUndefined();
  });

  it('a changed password takes effect', async () => {
    await staff.setPassword('wang', 'new password 2');
    expect(await staff.login('wang', 'correct horse')).toBeUndefined();
    expect(await staff.login('wang', 'new password 2')).toBeDefined();
    await expect(staff.setPassword('nobody', 'whatever123')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('bind codes', () => {
  let id: number;
  beforeEach(async () => {
    id = (await staff.add({ login: 'wang', name: '王科长', unitId: 'cleaners', role: 'officer' })).id;
  });

  it('issues 8-character codes from the unambiguous alphabet, valid for 24 hours', async () => {
    const codes = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const { code, expiresAt } = await staff.issueBindCode(id);
      expect(code).toMatch(new RegExp(`^[${BIND_CODE_ALPHABET}]{8}$`));
      expect(code).not.toMatch(/[01OIL]/);
      expect(expiresAt).toBe(clock.now + 24 * HOUR);
      codes.add(code);
    }
    expect(codes.size).toBe(20);
  });

  it('links the chat identity once; a second use is refused', async () => {
    const { code } = await staff.issueBindCode(id);
    expect(await staff.staffByChatIdentity('telegram', '555')).toBeUndefined();
    const r = await staff.redeemBindCode(` ${code.slice(0, 4).toLowerCase()}-${code.slice(4)} `, 'telegram', '555');
    expect(r).toMatchObject({ ok: true, staff: { login: 'wang' } });
    expect((await staff.staffByChatIdentity('telegram', '555'))?.login).toBe('wang');
    expect(await staff.staffByChatIdentity('wechat', '555')).toBeUndefined();
    expect(await staff.redeemBindCode(code, 'telegram', '666')).toEqual({ ok: false, reason: 'used' });
    expect(await staff.staffByChatIdentity('telegram', '666')).toBeUndefined();
  });

  it('refuses an expired, unknown or malformed code', async () => {
    const { code } = await staff.issueBindCode(id);
    clock.now += 24 * HOUR;
    expect(await staff.redeemBindCode(code, 'telegram', '555')).toEqual({ ok: false, reason: 'expired' });
    expect(await staff.redeemBindCode('ABCDEFGH', 'telegram', '555')).toEqual({ ok: false, reason: 'unknown' });
    expect(await staff.redeemBindCode('ABC', 'telegram', '555')).toEqual({ ok: false, reason: 'malformed' });
    expect(normalizeBindCode('ABCDEFG0')).toBeUndefined();
    expect(await staff.staffByChatIdentity('telegram', '555')).toBeUndefined();
  });

  it('a new code re-links an identity to another account; a disabled account is not found by its link', async () => {
    const other = await staff.add({ login: 'li', name: '李', unitId: 'police', role: 'officer' });
    await staff.redeemBindCode((await staff.issueBindCode(id)).code, 'wechat', 'wx-1');
    await staff.redeemBindCode((await staff.issueBindCode(other.id)).code, 'wechat', 'wx-1');
    expect((await staff.staffByChatIdentity('wechat', 'wx-1'))?.login).toBe('li');
    await db.store.staff.update(other.id, { disabled: true });
    expect(await staff.staffByChatIdentity('wechat', 'wx-1')).toBeUndefined();
    await expect(staff.issueBindCode(other.id)).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

describe('scope', () => {
  it('officers see their unit; supervisors of the dispatcher or of supervising units and admins see all', () => {
    expect(scopeOf({ role: 'officer', unitId: 'cleaners' }, pack)).toEqual({ all: false, units: ['cleaners'] });
    expect(scopeOf({ role: 'officer', unitId: 'hub' }, pack)).toEqual({ all: false, units: ['hub'] });
    expect(scopeOf({ role: 'supervisor', unitId: 'hub' }, pack)).toEqual({ all: true });
    expect(scopeOf({ role: 'supervisor', unitId: 'police' }, pack)).toEqual({ all: false, units: ['police'] });
    expect(scopeOf({ role: 'admin', unitId: 'police' }, pack)).toEqual({ all: true });
  });
});
