/**
 * The PostgreSQL Store: the scale-out path, where several processes may share one database.
 *
 * Unlike SQLite's, transactions here run side by side (READ COMMITTED), each on one pooled client
 * carried in AsyncLocalStorage (see conn.ts), so repository calls inside `transaction`'s callback
 * use it, and a nested `transaction` call joins it. The guarantees SQLite gets from running one
 * transaction at a time are kept row by row: unique keys with ON CONFLICT (inbound de-duplication,
 * ticket numbers, residents), FOR UPDATE SKIP LOCKED for outbox leases, and row locks on the
 * tickets and conversations a transaction reads before changing them.
 */
import type { Repos, Store } from '../../src/store/ports.js';
import { pgCampaignRepo } from './campaigns.js';
import { pgFaqFeedbackRepo, pgFaqRepo, pgSubscriptionRepo, pgWebMessageRepo } from './chat.js';
import { createConn } from './conn.js';
import { pgConversationRepo, pgInboundSeenRepo, pgNumberedChoiceRepo } from './conversations.js';
import { pgHousekeepingRepo } from './housekeeping.js';
import { pgMediaFileRepo } from './media.js';
import { openPostgres, type OpenPostgresOptions } from './open.js';
import { pgOutboxRepo } from './outbox.js';
import { pgResidentRepo } from './residents.js';
import { pgConsoleSessionRepo, pgStaffRepo } from './staff.js';
import { pgTicketRepo } from './tickets.js';

export type { OpenPostgresOptions } from './open.js';

/** Connects, migrates the database to the current schema, and returns the store. */
export async function openPostgresStore(options: OpenPostgresOptions): Promise<Store> {
  const pool = await openPostgres(options);
  const conn = createConn(pool);
  const repos: Repos = {
    tickets: pgTicketRepo(conn),
    residents: pgResidentRepo(conn),
    outbox: pgOutboxRepo(conn),
    inboundSeen: pgInboundSeenRepo(conn),
    conversations: pgConversationRepo(conn),
    numberedChoices: pgNumberedChoiceRepo(conn),
    webMessages: pgWebMessageRepo(conn),
    subscriptions: pgSubscriptionRepo(conn),
    faq: pgFaqRepo(conn),
    faqFeedback: pgFaqFeedbackRepo(conn),
    campaigns: pgCampaignRepo(conn),
    staff: pgStaffRepo(conn),
    consoleSessions: pgConsoleSessionRepo(conn),
    housekeeping: pgHousekeepingRepo(conn),
    mediaFiles: pgMediaFileRepo(conn),
  };
  let closed: Promise<void> | undefined;

  return {
    ...repos,
    transaction: (fn) => conn.atomic(() => fn(repos)),
    async ping() {
      if (closed) return false;
      try {
        await pool.query('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    close() {
      // Lets running transactions finish, then closes every connection; later calls fail loudly.
      closed ??= conn.idle().then(() => pool.end());
      return closed;
    },
  };
}
