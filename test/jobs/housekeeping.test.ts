/**
 * The housekeeping job with fake timers (the clock moves with them): when it runs (shortly after
 * start, then daily at the quiet hour in the city's timezone), the cutoffs it passes, what it
 * logs, that a failure does not stop it, and that it stops on close. Two cases run it over a
 * real SQLite store, one with the photo sweep.
 */
import { existsSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHousekeeping, type Housekeeping, type HousekeepingDeps } from '../../src/jobs/index.js';
import { createMediaStore } from '../../src/media/store.js';
import type { HousekeepingRepo } from '../../src/store/ports.js';
import { createTestDb } from '../helpers/db.js';

const DAY = 86_400_000;
const at = (iso: string) => Date.parse(iso);
const pack = () => ({ city: { timezone: 'Asia/Shanghai' } }) as ReturnType<HousekeepingDeps['pack']>;

interface Call {
  fn: keyof HousekeepingRepo;
  before: number;
  limit: number;
  /** Fake time when the call was made. */
  when: number;
}

/** A repository that records its calls and removes `counts[fn]` rows (in batches) or throws. */
function fakeRepo(counts: Partial<Record<keyof HousekeepingRepo, number>> = {}, fail: Partial<Record<keyof HousekeepingRepo, () => boolean>> = {}) {
  const calls: Call[] = [];
  const left = { ...counts };
  const method = (fn: keyof HousekeepingRepo) => async (before: number, limit: number) => {
    calls.push({ fn, before, limit, when: Date.now() });
    if (fail[fn]?.()) {
      // Not every driver throws an Error.
      if (fn === 'purgeBindCodes') throw 'connection reset';
      throw new Error(`database is locked (${fn})`);
    }
    const n = Math.min(limit, left[fn] ?? 0);
    left[fn] = (left[fn] ?? 0) - n;
    return n;
  };
  const repo: HousekeepingRepo = {
    purgeOutbox: method('purgeOutbox'),
    purgeWebMessages: method('purgeWebMessages'),
    purgeInboundSeen: method('purgeInboundSeen'),
    purgeConsoleSessions: method('purgeConsoleSessions'),
    purgeBindCodes: method('purgeBindCodes'),
    purgeNumberedChoices: method('purgeNumberedChoices'),
  };
  return { repo, calls };
}

function fakeLogger() {
  const lines: { level: string; obj: unknown; msg: string }[] = [];
  return {
    lines,
    logger: {
      info: (obj: unknown, msg: string) => lines.push({ level: 'info', obj, msg }),
      error: (obj: unknown, msg: string) => lines.push({ level: 'error', obj, msg }),
    } as unknown as HousekeepingDeps['logger'],
  };
}

let job: Housekeeping | undefined;

