/**
 * Campaign records from the pack, and the checks every stored campaign passes whatever its source.
 */
import { AppError } from '../errors.js';
import type { Campaign, Pack } from '../pack/schema.js';
import { assertCron } from './cron.js';
import type { CampaignRecord } from './ports.js';

/** The record of a pack campaign; a stored one keeps its status (staff may have paused it) and survey. */
export function fromPack(pc: Campaign, existing: CampaignRecord | undefined, now: number): CampaignRecord {
  const status = !pc.enabled ? (existing?.status === 'cancelled' ? 'cancelled' : 'paused') : (existing?.status ?? 'active');
  const audience: CampaignRecord['audience'] = {};
  if (pc.audience.channels?.length) audience.channels = pc.audience.channels;
  if (pc.audience.areas?.length) audience.areas = pc.audience.areas;
  return {
    id: pc.id,
    name: pc.name,
    text: pc.message.text,
    image: pc.message.image ?? null,
    audience,
    schedule: pc.schedule ?? null,
    at: pc.at ? Date.parse(pc.at) : null,
    survey: existing?.survey ?? null,
    status,
    source: 'pack',
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };
}

/** Throws AppError (INVALID_INPUT / UNKNOWN_REFERENCE) naming the field at fault. */
export function checkCampaign(c: CampaignRecord, pack: Pack, now: number, atMustBeFuture: boolean): void {
  const where = `campaign "${c.id}"`;
  if ((c.schedule === null) === (c.at === null)) {
    throw new AppError('INVALID_INPUT', `${where}: give exactly one of schedule (cron) or at (a time)`, { id: c.id });
  }
  if (c.schedule !== null) assertCron(c.schedule, `${where}: schedule`);
  if (c.at !== null && atMustBeFuture && c.at < now - 60_000) {
    throw new AppError('INVALID_INPUT', `${where}: at ${new Date(c.at).toISOString()} is in the past`, { id: c.id });
  }
  const areas = new Set(pack.areas.map((a) => a.id));
  for (const a of c.audience.areas ?? []) {
    if (!areas.has(a)) throw new AppError('UNKNOWN_REFERENCE', `${where}: audience.areas: no area "${a}" in the pack`, { id: c.id, area: a });
  }
  if (c.image !== null && !/^https:\/\//i.test(c.image) && (c.image.startsWith('/') || c.image.split(/[\\/]/).includes('..'))) {
    throw new AppError('INVALID_INPUT', `${where}: image must be an https URL or a path inside the media store`, { id: c.id });
  }
  if (c.survey && (c.survey.options.length < 2 || c.survey.options.length > 6)) {
    throw new AppError('INVALID_INPUT', `${where}: survey needs 2 to 6 options`, { id: c.id });
  }
}
