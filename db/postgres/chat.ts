/**
 * Web chat messages, campaign subscriptions and the FAQ knowledge base with its feedback, on
 * PostgreSQL.
 */
import { and, asc, desc, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import type {
  FaqFeedback,
  FaqFeedbackRepo,
  FaqRepo,
  StoredFaqEntry,
  Subscription,
  SubscriptionRepo,
  WebMessage,
  WebMessageRepo,
} from '../../src/store/ports.js';
import type { PgConn } from './conn.js';
import { faqEntries, faqFeedback, subscriptions, webMessages } from './schema.js';

export function pgWebMessageRepo(c: PgConn): WebMessageRepo {
  return {
    async add(m) {
      const [row] = await c.db().insert(webMessages).values(m).returning();
      return row as WebMessage;
    },
    async since(sessionId, afterId, limit = 100) {
      return (await c
        .db()
        .select()
        .from(webMessages)
        .where(and(eq(webMessages.sessionId, sessionId), gt(webMessages.id, afterId)))
        .orderBy(asc(webMessages.id))
        .limit(limit)) as WebMessage[];
    },
  };
}

export function pgSubscriptionRepo(c: PgConn): SubscriptionRepo {
  return {
    async subscribe(input, now) {
      const [row] = await c
        .db()
        .insert(subscriptions)
        .values({ ...input, status: 'active', createdAt: now, updatedAt: now })
        .onConflictDoUpdate({ target: subscriptions.residentId, set: { ...input, status: 'active', updatedAt: now } })
        .returning();
      return row as Subscription;
    },
    async unsubscribe(residentId, now) {
      const res = await c
        .db()
        .update(subscriptions)
        .set({ status: 'unsubscribed', updatedAt: now })
        .where(and(eq(subscriptions.residentId, residentId), eq(subscriptions.status, 'active')));
      return (res.rowCount ?? 0) > 0;
    },
    async byResident(residentId) {
      const [row] = await c.db().select().from(subscriptions).where(eq(subscriptions.residentId, residentId));
      return row as Subscription | undefined;
    },
    async active(filter) {
      const where: SQL[] = [eq(subscriptions.status, 'active')];
      if (filter.channels?.length) where.push(inArray(subscriptions.channel, filter.channels));
      if (filter.areas?.length) where.push(inArray(subscriptions.areaId, filter.areas));
      if (filter.afterId !== undefined) where.push(gt(subscriptions.id, filter.afterId));
      return (await c
        .db()
        .select()
        .from(subscriptions)
        .where(and(...where))
        .orderBy(asc(subscriptions.id))
        .limit(filter.limit ?? 1000)) as Subscription[];
    },
  };
}

export function pgFaqRepo(c: PgConn): FaqRepo {
  return {
    async all() {
      // Byte order, as SQLite sorts, whatever the database's collation.
      return (await c.db().select().from(faqEntries).orderBy(sql`${faqEntries.id} collate "C"`)) as StoredFaqEntry[];
    },
    async byId(id) {
      const [row] = await c.db().select().from(faqEntries).where(eq(faqEntries.id, id));
      return row as StoredFaqEntry | undefined;
    },
    async put(entry) {
      const { id: _id, ...rest } = entry;
      await c.db().insert(faqEntries).values(entry).onConflictDoUpdate({ target: faqEntries.id, set: rest });
    },
  };
}

export function pgFaqFeedbackRepo(c: PgConn): FaqFeedbackRepo {
  return {
    async add(f) {
      const [row] = await c.db().insert(faqFeedback).values(f).returning();
      return row as FaqFeedback;
    },
    async list(filter) {
      const where = filter.kinds?.length ? inArray(faqFeedback.kind, filter.kinds) : undefined;
      return (await c
        .db()
        .select()
        .from(faqFeedback)
        .where(where)
        .orderBy(desc(faqFeedback.createdAt), desc(faqFeedback.id))
        .limit(filter.limit ?? 200)) as FaqFeedback[];
    },
  };
}
