/**
 * Staff accounts, console sessions and chat bindings: the one place that creates staff, checks
 * passwords, issues session tokens and links chat members to accounts. The console, the CLI and
 * the office chats (group buttons, /bind) all go through it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../errors.js';
import { suggestion } from '../pack/did-you-mean.js';
import type { Pack } from '../pack/schema.js';
import type { Staff, StaffRole, Store } from '../store/ports.js';
import { newBindCode, normalizeBindCode } from './bind-codes.js';
import { hashPassword, verifyPassword } from './password.js';

export const STAFF_ROLES = ['officer', 'supervisor', 'admin'] as const satisfies readonly StaffRole[];
/** Console logins: lower-case letters, digits, `.`, `_` and `-`, 2 to 32 characters. */
export const LOGIN_PATTERN = /^[a-z0-9][a-z0-9._-]{1,31}$/;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A staff account as shown outside this module: never the password hash. */
export interface StaffMember {
  id: number;
  login: string;
  name: string;
  unitId: string;
  role: StaffRole;
  hasPassword: boolean;
  disabled: boolean;
  createdAt: number;
}

export interface NewStaffInput {
  login: string;
  name: string;
  unitId: string;
  role: StaffRole;
  /** Omit for a chat-only member (no console login). */
  password?: string;
}

export interface ConsoleLogin {
  staff: StaffMember;
  /** The bearer token for the cookie; only its SHA-256 is stored. */
  token: string;
  expiresAt: number;
}

export type BindResult =
  | { ok: true; staff: StaffMember }
  | { ok: false; reason: 'malformed' | 'unknown' | 'used' | 'expired' | 'disabled' };

export interface StaffService {
  /** Throws AppError INVALID_INPUT (bad field), UNKNOWN_REFERENCE (unit) or CONFLICT (login taken). */
  add(input: NewStaffInput): Promise<StaffMember>;
  list(): Promise<StaffMember[]>;
  byLogin(login: string): Promise<StaffMember | undefined>;
  byId(id: number): Promise<StaffMember | undefined>;
  setPassword(login: string, password: string): Promise<void>;
  /** A new console session, or undefined for a wrong login or password (same cost either way). */
  login(login: string, password: string): Promise<ConsoleLogin | undefined>;
  /** The staff member of a live session token; undefined when unknown, expired or disabled. */
  session(token: string | undefined): Promise<StaffMember | undefined>;
  logout(token: string | undefined): Promise<void>;
  issueBindCode(staffId: number): Promise<{ code: string; expiresAt: number }>;
  /** Uses the code once and links the chat identity to its staff member (re-linking one bound before). */
  redeemBindCode(code: string, channel: string, platformUserId: string): Promise<BindResult>;
  /** The active staff member bound to this chat identity, if any. */
  staffByChatIdentity(channel: string, platformUserId: string): Promise<StaffMember | undefined>;
}

export interface StaffServiceOptions {
  store: Store;
  /** The pack in force: staff units must exist in it. */
  pack: () => Pack;
  /** Default Date.now. */
  clock?: () => number;
  /** Console session lifetime. Default 12 hours. */
  sessionTtlMs?: number;
  /** Bind code lifetime. Default 24 hours. */
  bindCodeTtlMs?: number;
}

