/**
 * Progress of a campaign run: counts, the recent sending rate and an estimated finish, and the
 * text form (with a bar) the CLI prints.
 */
import { formatDateTime } from '../i18n/index.js';
import type { CampaignRepo, CampaignRun, RunStatus } from './ports.js';
import { quietUntil, type QuietHours } from './quiet-hours.js';

export interface RunProgress {
  runId: number;
  campaignId: string;
  status: RunStatus;
  scheduledFor: number;
  total: number;
  sent: number;
  failed: number;
  skipped: number;
  /** Not finished yet: waiting to be fed plus in the outbox. */
  pending: number;
  /** Of `pending`, those in the outbox now. */
  queued: number;
  /** Deliveries finished per second over the last minute (or since the run began). */
  ratePerSecond: number;
  /** Estimated finish (epoch ms), when the run is sending and has a rate. */
  estimatedFinishAt: number | null;
  /** The end of quiet hours the run is waiting for, if it is. */
  quietUntil: number | null;
  finishedAt: number | null;
}

const RATE_WINDOW_MS = 60_000;

export async function runProgress(
  repo: CampaignRepo,
  run: CampaignRun,
  now: number,
  o: { timezone: string; quietHours: QuietHours | undefined },
): Promise<RunProgress> {
  const c = await repo.counts(run.id);
  const pending = c.pending + c.queued;
  const total = Math.max(run.total, pending + c.sent + c.failed + c.skipped);
  const active = run.status === 'sending' || run.status === 'preparing';
  const since = Math.max(run.createdAt, now - RATE_WINDOW_MS);
  const seconds = Math.max(1, now - since) / 1000;
  const rate = active ? (await repo.finishedSince(run.id, since)) / seconds : 0;
  const quiet = active ? (quietUntil(now, o.timezone, o.quietHours) ?? null) : null;
  const start = quiet ?? now;
  return {
    runId: run.id,
    campaignId: run.campaignId,
    status: run.status,
    scheduledFor: run.scheduledFor,
    total,
    sent: c.sent,
    failed: c.failed,
    skipped: c.skipped,
    pending,
    queued: c.queued,
    ratePerSecond: Math.round(rate * 10) / 10,
    estimatedFinishAt: active && pending > 0 && rate > 0 ? Math.round(start + (pending / rate) * 1000) : null,
    quietUntil: quiet,
    finishedAt: run.finishedAt,
  };
}

function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

const n = (x: number) => x.toLocaleString('en-US');

/** A few lines for a terminal: a 30-character bar, the counts, rate and estimated finish. */
export function formatProgress(p: RunProgress, now: number, timezone: string, width = 30): string {
  const done = p.sent + p.failed + p.skipped;
  const ratio = p.total > 0 ? done / p.total : p.status === 'done' ? 1 : 0;
  const filled = Math.round(ratio * width);
  const bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
  const lines = [
    `campaign ${p.campaignId} run ${p.runId} (${formatDateTime('en', p.scheduledFor, timezone)}): ${p.status}`,
    `${bar} ${(ratio * 100).toFixed(1)}%  ${n(done)}/${n(p.total)}`,
    `sent ${n(p.sent)}  failed ${n(p.failed)}  skipped ${n(p.skipped)}  pending ${n(p.pending)} (in outbox ${n(p.queued)})`,
  ];
  if (p.quietUntil !== null) lines.push(`quiet hours: sending resumes ${formatDateTime('en', p.quietUntil, timezone)}`);
  if (p.status === 'sending' || p.status === 'preparing') {
    const eta = p.estimatedFinishAt !== null ? `${formatDateTime('en', p.estimatedFinishAt, timezone)} (in ${duration(p.estimatedFinishAt - now)})` : 'unknown';
    lines.push(`rate ${p.ratePerSecond}/s  estimated finish ${eta}`);
  }
  if (p.finishedAt !== null) lines.push(`finished ${formatDateTime('en', p.finishedAt, timezone)}`);
  return `${lines.join('\n')}\n`;
}
