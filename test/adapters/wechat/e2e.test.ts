/**
 * End to end through the whole product: real wechaty on wechaty-puppet-mock, the WeChat adapter,
 * the conversation engine and flows, the ticket service, SQLite and the outbox. The resident reads
 * the bot's numbered choices and answers with numbers, as on a phone.
 *
 * The location is the centre of a demo-pack area converted to GCJ-02 (what WeChat sends); the
 * mock's own fixed location is in Beijing, far outside the demo county, and the second test shows
 * the bot saying so.
 */
import { rmSync } from 'node:fs';
import gcoordModule from 'gcoord';
import { afterEach, describe, expect, it } from 'vitest';
import { textsFor } from '../../../adapters/wechat/texts.js';
import { zhCN } from '../../../src/i18n/zh-CN.js';
import { createWeicheng, type Weicheng } from '../../../src/main.js';
import { productConfig } from '../../helpers/product-config.js';
import { loadPackFile } from '../../../src/pack/load.js';
import type { Pack } from '../../../src/pack/schema.js';
import { expectGarbageTicket, garbageCategory, reportPlace } from '../../helpers/garbage-report.js';
import { createMockWechat, type MockWechat, type SentToChat } from '../../helpers/mock-wechat.js';
import { makePng } from '../../helpers/test-image.js';

// gcoord's types describe an ES default export while Node loads its CommonJS build: take either.
type Gcoord = typeof gcoordModule.default;
const gcoord = ((gcoordModule as unknown as { default?: Gcoord }).default ?? gcoordModule) as Gcoord;

const REPORT_TEXT = '这里的垃圾堆了好几天没人清运，苍蝇乱飞，臭得很';
/** The product's first start in a process builds its indexes (tens of seconds on a busy machine). */
const E2E_TIMEOUT_MS = 120_000;
const TICKET_NUMBER = /(\d{8}-\d{4})/;

interface Product {
  app: Weicheng;
  w: MockWechat;
  close(): Promise<void>;
}

let product: Product | undefined;
afterEach(async () => {
  await product?.close();
  product = undefined;
});

/** The garbage category, a place for the report and the unit's WeChat room, as the loaded pack defines them. */
function expectations(pack: Pack) {
  const category = garbageCategory(pack);
  const place = reportPlace(pack, category);
  const { area, lat, lon, unit: unitId } = place;
  const roomTopic = pack.units.find((u) => u.id === unitId)?.contacts.wechat_room;
  if (!roomTopic) throw new Error(`unit ${unitId} has no WeChat room in the demo pack`);
  return { category, place, area, unitId, roomTopic, lat, lon };
}

