/**
 * End to end through the whole product: real telegraf over HTTP against the fake Bot API, the
 * webhook route in the product's fastify server, the conversation engine and flows, the ticket
 * service, SQLite and the outbox. The resident presses the buttons the bot sends.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Pack } from '../../../src/pack/schema.js';
import type { SentMessage } from '../../helpers/fake-bot-api.js';
import { expectGarbageTicket, garbageCategory, reportPlace } from '../../helpers/garbage-report.js';
import { makePng } from '../../helpers/test-image.js';
import { SECRET, asksForLocation, buttonsOf, describe as show, startProduct, type Product } from './product.js';
import { callbackUpdate, locationUpdate, photoUpdate, textUpdate } from './updates.js';

const REPORT_TEXT = '这里的垃圾堆了好几天没人清运，苍蝇乱飞，臭得很';

let product: Product | undefined;
afterEach(async () => {
  await product?.close();
  product = undefined;
});

/** The garbage category and a place for the report, as the loaded pack defines them. */
function expectations(pack: Pack) {
  const category = garbageCategory(pack);
  const place = reportPlace(pack, category);
  return { category, place, area: place.area, unitId: place.unit, lat: place.lat, lon: place.lon };
}

class Resident {
  private seen = 0;
  constructor(
    private readonly p: Product,
    readonly userId: number,
  ) {}

  /** Delivers an update as Telegram's webhook would, then lets the outbox send the replies. */
  async send(update: Record<string, unknown>): Promise<SentMessage[]> {
    const res = await this.p.api.postUpdate(this.p.webhookUrl, { update_id: this.p.api.nextUpdateId(), ...update }, SECRET);
    expect(res.status, res.body).toBe(200);
    return this.replies();
  }

  async replies(): Promise<SentMessage[]> {
    await this.p.app.dispatcher.drain();
    const fresh = this.p.api.sentTo(this.userId).slice(this.seen);
    this.seen += fresh.length;
    return fresh;
  }
}

/**
 * Reports a garbage pile with a pin and a photo, answering each question from the buttons the bot
 * shows. Stops when the bot shows the confirm button (returned) or sends the ticket number.
 */
async function report(p: Product, who: Resident, png: Buffer, stopAtConfirm: boolean) {
  const x = expectations(p.app.services.pack());
  const categoryButtons = [`rep:cat:${x.category.id}`, `rep:ci:${p.app.services.pack().categories.indexOf(x.category)}`];
  const photo = p.api.addFile(png, `photos/file_${who.userId}.png`);
  const transcript: SentMessage[] = [];
  let sentLocation = false;
  let sentPhoto = false;
  let fresh = await who.send(textUpdate(REPORT_TEXT, { userId: who.userId }));
  for (let turn = 0; turn < 12; turn++) {
    transcript.push(...fresh);
    const buttons = buttonsOf(fresh);
    const texts = fresh.map((m) => m.text ?? '').join('\n');
    if (/\d{8}-\d{4}/.test(texts)) return { transcript, x };
    const press = (data: string) => who.send(callbackUpdate(data, { userId: who.userId }));
    const category = buttons.find((b) => categoryButtons.includes(b));
    if (category) fresh = await press(category);
    else if (asksForLocation(fresh) && !sentLocation) {
      sentLocation = true;
      fresh = await who.send(locationUpdate(x.lat, x.lon, { userId: who.userId }));
    } else if (buttons.includes('rep:ok')) {
      if (stopAtConfirm) return { transcript, x };
      fresh = await press('rep:ok');
    } else if ((buttons.includes('rep:skip') || buttons.includes('rep:done')) && !sentPhoto) {
      sentPhoto = true;
      fresh = await who.send(photoUpdate(photo.file_id, { userId: who.userId }));
    } else if (buttons.includes('rep:done')) fresh = await press('rep:done');
    else throw new Error(`the resident does not know how to answer:\n${show(fresh)}\n\nconversation so far:\n${show(transcript)}`);
  }
  throw new Error(`no ticket number after 12 turns:\n${show(transcript)}`);
}

describe('telegram end to end', () => {
  it('a resident reports a garbage pile with a pin and a photo and gets a ticket number', async () => {
    product = await startProduct('webhook');
    const p = product;
    expect(p.app.channels).toContain('telegram');
    expect(p.api.webhook()).toEqual({ url: 'https://weicheng.example.org/webhooks/telegram', secret: SECRET });
    const who = new Resident(p, 7601);
    const png = makePng(32, 24, 7);
    const { transcript, x } = await report(p, who, png, false);

    const tickets = await p.app.store.tickets.list({});
    expect(tickets).toHaveLength(1);
    const t = tickets[0]!;
    expect(t.text).toContain(REPORT_TEXT);
    const photos = await p.app.store.tickets.photos(t.id);
    expect(photos).toHaveLength(1);
    expect(photos[0]?.mime).toBe('image/png');
    expectGarbageTicket(p.app.services.pack(), t, photos, p.app.config.mediaDir, { channel: 'telegram', place: x.place, photo: png, precision: 6 });

    // The receipt names the number and the responsible unit, in the resident's chat.
    const unitName = p.app.services.pack().units.find((u) => u.id === x.unitId)!.name;
    const receipts = transcript.filter((m) => m.text?.includes(t.number));
    expect(receipts).toHaveLength(1);
    expect(receipts[0]?.text).toContain(unitName);
    // Every button press was answered, so no client spinner is left turning.
    const presses = p.api.callsTo('answerCallbackQuery');
    expect(presses.length).toBeGreaterThan(0);
    expect(presses.every((c) => c.outcome === 'ok')).toBe(true);
  });

  it('the same update delivered three times at once files one ticket and sends one receipt', async () => {
    product = await startProduct('webhook');
    const p = product;
    const who = new Resident(p, 7602);
    const { transcript } = await report(p, who, makePng(20, 20, 8), true);
    expect(buttonsOf(transcript)).toContain('rep:ok');
    const sentBefore = p.api.sentTo(7602).length;

    const confirm = { update_id: p.api.nextUpdateId(), ...callbackUpdate('rep:ok', { userId: 7602 }) };
    const results = await Promise.all([1, 2, 3].map(() => p.api.postUpdate(p.webhookUrl, confirm, SECRET)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    const fresh = await who.replies();

    const tickets = await p.app.store.tickets.list({});
    expect(tickets).toHaveLength(1);
    const number = tickets[0]!.number;
    expect(fresh.filter((m) => m.text?.includes(number))).toHaveLength(1);
    // Nothing else went out twice either.
    const texts = fresh.map((m) => m.text ?? m.caption ?? '');
    expect(new Set(texts).size).toBe(texts.length);
    expect(p.api.sentTo(7602).length - sentBefore).toBe(fresh.length);
  });

  it('polling mode carries a message in and the reply out', async () => {
    product = await startProduct('polling');
    const p = product;
    expect(p.api.callsTo('deleteWebhook')).toHaveLength(1);
    const u = p.api.pushUpdate(textUpdate(REPORT_TEXT, { userId: 7603 }));
    await p.api.waitForCall('sendMessage', (c) => String(c.params.chat_id) === '7603' && c.outcome === 'ok', 15_000);
    const seen = await p.app.store.inboundSeen.markSeen('telegram', `u${u.update_id}`, Date.now());
    expect(seen).toBe(false);
    expect(p.api.sentTo(7603)[0]?.text?.trim().length).toBeGreaterThan(0);
    await p.api.waitForCall('getUpdates', (c) => Number(c.params.offset) === u.update_id + 1);
  });
});
