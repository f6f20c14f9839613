/**
 * Removal of transient rows on SQLite (see HousekeepingRepo). Each call deletes one bounded batch
 * picked by an indexed column (outbox_finished, web_messages_created, inbound_seen_at,
 * numbered_choices_sent; sessions and bind codes are a handful of rows) through a sub-select,
 * since SQLite's DELETE ... LIMIT is a compile-time option this build may lack. The store's lock
 * is taken per call, so other work runs between batches.
 */
import type { HousekeepingRepo } from '../../src/store/ports.js';
import { statements, type SqliteDb } from './open.js';

// Named, because without table statistics SQLite picks outbox_due (status = ?) and would sort
// every delivered row; INDEXED BY also fails loudly should the index ever go missing.
const OUTBOX = `DELETE FROM outbox WHERE id IN (
  SELECT id FROM outbox INDEXED BY outbox_finished
  WHERE status IN ('delivered', 'failed') AND created_at < ?
    AND NOT EXISTS (SELECT 1 FROM campaign_deliveries d WHERE d.outbox_id = outbox.id AND d.status = 'queued')
  ORDER BY created_at LIMIT ?)`;
const WEB = `DELETE FROM web_messages WHERE id IN (SELECT id FROM web_messages WHERE created_at < ? ORDER BY created_at LIMIT ?)`;
const SEEN = `DELETE FROM inbound_seen WHERE rowid IN (SELECT rowid FROM inbound_seen WHERE at < ? ORDER BY at LIMIT ?)`;
const SESSIONS = `DELETE FROM console_sessions WHERE token_hash IN (SELECT token_hash FROM console_sessions WHERE expires_at < ? LIMIT ?)`;
const CHOICES = `DELETE FROM numbered_choices WHERE rowid IN (SELECT rowid FROM numbered_choices WHERE sent_at < ? ORDER BY sent_at LIMIT ?)`;
const CODES = `DELETE FROM staff_bind_codes WHERE code IN (SELECT code FROM staff_bind_codes WHERE expires_at < ? OR used_at < ? LIMIT ?)`;

export function sqliteHousekeepingRepo(db: SqliteDb): HousekeepingRepo {
  const { st } = statements(db);
  const run = (text: string, ...params: number[]): number => st(text).run(...params).changes;
  return {
    async purgeOutbox(before, limit) {
      return run(OUTBOX, before, limit);
    },
    async purgeWebMessages(before, limit) {
      return run(WEB, before, limit);
    },
    async purgeInboundSeen(before, limit) {
      return run(SEEN, before, limit);
    },
    async purgeConsoleSessions(before, limit) {
      return run(SESSIONS, before, limit);
    },
    async purgeBindCodes(before, limit) {
      return run(CODES, before, before, limit);
    },
    async purgeNumberedChoices(before, limit) {
      return run(CHOICES, before, limit);
    },
  };
}