async function startProduct(roomTopic?: string): Promise<Product> {
  const { dir, config } = productConfig('weicheng-wechat-e2e-', { WEB_CHAT: 'false' });
  const w = createMockWechat({ residents: 1, ...(roomTopic ? { roomTopic } : {}) });
  const app = await createWeicheng(config, {
    wechatPuppet: w.puppet,
    // Fast polling and no per-chat spacing: these tests are about what is sent, not when.
    outbox: { pollMs: 20, limits: { wechat: { perAddress: [{ count: 100, perMs: 1000 }] } } },
  });
  await app.start();
  await w.login();
  return {
    app,
    w,
    async close() {
      await app.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A resident on WeChat: sends, then collects what the bot answered once it falls quiet. */
class Resident {
  private seen = 0;
  readonly transcript: SentToChat[] = [];
  constructor(private readonly p: Product) {}

  get contact() {
    return this.p.w.residents[0]!;
  }

  async send(act: (w: MockWechat) => void): Promise<string> {
    act(this.p.w);
    await this.p.w.waitForSent(this.contact, this.seen + 1, 10_000);
    let count = -1;
    while (count !== this.p.w.sentTo(this.contact).length) {
      count = this.p.w.sentTo(this.contact).length;
      await this.p.app.dispatcher.drain();
      await new Promise((r) => setTimeout(r, 150));
    }
    const fresh = this.p.w.sentTo(this.contact).slice(this.seen);
    this.seen += fresh.length;
    this.transcript.push(...fresh);
    return fresh.map((m) => (m.kind === 'text' ? m.text : `[file ${m.name}]`)).join('\n');
  }
}

/** The numbered choices in a WeChat reply, by label. */
function choices(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const list = text.split(textsFor('中文').chooseByNumber).pop() ?? '';
  for (const m of list.matchAll(/^(\d+)\. (.+)$/gm)) out.set(m[2]!.trim(), m[1]!);
  return out;
}

const asksForLocation = (text: string) => text.includes(textsFor('中文').shareLocation);

describe('wechat end to end', () => {
  it('a resident reports a garbage pile with a location and a photo and gets a ticket number', async () => {
    // The office room is named as the pack names the responsible unit's room.
    const x = expectations((await loadPackFile('packs/demo/pack.yaml')).pack);
    product = await startProduct(x.roomTopic);
    const p = product;
    expect(p.app.channels).toContain('wechat');
    const [gcjLon, gcjLat] = gcoord.transform([x.lon, x.lat], gcoord.WGS84, gcoord.GCJ02);
    const png = makePng(32, 24, 9);
    const who = new Resident(p);
    const b = zhCN.report.buttons;

    let reply = await who.send((w) => w.text(who.contact, REPORT_TEXT));
    let sentLocation = false;
    let sentPhoto = false;
    let number: string | undefined;
    for (let turn = 0; turn < 12 && !number; turn++) {
      const found = TICKET_NUMBER.exec(reply);
      if (found && /受理/.test(reply)) {
        number = found[1];
        break;
      }
      const options = choices(reply);
      const pick = (label: string) => who.send((w) => w.text(who.contact, options.get(label)!));
      if (options.has(x.category.name)) reply = await pick(x.category.name);
      else if (asksForLocation(reply) && !sentLocation) {
        sentLocation = true;
        reply = await who.send((w) => w.location(who.contact, { latitude: gcjLat, longitude: gcjLon, name: '现场' }));
      } else if (options.has(b.confirm)) reply = await pick(b.confirm);
      else if ((options.has(b.skip) || options.has(b.done)) && !sentPhoto) {
        sentPhoto = true;
        reply = await who.send((w) => w.image(who.contact, png, 'IMG_2024.png'));
      } else if (options.has(b.done)) reply = await pick(b.done);
      else throw new Error(`the resident does not know how to answer:\n${reply}`);
    }
    expect(number, who.transcript.map((m) => (m.kind === 'text' ? m.text : m.name)).join('\n---\n')).toBeDefined();
    expect(sentLocation && sentPhoto).toBe(true);
    const tickets = await p.app.store.tickets.list({});
    expect(tickets).toHaveLength(1);
    const t = tickets[0]!;
    expect(t.number).toBe(number);
    expect(t.text).toContain(REPORT_TEXT);
    const photos = await p.app.store.tickets.photos(t.id);
    expect(photos).toHaveLength(1);
    expect(photos[0]?.mime).toBe('image/png');
    // Stored as WGS-84: the GCJ-02 pin converted back, within a metre or so (4 decimal places).
    expectGarbageTicket(p.app.services.pack(), t, photos, p.app.config.mediaDir, { channel: 'wechat', place: x.place, photo: png, precision: 4 });

    // The receipt names the unit; the resident never saw a raw button id.
    const unitName = p.app.services.pack().units.find((u) => u.id === x.unitId)!.name;
    expect(reply).toContain(unitName);
    expect(who.transcript.some((m) => m.kind === 'text' && /rep:/.test(m.text))).toBe(false);

    // The unit's WeChat room, addressed by its topic, got the new ticket's card.
    await p.app.dispatcher.drain();
    const cards = await p.w.waitForSent(p.w.room, 1, 10_000);
    expect(cards.some((m) => m.kind === 'text' && m.text.includes(t.number))).toBe(true);
  }, E2E_TIMEOUT_MS);

  it("the mock's fixed location (Beijing) is answered as outside the city", async () => {
    product = await startProduct();
    const p = product;
    const who = new Resident(p);
    const first = await who.send((w) => w.text(who.contact, REPORT_TEXT));
    expect(asksForLocation(first) || /位置|定位/.test(first)).toBe(true);
    const reply = await who.send((w) => w.location(who.contact));
    expect(reply).toContain(zhCN.report.farAway({ city: p.app.services.pack().city.name }));
  }, E2E_TIMEOUT_MS);
});
