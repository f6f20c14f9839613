/**
 * Residents on PostgreSQL.
 */
import { randomInt } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Resident, ResidentRepo } from '../../src/store/ports.js';
import type { PgConn } from './conn.js';
import { residents } from './schema.js';

// Letters and digits that cannot be misread aloud (no 0/O, 1/I/L).
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

function pseudonym(): string {
  let s = '';
  for (let i = 0; i < 5; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return `居民${s}`;
}

export function pgResidentRepo(c: PgConn): ResidentRepo {
  return {
    async upsert({ channel, platformUserId, address, language, now }) {
      const lookup = async () => {
        const [row] = await c
          .db()
          .select()
          .from(residents)
          .where(and(eq(residents.channel, channel), eq(residents.platformUserId, platformUserId)));
        return row;
      };
      let found = await lookup();
      if (!found) {
        // Two first messages of one user handled at once (two processes) both miss the lookup:
        // ON CONFLICT makes the later insert wait for the earlier one and then read its row.
        const [created] = await c
          .db()
          .insert(residents)
          .values({ channel, platformUserId, address, language, pseudonym: pseudonym(), createdAt: now })
          // Only the (channel, user) race is expected; any other conflict (an id clash) must fail loudly.
          .onConflictDoNothing({ target: [residents.channel, residents.platformUserId] })
          .returning();
        if (created) return created as Resident;
        found = (await lookup())!;
      }
      if (found.address !== address) {
        await c.db().update(residents).set({ address }).where(eq(residents.id, found.id));
        return { ...found, address } as Resident;
      }
      return found as Resident;
    },

    async byId(id) {
      const [row] = await c.db().select().from(residents).where(eq(residents.id, id));
      return row as Resident | undefined;
    },

    async setLanguage(id, language) {
      await c.db().update(residents).set({ language }).where(eq(residents.id, id));
    },
  };
}
