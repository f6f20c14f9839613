import { afterEach, describe, expect, it } from 'vitest';
import { localParts } from '../../src/calendar/zoned-time.js';
import { parseQuietHours, quietUntil } from '../../src/campaigns/index.js';
import { harness, MONDAY_10H, seed, type Harness } from './helpers.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.service.stop();
  await h?.dispatcher.stop();
  await h?.db.cleanup();
  h = undefined;
});

const HOUR = 3_600_000;
/** Shanghai wall time on Monday 2026-11-30 (UTC+8, no DST). */
const shanghai = (hh: number, mm = 0) => Date.UTC(2026, 10, 30, hh - 8, mm);

describe('quiet hours', () => {
  it('knows the window in city time, across midnight, and can be turned off', () => {
    const q = parseQuietHours('21:30-08:00');
    expect(quietUntil(shanghai(21, 29), 'Asia/Shanghai', q)).toBeUndefined();
    expect(quietUntil(shanghai(21, 30), 'Asia/Shanghai', q)).toBe(shanghai(24 + 8));
    expect(quietUntil(shanghai(3), 'Asia/Shanghai', q)).toBe(shanghai(8));
    expect(quietUntil(shanghai(8), 'Asia/Shanghai', q)).toBeUndefined();
    // The same instant is 08:00 in Shanghai but 19:00 the day before in New York: not quiet there.
    expect(quietUntil(shanghai(3), 'America/New_York', q)).toBeUndefined();
    expect(parseQuietHours('off')).toBeUndefined();
    expect(() => parseQuietHours('22-7')).toThrow(/21:30-08:00/);
  });

  it('defers a run that starts at night to the morning, then sends it', async () => {
    h = await harness({ now: shanghai(22, 15) });
    await seed(h.store, 5, h.clock.now());
    await h.service.create({ id: 'night', name: 'n', text: '明早检查', schedule: '15 22 * * *' });
    const run = (await h.service.fire('night', h.clock.now()))!;
    const r = await h.service.step(run.id);
    expect(r.state).toBe('quiet');
    await h.dispatcher.drain();
    expect(h.sender.calls).toHaveLength(0);
    expect((await h.store.outbox.counts()).pending).toBe(0);
    const status = await h.service.status('night');
    expect(status?.quietUntil).toBe(shanghai(24 + 8));
    expect(status?.pending).toBe(5);

    h.clock.t = shanghai(24 + 7, 59);
    expect((await h.service.step(run.id)).state).toBe('quiet');
    h.clock.t = shanghai(24 + 8);
    await h.runToEnd(run.id);
    expect(h.sender.calls).toHaveLength(5);
    expect(h.sender.calls.every((c) => c.at >= shanghai(24 + 8))).toBe(true);
  });

  it('takes its window from the options', async () => {
    h = await harness({ now: shanghai(22, 15), service: { quietHours: 'off' } });
    await seed(h.store, 2, h.clock.now());
    await h.service.create({ id: 'night', name: 'n', text: 't', schedule: '15 22 * * *' });
    const run = (await h.service.fire('night', h.clock.now()))!;
    await h.runToEnd(run.id);
    expect(h.sender.calls).toHaveLength(2);
  });
});

