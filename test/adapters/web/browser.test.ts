/**
 * The web chat in headless Chromium against the whole product on a real port: open /chat, report
 * a garbage pile by typing, tapping the bot's chips, sharing the location and attaching a photo,
 * confirm, and see the ticket number on the page. Leaves a screenshot, web-chat.png (see screenshotPath).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotPath, type Browser } from '../../helpers/browser.js';
import { nextMove, TICKET_NUMBER, type BotTurn } from './follow-bot.js';
import { pngImage } from './helpers.js';
import { expectGarbageTicket, garbageCategory, reportPlace, startProduct, type Product } from './product.js';

let product: Product | undefined;
let browser: Browser | undefined;
afterEach(async () => {
  await browser?.close();
  await product?.close();
  browser = product = undefined;
});

/** Waits until the bot has answered the last thing sent and nothing more arrives for a moment. */
async function botTurn(page: Page): Promise<BotTurn> {
  await page.waitForFunction(
    () => {
      const rows = document.querySelectorAll('#log .row:not(.typing-row)');
      const last = rows[rows.length - 1];
      return !!last && last.classList.contains('out') && !document.querySelector('#log .row.pending');
    },
    undefined,
    { timeout: 10_000 },
  );
  let count = -1;
  for (;;) {
    const now = await page.locator('#log .row.out').count();
    if (now === count) break;
    count = now;
    await page.waitForTimeout(600);
  }
  return page.evaluate(() => {
    const rows = Array.from(document.querySelectorAll('#log .row:not(.typing-row)'));
    let i = rows.length;
    while (i > 0 && rows[i - 1]!.classList.contains('out')) i--;
    const outs = rows.slice(i);
    return {
      texts: outs.map((r) => r.querySelector('.bubble')?.textContent ?? ''),
      buttons: outs.flatMap((r) =>
        Array.from(r.querySelectorAll('.chip[data-button]:not(:disabled)')).map((b) => ({
          label: b.textContent ?? '',
          data: b.getAttribute('data-button') ?? '',
        })),
      ),
      requestLocation: outs.some((r) => !!r.querySelector('.chip.loc:not(:disabled)')),
    };
  });
}

describe('web chat in headless Chromium', () => {
  it('a resident reports a garbage pile on the page and sees the ticket number', async () => {
    product = await startProduct();
    const { app } = product;
    const base = await app.server.listen({ port: 0, host: '127.0.0.1' });
    const pack = app.services.pack();
    const category = garbageCategory(pack);
    const place = reportPlace(pack, category);
    const photo = pngImage(640, 480);

    browser = await launchBrowser({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    const { context } = browser;
    await context.grantPermissions(['geolocation'], { origin: base });
    await context.setGeolocation({ latitude: place.lat, longitude: place.lon, accuracy: 15 });
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto(`${base}/chat`);
    await expect(page.title()).resolves.toContain(pack.city.name);
    await botTurn(page); // the greeting the page asks for on a first visit

    await page.fill('#text', '这里的垃圾堆了好几天没人清运，苍蝇乱飞，味道很大');
    await page.click('#send');
    const sent = { location: false, photo: false };
    let ticketNumber: string | undefined;
    let residentMessages = 1;
    const transcript: string[] = [];
    for (let step = 0; step < 15 && !ticketNumber; step++) {
      const turn = await botTurn(page);
      if (step > 0) residentMessages++;
      transcript.push(...turn.texts.map((t) => `bot: ${t}`));
      const move = nextMove(turn, sent, category.name);
      transcript.push(`resident: ${JSON.stringify(move)}`);
      if (move.kind === 'done') ticketNumber = move.ticketNumber;
      else if (move.kind === 'location') {
        sent.location = true;
        const chip = page.locator('#log .chip.loc:not(:disabled)').last();
        await ((await chip.count()) ? chip.tap() : page.tap('#locate'));
      } else if (move.kind === 'photo') {
        sent.photo = true;
        await page.tap('#pick');
        await page.setInputFiles('#album', { name: '垃圾堆.png', mimeType: 'image/png', buffer: photo });
      } else if (move.kind === 'button') {
        await page.locator(`#log .chip[data-button="${move.button.data}"]:not(:disabled)`).last().tap();
      } else throw new Error(`${move.why}\n${transcript.join('\n')}`);
    }
    expect(ticketNumber, transcript.join('\n')).toMatch(TICKET_NUMBER);
    expect(sent).toEqual({ location: true, photo: true });
    await expect(page.locator('#log .row.out .bubble', { hasText: ticketNumber! }).count()).resolves.toBeGreaterThan(0);
    // Each message the resident sent shows once, confirmed (no "sending" or error left).
    await expect(page.locator('#log .row.in').count()).resolves.toBe(residentMessages);
    await expect(page.locator('#log .meta.error').count()).resolves.toBe(0);
    expect(errors).toEqual([]);

    await page.screenshot({ path: screenshotPath('docs/screenshots/web-chat.png') });
    await expectGarbageTicket(product, ticketNumber!, place, photo);

    // A reload rebuilds the conversation from the server: same bubbles, the photo served back.
    await page.reload();
    await page.locator('#log .row.out .bubble', { hasText: ticketNumber! }).waitFor();
    await expect(page.locator('#log .row.in').count()).resolves.toBe(residentMessages);
    const width = await page
      .locator('#log .row.in img')
      .first()
      .evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : new Promise((r) => (img.onload = () => r(img.naturalWidth)))));
    expect(width).toBe(640);
  }, 120_000);
});
