import { randomInt } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Resident, ResidentRepo } from '../../src/store/ports.js';
import { residents } from '../schema.js';
import type { SqliteDb } from './open.js';

// Letters and digits that cannot be misread aloud (no 0/O, 1/I/L).
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

function pseudonym(): string {
  let s = '';
  for (let i = 0; i < 5; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return `居民${s}`;
}

export function sqliteResidentRepo(db: SqliteDb): ResidentRepo {
  return {
    async upsert({ channel, platformUserId, address, language, now }) {
      const found = db
        .select()
        .from(residents)
        .where(and(eq(residents.channel, channel), eq(residents.platformUserId, platformUserId)))
        .get();
      if (found) {
        if (found.address !== address) {
          db.update(residents).set({ address }).where(eq(residents.id, found.id)).run();
          return { ...found, address } as Resident;
        }
        return found as Resident;
      }
      return db
        .insert(residents)
        .values({ channel, platformUserId, address, language, pseudonym: pseudonym(), createdAt: now })
        .returning()
        .get() as Resident;
    },

    async byId(id) {
      return db.select().from(residents).where(eq(residents.id, id)).get() as Resident | undefined;
    },

    async setLanguage(id, language) {
      db.update(residents).set({ language }).where(eq(residents.id, id)).run();
    },
  };
}
