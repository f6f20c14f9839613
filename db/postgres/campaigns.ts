/**
 * Campaigns, runs, deliveries and survey answers on PostgreSQL. As on SQLite, the broadcast paths
 * (creating 100,000 delivery rows, feeding them to the outbox, copying results back) are
 * set-based SQL, never a query per recipient; each batch is one statement, so it is atomic even
 * outside a transaction.
 *
 * Deliveries own their outbox rows: a pause, a cancel or an opt-out deletes the rows that have not
 * left yet (pending and not leased by a dispatcher), so nothing stale waits in the outbox and no
 * campaign message holds back a resident's ticket replies behind it.
 */
import type {
  Audience,
  CampaignRepo,
  DeliveryToFeed,
  RunCounts,
  SurveyAnswerRow,
  SurveyTallyRow,
} from '../../src/campaigns/ports.js';
import { campaignFromRow, jsonParsed, runFromRow, type Row } from '../rows.js';
import type { PgConn } from './conn.js';

/** Numbered parameters for a query built in pieces. */
class Params {
  readonly values: unknown[] = [];
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

/** The subscriptions of an audience after `afterId`, as a WHERE clause. */
function audienceWhere(p: Params, audience: Audience, afterId: number): string {
  let where = `status = 'active' AND id > ${p.add(afterId)}`;
  if (audience.channels?.length) where += ` AND channel = ANY(${p.add(audience.channels)}::text[])`;
  if (audience.areas?.length) where += ` AND area_id = ANY(${p.add(audience.areas)}::text[])`;
  if (audience.languages?.length) where += ` AND language = ANY(${p.add(audience.languages)}::text[])`;
  if (audience.tags?.length) where += ` AND EXISTS (SELECT 1 FROM json_array_elements_text(tags) t(v) WHERE t.v = ANY(${p.add(audience.tags)}::text[]))`;
  return where;
}

export function pgCampaignRepo(c: PgConn): CampaignRepo {
  const rows = async (text: string, params: unknown[] = []) => (await c.query<Row>(text, params)).rows;
  const changed = async (text: string, params: unknown[] = []) => (await c.query(text, params)).rowCount;

  return {
    async put(x) {
      await c.query(
        `INSERT INTO campaigns (id, name, text, image, audience, schedule, at, survey, status, source, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, text = excluded.text, image = excluded.image,
           audience = excluded.audience, schedule = excluded.schedule, at = excluded.at, survey = excluded.survey,
           status = excluded.status, source = excluded.source, updated_at = excluded.updated_at`,
        [x.id, x.name, x.text, x.image, JSON.stringify(x.audience), x.schedule, x.at, x.survey ? JSON.stringify(x.survey) : null, x.status, x.source, x.createdAt, x.updatedAt],
      );
    },
    async byId(id) {
      const [r] = await rows('SELECT * FROM campaigns WHERE id = $1', [id]);
      return r && campaignFromRow(r, jsonParsed);
    },
    async list() {
      return (await rows('SELECT * FROM campaigns ORDER BY created_at, id COLLATE "C"')).map((r) => campaignFromRow(r, jsonParsed));
    },

    async createRun(campaignId, scheduledFor, now, status = 'preparing') {
      // A concurrent creator of the same run waits on the unique key, then finds the row.
      const [inserted] = await rows(
        `INSERT INTO campaign_runs (campaign_id, scheduled_for, status, total, created_at, finished_at)
         VALUES ($1, $2, $3, 0, $4, $5) ON CONFLICT DO NOTHING RETURNING *`,
        [campaignId, scheduledFor, status, now, status === 'skipped' ? now : null],
      );
      if (inserted) return { run: runFromRow(inserted), created: true };
      const [r] = await rows('SELECT * FROM campaign_runs WHERE campaign_id = $1 AND scheduled_for = $2', [campaignId, scheduledFor]);
      return { run: runFromRow(r!), created: false };
    },
    async runById(id) {
      const [r] = await rows('SELECT * FROM campaign_runs WHERE id = $1', [id]);
      return r && runFromRow(r);
    },
    async runs(campaignId, limit = 20) {
      return (await rows('SELECT * FROM campaign_runs WHERE campaign_id = $1 ORDER BY scheduled_for DESC, id DESC LIMIT $2', [campaignId, limit])).map(runFromRow);
    },
    async unfinishedRuns() {
      return (await rows(`SELECT * FROM campaign_runs WHERE status IN ('preparing', 'sending') ORDER BY id`)).map(runFromRow);
    },
    async claimRun(runId, ownerId, now, leaseUntil) {
      // The condition is re-checked on the locked row: of two instances claiming at once, one wins.
      return (
        (await changed(
          `UPDATE campaign_runs SET owner_id = $1, lease_until = $2
           WHERE id = $3 AND status IN ('preparing', 'sending')
             AND (owner_id IS NULL OR owner_id = $1 OR lease_until IS NULL OR lease_until < $4)`,
          [ownerId, leaseUntil, runId, now],
        )) > 0
      );
    },
    async releaseRun(runId, ownerId) {
      await c.query('UPDATE campaign_runs SET owner_id = NULL, lease_until = NULL WHERE id = $1 AND owner_id = $2', [runId, ownerId]);
    },
    async setRunStatus(runId, status, patch = {}) {
      await c.query(
        `UPDATE campaign_runs SET status = $1, total = COALESCE($2::int, total),
           finished_at = CASE WHEN $3::boolean THEN $4::bigint ELSE finished_at END WHERE id = $5`,
        [status, patch.total ?? null, patch.finishedAt !== undefined, patch.finishedAt ?? null, runId],
      );
    },

    async addDeliveries(runId, audience, afterId, limit, now) {
      const p = new Params();
      const where = audienceWhere(p, audience, afterId);
      const run = p.add(runId);
      const at = p.add(now);
      const lim = p.add(limit);
      // One statement picks the next page of the audience, inserts its deliveries and reports the
      // page's last subscription id (even when every row of the page already existed).
      const [r] = await rows(
        `WITH page AS (SELECT id, resident_id, channel, address FROM subscriptions WHERE ${where} ORDER BY id LIMIT ${lim}),
         ins AS (
           INSERT INTO campaign_deliveries (run_id, subscription_id, resident_id, channel, address, status, updated_at)
           SELECT ${run}, id, resident_id, channel, address, 'pending', ${at} FROM page
           ON CONFLICT DO NOTHING
         )
         SELECT MAX(id) AS id FROM page`,
        p.values,
      );
      return (r?.id as number | null) ?? undefined;
    },
    async nextToFeed(runId, limit) {
      const found = await rows(
        `SELECT d.id, d.resident_id, COALESCE(s.channel, d.channel) AS channel, COALESCE(s.address, d.address) AS address,
                COALESCE(s.language, 'zh-CN') AS language, (s.status = 'active') AS active
         FROM campaign_deliveries d LEFT JOIN subscriptions s ON s.id = d.subscription_id
         WHERE d.run_id = $1 AND d.status = 'pending' ORDER BY d.id LIMIT $2`,
        [runId, limit],
      );
      return found.map(
        (r): DeliveryToFeed => ({
          id: r.id as number,
          residentId: r.resident_id as number,
          channel: r.channel as DeliveryToFeed['channel'],
          address: r.address as string,
          language: r.language as string,
          subscriptionActive: r.active === true,
        }),
      );
    },
    async markQueued(items, now) {
      if (items.length === 0) return;
      await c.query(
        `UPDATE campaign_deliveries d SET status = 'queued', outbox_id = q.outbox_id, updated_at = $3
         FROM unnest($1::int[], $2::int[]) AS q(id, outbox_id) WHERE d.id = q.id`,
        [items.map((i) => i.id), items.map((i) => i.outboxId), now],
      );
    },
    async markSkipped(ids, now) {
      if (ids.length === 0) return;
      await c.query(`UPDATE campaign_deliveries SET status = 'skipped', updated_at = $1 WHERE id = ANY($2::int[])`, [now, ids]);
    },
    async syncFromOutbox(runId, now) {
      return changed(
        `UPDATE campaign_deliveries AS d
         SET status = CASE o.status WHEN 'delivered' THEN 'sent' ELSE 'failed' END, updated_at = $1
         FROM outbox o
         WHERE d.run_id = $2 AND d.status = 'queued' AND o.id = d.outbox_id AND o.status <> 'pending'`,
        [now, runId],
      );
    },
    async dropUnsent(runId, only, to, now) {
      const unsub = only === 'unsubscribed' ? `AND NOT EXISTS (SELECT 1 FROM subscriptions s WHERE s.id = d.subscription_id AND s.status = 'active')` : '';
      // The DELETE re-checks each outbox row once it holds its lock: a row a dispatcher leased in
      // the meantime stays (it is on its way), and only the deliveries whose rows went are moved.
      return changed(
        `WITH cand AS (
           SELECT d.id, d.outbox_id FROM campaign_deliveries d JOIN outbox o ON o.id = d.outbox_id
           WHERE d.run_id = $1 AND d.status = 'queued' AND o.status = 'pending' AND (o.lease_until IS NULL OR o.lease_until < $2) ${unsub}
         ),
         gone AS (
           DELETE FROM outbox o USING cand
           WHERE o.id = cand.outbox_id AND o.status = 'pending' AND (o.lease_until IS NULL OR o.lease_until < $2)
           RETURNING o.id
         )
         UPDATE campaign_deliveries d SET status = $3, outbox_id = NULL, updated_at = $2
         FROM cand JOIN gone ON gone.id = cand.outbox_id WHERE d.id = cand.id`,
        [runId, now, to],
      );
    },
    async counts(runId) {
      const out: RunCounts = { pending: 0, queued: 0, sent: 0, failed: 0, skipped: 0 };
      for (const r of await rows('SELECT status, COUNT(*)::int AS n FROM campaign_deliveries WHERE run_id = $1 GROUP BY status', [runId])) {
        out[r.status as keyof RunCounts] = r.n as number;
      }
      return out;
    },
    async queuedCount(runId) {
      const [r] = await rows(`SELECT COUNT(*)::int AS n FROM campaign_deliveries WHERE run_id = $1 AND status = 'queued'`, [runId]);
      return r!.n as number;
    },
    async finishedSince(runId, since) {
      const [r] = await rows(`SELECT COUNT(*)::int AS n FROM campaign_deliveries WHERE run_id = $1 AND status IN ('sent', 'failed') AND updated_at >= $2`, [
        runId,
        since,
      ]);
      return r!.n as number;
    },
    async deliveryByOutboxId(outboxId) {
      const [r] = await rows('SELECT run_id, resident_id FROM campaign_deliveries WHERE outbox_id = $1 LIMIT 1', [outboxId]);
      return r && { runId: r.run_id as number, residentId: r.resident_id as number };
    },
    async unsubscribeAddress(channel, address, now) {
      return (
        (await changed(`UPDATE subscriptions SET status = 'unsubscribed', updated_at = $1 WHERE channel = $2 AND address = $3 AND status = 'active'`, [
          now,
          channel,
          address,
        ])) > 0
      );
    },

    async answer(a) {
      await c.query(
        `INSERT INTO survey_answers (run_id, resident_id, option, area_id, created_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (run_id, resident_id) DO UPDATE SET option = excluded.option, area_id = excluded.area_id, created_at = excluded.created_at`,
        [a.runId, a.residentId, a.option, a.areaId, a.now],
      );
    },
    async tally(campaignId) {
      const found = await rows(
        `SELECT a.run_id, a.option, a.area_id, COUNT(*)::int AS n FROM survey_answers a JOIN campaign_runs r ON r.id = a.run_id
         WHERE r.campaign_id = $1 GROUP BY a.run_id, a.option, a.area_id ORDER BY a.run_id, a.option, a.area_id COLLATE "C" NULLS FIRST`,
        [campaignId],
      );
      return found.map((r): SurveyTallyRow => ({ runId: r.run_id as number, option: r.option as number, areaId: (r.area_id as string | null) ?? null, count: r.n as number }));
    },
    async answers(campaignId) {
      const found = await rows(
        `SELECT a.run_id, r.scheduled_for, a.option, a.area_id, a.created_at FROM survey_answers a JOIN campaign_runs r ON r.id = a.run_id
         WHERE r.campaign_id = $1 ORDER BY a.run_id, a.id`,
        [campaignId],
      );
      return found.map(
        (r): SurveyAnswerRow => ({
          runId: r.run_id as number,
          scheduledFor: r.scheduled_for as number,
          option: r.option as number,
          areaId: (r.area_id as string | null) ?? null,
          createdAt: r.created_at as number,
        }),
      );
    },
  };
}
