/**
 * The console's summary page in headless Chromium: the 导出 CSV link follows the period the table
 * shows (not dates typed but not yet submitted), and clicking it downloads that period's CSV.
 */
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { launchBrowser, type Browser } from '../../helpers/browser.js';
import { consoleHarness, PASSWORD, type ConsoleHarness } from './helpers.js';

let h: ConsoleHarness | undefined;
let browser: Browser | undefined;
afterEach(async () => {
  await browser?.close();
  await h?.close();
  browser = undefined;
  h = undefined;
});

describe('the summary page of the console', () => {
  it('exports the period on show as CSV', async () => {
    h = await consoleHarness({ start: '2026-11-20T10:00:00+08:00' });
    const resident = await h.resident();
    await h.tickets.file({ resident, text: '垃圾堆了好几天没人清运' });
    h.clock.now = Date.parse('2026-11-25T10:00:00+08:00');
    await h.addStaff('zhou', 'hub', 'supervisor', '周督办');

    const base = await h.server.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser({ viewport: { width: 1280, height: 760 }, acceptDownloads: true });
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto(`${base}/console/summary`);
    await page.fill('input[name=login]', 'zhou');
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(`${base}/console/summary`);
    const link = page.locator('#export');
    // The server's default period (this month so far), once the table has it.
    await page.waitForSelector('#period-label:has-text("2026-11-01 至 2026-11-25")');
    await expect(link.isVisible()).resolves.toBe(true);
    await expect(link.getAttribute('href')).resolves.toBe('/console/api/summary.csv?from=2026-11-01&to=2026-11-25');

    // Typing dates changes nothing until the table is recounted for them.
    await page.fill('input[name=from]', '2026-11-21');
    await page.fill('input[name=to]', '2026-11-24');
    await expect(link.getAttribute('href')).resolves.toBe('/console/api/summary.csv?from=2026-11-01&to=2026-11-25');
    await page.click('#period button[type=submit]');
    await page.waitForSelector('#period-label:has-text("2026-11-21 至 2026-11-24")');
    await expect(link.getAttribute('href')).resolves.toBe('/console/api/summary.csv?from=2026-11-21&to=2026-11-24');
    await expect(page.locator('#rows tr.total td').nth(1).textContent()).resolves.toBe('0');

    await page.fill('input[name=from]', '2026-11-20');
    await page.click('#period button[type=submit]');
    await page.waitForSelector('#period-label:has-text("2026-11-20 至 2026-11-24")');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('summary-2026-11-20-2026-11-24.csv');
    const csv = await readFile(await download.path());
    expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = csv.toString('utf8').replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('单位,受理,按时接单,按时接单率,按时办结,按时办结率,办结,办结率,评价数,满意率');
    expect(lines).toContain('县环卫站,1,0,0.0%,0,0.0%,0,0.0%,0,');
    expect(lines).toContain('合计,1,0,0.0%,0,0.0%,0,0.0%,0,');

    // A period the server refuses: no link to a file that would not match the (error) table.
    await page.fill('input[name=from]', '2026-11-30');
    await page.click('#period button[type=submit]');
    await page.waitForSelector('#rows .error');
    await expect(link.isHidden()).resolves.toBe(true);
    expect(errors).toEqual([]);
  });
});
