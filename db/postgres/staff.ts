/**
 * Staff accounts, their one-time bind codes and chat links, and console sessions (PostgreSQL).
 */
import { and, asc, eq, isNull, lt, sql } from 'drizzle-orm';
import { AppError, NotFoundError } from '../../src/errors.js';
import type { ConsoleSessionRepo, Staff, StaffBindCode, StaffLink, StaffRepo } from '../../src/store/ports.js';
import type { PgConn } from './conn.js';
import { consoleSessions, staff, staffBindCodes, staffLinks } from './schema.js';

const asStaff = (row: typeof staff.$inferSelect): Staff => row as Staff;

/** PostgreSQL's unique_violation. */
function isUniqueViolation(err: unknown): boolean {
  for (let e = err as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23505') return true;
  }
  return false;
}

export function pgStaffRepo(c: PgConn): StaffRepo {
  return {
    async insert(s) {
      try {
        const [row] = await c.db().insert(staff).values(s).returning();
        return asStaff(row!);
      } catch (err) {
        if (isUniqueViolation(err)) throw new AppError('CONFLICT', `staff login "${s.login}" already exists`, { login: s.login });
        throw err;
      }
    },

    async byId(id) {
      const [row] = await c.db().select().from(staff).where(eq(staff.id, id));
      return row && asStaff(row);
    },

    async byLogin(login) {
      const [row] = await c.db().select().from(staff).where(eq(staff.login, login));
      return row && asStaff(row);
    },

    async list() {
      // Byte order, as SQLite sorts, whatever the database's collation.
      const rows = await c.db().select().from(staff).orderBy(sql`${staff.unitId} collate "C"`, sql`${staff.login} collate "C"`);
      return rows.map(asStaff);
    },

    async update(id, patch) {
      const [row] = await c.db().update(staff).set(patch).where(eq(staff.id, id)).returning();
      if (!row) throw new NotFoundError('staff', String(id));
      return asStaff(row);
    },

    async addBindCode(code) {
      await c.db().insert(staffBindCodes).values(code);
    },

    async bindCode(code) {
      const [row] = await c.db().select().from(staffBindCodes).where(eq(staffBindCodes.code, code));
      return row as StaffBindCode | undefined;
    },

    async useBindCode(code, now) {
      // The condition is re-checked on the locked row, so of two concurrent uses only one succeeds.
      const r = await c
        .db()
        .update(staffBindCodes)
        .set({ usedAt: now })
        .where(and(eq(staffBindCodes.code, code), isNull(staffBindCodes.usedAt)));
      return r.rowCount === 1;
    },

    async link(l) {
      const [row] = await c
        .db()
        .insert(staffLinks)
        .values(l)
        .onConflictDoUpdate({ target: [staffLinks.channel, staffLinks.platformUserId], set: { staffId: l.staffId, createdAt: l.createdAt } })
        .returning();
      return row as StaffLink;
    },

    async linkByIdentity(channel, platformUserId) {
      const [row] = await c
        .db()
        .select()
        .from(staffLinks)
        .where(and(eq(staffLinks.channel, channel), eq(staffLinks.platformUserId, platformUserId)));
      return row as StaffLink | undefined;
    },

    async links(staffId) {
      return (await c.db().select().from(staffLinks).where(eq(staffLinks.staffId, staffId)).orderBy(asc(staffLinks.id))) as StaffLink[];
    },
  };
}

export function pgConsoleSessionRepo(c: PgConn): ConsoleSessionRepo {
  return {
    async insert(s) {
      await c.db().insert(consoleSessions).values(s);
    },
    async byHash(tokenHash) {
      const [row] = await c.db().select().from(consoleSessions).where(eq(consoleSessions.tokenHash, tokenHash));
      return row;
    },
    async delete(tokenHash) {
      await c.db().delete(consoleSessions).where(eq(consoleSessions.tokenHash, tokenHash));
    },
    async deleteExpired(now) {
      return (await c.db().delete(consoleSessions).where(lt(consoleSessions.expiresAt, now))).rowCount ?? 0;
    },
  };
}
