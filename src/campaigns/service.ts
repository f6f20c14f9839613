/**
 * The campaigns service: campaigns from the pack and from staff, their schedule, their runs and
 * survey results. The composition root creates one, passes `onGone` to the outbox dispatcher,
 * serves `campaignAdminRoutes` with it, and calls start() / stop().
 */
import { randomUUID } from 'node:crypto';
import { AppError, NotFoundError } from '../errors.js';
import { formatDateTime, messages, normalizeLanguage } from '../i18n/index.js';
import type { Logger } from '../logger.js';
import type { Pack } from '../pack/schema.js';
import type { ChannelName, OutboundMessage } from '../channels/types.js';
import type { OutboxItem, Store } from '../store/ports.js';
import { createBroadcaster, type BroadcastOptions, type StepResult } from './broadcast.js';
import { createRunDriver } from './driver.js';
import { campaignCreateInput, campaignUpdateInput, type CampaignCreateInput, type CampaignUpdateInput } from './input.js';
import { checkCampaign, fromPack } from './records.js';
import type { CampaignRecord, CampaignRun } from './ports.js';
import { runProgress, type RunProgress } from './progress.js';
import { DEFAULT_QUIET_HOURS, parseQuietHours } from './quiet-hours.js';
import { renderCampaign } from './render.js';
import { createScheduler, type CronApi, type ScheduledCronTask } from './scheduler.js';
import { buildTally, tallyCsv, type SurveyTally } from './survey.js';

export interface CampaignServiceOptions {
  store: Store;
  pack: () => Pack;
  /** Epoch ms. Default Date.now. */
  clock?: () => number;
  logger: Pick<Logger, 'info' | 'warn' | 'error' | 'debug'>;
  /** This instance's id as a run lease holder. Default a random UUID. */
  ownerId?: string;
  /** `HH:MM-HH:MM` in city time, or `off`. Default 21:30-08:00. */
  quietHours?: string;
  /** A firing missed while down still runs when less late than this. Default 1 hour. */
  missedRunGraceMs?: number;
  broadcast?: BroadcastOptions;
  /** Called after campaign rows were put into the outbox (wake the dispatcher). */
  onQueued?: () => void;
  /** node-cron by default. */
  cron?: CronApi;
  /** How often to look for runs left by a crashed instance. Default 10000 ms. */
  adoptEveryMs?: number;
}

export type TestTarget = { channel: ChannelName; address: string } | { residentId: number };

export interface CampaignView extends CampaignRecord {
  /** The next scheduled firing (cron or at), epoch ms. */
  nextRunAt: number | null;
  lastRun: CampaignRun | null;
}

export type CampaignService = ReturnType<typeof createCampaignService>;

