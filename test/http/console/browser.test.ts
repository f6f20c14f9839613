/**
 * The console in headless Chromium on a real port, with the demo pack: an officer logs in, sees
 * only their unit's tickets with live countdowns, opens one, accepts it and resolves it with a
 * note and a photo. Leaves console-list.png and console-ticket.png (see screenshotPath).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Pack } from '../../../src/pack/schema.js';
import type { Ticket } from '../../../src/store/ports.js';
import { launchBrowser, screenshotPath, type Browser } from '../../helpers/browser.js';
import { makePng } from '../../helpers/test-image.js';
import { consoleHarness, PASSWORD, type ConsoleHarness } from './helpers.js';

let h: ConsoleHarness | undefined;
let browser: Browser | undefined;
afterEach(async () => {
  await browser?.close();
  await h?.close();
  h = browser = undefined;
});

/** The middle of an area's bounding box (the demo areas are rectangles or convex). */
function inside(pack: Pack, areaId: string): { lat: number; lon: number } {
  const ring = pack.areas.find((a) => a.id === areaId)?.polygon ?? [];
  const lons = ring.map((p) => p[0]);
  const lats = ring.map((p) => p[1]);
  return { lon: (Math.min(...lons) + Math.max(...lons)) / 2, lat: (Math.min(...lats) + Math.max(...lats)) / 2 };
}

describe('office console in headless Chromium', () => {
  it('an officer logs in, opens a ticket of their unit, accepts and resolves it', async () => {
    h = await consoleHarness({ packFile: 'packs/demo/pack.yaml', start: '2026-11-24T15:40:00+08:00' });
    const pack = h.pack;
    const garbage = pack.categories.find((c) => c.id === 'garbage') ?? pack.categories[0]!;
    const areas = pack.areas.filter((a) => a.polygon && a.units[garbage.id] === undefined).map((a) => a.id);
    const residents = await Promise.all(['1001', '1002', '1003', '1004'].map((id) => h!.resident('telegram', id)));
    const reports: [string, string, number][] = [
      ['小区东门的垃圾桶满得盖不上，袋子堆到了人行道上', areas[1] ?? areas[0]!, 0],
      ['菜场后面的垃圾池好几天没清运，味道很大', areas[2] ?? areas[0]!, 1],
      ['路边绿化带里被人倒了一堆装修垃圾', areas[0]!, 2],
      ['公交站旁的果壳箱早就满了，瓶子滚了一地', areas[3] ?? areas[0]!, 3],
    ];
    const mine: Ticket[] = [];
    for (const [i, [text, area, who]] of reports.entries()) {
      const photo = await h.media.save(makePng(480, 360, i + 2), 'image/png');
      mine.push(
        await h.tickets.file({
          resident: residents[who]!,
          text,
          categoryId: garbage.id,
          location: { ...inside(pack, area), crs: 'wgs84' },
          photos: [{ path: photo, mime: 'image/png' }],
        }),
      );
      h.clock.now += 47 * 60_000;
    }
    const unitId = mine[0]!.unitId;
    expect(mine.every((t) => t.unitId === unitId)).toBe(true);
    const other = await h.tickets.file({ resident: residents[0]!, text: '夜里广场舞音响声音太大', categoryId: pack.categories.find((c) => c.unit !== unitId)!.id });
    expect(other.unitId).not.toBe(unitId);
    h.clock.now = Date.parse('2026-11-25T10:20:00+08:00'); // the first day's tickets are now past their acceptance deadline
    await h.addStaff('wang', unitId, 'officer', '王建国');

    const base = await h.server.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser({ viewport: { width: 1280, height: 760 } });
    const { context } = browser;
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const outside: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(base) && !r.url().startsWith('data:')) outside.push(r.url());
    });

    await page.goto(`${base}/console`);
    expect(page.url()).toBe(`${base}/console/login?next=%2Fconsole`);
    await page.fill('input[name=login]', 'wang');
    await page.fill('input[name=password]', 'wrong password');
    await page.click('button[type=submit]');
    await page.waitForSelector('#login-error:has-text("账号或密码错误")');
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(`${base}/console`);
    await page.waitForSelector('#rows tr[data-number]');
    const numbers = await page.locator('#rows tr[data-number]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-number')));
    expect(numbers).toEqual(mine.map((t) => t.number).reverse());
    expect(numbers).not.toContain(other.number);
    // The countdown moves every second.
    const due = page.locator(`#rows tr[data-number="${mine[3]!.number}"] .due`);
    const first = await due.textContent();
    expect(first).toMatch(/^接单剩余 \d/);
    await page.waitForFunction((t) => document.querySelector('#rows tr:first-child .due')?.textContent !== t, first, { timeout: 3000 });
    await page.waitForSelector(`#rows tr[data-number="${mine[0]!.number}"] .due.late:has-text("接单已超时")`);
    await page.screenshot({ path: screenshotPath('docs/console-list.png'), fullPage: true });

    const target = mine[1]!;
    await page.click(`#rows tr[data-number="${target.number}"] a`);
    await page.waitForURL(`${base}/console/tickets/${target.number}`);
    await page.waitForSelector('.ticket-page .title h1');
    await page.waitForFunction(() => Array.from(document.images).every((i) => i.complete && i.naturalWidth > 0));
    await page.click('button[data-action=accept]');
    await page.click('form[data-form=accept] button[type=submit]');
    await page.waitForSelector('.flash.ok:has-text("已接单")');
    await page.waitForSelector('.ticket-page .title .badge:text-is("办理中")');

    await page.click('button[data-action=resolve]');
    await page.fill('form[data-form=resolve] textarea[name=note]', '已安排环卫车清运，垃圾池已冲洗消毒，今后每天早晚各清运一次。');
    await page.setInputFiles('form[data-form=resolve] input[name=photo]', { name: 'after.png', mimeType: 'image/png', buffer: makePng(480, 360, 9) });
    await page.screenshot({ path: screenshotPath('docs/console-ticket.png'), fullPage: true });
    await page.click('form[data-form=resolve] button[type=submit]');
    await page.waitForSelector('.flash.ok:has-text("已办结")');
    await page.waitForSelector('.ticket-page .title .badge:text-is("已办结")');
    await page.waitForFunction(() => document.querySelectorAll('.photos img').length === 2);

    const wang = (await h.staff.byLogin('wang'))!;
    const after = (await h.tickets.byId(target.id))!;
    expect(after.state).toBe('resolved');
    const events = await h.tickets.history(target.id);
    expect(events.slice(-2).map((e) => [e.type, e.actor])).toEqual([
      ['accept', `staff:${wang.id}`],
      ['resolve', `staff:${wang.id}`],
    ]);
    expect(events.at(-1)?.note).toContain('已安排环卫车清运');
    expect((await h.tickets.photos(target.id)).map((p) => p.source)).toEqual(['resident', 'office']);

    // Another unit's ticket, typed into the address bar: refused on the page too.
    await page.goto(`${base}/console/tickets/${other.number}`);
    await page.waitForSelector('#ticket .error:has-text("不属于本单位")');
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
  });
});
