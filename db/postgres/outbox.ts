/**
 * The outbox on PostgreSQL. Several dispatchers (in several processes) may lease at once: each
 * lease is one statement that picks its rows with FOR UPDATE SKIP LOCKED and marks them, so a row
 * another dispatcher is leasing right now is passed over, and a row it has just leased fails the
 * re-checked lease condition. No row is handed to two dispatchers.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { OutboxItem, OutboxRepo, OutboxStatus } from '../../src/store/ports.js';
import { outboxFromRow, jsonParsed, type Row } from '../rows.js';
import type { PgConn } from './conn.js';
import { outbox } from './schema.js';

const asItem = (row: typeof outbox.$inferSelect): OutboxItem => row as unknown as OutboxItem;

/** The channel filters as SQL with numbered parameters from `$start`. */
function channelFilter(filter: { channels?: string[]; skipChannels?: string[] }, start: number): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (filter.channels?.length) {
    params.push(filter.channels);
    parts.push(` AND channel = ANY($${start + params.length - 1}::text[])`);
  }
  if (filter.skipChannels?.length) {
    params.push(filter.skipChannels);
    parts.push(` AND channel <> ALL($${start + params.length - 1}::text[])`);
  }
  return { sql: parts.join(''), params };
}

export function pgOutboxRepo(c: PgConn): OutboxRepo {
  return {
    async enqueue(item, now) {
      const [row] = await c
        .db()
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
        .returning({ id: outbox.id });
      return row?.id;
    },

    async enqueueMany(items, now) {
      if (items.length === 0) return [];
      // The ids are reserved first, in order, so each item knows its row (RETURNING promises no
      // order) and a broadcast keeps its order per address; one statement inserts them all, and
      // a row whose dedupe key is already queued is skipped and reported as undefined.
      const ids = (
        await c.query<{ id: number }>(`SELECT nextval(pg_get_serial_sequence('outbox', 'id'))::int AS id FROM generate_series(1, $1)`, [items.length])
      ).rows
        .map((r) => r.id)
        .sort((a, b) => a - b);
      const inserted = await c.query<{ id: number }>(
        `INSERT INTO outbox (id, channel, address, payload, status, attempts, next_attempt_at, dedupe_key, ticket_id, created_at)
         SELECT id, channel, address, payload, 'pending', 0, next_attempt_at, dedupe_key, ticket_id, $7
         FROM unnest($1::int[], $2::text[], $3::text[], $4::json[], $5::bigint[], $6::text[], $8::int[])
           AS t(id, channel, address, payload, next_attempt_at, dedupe_key, ticket_id)
         ON CONFLICT DO NOTHING RETURNING id`,
        [
          ids,
          items.map((i) => i.channel),
          items.map((i) => i.address),
          items.map((i) => JSON.stringify(i.payload)),
          items.map((i) => i.notBefore ?? now),
          items.map((i) => i.dedupeKey ?? null),
          now,
          items.map((i) => i.ticketId ?? null),
        ],
      );
      const done = new Set(inserted.rows.map((r) => r.id));
      return ids.map((id) => (done.has(id) ? id : undefined));
    },

    async lease(now, leaseUntil, limit, skipChannels = []) {
      const skip = channelFilter({ skipChannels }, 5);
      const { rows } = await c.query<Row>(
        `UPDATE outbox SET lease_until = $1
         WHERE id IN (
           SELECT id FROM outbox
           WHERE status = 'pending' AND next_attempt_at <= $2 AND (lease_until IS NULL OR lease_until < $3)${skip.sql}
           ORDER BY next_attempt_at, id LIMIT $4
           FOR UPDATE SKIP LOCKED
         )
         RETURNING *`,
        [leaseUntil, now, now, limit, ...skip.params],
      );
      return rows.map((r) => outboxFromRow(r, jsonParsed)).sort((a, b) => a.id - b.id);
    },

    async leaseHeads(now, leaseUntil, limit, filter = {}) {
      const f = channelFilter(filter, 5);
      // The head of each (channel, address) is its lowest pending id, due or not: a row waiting
      // for a retry holds back the rows behind it. A head leased elsewhere is skipped, and the
      // row behind it is no head, so a later message never overtakes an earlier one.
      const { rows } = await c.query<Row>(
        `UPDATE outbox SET lease_until = $1
         WHERE id IN (
           SELECT o.id FROM outbox o
           JOIN (SELECT MIN(id) AS id FROM outbox WHERE status = 'pending'${f.sql} GROUP BY channel, address) h ON h.id = o.id
           WHERE o.next_attempt_at <= $2 AND (o.lease_until IS NULL OR o.lease_until < $3)
           ORDER BY o.next_attempt_at, o.id LIMIT $4
           FOR UPDATE OF o SKIP LOCKED
         )
         RETURNING *`,
        [leaseUntil, now, now, limit, ...f.params],
      );
      return rows.map((r) => outboxFromRow(r, jsonParsed)).sort((a, b) => a.id - b.id);
    },

    async markDelivered(id, now) {
      await c.query(`UPDATE outbox SET status = 'delivered', delivered_at = $1, lease_until = NULL, attempts = attempts + 1 WHERE id = $2`, [now, id]);
    },

    async markDeliveredMany(ids, now) {
      if (ids.length === 0) return;
      await c.query(`UPDATE outbox SET status = 'delivered', delivered_at = $1, lease_until = NULL, attempts = attempts + 1 WHERE id = ANY($2::int[])`, [
        now,
        ids,
      ]);
    },

    async defer(id, nextAttemptAt) {
      await c
        .db()
        .update(outbox)
        .set({ nextAttemptAt, leaseUntil: null })
        .where(and(eq(outbox.id, id), eq(outbox.status, 'pending')));
    },

    async markRetry(id, nextAttemptAt, error) {
      await c
        .db()
        .update(outbox)
        .set({ nextAttemptAt, lastError: error.slice(0, 500), leaseUntil: null, attempts: sql`${outbox.attempts} + 1` })
        .where(and(eq(outbox.id, id), eq(outbox.status, 'pending')));
    },

    async markFailed(id, error) {
      await c
        .db()
        .update(outbox)
        .set({ status: 'failed', lastError: error.slice(0, 500), leaseUntil: null, attempts: sql`${outbox.attempts} + 1` })
        .where(eq(outbox.id, id));
    },

    async releaseLeases(ids) {
      if (ids.length === 0) return;
      await c
        .db()
        .update(outbox)
        .set({ leaseUntil: null })
        .where(and(inArray(outbox.id, ids), eq(outbox.status, 'pending')));
    },

    async byId(id) {
      const [row] = await c.db().select().from(outbox).where(eq(outbox.id, id));
      return row && asItem(row);
    },

    async counts() {
      const out: Record<OutboxStatus, number> = { pending: 0, delivered: 0, failed: 0 };
      const { rows } = await c.query<{ status: OutboxStatus; n: number }>('SELECT status, count(*)::int AS n FROM outbox GROUP BY status');
      for (const r of rows) out[r.status] = r.n;
      return out;
    },
  };
}
