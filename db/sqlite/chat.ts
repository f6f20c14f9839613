import { and, asc, desc, eq, gt, inArray, type SQL } from 'drizzle-orm';
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
import { faqEntries, faqFeedback, subscriptions, webMessages } from '../schema.js';
import type { SqliteDb } from './open.js';

export function sqliteWebMessageRepo(db: SqliteDb): WebMessageRepo {
  return {
    async add(m) {
      return db.insert(webMessages).values(m).returning().get() as WebMessage;
    },
    async since(sessionId, afterId, limit = 100) {
      return db
        .select()
        .from(webMessages)
        .where(and(eq(webMessages.sessionId, sessionId), gt(webMessages.id, afterId)))
        .orderBy(asc(webMessages.id))
        .limit(limit)
        .all() as WebMessage[];
    },
  };
}

export function sqliteSubscriptionRepo(db: SqliteDb): SubscriptionRepo {
  return {
    async subscribe(input, now) {
      return db
        .insert(subscriptions)
        .values({ ...input, status: 'active', createdAt: now, updatedAt: now })
        .onConflictDoUpdate({
          target: subscriptions.residentId,
          set: { ...input, status: 'active', updatedAt: now },
        })
        .returning()
        .get() as Subscription;
    },
    async unsubscribe(residentId, now) {
      const res = db
        .update(subscriptions)
        .set({ status: 'unsubscribed', updatedAt: now })
        .where(and(eq(subscriptions.residentId, residentId), eq(subscriptions.status, 'active')))
        .run();
      return res.changes > 0;
    },
    async byResident(residentId) {
      return db.select().from(subscriptions).where(eq(subscriptions.residentId, residentId)).get() as Subscription | undefined;
    },
    async active(filter) {
      const where: SQL[] = [eq(subscriptions.status, 'active')];
      if (filter.channels?.length) where.push(inArray(subscriptions.channel, filter.channels));
      if (filter.areas?.length) where.push(inArray(subscriptions.areaId, filter.areas));
      if (filter.afterId !== undefined) where.push(gt(subscriptions.id, filter.afterId));
      return db
        .select()
        .from(subscriptions)
        .where(and(...where))
        .orderBy(asc(subscriptions.id))
        .limit(filter.limit ?? 1000)
        .all() as Subscription[];
    },
  };
}

export function sqliteFaqRepo(db: SqliteDb): FaqRepo {
  return {
    async all() {
      return db.select().from(faqEntries).orderBy(asc(faqEntries.id)).all() as StoredFaqEntry[];
    },
    async byId(id) {
      return db.select().from(faqEntries).where(eq(faqEntries.id, id)).get() as StoredFaqEntry | undefined;
    },
    async put(entry) {
      const { id: _id, ...rest } = entry;
      db.insert(faqEntries).values(entry).onConflictDoUpdate({ target: faqEntries.id, set: rest }).run();
    },
  };
}

export function sqliteFaqFeedbackRepo(db: SqliteDb): FaqFeedbackRepo {
  return {
    async add(f) {
      return db.insert(faqFeedback).values(f).returning().get() as FaqFeedback;
    },
    async list(filter) {
      const where = filter.kinds?.length ? inArray(faqFeedback.kind, filter.kinds) : undefined;
      return db
        .select()
        .from(faqFeedback)
        .where(where)
        .orderBy(desc(faqFeedback.createdAt), desc(faqFeedback.id))
        .limit(filter.limit ?? 200)
        .all() as FaqFeedback[];
    },
  };
}
