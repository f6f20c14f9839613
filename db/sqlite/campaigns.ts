/**
 * Campaigns, runs, deliveries and survey answers on SQLite. The broadcast paths (creating 100,000
 * delivery rows, feeding them to the outbox, copying results back) use prepared statements and
 * set-based SQL, never a query per recipient.
 *
 * Deliveries own their outbox rows: a pause, a cancel or an opt-out deletes the rows that have not
 * left yet (pending and not leased by a dispatcher), so nothing stale waits in the outbox and no
 * campaign message holds back a resident's ticket replies behind it.
 */
import type {
  CampaignRepo,
  DeliveryToFeed,
  RunCounts,
  SurveyAnswerRow,
  SurveyTallyRow,
} from '../../src/campaigns/ports.js';
import { campaignFromRow, jsonText, runFromRow, type Row } from '../rows.js';
import { statements, type SqliteDb } from './open.js';

/** `AND col IN (?, ?)` with its parameters, or nothing for an empty filter. */
function inList(column: string, values: readonly string[] | undefined): { sql: string; params: string[] } {
  if (!values?.length) return { sql: '', params: [] };
  return { sql: ` AND ${column} IN (${values.map(() => '?').join(', ')})`, params: [...values] };
}

export function sqliteCampaignRepo(db: SqliteDb): CampaignRepo {
  const { sqlite, st } = statements(db);
  // Batches run inside the caller's transaction when there is one (the Store's), else in their own.
  const inTx = <T>(fn: () => T): T => (sqlite.inTransaction ? fn() : sqlite.transaction(fn)());

  return {
    async put(c) {
      st(`INSERT INTO campaigns (id, name, text, image, audience, schedule, at, survey, status, source, created_at, updated_at)
          VALUES (@id, @name, @text, @image, @audience, @schedule, @at, @survey, @status, @source, @createdAt, @updatedAt)
          ON CONFLICT(id) DO UPDATE SET name = excluded.name, text = excluded.text, image = excluded.image,
            audience = excluded.audience, schedule = excluded.schedule, at = excluded.at, survey = excluded.survey,
            status = excluded.status, source = excluded.source, updated_at = excluded.updated_at`).run({
        ...c,
        audience: JSON.stringify(c.audience),
        survey: c.survey ? JSON.stringify(c.survey) : null,
      });
    },
    async byId(id) {
      const r = st('SELECT * FROM campaigns WHERE id = ?').get(id) as Row | undefined;
      return r && campaignFromRow(r, jsonText);
    },
    async list() {
      return (st('SELECT * FROM campaigns ORDER BY created_at, id').all() as Row[]).map((r) => campaignFromRow(r, jsonText));
    },

    async createRun(campaignId, scheduledFor, now, status = 'preparing') {
      const inserted = st(
        `INSERT INTO campaign_runs (campaign_id, scheduled_for, status, total, created_at, finished_at)
         VALUES (?, ?, ?, 0, ?, ?) ON CONFLICT DO NOTHING RETURNING *`,
      ).get(campaignId, scheduledFor, status, now, status === 'skipped' ? now : null) as Row | undefined;
      if (inserted) return { run: runFromRow(inserted), created: true };
      const r = st('SELECT * FROM campaign_runs WHERE campaign_id = ? AND scheduled_for = ?').get(campaignId, scheduledFor) as Row;
      return { run: runFromRow(r), created: false };
    },
    async runById(id) {
      const r = st('SELECT * FROM campaign_runs WHERE id = ?').get(id) as Row | undefined;
      return r && runFromRow(r);
    },
    async runs(campaignId, limit = 20) {
      return (st('SELECT * FROM campaign_runs WHERE campaign_id = ? ORDER BY scheduled_for DESC, id DESC LIMIT ?').all(campaignId, limit) as Row[]).map(runFromRow);
    },
    async unfinishedRuns() {
      return (st(`SELECT * FROM campaign_runs WHERE status IN ('preparing', 'sending') ORDER BY id`).all() as Row[]).map(runFromRow);
    },
    async claimRun(runId, ownerId, now, leaseUntil) {
      const res = st(
        `UPDATE campaign_runs SET owner_id = ?, lease_until = ?
         WHERE id = ? AND status IN ('preparing', 'sending')
           AND (owner_id IS NULL OR owner_id = ? OR lease_until IS NULL OR lease_until < ?)`,
      ).run(ownerId, leaseUntil, runId, ownerId, now);
      return res.changes > 0;
    },
    async releaseRun(runId, ownerId) {
      st('UPDATE campaign_runs SET owner_id = NULL, lease_until = NULL WHERE id = ? AND owner_id = ?').run(runId, ownerId);
    },
    async setRunStatus(runId, status, patch = {}) {
      st(
        `UPDATE campaign_runs SET status = ?, total = COALESCE(?, total),
           finished_at = CASE WHEN ? THEN ? ELSE finished_at END WHERE id = ?`,
      ).run(status, patch.total ?? null, patch.finishedAt !== undefined ? 1 : 0, patch.finishedAt ?? null, runId);
    },

    async addDeliveries(runId, audience, afterId, limit, now) {
      const ch = inList('channel', audience.channels);
      const ar = inList('area_id', audience.areas);
      const lg = inList('language', audience.languages);
      const tg = audience.tags?.length
        ? { sql: ` AND EXISTS (SELECT 1 FROM json_each(tags) WHERE value IN (${audience.tags.map(() => '?').join(', ')}))`, params: audience.tags }
        : { sql: '', params: [] };
      const where = `status = 'active' AND id > ?${ch.sql}${ar.sql}${lg.sql}${tg.sql}`;
      const params = [afterId, ...ch.params, ...ar.params, ...lg.params, ...tg.params];
      return inTx(() => {
        const last = st(`SELECT MAX(id) AS id FROM (SELECT id FROM subscriptions WHERE ${where} ORDER BY id LIMIT ?)`).get(...params, limit) as {
          id: number | null;
        };
        if (last.id === null) return undefined;
        st(
          `INSERT INTO campaign_deliveries (run_id, subscription_id, resident_id, channel, address, status, updated_at)
           SELECT ?, id, resident_id, channel, address, 'pending', ? FROM subscriptions WHERE ${where} AND id <= ?
           ON CONFLICT DO NOTHING`,
        ).run(runId, now, ...params, last.id);
        return last.id;
      });
    },
    async nextToFeed(runId, limit) {
      const rows = st(
        `SELECT d.id, d.resident_id, COALESCE(s.channel, d.channel) AS channel, COALESCE(s.address, d.address) AS address,
                COALESCE(s.language, 'zh-CN') AS language, (s.status = 'active') AS active
         FROM campaign_deliveries d LEFT JOIN subscriptions s ON s.id = d.subscription_id
         WHERE d.run_id = ? AND d.status = 'pending' ORDER BY d.id LIMIT ?`,
      ).all(runId, limit) as Row[];
      return rows.map(
        (r): DeliveryToFeed => ({
          id: r.id as number,
          residentId: r.resident_id as number,
          channel: r.channel as DeliveryToFeed['channel'],
          address: r.address as string,
          language: r.language as string,
          subscriptionActive: r.active === 1,
        }),
      );
    },
    async markQueued(items, now) {
      const s = st(`UPDATE campaign_deliveries SET status = 'queued', outbox_id = ?, updated_at = ? WHERE id = ?`);
      inTx(() => {
        for (const i of items) s.run(i.outboxId, now, i.id);
      });
    },
    async markSkipped(ids, now) {
      const s = st(`UPDATE campaign_deliveries SET status = 'skipped', updated_at = ? WHERE id = ?`);
      inTx(() => {
        for (const id of ids) s.run(now, id);
      });
    },
    async syncFromOutbox(runId, now) {
      return st(
        `UPDATE campaign_deliveries AS d
         SET status = CASE o.status WHEN 'delivered' THEN 'sent' ELSE 'failed' END, updated_at = ?
         FROM outbox o
         WHERE d.run_id = ? AND d.status = 'queued' AND o.id = d.outbox_id AND o.status != 'pending'`,
      ).run(now, runId).changes;
    },
    async dropUnsent(runId, only, to, now) {
      const unsub = only === 'unsubscribed' ? `AND NOT EXISTS (SELECT 1 FROM subscriptions s WHERE s.id = d.subscription_id AND s.status = 'active')` : '';
      return inTx(() => {
        const rows = st(
          `SELECT d.id, d.outbox_id FROM campaign_deliveries d JOIN outbox o ON o.id = d.outbox_id
           WHERE d.run_id = ? AND d.status = 'queued' AND o.status = 'pending' AND (o.lease_until IS NULL OR o.lease_until < ?) ${unsub}`,
        ).all(runId, now) as { id: number; outbox_id: number }[];
        const delOutbox = st(`DELETE FROM outbox WHERE id = ? AND status = 'pending' AND (lease_until IS NULL OR lease_until < ?)`);
        const back = st(`UPDATE campaign_deliveries SET status = ?, outbox_id = NULL, updated_at = ? WHERE id = ?`);
        let n = 0;
        for (const r of rows) {
          if (delOutbox.run(r.outbox_id, now).changes === 0) continue;
          back.run(to, now, r.id);
          n++;
        }
        return n;
      });
    },
    async counts(runId) {
      const out: RunCounts = { pending: 0, queued: 0, sent: 0, failed: 0, skipped: 0 };
      for (const r of st('SELECT status, COUNT(*) AS n FROM campaign_deliveries WHERE run_id = ? GROUP BY status').all(runId) as { status: keyof RunCounts; n: number }[]) {
        out[r.status] = r.n;
      }
      return out;
    },
    async queuedCount(runId) {
      return (st(`SELECT COUNT(*) AS n FROM campaign_deliveries WHERE run_id = ? AND status = 'queued'`).get(runId) as { n: number }).n;
    },
    async finishedSince(runId, since) {
      const r = st(`SELECT COUNT(*) AS n FROM campaign_deliveries WHERE run_id = ? AND status IN ('sent', 'failed') AND updated_at >= ?`).get(runId, since) as {
        n: number;
      };
      return r.n;
    },
    async deliveryByOutboxId(outboxId) {
      const r = st('SELECT run_id, resident_id FROM campaign_deliveries WHERE outbox_id = ?').get(outboxId) as Row | undefined;
      return r && { runId: r.run_id as number, residentId: r.resident_id as number };
    },
    async unsubscribeAddress(channel, address, now) {
      return (
        st(`UPDATE subscriptions SET status = 'unsubscribed', updated_at = ? WHERE channel = ? AND address = ? AND status = 'active'`).run(now, channel, address)
          .changes > 0
      );
    },

    async answer(a) {
      st(
        `INSERT INTO survey_answers (run_id, resident_id, option, area_id, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(run_id, resident_id) DO UPDATE SET option = excluded.option, area_id = excluded.area_id, created_at = excluded.created_at`,
      ).run(a.runId, a.residentId, a.option, a.areaId, a.now);
    },
    async tally(campaignId) {
      return (
        st(
          `SELECT a.run_id, a.option, a.area_id, COUNT(*) AS n FROM survey_answers a JOIN campaign_runs r ON r.id = a.run_id
           WHERE r.campaign_id = ? GROUP BY a.run_id, a.option, a.area_id ORDER BY a.run_id, a.option, a.area_id`,
        ).all(campaignId) as Row[]
      ).map((r): SurveyTallyRow => ({ runId: r.run_id as number, option: r.option as number, areaId: (r.area_id as string | null) ?? null, count: r.n as number }));
    },
    async answers(campaignId) {
      return (
        st(
          `SELECT a.run_id, r.scheduled_for, a.option, a.area_id, a.created_at FROM survey_answers a JOIN campaign_runs r ON r.id = a.run_id
           WHERE r.campaign_id = ? ORDER BY a.run_id, a.id`,
        ).all(campaignId) as Row[]
      ).map(
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
