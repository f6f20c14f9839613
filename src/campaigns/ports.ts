/**
 * What campaigns keep in the database: campaigns, their runs, one delivery row per recipient and
 * run, and survey answers. `CampaignRepo` is part of `Repos` (src/store/ports.ts), so flows (the
 * survey answer) and the broadcast engine share transactions with the outbox.
 */
import type { ChannelName, OutboundMessage } from '../channels/types.js';

export interface Audience {
  channels?: ChannelName[];
  areas?: string[];
  languages?: string[];
  tags?: string[];
}

export interface SurveySpec {
  question: string;
  /** 2 to 6 options; answers refer to them by 1-based number. */
  options: string[];
}

export type CampaignStatus = 'active' | 'paused' | 'cancelled';

export interface CampaignRecord {
  id: string;
  name: string;
  text: string;
  /** Path in the media store, or an https URL. */
  image: string | null;
  audience: Audience;
  /** 5-field cron in the city timezone; null for a once-only campaign (`at`). */
  schedule: string | null;
  at: number | null;
  survey: SurveySpec | null;
  status: CampaignStatus;
  source: 'pack' | 'admin';
  createdAt: number;
  updatedAt: number;
}

/** preparing: delivery rows being created; sending: being fed to the outbox. */
export type RunStatus = 'preparing' | 'sending' | 'paused' | 'done' | 'cancelled' | 'skipped';

export interface CampaignRun {
  id: number;
  campaignId: string;
  scheduledFor: number;
  status: RunStatus;
  total: number;
  ownerId: string | null;
  leaseUntil: number | null;
  createdAt: number;
  finishedAt: number | null;
}

export type DeliveryStatus = 'pending' | 'queued' | 'sent' | 'failed' | 'skipped';

/** A pending delivery joined with its subscription as it is now (null when the row is gone). */
export interface DeliveryToFeed {
  id: number;
  residentId: number;
  channel: ChannelName;
  address: string;
  language: string;
  subscriptionActive: boolean;
}

export interface RunCounts {
  pending: number;
  queued: number;
  sent: number;
  failed: number;
  skipped: number;
}

export interface SurveyTallyRow {
  runId: number;
  option: number;
  areaId: string | null;
  count: number;
}

export interface SurveyAnswerRow {
  runId: number;
  scheduledFor: number;
  option: number;
  areaId: string | null;
  createdAt: number;
}

export interface CampaignRepo {
  put(c: CampaignRecord): Promise<void>;
  byId(id: string): Promise<CampaignRecord | undefined>;
  list(): Promise<CampaignRecord[]>;

  /** Creates the run for (campaign, scheduledFor) unless it exists; returns the run and whether it was new. */
  createRun(campaignId: string, scheduledFor: number, now: number, status?: RunStatus): Promise<{ run: CampaignRun; created: boolean }>;
  runById(id: number): Promise<CampaignRun | undefined>;
  runs(campaignId: string, limit?: number): Promise<CampaignRun[]>;
  /** Runs still to be worked on (preparing or sending), oldest first. */
  unfinishedRuns(): Promise<CampaignRun[]>;
  /**
   * Takes or renews the run's lease for `ownerId` until `leaseUntil`: succeeds when nobody holds it,
   * the owner is us, or the holder's lease lapsed. Only preparing and sending runs can be held.
   */
  claimRun(runId: number, ownerId: string, now: number, leaseUntil: number): Promise<boolean>;
  releaseRun(runId: number, ownerId: string): Promise<void>;
  setRunStatus(runId: number, status: RunStatus, patch?: { total?: number; finishedAt?: number | null }): Promise<void>;

  /**
   * Creates delivery rows for the active subscriptions matching `audience` with id in
   * (afterId, ...], at most `limit`; existing rows are left alone. Returns the last subscription
   * id looked at (undefined when there was none).
   */
  addDeliveries(runId: number, audience: Audience, afterId: number, limit: number, now: number): Promise<number | undefined>;
  /** The next pending deliveries of the run, oldest first, with their subscriptions as they are now. */
  nextToFeed(runId: number, limit: number): Promise<DeliveryToFeed[]>;
  markQueued(items: { id: number; outboxId: number }[], now: number): Promise<void>;
  markSkipped(ids: number[], now: number): Promise<void>;
  /** Copies final outbox results (delivered / failed) onto the run's queued deliveries; returns rows changed. */
  syncFromOutbox(runId: number, now: number): Promise<number>;
  /**
   * Drops queued rows whose outbox message has not left yet (pending and not leased by a
   * dispatcher): those of residents no longer subscribed (`only: 'unsubscribed'`) become skipped,
   * all of them (`only: 'all'`, a pause or cancel) go back to `to`. Returns rows dropped.
   */
  dropUnsent(runId: number, only: 'unsubscribed' | 'all', to: 'pending' | 'skipped', now: number): Promise<number>;
  counts(runId: number): Promise<RunCounts>;
  /** Deliveries of the run in the outbox and not finished yet (an index lookup, cheap every tick). */
  queuedCount(runId: number): Promise<number>;
  /** Deliveries finished (sent or failed) since `since`, for the sending rate. */
  finishedSince(runId: number, since: number): Promise<number>;
  /** The run a delivered outbox row belongs to, if any. */
  deliveryByOutboxId(outboxId: number): Promise<{ runId: number; residentId: number } | undefined>;
  /** Unsubscribes whoever is subscribed at this address (a blocked bot). Returns true when someone was. */
  unsubscribeAddress(channel: ChannelName, address: string, now: number): Promise<boolean>;

  answer(a: { runId: number; residentId: number; option: number; areaId: string | null; now: number }): Promise<void>;
  tally(campaignId: string): Promise<SurveyTallyRow[]>;
  answers(campaignId: string): Promise<SurveyAnswerRow[]>;
}

/** The message one delivery carries, as the outbox stores it. */
export type CampaignMessage = OutboundMessage;