export function publicStaff(s: Staff): StaffMember {
  return {
    id: s.id,
    login: s.login,
    name: s.name,
    unitId: s.unitId,
    role: s.role,
    hasPassword: s.passwordHash !== null,
    disabled: s.disabled,
    createdAt: s.createdAt,
  };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function invalid(field: string, reason: string): AppError {
  return new AppError('INVALID_INPUT', `staff ${field}: ${reason}`, { field });
}

export function createStaffService(o: StaffServiceOptions): StaffService {
  const { store } = o;
  const clock = o.clock ?? Date.now;
  const sessionTtl = o.sessionTtlMs ?? 12 * 3600_000;
  const bindTtl = o.bindCodeTtlMs ?? 24 * 3600_000;

  function checkUnit(unitId: string): void {
    const units = o.pack().units;
    if (!units.some((u) => u.id === unitId)) {
      const hint = suggestion(unitId, units.map((u) => ({ id: u.id, name: u.name })));
      throw new AppError('UNKNOWN_REFERENCE', `unknown unit "${unitId}"${hint}`, { unit: unitId });
    }
  }

  async function requireLogin(login: string): Promise<Staff> {
    const s = await store.staff.byLogin(login);
    if (!s) throw new AppError('NOT_FOUND', `no staff with login "${login}"`, { login });
    return s;
  }

  return {
    async add(input) {
      const login = input.login.trim();
      const name = input.name.trim();
      if (!LOGIN_PATTERN.test(login)) throw invalid('login', `"${login}" must be 2-32 of a-z 0-9 . _ - starting with a letter or digit`);
      if (!name) throw invalid('name', 'must not be empty');
      if ([...name].length > 50) throw invalid('name', 'must be at most 50 characters');
      if (!(STAFF_ROLES as readonly string[]).includes(input.role)) {
        throw invalid('role', `"${input.role}" must be one of ${STAFF_ROLES.join(', ')}`);
      }
      checkUnit(input.unitId);
      if (await store.staff.byLogin(login)) throw new AppError('CONFLICT', `staff login "${login}" already exists`, { login });
      const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
      const row = await store.staff.insert({ login, name, unitId: input.unitId, role: input.role, passwordHash, disabled: false, createdAt: clock() });
      return publicStaff(row);
    },

    async list() {
      return (await store.staff.list()).map(publicStaff);
    },

    async byLogin(login) {
      const s = await store.staff.byLogin(login);
      return s && publicStaff(s);
    },

    async byId(id) {
      const s = await store.staff.byId(id);
      return s && publicStaff(s);
    },

    async setPassword(login, password) {
      const s = await requireLogin(login);
      await store.staff.update(s.id, { passwordHash: await hashPassword(password) });
    },

    async login(login, password) {
      const s = LOGIN_PATTERN.test(login) ? await store.staff.byLogin(login) : undefined;
      const usable = s && !s.disabled ? s.passwordHash : null;
      if (!(await verifyPassword(password, usable)) || !s) return undefined;
      const now = clock();
      const token = randomBytes(32).toString('base64url');
      const expiresAt = now + sessionTtl;
      await store.consoleSessions.deleteExpired(now);
      await store.consoleSessions.insert({ tokenHash: hashToken(token), staffId: s.id, createdAt: now, expiresAt });
      return { staff: publicStaff(s), token, expiresAt };
    },

    async session(token) {
      if (token === undefined || !TOKEN_PATTERN.test(token)) return undefined;
      const hash = hashToken(token);
      const session = await store.consoleSessions.byHash(hash);
      if (!session) return undefined;
      if (session.expiresAt <= clock()) {
        await store.consoleSessions.delete(hash);
        return undefined;
      }
      const s = await store.staff.byId(session.staffId);
      return s && !s.disabled ? publicStaff(s) : undefined;
    },

    async logout(token) {
      if (token !== undefined && TOKEN_PATTERN.test(token)) await store.consoleSessions.delete(hashToken(token));
    },

    async issueBindCode(staffId) {
      const s = await store.staff.byId(staffId);
      if (!s) throw new AppError('NOT_FOUND', `staff ${staffId} not found`, { staffId });
      if (s.disabled) throw new AppError('CONFLICT', `staff "${s.login}" is disabled`, { login: s.login });
      const expiresAt = clock() + bindTtl;
      // A clash in 31^8 codes is unlikely but not impossible: draw again.
      for (let attempt = 0; ; attempt++) {
        const code = newBindCode();
        if (await store.staff.bindCode(code)) {
          if (attempt > 5) throw new AppError('CONFLICT', 'could not draw a free bind code');
          continue;
        }
        await store.staff.addBindCode({ code, staffId, expiresAt, usedAt: null });
        return { code, expiresAt };
      }
    },

    async redeemBindCode(input, channel, platformUserId) {
      const code = normalizeBindCode(input);
      if (!code) return { ok: false, reason: 'malformed' };
      return store.transaction(async (tx): Promise<BindResult> => {
        const row = await tx.staff.bindCode(code);
        if (!row) return { ok: false, reason: 'unknown' };
        if (row.usedAt !== null) return { ok: false, reason: 'used' };
        const now = clock();
        if (row.expiresAt <= now) return { ok: false, reason: 'expired' };
        const s = await tx.staff.byId(row.staffId);
        if (!s || s.disabled) return { ok: false, reason: 'disabled' };
        if (!(await tx.staff.useBindCode(code, now))) return { ok: false, reason: 'used' };
        await tx.staff.link({ staffId: s.id, channel, platformUserId, createdAt: now });
        return { ok: true, staff: publicStaff(s) };
      });
    },

    async staffByChatIdentity(channel, platformUserId) {
      const link = await store.staff.linkByIdentity(channel, platformUserId);
      if (!link) return undefined;
      const s = await store.staff.byId(link.staffId);
      return s && !s.disabled ? publicStaff(s) : undefined;
    },
  };
}