export function createCampaignService(o: CampaignServiceOptions) {
  const clock = o.clock ?? Date.now;
  const repo = o.store.campaigns;
  const ownerId = o.ownerId ?? randomUUID();
  const quietHours = parseQuietHours(o.quietHours ?? DEFAULT_QUIET_HOURS);
  const timezone = () => o.pack().city.timezone;
  const broadcaster = createBroadcaster({ store: o.store, clock, ownerId, timezone, quietHours, logger: o.logger, onQueued: o.onQueued, options: o.broadcast });
  const driver = createRunDriver({ store: o.store, broadcaster, ownerId, logger: o.logger, adoptEveryMs: o.adoptEveryMs });
  let started = false;

  async function fire(campaignId: string, scheduledFor: number): Promise<CampaignRun | undefined> {
    const c = await repo.byId(campaignId);
    if (!c || c.status !== 'active') return undefined;
    const { run, created } = await repo.createRun(campaignId, scheduledFor, clock());
    if (created) o.logger.info({ campaignId, runId: run.id, scheduledFor: new Date(scheduledFor).toISOString() }, 'campaign run created');
    if (started && (run.status === 'preparing' || run.status === 'sending')) driver.drive(run.id);
    return run;
  }

  const scheduler = createScheduler({
    clock,
    timezone,
    fire: async (id, at) => void (await fire(id, at)),
    skip: async (id, at) => (await repo.createRun(id, at, clock(), 'skipped')).created,
    graceMs: o.missedRunGraceMs ?? 3_600_000,
    logger: o.logger,
    cron: o.cron,
  });

  async function get(id: string): Promise<CampaignRecord> {
    const c = await repo.byId(id);
    if (!c) throw new NotFoundError('campaign', id);
    return c;
  }

  async function save(c: CampaignRecord): Promise<CampaignRecord> {
    await repo.put(c);
    if (started) scheduler.register(c);
    return c;
  }

  /** Stops the campaign's unfinished runs: unsent outbox rows go back (pause) or are dropped (cancel). */
  async function haltRuns(id: string, to: 'paused' | 'cancelled'): Promise<void> {
    const now = clock();
    for (const run of await repo.runs(id, 1000)) {
      if (run.status !== 'preparing' && run.status !== 'sending' && !(to === 'cancelled' && run.status === 'paused')) continue;
      await o.store.transaction(async (tx) => {
        await tx.campaigns.setRunStatus(run.id, to, to === 'cancelled' ? { finishedAt: now } : {});
        await tx.campaigns.dropUnsent(run.id, 'all', to === 'paused' ? 'pending' : 'skipped', now);
      });
    }
  }

  async function latestRun(id: string): Promise<CampaignRun | null> {
    return (await repo.runs(id, 1))[0] ?? null;
  }

  function nextRunAt(c: CampaignRecord): number | null {
    if (c.status !== 'active') return null;
    if (c.schedule) return scheduler.task(c.id)?.getNextRun()?.getTime() ?? null;
    return c.at !== null && c.at > clock() ? c.at : null;
  }

  return {
    ownerId,

    /** Seeds and updates pack campaigns; staff-edited ones (source admin) are left alone. */
    async syncFromPack(pack: Pack = o.pack()): Promise<void> {
      const now = clock();
      const inPack = new Set<string>();
      for (const pc of pack.campaigns) {
        inPack.add(pc.id);
        const existing = await repo.byId(pc.id);
        if (existing?.source === 'admin') continue;
        const rec = fromPack(pc, existing, now);
        if (!existing || JSON.stringify({ ...rec, updatedAt: 0 }) !== JSON.stringify({ ...existing, updatedAt: 0 })) await save(rec);
      }
      for (const c of await repo.list()) {
        if (c.source === 'pack' && !inPack.has(c.id) && c.status === 'active') {
          o.logger.warn({ campaignId: c.id }, 'campaign: no longer in the pack; paused');
          await save({ ...c, status: 'paused', updatedAt: now });
          await haltRuns(c.id, 'paused');
        }
      }
    },

    async list(): Promise<CampaignView[]> {
      const out: CampaignView[] = [];
      for (const c of await repo.list()) out.push({ ...c, nextRunAt: nextRunAt(c), lastRun: await latestRun(c.id) });
      return out;
    },

    async get(id: string): Promise<CampaignView> {
      const c = await get(id);
      return { ...c, nextRunAt: nextRunAt(c), lastRun: await latestRun(c.id) };
    },

    async create(input: CampaignCreateInput): Promise<CampaignRecord> {
      const parsed = campaignCreateInput.parse(input);
      const id = parsed.id ?? `c-${randomUUID().slice(0, 8)}`;
      if (await repo.byId(id)) throw new AppError('CONFLICT', `campaign "${id}" already exists`, { id });
      const now = clock();
      const rec: CampaignRecord = {
        id,
        name: parsed.name,
        text: parsed.text,
        image: parsed.image ?? null,
        audience: parsed.audience,
        schedule: parsed.schedule ?? null,
        at: parsed.at ? Date.parse(parsed.at) : null,
        survey: parsed.survey ?? null,
        status: 'active',
        source: 'admin',
        createdAt: now,
        updatedAt: now,
      };
      checkCampaign(rec, o.pack(), now, true);
      return save(rec);
    },

    async update(id: string, input: CampaignUpdateInput): Promise<CampaignRecord> {
      const p = campaignUpdateInput.parse(input);
      const c = await get(id);
      if (c.status === 'cancelled') throw new AppError('INVALID_TRANSITION', `campaign "${id}" is cancelled and cannot be changed`, { id });
      const now = clock();
      const next: CampaignRecord = {
        ...c,
        ...(p.name !== undefined ? { name: p.name } : {}),
        ...(p.text !== undefined ? { text: p.text } : {}),
        ...(p.image !== undefined ? { image: p.image } : {}),
        ...(p.audience !== undefined ? { audience: p.audience } : {}),
        ...(p.survey !== undefined ? { survey: p.survey } : {}),
        ...(p.schedule !== undefined ? { schedule: p.schedule, at: p.schedule ? null : c.at } : {}),
        ...(p.at !== undefined ? { at: p.at ? Date.parse(p.at) : null, schedule: p.at ? null : (p.schedule ?? c.schedule) } : {}),
        // Staff's edit wins over the pack from now on.
        source: 'admin',
        updatedAt: now,
      };
      checkCampaign(next, o.pack(), now, p.at !== undefined);
      return save(next);
    },

    async pause(id: string): Promise<CampaignRecord> {
      const c = await get(id);
      if (c.status !== 'active') throw new AppError('INVALID_TRANSITION', `campaign "${id}" is ${c.status}; only an active campaign can be paused`, { id });
      await haltRuns(id, 'paused');
      return save({ ...c, status: 'paused', updatedAt: clock() });
    },

    async resume(id: string): Promise<CampaignRecord> {
      const c = await get(id);
      if (c.status !== 'paused') throw new AppError('INVALID_TRANSITION', `campaign "${id}" is ${c.status}; only a paused campaign can be resumed`, { id });
      const saved = await save({ ...c, status: 'active', updatedAt: clock() });
      for (const run of await repo.runs(id, 1000)) {
        if (run.status !== 'paused') continue;
        await repo.setRunStatus(run.id, 'sending');
        if (started) driver.drive(run.id);
      }
      return saved;
    },

    async cancel(id: string): Promise<CampaignRecord> {
      const c = await get(id);
      if (c.status === 'cancelled') return c;
      await haltRuns(id, 'cancelled');
      return save({ ...c, status: 'cancelled', updatedAt: clock() });
    },

    async preview(id: string, language: string): Promise<OutboundMessage> {
      return renderCampaign(await get(id), { runId: 0, language });
    },

    /** Sends the campaign now to one address (staff's own chat), marked as a test; quiet hours do not apply. */
    async testSend(id: string, target: TestTarget): Promise<{ outboxId: number }> {
      const c = await get(id);
      const now = clock();
      const outboxId = await o.store.transaction(async (tx) => {
        let channel: ChannelName;
        let address: string;
        let language = o.pack().city.locale;
        if ('residentId' in target) {
          const r = await tx.residents.byId(target.residentId);
          if (!r) throw new NotFoundError('resident', String(target.residentId));
          ({ channel, address } = r);
          language = normalizeLanguage(r.language);
        } else ({ channel, address } = target);
        const payload = renderCampaign(c, { runId: 0, language, prefix: messages(language).survey.testPrefix });
        const id = await tx.outbox.enqueue({ channel, address, payload, dedupeKey: `camp-test:${c.id}:${now}:${channel}:${address}` }, now);
        if (id === undefined) throw new AppError('CONFLICT', 'this test message was just sent; try again in a moment');
        return id;
      });
      o.onQueued?.();
      return { outboxId };
    },

    /** Starts a run now (staff's "send now"), outside the schedule. */
    async sendNow(id: string): Promise<CampaignRun> {
      const c = await get(id);
      if (c.status !== 'active') throw new AppError('INVALID_TRANSITION', `campaign "${id}" is ${c.status}; resume it first`, { id });
      const run = await fire(id, clock());
      if (!run) throw new AppError('CONFLICT', `campaign "${id}" could not start a run`);
      return run;
    },

    fire,

    async status(id: string, runId?: number): Promise<RunProgress | null> {
      await get(id);
      const run = runId !== undefined ? await repo.runById(runId) : await latestRun(id);
      if (!run || run.campaignId !== id) {
        if (runId !== undefined) throw new NotFoundError('campaign run', String(runId));
        return null;
      }
      return runProgress(repo, run, clock(), { timezone: timezone(), quietHours });
    },

    async surveyTally(id: string): Promise<SurveyTally> {
      const c = await get(id);
      if (!c.survey) throw new AppError('INVALID_INPUT', `campaign "${id}" has no survey`, { id });
      const areas = new Map(o.pack().areas.map((a) => [a.id, a.name]));
      return buildTally(c, await repo.tally(id), (a) => areas.get(a));
    },

    async surveyCsv(id: string): Promise<{ filename: string; csv: string }> {
      const tally = await this.surveyTally(id);
      const times = new Map((await repo.runs(id, 10_000)).map((r) => [r.id, r.scheduledFor]));
      const tz = timezone();
      const csv = tallyCsv(tally, (runId) => {
        const at = times.get(runId);
        return at === undefined ? '' : formatDateTime('zh-CN', at, tz);
      });
      const c = await get(id);
      return { filename: `${c.name}-survey.csv`, csv };
    },

    /** Outbox hook: the recipient blocked the bot, so they are unsubscribed. */
    async onGone(item: OutboxItem): Promise<void> {
      if (await repo.unsubscribeAddress(item.channel, item.address, clock())) {
        o.logger.info({ channel: item.channel, outboxId: item.id }, 'campaign: recipient gone; unsubscribed');
      }
    },

    /** One step of a run (tests and scripts drive runs by hand with it). */
    step(runId: number): Promise<StepResult> {
      return broadcaster.step(runId);
    },

    /** The registered cron task of a campaign, if it has one. */
    cronTask(id: string): ScheduledCronTask | undefined {
      return scheduler.task(id);
    },

    /** Registers every campaign's schedule, applies the missed-run policy, and resumes unfinished runs. */
    async start(): Promise<void> {
      started = true;
      for (const c of await repo.list()) {
        scheduler.register(c);
        await scheduler.catchUp(c);
      }
      await driver.start();
    },

    async stop(): Promise<void> {
      started = false;
      scheduler.stop();
      await driver.stop();
    },

    /** Resolves when this instance drives no run (scripts wait on it). */
    idle: () => driver.idle(),
  };
}