beforeEach(() => {
  // Wednesday 25 November 2026, 10:00 in the city. setImmediate stays real: the job yields with it
  // between batches.
  vi.useFakeTimers({ now: at('2026-11-25T10:00:00+08:00'), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(async () => {
  await job?.stop();
  job = undefined;
  vi.useRealTimers();
});

describe('housekeeping job', () => {
  it('runs a minute after start, then daily at 03:30 city time, with the configured cutoffs', async () => {
    const { repo, calls } = fakeRepo();
    job = createHousekeeping({ store: { housekeeping: repo }, pack, clock: Date.now }, { retentionDays: 30 });
    job.start();
    await vi.advanceTimersByTimeAsync(59_000);
    expect(calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1_000);
    const first = at('2026-11-25T10:01:00+08:00');
    expect(calls.map((c) => [c.fn, c.before, c.limit])).toEqual([
      ['purgeOutbox', first - 30 * DAY, 500],
      ['purgeWebMessages', first - 30 * DAY, 500],
      ['purgeInboundSeen', first - 7 * DAY, 500],
      ['purgeConsoleSessions', first - DAY, 500],
      ['purgeBindCodes', first - DAY, 500],
      ['purgeNumberedChoices', first - 30 * DAY, 500],
    ]);
    expect(job.nextRunAt(first)).toBe(at('2026-11-26T03:30:00+08:00'));

    calls.length = 0;
    await vi.advanceTimersByTimeAsync(at('2026-11-26T03:29:59+08:00') - Date.now());
    expect(calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls).toHaveLength(6);
    expect(calls[0]).toMatchObject({ when: at('2026-11-26T03:30:00+08:00'), before: at('2026-11-26T03:30:00+08:00') - 30 * DAY });
    // And the day after, at the same local time (19:30 UTC the day before).
    await vi.advanceTimersByTimeAsync(DAY);
    expect(calls.map((c) => c.when)).toContain(at('2026-11-26T19:30:00Z'));
    expect(calls).toHaveLength(12);
  });

  it('deletes in batches until a short one, and logs counts only', async () => {
    const { repo, calls } = fakeRepo({ purgeOutbox: 1200, purgeWebMessages: 3, purgeBindCodes: 1 });
    const { lines, logger } = fakeLogger();
    job = createHousekeeping({ store: { housekeeping: repo }, pack, clock: Date.now, logger }, { schedule: false });
    expect(await job.run()).toEqual({ outbox: 1200, webMessages: 3, inboundSeen: 0, consoleSessions: 0, bindCodes: 1, numberedChoices: 0, media: 0 });
    expect(calls.filter((c) => c.fn === 'purgeOutbox')).toHaveLength(3);
    expect(lines).toEqual([
      {
        level: 'info',
        obj: expect.objectContaining({ removed: { outbox: 1200, webMessages: 3, inboundSeen: 0, consoleSessions: 0, bindCodes: 1, numberedChoices: 0, media: 0 }, retentionDays: 180, failed: 0 }),
        msg: 'housekeeping: old rows removed',
      },
    ]);
  });

  it('over a real store removes what is past the cutoff and logs no message text', async () => {
    const db = createTestDb();
    try {
      const now = Date.now();
      const old = now - 181 * DAY;
      await db.store.webMessages.add({ sessionId: 's', direction: 'in', payload: { kind: 'text', text: '门口垃圾三天没人收' }, createdAt: old });
      await db.store.webMessages.add({ sessionId: 's', direction: 'in', payload: { kind: 'text', text: '今天又堆了' }, createdAt: now - 179 * DAY });
      const sent = (await db.store.outbox.enqueue({ channel: 'web', address: 's', payload: { kind: 'text', text: '您的反映已受理，工单号 20260101-0001' } }, old))!;
      await db.store.outbox.markDelivered(sent, old);
      const waiting = (await db.store.outbox.enqueue({ channel: 'web', address: 's', payload: { kind: 'text', text: '还在重试' } }, old))!;
      await db.store.inboundSeen.markSeen('telegram', '7', now - 8 * DAY);
      await db.store.inboundSeen.markSeen('telegram', '8', now - 6 * DAY);
      const { lines, logger } = fakeLogger();
      job = createHousekeeping({ store: db.store, pack, clock: Date.now, logger }, { schedule: false });
      expect(await job.run()).toEqual({ outbox: 1, webMessages: 1, inboundSeen: 1, consoleSessions: 0, bindCodes: 0, numberedChoices: 0, media: 0 });
      expect((await db.store.webMessages.since('s', 0)).map((m) => m.payload['text'])).toEqual(['今天又堆了']);
      expect(await db.store.outbox.byId(waiting)).toBeDefined();
      expect(await db.store.inboundSeen.markSeen('telegram', '8', now)).toBe(false);
      const logged = JSON.stringify(lines);
      for (const words of ['门口垃圾', '今天又堆了', '受理', '重试', 'telegram']) expect(logged).not.toContain(words);
    } finally {
      await db.cleanup();
    }
  });

  it('over a real store also removes photos only the purged rows named, in the same run, and logs no path', async () => {
    const db = createTestDb();
    try {
      const now = Date.now();
      const old = now - 181 * DAY;
      let savedAt = old;
      const media = createMediaStore({ dir: join(db.dir, 'media'), register: (p) => db.store.mediaFiles.recordSaved(p, savedAt) });
      const save = async (text: string) => {
        const p = await media.save(Buffer.from(text), 'image/jpeg');
        utimesSync(media.absolute(p), new Date(savedAt), new Date(savedAt));
        return p;
      };
      const chatPhoto = await save('网页聊天里发的照片');
      await db.store.webMessages.add({ sessionId: 's', direction: 'in', payload: { kind: 'photo', photo: chatPhoto }, createdAt: old });
      const sentPhoto = await save('发给居民的办结照片');
      const sent = (await db.store.outbox.enqueue({ channel: 'web', address: 's', payload: { kind: 'photo', photo: sentPhoto } }, old))!;
      await db.store.outbox.markDelivered(sent, old);
      const recentChat = await save('最近的聊天照片');
      await db.store.webMessages.add({ sessionId: 's', direction: 'in', payload: { kind: 'photo', photo: recentChat }, createdAt: now - DAY });
      savedAt = now - DAY;
      const justSaved = await save('刚存的照片');
      const { lines, logger } = fakeLogger();
      job = createHousekeeping({ store: db.store, pack, clock: Date.now, logger, media: { repo: db.store.mediaFiles, files: media } }, { schedule: false });
      expect(await job.run()).toEqual({ outbox: 1, webMessages: 1, inboundSeen: 0, consoleSessions: 0, bindCodes: 0, numberedChoices: 0, media: 2 });
      for (const p of [chatPhoto, sentPhoto]) expect(existsSync(media.absolute(p))).toBe(false);
      for (const p of [recentChat, justSaved]) expect(existsSync(media.absolute(p))).toBe(true);
      const logged = JSON.stringify(lines);
      for (const p of [chatPhoto, sentPhoto, recentChat]) expect(logged).not.toContain(p.slice(3, 20));
      expect(lines.at(-1)!.obj).toMatchObject({ removed: { media: 2 }, failed: 0 });
    } finally {
      await db.cleanup();
    }
  });

  it('logs a failing table, still purges the others, and runs again the next day', async () => {
    let broken = true;
    const { repo, calls } = fakeRepo({ purgeWebMessages: 2 }, { purgeOutbox: () => broken });
    const { lines, logger } = fakeLogger();
    job = createHousekeeping({ store: { housekeeping: repo }, pack, clock: Date.now, logger }, { startDelayMs: 1_000 });
    job.start();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls.map((c) => c.fn)).toEqual(['purgeOutbox', 'purgeWebMessages', 'purgeInboundSeen', 'purgeConsoleSessions', 'purgeBindCodes', 'purgeNumberedChoices']);
    expect(lines.map((l) => [l.level, l.msg])).toEqual([
      ['error', 'housekeeping: purge failed; trying again at the next run'],
      ['info', 'housekeeping: old rows removed'],
    ]);
    expect(lines[0]!.obj).toEqual({ table: 'outbox', err: 'database is locked (purgeOutbox)' });
    expect(lines[1]!.obj).toMatchObject({ removed: { webMessages: 2 }, failed: 1 });

    broken = false;
    calls.length = 0;
    await vi.advanceTimersByTimeAsync(at('2026-11-26T03:30:00+08:00') - Date.now());
    expect(calls.map((c) => c.fn)).toContain('purgeOutbox');
    expect(lines.at(-1)!.obj).toMatchObject({ failed: 0 });
  });

  it('keeps its schedule when every table fails, even with a non-Error, and stops on close', async () => {
    const { repo, calls } = fakeRepo({}, { purgeOutbox: () => true, purgeWebMessages: () => true, purgeInboundSeen: () => true, purgeConsoleSessions: () => true, purgeBindCodes: () => true, purgeNumberedChoices: () => true });
    const { lines, logger } = fakeLogger();
    job = createHousekeeping({ store: { housekeeping: repo }, pack, clock: Date.now, logger }, { startDelayMs: 10 });
    job.start();
    job.start(); // a second start schedules nothing more
    await vi.advanceTimersByTimeAsync(10);
    expect(calls).toHaveLength(6);
    expect(lines.find((l) => (l.obj as { table?: string }).table === 'bindCodes')!.obj).toEqual({ table: 'bindCodes', err: 'connection reset' });
    expect(lines.at(-1)!.obj).toMatchObject({ failed: 6 });
    await vi.advanceTimersByTimeAsync(at('2026-11-26T03:30:00+08:00') - Date.now());
    expect(calls).toHaveLength(12);
    await job.stop();
    calls.length = 0;
    await vi.advanceTimersByTimeAsync(3 * DAY);
    expect(calls).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stop() waits for a run in progress, which ends after its current batch', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { repo, calls } = fakeRepo({ purgeOutbox: 10_000 });
    const slow: HousekeepingRepo = {
      ...repo,
      async purgeOutbox(before, limit) {
        const n = await repo.purgeOutbox(before, limit);
        if (calls.length === 2) await gate;
        return n;
      },
    };
    job = createHousekeeping({ store: { housekeeping: slow }, pack, clock: Date.now }, { startDelayMs: 0, batchSize: 100 });
    job.start();
    await vi.advanceTimersByTimeAsync(0);
    await vi.waitFor(() => expect(calls).toHaveLength(2));
    let stopped = false;
    const stopping = job.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    release();
    await stopping;
    // No further batch and no other table after stop().
    expect(calls.map((c) => c.fn)).toEqual(['purgeOutbox', 'purgeOutbox']);
  });

  it('refuses a malformed daily time', () => {
    expect(() => createHousekeeping({ store: { housekeeping: fakeRepo().repo }, pack, clock: Date.now }, { at: '3:30' })).toThrow('HH:MM');
  });
});
