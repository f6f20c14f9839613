/**
 * Staff accounts, their one-time bind codes and chat links, and console sessions (SQLite).
 */
import { and, asc, eq, isNull, lt } from 'drizzle-orm';
import { AppError, NotFoundError } from '../../src/errors.js';
import type { ConsoleSessionRepo, Staff, StaffBindCode, StaffLink, StaffRepo } from '../../src/store/ports.js';
import { consoleSessions, staff, staffBindCodes, staffLinks } from '../schema.js';
import type { SqliteDb } from './open.js';

const asStaff = (row: typeof staff.$inferSelect): Staff => row as Staff;

function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE';
}

export function sqliteStaffRepo(db: SqliteDb): StaffRepo {
  return {
    async insert(s) {
      try {
        return asStaff(db.insert(staff).values(s).returning().get());
      } catch (err) {
        if (isUniqueViolation(err)) throw new AppError('CONFLICT', `staff login "${s.login}" already exists`, { login: s.login });
        throw err;
      }
    },

    async byId(id) {
      const row = db.select().from(staff).where(eq(staff.id, id)).get();
      return row && asStaff(row);
    },

    async byLogin(login) {
      const row = db.select().from(staff).where(eq(staff.login, login)).get();
      return row && asStaff(row);
    },

    async list() {
      return db.select().from(staff).orderBy(asc(staff.unitId), asc(staff.login)).all().map(asStaff);
    },

    async update(id, patch) {
      const row = db.update(staff).set(patch).where(eq(staff.id, id)).returning().get();
      if (!row) throw new NotFoundError('staff', String(id));
      return asStaff(row);
    },

    async addBindCode(code) {
      db.insert(staffBindCodes).values(code).run();
    },

    async bindCode(code) {
      return db.select().from(staffBindCodes).where(eq(staffBindCodes.code, code)).get() as StaffBindCode | undefined;
    },

    async useBindCode(code, now) {
      const r = db
        .update(staffBindCodes)
        .set({ usedAt: now })
        .where(and(eq(staffBindCodes.code, code), isNull(staffBindCodes.usedAt)))
        .run();
      return r.changes === 1;
    },

    async link(l) {
      return db
        .insert(staffLinks)
        .values(l)
        .onConflictDoUpdate({ target: [staffLinks.channel, staffLinks.platformUserId], set: { staffId: l.staffId, createdAt: l.createdAt } })
        .returning()
        .get() as StaffLink;
    },

    async linkByIdentity(channel, platformUserId) {
      return db
        .select()
        .from(staffLinks)
        .where(and(eq(staffLinks.channel, channel), eq(staffLinks.platformUserId, platformUserId)))
        .get() as StaffLink | undefined;
    },

    async links(staffId) {
      return db.select().from(staffLinks).where(eq(staffLinks.staffId, staffId)).orderBy(asc(staffLinks.id)).all() as StaffLink[];
    },
  };
}

export function sqliteConsoleSessionRepo(db: SqliteDb): ConsoleSessionRepo {
  return {
    async insert(s) {
      db.insert(consoleSessions).values(s).run();
    },
    async byHash(tokenHash) {
      return db.select().from(consoleSessions).where(eq(consoleSessions.tokenHash, tokenHash)).get();
    },
    async delete(tokenHash) {
      db.delete(consoleSessions).where(eq(consoleSessions.tokenHash, tokenHash)).run();
    },
    async deleteExpired(now) {
      return db.delete(consoleSessions).where(lt(consoleSessions.expiresAt, now)).run().changes;
    },
  };
}