describe('scheduling', () => {
  it('registers a cron task per active campaign in the city time zone', async () => {
    h = await harness({ now: Date.now() });
    await h.service.create({ id: 'weekly', name: 'w', text: 't', schedule: '0 9 * * 1' });
    await h.service.create({ id: 'daily', name: 'd', text: 't', schedule: '30 7 * * *' });
    await h.service.start();
    const next = h.service.cronTask('weekly')?.getNextRun();
    expect(next).toBeInstanceOf(Date);
    const p = localParts(next!.getTime(), 'Asia/Shanghai');
    expect([p.hour, p.minute]).toEqual([9, 0]);
    expect(new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay()).toBe(1);
    // 09:00 in Shanghai is 01:00 UTC: the task does not run in the server's zone.
    expect(next!.getUTCHours()).toBe(1);
    const daily = h.service.cronTask('daily')!.getNextRun()!;
    expect(localParts(daily.getTime(), 'Asia/Shanghai')).toMatchObject({ hour: 7, minute: 30 });
    expect(daily.getTime() - Date.now()).toBeLessThanOrEqual(24 * HOUR);
    expect((await h.service.get('weekly')).nextRunAt).toBe(next!.getTime());

    // A change re-registers; a pause unregisters.
    await h.service.update('daily', { schedule: '45 6 * * *' });
    expect(localParts(h.service.cronTask('daily')!.getNextRun()!.getTime(), 'Asia/Shanghai')).toMatchObject({ hour: 6, minute: 45 });
    await h.service.pause('daily');
    expect(h.service.cronTask('daily')).toBeUndefined();
    await h.service.resume('daily');
    expect(h.service.cronTask('daily')).toBeDefined();
  });

  it('rejects a schedule that is not a 5-field cron expression, naming it', async () => {
    h = await harness();
    await expect(h.service.create({ id: 'bad', name: 'b', text: 't', schedule: '0 0 9 * * 1' })).rejects.toThrow(/schedule: "0 0 9 \* \* 1" is not a 5-field cron/);
    await expect(h.service.create({ id: 'bad', name: 'b', text: 't', schedule: 'every monday' })).rejects.toThrow(/5-field/);
    await expect(h.service.create({ id: 'bad', name: 'b', text: 't' })).rejects.toThrow(/exactly one of schedule/);
  });

  it('runs a firing missed while down once at start when less than an hour late', async () => {
    h = await harness({ now: shanghai(8) });
    await h.service.create({ id: 'weekly', name: 'w', text: 't', schedule: '0 9 * * 1' });
    await seed(h.store, 3, h.clock.now());
    await h.service.stop();
    // The service comes back at 09:40: the 09:00 firing is 40 minutes late.
    h.clock.t = shanghai(9, 40);
    await h.service.start();
    const [run] = await h.store.campaigns.runs('weekly');
    expect(run).toMatchObject({ scheduledFor: shanghai(9), status: expect.stringMatching(/preparing|sending|done/) });
    h.dispatcher.start();
    await h.service.idle();
    expect(h.sender.calls).toHaveLength(3);
    // A second start does not run it again.
    await h.service.stop();
    await h.service.start();
    expect(await h.store.campaigns.runs('weekly')).toHaveLength(1);
  });

  it('skips and logs a firing more than an hour late', async () => {
    h = await harness({ now: shanghai(8) });
    await h.service.create({ id: 'weekly', name: 'w', text: 't', schedule: '0 9 * * 1' });
    h.clock.t = shanghai(10, 5);
    await h.service.start();
    const [run] = await h.store.campaigns.runs('weekly');
    expect(run).toMatchObject({ scheduledFor: shanghai(9), status: 'skipped' });
    expect(h.logs.some((l) => l.includes('missed run skipped') && l.includes('"lateMinutes":65'))).toBe(true);
    await h.service.idle();
    await h.dispatcher.drain();
    expect(h.sender.calls).toHaveLength(0);
  });

  it('does not owe a firing from before the campaign existed, and fires a late `at` campaign once', async () => {
    h = await harness({ now: shanghai(9, 30) });
    await h.service.create({ id: 'weekly', name: 'w', text: 't', schedule: '0 9 * * 1' });
    await h.service.create({ id: 'once', name: 'o', text: 't', at: '2026-11-30T09:45:00+08:00' });
    h.clock.t = shanghai(10);
    await h.service.start();
    expect(await h.store.campaigns.runs('weekly')).toHaveLength(0);
    expect((await h.store.campaigns.runs('once'))[0]?.scheduledFor).toBe(shanghai(9, 45));
    await h.service.stop();
    await h.service.create({ id: 'later', name: 'l', text: 't', at: '2026-12-01T09:00:00+08:00' });
    await h.service.start();
    expect((await h.service.get('later')).nextRunAt).toBe(Date.UTC(2026, 11, 1, 1));
  });
});

void MONDAY_10H;
