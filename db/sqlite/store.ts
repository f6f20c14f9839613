/**
 * The SQLite Store. better-sqlite3 is synchronous and has one connection, while the domain's
 * repositories are async (so PostgreSQL can serve the same interfaces). Every call therefore runs
 * under one lock: a transaction holds it from BEGIN to COMMIT, so no other async chain's write can
 * slip into it, and calls made inside a transaction (found through AsyncLocalStorage) run directly.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Repos, Store } from '../../src/store/ports.js';
import { sqliteCampaignRepo } from './campaigns.js';
import { sqliteFaqFeedbackRepo, sqliteFaqRepo, sqliteSubscriptionRepo, sqliteWebMessageRepo } from './chat.js';
import { sqliteConversationRepo, sqliteInboundSeenRepo, sqliteNumberedChoiceRepo } from './conversations.js';
import { sqliteHousekeepingRepo } from './housekeeping.js';
import { sqliteMediaFileRepo } from './media.js';
import { openSqlite, type OpenSqliteOptions } from './open.js';
import { sqliteOutboxRepo } from './outbox.js';
import { sqliteResidentRepo } from './residents.js';
import { sqliteConsoleSessionRepo, sqliteStaffRepo } from './staff.js';
import { sqliteTicketRepo } from './tickets.js';

class Lock {
  private tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((r) => (release = r));
    const ready = this.tail.then(() => release);
    this.tail = this.tail.then(() => next);
    return ready;
  }
}

type AnyFn = (...args: unknown[]) => Promise<unknown>;

export function openSqliteStore(options: OpenSqliteOptions): Store {
  const { sqlite, db } = openSqlite(options);
  const raw: Repos = {
    tickets: sqliteTicketRepo(db),
    residents: sqliteResidentRepo(db),
    outbox: sqliteOutboxRepo(db),
    inboundSeen: sqliteInboundSeenRepo(db),
    conversations: sqliteConversationRepo(db),
    numberedChoices: sqliteNumberedChoiceRepo(db),
    webMessages: sqliteWebMessageRepo(db),
    subscriptions: sqliteSubscriptionRepo(db),
    faq: sqliteFaqRepo(db),
    faqFeedback: sqliteFaqFeedbackRepo(db),
    campaigns: sqliteCampaignRepo(db),
    staff: sqliteStaffRepo(db),
    consoleSessions: sqliteConsoleSessionRepo(db),
    housekeeping: sqliteHousekeepingRepo(db),
    mediaFiles: sqliteMediaFileRepo(db),
  };
  const lock = new Lock();
  const inTx = new AsyncLocalStorage<{ ended: boolean }>();
  // A timer or callback set up inside a transaction keeps its context after the transaction has
  // ended; it must then take the lock like any other caller, not slip into the next transaction.
  const inOpenTx = () => inTx.getStore()?.ended === false;
  let closed = false;

  async function exclusive<T>(fn: () => Promise<T>): Promise<T> {
    if (inOpenTx()) return fn();
    const release = await lock.acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  }

  // Each repository method outside a transaction takes the lock for its one statement.
  function guarded<R extends object>(repo: R): R {
    const out: Record<string, AnyFn> = {};
    for (const [name, fn] of Object.entries(repo) as [string, AnyFn][]) {
      out[name] = (...args) => exclusive(() => fn(...args));
    }
    return out as R;
  }

  async function transaction<T>(fn: (tx: Repos) => Promise<T>): Promise<T> {
    if (inOpenTx()) return fn(raw);
    const release = await lock.acquire();
    const ctx = { ended: false };
    try {
      sqlite.exec('BEGIN IMMEDIATE');
      try {
        const result = await inTx.run(ctx, () => fn(raw));
        sqlite.exec('COMMIT');
        return result;
      } catch (err) {
        if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
        throw err;
      }
    } finally {
      ctx.ended = true;
      release();
    }
  }

  return {
    tickets: guarded(raw.tickets),
    residents: guarded(raw.residents),
    outbox: guarded(raw.outbox),
    inboundSeen: guarded(raw.inboundSeen),
    conversations: guarded(raw.conversations),
    numberedChoices: guarded(raw.numberedChoices),
    webMessages: guarded(raw.webMessages),
    subscriptions: guarded(raw.subscriptions),
    faq: guarded(raw.faq),
    faqFeedback: guarded(raw.faqFeedback),
    campaigns: guarded(raw.campaigns),
    staff: guarded(raw.staff),
    consoleSessions: guarded(raw.consoleSessions),
    housekeeping: guarded(raw.housekeeping),
    mediaFiles: guarded(raw.mediaFiles),
    transaction,
    async ping() {
      if (closed) return false;
      try {
        return sqlite.prepare('SELECT 1 AS ok').get() !== undefined;
      } catch {
        return false;
      }
    },
    async close() {
      if (closed) return;
      // Waits for the running transaction, then closes; later calls fail loudly.
      const release = await lock.acquire();
      closed = true;
      sqlite.close();
      release();
    },
  };
}
