/**
 * The console's FAQ page in headless Chromium: a supervisor sees what residents asked that the bot
 * did not answer, with the entry each question most resembles already chosen, adds the wording to
 * that entry in one click (stored, and gone from the list on reload), and tries a question. An
 * officer sees the list but cannot change it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotPath, type Browser } from '../../helpers/browser.js';
import { consoleHarness, PASSWORD, type ConsoleHarness } from './helpers.js';

let h: ConsoleHarness | undefined;
let browser: Browser | undefined;
afterEach(async () => {
  await browser?.close();
  await h?.close();
  browser = undefined;
  h = undefined;
});

describe('the FAQ page of the console', () => {
  it("a supervisor adds a resident's unanswered wording to the entry it resembles", async () => {
    h = await consoleHarness({ packFile: 'packs/demo/pack.yaml', faq: true });
    const kb = h.kb!;
    await kb.feedback({ kind: 'unanswered', question: '旧沙发不要了往哪搁', faqId: null, residentId: 1, ticketId: null });
    await kb.feedback({ kind: 'unanswered', question: '旧沙发不要了往哪搁？', faqId: null, residentId: 2, ticketId: null });
    await kb.feedback({ kind: 'unhelpful', question: '楼下饭店油烟太大', faqId: 'dance-volume', residentId: 3, ticketId: null });
    await h.addStaff('zhou', h.pack.city.dispatcher, 'supervisor', '周督办');
    await h.addStaff('wang', h.pack.units[1]!.id, 'officer', '王经办');

    const base = await h.server.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser({ viewport: { width: 1280, height: 760 } });
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto(`${base}/console/faq`);
    await page.fill('input[name=login]', 'zhou');
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(`${base}/console/faq`);
    await expect(page.locator('header nav a.active').textContent()).resolves.toBe('常见问题');

    const sofa = page.locator('#gaps tr', { hasText: '旧沙发不要了往哪搁' });
    await sofa.waitFor();
    await expect(page.locator('#gaps tr').count()).resolves.toBe(2);
    await expect(sofa.locator('td').nth(1).textContent()).resolves.toBe('2 次');
    // The engine's best candidate is chosen already, never the entry residents found unhelpful.
    await expect(sofa.locator('select').inputValue()).resolves.toBe('large-items');
    await expect(page.locator('#gaps tr', { hasText: '油烟' }).locator('select').inputValue()).resolves.not.toBe('dance-volume');

    await sofa.locator('button', { hasText: '加入说法' }).click();
    await sofa.locator('.status', { hasText: '已加入「不要的旧家具和装修废料该怎么扔？」' }).waitFor();
    // The newest wording of the group is the one stored.
    expect(kb.entry('large-items')?.variants).toContain('旧沙发不要了往哪搁？');
    await page.screenshot({ path: screenshotPath('docs/console-faq.png'), fullPage: true });

    await page.reload();
    await page.locator('#gaps tr', { hasText: '油烟' }).waitFor();
    await expect(page.locator('#gaps tr').count()).resolves.toBe(1);

    await page.fill('#try input[name=text]', '旧沙发不要了往哪搁');
    await page.click('#try button[type=submit]');
    await page.locator('#try-result', { hasText: '回答：不要的旧家具和装修废料该怎么扔？' }).waitFor();
    expect(errors).toEqual([]);

    // An officer reads the same list but its controls are off (the API refuses them too).
    await page.click('#logout');
    await page.waitForURL(/\/console\/login/);
    await page.goto(`${base}/console/faq`);
    await page.fill('input[name=login]', 'wang');
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(`${base}/console/faq`);
    const row = page.locator('#gaps tr', { hasText: '油烟' });
    await row.waitFor();
    await expect(row.locator('button').isDisabled()).resolves.toBe(true);
    await expect(page.locator('.hint', { hasText: '经办人只能查看' }).count()).resolves.toBe(1);
  });

  it('is not offered when the console serves no FAQ admin', async () => {
    h = await consoleHarness({ packFile: 'packs/demo/pack.yaml' });
    await h.addStaff('zhou', h.pack.city.dispatcher, 'supervisor');
    const cookie = await h.login('zhou');
    const res = await h.server.inject({ method: 'GET', url: '/console/faq', headers: { cookie } });
    expect(res.statusCode).toBe(404);
    const list = await h.server.inject({ method: 'GET', url: '/console', headers: { cookie } });
    expect(list.body).not.toContain('/console/faq');
  });
});
