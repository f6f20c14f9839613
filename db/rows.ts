/**
 * Raw SQL rows (snake_case, as the drivers return them) to domain records, shared by the SQLite and
 * PostgreSQL repositories. The dialects differ only in JSON columns: better-sqlite3 returns their
 * text, pg returns them parsed; each repository passes its own `json` reader.
 */
import type { Audience, CampaignRecord, CampaignRun, RunStatus } from '../src/campaigns/ports.js';
import type { OutboxItem, OutboxStatus } from '../src/store/ports.js';

export type Row = Record<string, unknown>;

/** Reads a JSON column's value as the driver returns it. */
export type JsonReader = (value: unknown) => unknown;

/** JSON columns stored as text (SQLite). */
export const jsonText: JsonReader = (v) => (typeof v === 'string' ? (JSON.parse(v) as unknown) : v);
/** JSON columns the driver has already parsed (pg). */
export const jsonParsed: JsonReader = (v) => v;

export function campaignFromRow(r: Row, json: JsonReader): CampaignRecord {
  return {
    id: r.id as string,
    name: r.name as string,
    text: r.text as string,
    image: (r.image as string | null) ?? null,
    audience: json(r.audience) as Audience,
    schedule: (r.schedule as string | null) ?? null,
    at: (r.at as number | null) ?? null,
    survey: r.survey ? (json(r.survey) as CampaignRecord['survey']) : null,
    status: r.status as CampaignRecord['status'],
    source: r.source as CampaignRecord['source'],
    createdAt: r.created_at as number,
    updatedAt: r.updated_at as number,
  };
}

export function runFromRow(r: Row): CampaignRun {
  return {
    id: r.id as number,
    campaignId: r.campaign_id as string,
    scheduledFor: r.scheduled_for as number,
    status: r.status as RunStatus,
    total: r.total as number,
    ownerId: (r.owner_id as string | null) ?? null,
    leaseUntil: (r.lease_until as number | null) ?? null,
    createdAt: r.created_at as number,
    finishedAt: (r.finished_at as number | null) ?? null,
  };
}

export function outboxFromRow(r: Row, json: JsonReader): OutboxItem {
  return {
    id: r.id as number,
    channel: r.channel as OutboxItem['channel'],
    address: r.address as string,
    payload: json(r.payload) as OutboxItem['payload'],
    status: r.status as OutboxStatus,
    attempts: r.attempts as number,
    nextAttemptAt: r.next_attempt_at as number,
    leaseUntil: (r.lease_until as number | null) ?? null,
    lastError: (r.last_error as string | null) ?? null,
    dedupeKey: (r.dedupe_key as string | null) ?? null,
    ticketId: (r.ticket_id as number | null) ?? null,
    createdAt: r.created_at as number,
    deliveredAt: (r.delivered_at as number | null) ?? null,
  };
}
