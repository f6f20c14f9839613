/**
 * Removal of transient rows on PostgreSQL (see HousekeepingRepo). Each call deletes one bounded
 * batch picked by an indexed column (outbox_finished, web_messages_created, inbound_seen_at,
 * numbered_choices_sent; sessions and bind codes are a handful of rows). The rows are picked
 * FOR UPDATE SKIP LOCKED: when several processes purge at once, each passes over the rows another
 * is deleting instead of waiting for them (or deadlocking on them), and the other removes those.
 */
import type { HousekeepingRepo } from '../../src/store/ports.js';
import type { PgConn } from './conn.js';

const OUTBOX = `DELETE FROM outbox WHERE id IN (
  SELECT o.id FROM outbox o
  WHERE o.status IN ('delivered', 'failed') AND o.created_at < $1
    AND NOT EXISTS (SELECT 1 FROM campaign_deliveries d WHERE d.outbox_id = o.id AND d.status = 'queued')
  ORDER BY o.created_at LIMIT $2
  FOR UPDATE OF o SKIP LOCKED)`;
const WEB = `DELETE FROM web_messages WHERE id IN (
  SELECT id FROM web_messages WHERE created_at < $1 ORDER BY created_at LIMIT $2 FOR UPDATE SKIP LOCKED)`;
const SEEN = `DELETE FROM inbound_seen s USING (
  SELECT channel, message_id FROM inbound_seen WHERE at < $1 ORDER BY at LIMIT $2 FOR UPDATE SKIP LOCKED) old
  WHERE s.channel = old.channel AND s.message_id = old.message_id`;
const CHOICES = `DELETE FROM numbered_choices c USING (
  SELECT channel, chat_id FROM numbered_choices WHERE sent_at < $1 ORDER BY sent_at LIMIT $2 FOR UPDATE SKIP LOCKED) old
  WHERE c.channel = old.channel AND c.chat_id = old.chat_id`;
const SESSIONS = `DELETE FROM console_sessions WHERE token_hash IN (
  SELECT token_hash FROM console_sessions WHERE expires_at < $1 LIMIT $2 FOR UPDATE SKIP LOCKED)`;
const CODES = `DELETE FROM staff_bind_codes WHERE code IN (
  SELECT code FROM staff_bind_codes WHERE expires_at < $1 OR used_at < $1 LIMIT $2 FOR UPDATE SKIP LOCKED)`;

export function pgHousekeepingRepo(c: PgConn): HousekeepingRepo {
  const run = async (text: string, before: number, limit: number) => (await c.query(text, [before, limit])).rowCount;
  return {
    purgeOutbox: (before, limit) => run(OUTBOX, before, limit),
    purgeWebMessages: (before, limit) => run(WEB, before, limit),
    purgeInboundSeen: (before, limit) => run(SEEN, before, limit),
    purgeConsoleSessions: (before, limit) => run(SESSIONS, before, limit),
    purgeBindCodes: (before, limit) => run(CODES, before, limit),
    purgeNumberedChoices: (before, limit) => run(CHOICES, before, limit),
  };
}
