import { and, eq, inArray, sql } from 'drizzle-orm';

import type { OutboxItem, OutboxRepo, OutboxStatus } from '../../src/store/ports.js';
import { outboxFromRow, jsonText, type Row } from '../rows.js';
import { outbox } from '../schema.js';
import { statements, type SqliteDb } from './open.js';

const asItem = (row: typeof outbox.$inferSelect): OutboxItem => row as unknown as OutboxItem;

export function sqliteOutboxRepo(db: SqliteDb): OutboxRepo {
  // The dispatcher's hot paths use prepared statements: building a drizzle query costs more than
  // running it on SQLite at thousands of rows a second.
  const { sqlite, st } = statements(db);
  const inTx = <T>(fn: () => T): T => (sqlite.inTransaction ? fn() : sqlite.transaction(fn)());
  const INSERT = `INSERT INTO outbox (channel, address, payload, status, attempts, next_attempt_at, dedupe_key, ticket_id, created_at)
    VALUES (?, ?, ?, 'pending', 0, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id`;

  return {
    async enqueueMany(items, now) {
      const insert = st(INSERT);
      return inTx(() =>
        items.map((item) => {
          const row = insert.get(
            item.channel,
            item.address,
            JSON.stringify(item.payload),
            item.notBefore ?? now,
            item.dedupeKey ?? null,
            item.ticketId ?? null,
            now,
          ) as { id: number } | undefined;
          return row?.id;
        }),
      );
    },

    async markDeliveredMany(ids, now) {
      if (ids.length === 0) return;
      const mark = st(`UPDATE outbox SET status = 'delivered', delivered_at = ?, lease_until = NULL, attempts = attempts + 1 WHERE id = ?`);
      inTx(() => {
        for (const id of ids) mark.run(now, id);
      });
    },

    async enqueue(item, now) {
      const row = db
        .insert(outbox)
        .values({
          channel: item.channel,
          address: item.address,
          payload: item.payload as unknown as Record<string, unknown>,
          dedupeKey: item.dedupeKey ?? null,
          ticketId: item.ticketId ?? null,
          nextAttemptAt: item.notBefore ?? now,
          createdAt: now,
        })
        .onConflictDoNothing()
        .returning({ id: outbox.id })
        .get();
      return row?.id;
    },

    async lease(now, leaseUntil, limit, skipChannels = []) {
      const skip = skipChannels.length
        ? sql`AND channel NOT IN (${sql.join(
            skipChannels.map((c) => sql`${c}`),
            sql`, `,
          )})`
        : sql``;
      // One statement picks and marks the rows, so two dispatchers never lease the same row.
      const rows = db.all<{ id: number }>(sql`
        UPDATE outbox SET lease_until = ${leaseUntil}
        WHERE id IN (
          SELECT id FROM outbox
          WHERE status = 'pending' AND next_attempt_at <= ${now}
            AND (lease_until IS NULL OR lease_until < ${now}) ${skip}
          ORDER BY next_attempt_at, id LIMIT ${limit}
        )
        RETURNING id`);
      if (rows.length === 0) return [];
      const ids = rows.map((r) => r.id);
      return db.select().from(outbox).where(inArray(outbox.id, ids)).orderBy(outbox.id).all().map(asItem);
    },

    async leaseHeads(now, leaseUntil, limit, filter = {}) {
      const only = filter.channels?.length ? ` AND channel IN (${filter.channels.map(() => '?').join(', ')})` : '';
      const skip = filter.skipChannels?.length ? ` AND channel NOT IN (${filter.skipChannels.map(() => '?').join(', ')})` : '';
      // The head of each (channel, address) is its lowest pending id, due or not: a row waiting
      // for a retry holds back the rows behind it. One statement picks, marks and returns the rows,
      // so two dispatchers never lease the same row.
      const rows = st(`
        UPDATE outbox SET lease_until = ?
        WHERE id IN (
          SELECT o.id FROM outbox o
          JOIN (SELECT MIN(id) AS id FROM outbox WHERE status = 'pending'${only}${skip}
                GROUP BY channel, address) h ON h.id = o.id
          WHERE o.next_attempt_at <= ? AND (o.lease_until IS NULL OR o.lease_until < ?)
          ORDER BY o.next_attempt_at, o.id LIMIT ?
        )
        RETURNING *`).all(leaseUntil, ...(filter.channels ?? []), ...(filter.skipChannels ?? []), now, now, limit) as Row[];
      return rows.map((r) => outboxFromRow(r, jsonText)).sort((a, b) => a.id - b.id);
    },

    async defer(id, nextAttemptAt) {
      db.update(outbox)
        .set({ nextAttemptAt, leaseUntil: null })
        .where(and(eq(outbox.id, id), eq(outbox.status, 'pending')))
        .run();
    },

    async markDelivered(id, now) {
      st(`UPDATE outbox SET status = 'delivered', delivered_at = ?, lease_until = NULL, attempts = attempts + 1 WHERE id = ?`).run(now, id);
    },

    async markRetry(id, nextAttemptAt, error) {
      db.update(outbox)
        .set({ nextAttemptAt, lastError: error.slice(0, 500), leaseUntil: null, attempts: sql`${outbox.attempts} + 1` })
        .where(and(eq(outbox.id, id), eq(outbox.status, 'pending')))
        .run();
    },

    async markFailed(id, error) {
      db.update(outbox)
        .set({ status: 'failed', lastError: error.slice(0, 500), leaseUntil: null, attempts: sql`${outbox.attempts} + 1` })
        .where(eq(outbox.id, id))
        .run();
    },

    async releaseLeases(ids) {
      if (ids.length === 0) return;
      db.update(outbox)
        .set({ leaseUntil: null })
        .where(and(inArray(outbox.id, ids), eq(outbox.status, 'pending')))
        .run();
    },

    async byId(id) {
      const row = db.select().from(outbox).where(eq(outbox.id, id)).get();
      return row && asItem(row);
    },

    async counts() {
      const out: Record<OutboxStatus, number> = { pending: 0, delivered: 0, failed: 0 };
      const rows = db
        .select({ status: outbox.status, n: sql<number>`count(*)` })
        .from(outbox)
        .groupBy(outbox.status)
        .all();
      for (const r of rows) out[r.status as OutboxStatus] = r.n;
      return out;
    },
  };
}

