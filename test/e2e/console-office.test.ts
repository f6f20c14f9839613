/**
 * The office loop in the console, in headless Chromium on the product's real port: a resident
 * reports on Telegram, an officer of the unit logs in, sees the ticket (with the number of
 * residents who reported it), accepts and resolves it with a note; the resident is told and
 * asked to rate, answers 不满意, and the ticket is back with the same unit, as the console shows.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { zhCN } from '../../src/i18n/zh-CN.js';
import { launchBrowser, type Browser } from '../helpers/browser.js';
import { E2E_TIMEOUT_MS, REPORT_TEXT, TelegramResident, buttonsOf, garbageUnit, startOfficeProduct, textOf, type OfficeProduct } from './product.js';

const PASSWORD = 'correct horse battery';

let p: OfficeProduct | undefined;
let browser: Browser | undefined;
afterEach(async () => {
  await browser?.close();
  await p?.close();
  p = browser = undefined;
});

describe('office loop in the console', () => {
  it('accept and resolve in the browser; the resident rates 不满意 and the ticket is reopened to the unit', async () => {
    p = await startOfficeProduct();
    const unit = garbageUnit(p.app.services.pack());
    // A place in the city whose garbage goes to the category's own unit, named in the report.
    const place = p.app.services.pack().areas.find((a) => {
      const r = p!.app.services.router.route({ text: `${a.name}${REPORT_TEXT}` });
      return r.area === a.id && r.unit === unit.id;
    });
    if (!place) throw new Error('the demo pack has no area whose garbage goes to the garbage unit');
    const resident = new TelegramResident(p, 8401);
    const t = await resident.report(`${place.name}${REPORT_TEXT}`);
    expect(t).toMatchObject({ unitId: unit.id, areaId: place.id });
    // A second resident reports the same problem in the same place and follows the first ticket instead.
    const neighbour = new TelegramResident(p, 8402);
    const offer = await neighbour.text(`${place.name}垃圾堆了好几天没人清运，臭得很`);
    let fresh = offer;
    for (let i = 0; i < 8 && !buttonsOf(fresh).includes('rep:follow'); i++) {
      const b = buttonsOf(fresh);
      if (b.includes('rep:cat:garbage')) fresh = await neighbour.press('rep:cat:garbage');
      else if (b.includes('rep:change') || b.includes('rep:skip')) fresh = await neighbour.press('rep:skip');
      else if (b.includes('rep:done')) fresh = await neighbour.press('rep:done');
      else break;
    }
    expect(fresh.map(textOf).join('\n')).toContain(zhCN.duplicate.offer({ number: t.number, state: zhCN.ticket.states.assigned, when: p.app.services.formatTime('zh-CN', t.createdAt) }));
    expect((await neighbour.press('rep:follow')).map(textOf)).toEqual([zhCN.duplicate.followed({ number: t.number })]);
    expect(await p.app.store.tickets.list({})).toHaveLength(1);
    // The unit's group learns that one more resident reported it.
    expect(p.sent(Number(unit.contacts.telegram_chat)).map(textOf)).toContain(zhCN.office.followerJoined({ number: t.number, count: 2 }));

    await p.app.staff.add({ login: 'chen', name: '陈科长', unitId: unit.id, role: 'officer', password: PASSWORD });
    browser = await launchBrowser();
    const { context } = browser;
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto(`${p.base}/console`);
    await page.fill('input[name=login]', 'chen');
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(`${p.base}/console`);
    const row = page.locator(`#rows tr[data-number="${t.number}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('共 2 人反映');
    await row.locator('a').click();
    await page.waitForURL(`${p.base}/console/tickets/${t.number}`);
    await page.waitForSelector('dd:has-text("已有 2 位居民反映")');

    resident.fresh();
    neighbour.fresh();
    await page.click('button[data-action=accept]');
    await page.click('form[data-form=accept] button[type=submit]');
    await page.waitForSelector('.flash.ok:has-text("已接单")');
    await p.app.dispatcher.drain();
    expect(resident.fresh().map(textOf)).toEqual([zhCN.ticket.accepted({ number: t.number, unit: unit.name })]);
    // The follower hears it too.
    expect(neighbour.fresh().map(textOf)).toEqual([zhCN.ticket.accepted({ number: t.number, unit: unit.name })]);

    await page.click('button[data-action=resolve]');
    await page.fill('form[data-form=resolve] textarea[name=note]', '垃圾已全部清运，周边消杀完毕');
    await page.click('form[data-form=resolve] button[type=submit]');
    await page.waitForSelector('.flash.ok:has-text("已办结")');
    await p.app.dispatcher.drain();
    const told = resident.fresh();
    expect(told.map(textOf)).toEqual([zhCN.ticket.resolved({ number: t.number, unit: unit.name, note: '垃圾已全部清运，周边消杀完毕' })]);
    expect(buttonsOf(told)).toContain(`rate:unsatisfied:${t.number}`);
    // A follower is told it was resolved, but only the reporter rates.
    const followerTold = neighbour.fresh();
    expect(followerTold.map(textOf)).toEqual([zhCN.ticket.resolvedFollower({ number: t.number, unit: unit.name, note: '垃圾已全部清运，周边消杀完毕' })]);
    expect(buttonsOf(followerTold)).toEqual([]);

    await resident.press(`rate:unsatisfied:${t.number}`);
    expect((await p.app.tickets.byId(t.id))!).toMatchObject({ state: 'reopened', unitId: unit.id });
    await page.reload();
    await page.waitForSelector('.ticket-page .title .badge:text-is("重新办理")');
    expect(errors).toEqual([]);
  }, E2E_TIMEOUT_MS);
});
