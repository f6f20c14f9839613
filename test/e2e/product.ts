/**
 * The whole product for the office-loop tests: createWeicheng on the demo pack, a real SQLite
 * file, Telegram pointed at the fake Bot API (webhook on a real port), optionally WeChat on
 * wechaty-puppet-mock, and a clock the test can move forward. The deadline jobs are not
 * scheduled: the tests call their sweeps at the moments they choose.
 */
import { rmSync } from 'node:fs';
import { expect } from 'vitest';
import { createWeicheng, type Weicheng } from '../../src/main.js';
import { productConfig } from '../helpers/product-config.js';
import type { Pack, Unit } from '../../src/pack/schema.js';
import type { Ticket } from '../../src/store/ports.js';
import { startFakeBotApi, type FakeBotApi, type SentMessage } from '../helpers/fake-bot-api.js';
import { createMockWechat, type MockWechat } from '../helpers/mock-wechat.js';
import { makePng } from '../helpers/test-image.js';
import { callbackUpdate, photoUpdate, textUpdate, type Who } from '../adapters/telegram/updates.js';

export const SECRET = 'office_e2e-7';
/** The product's first start in a process builds its indexes (tens of seconds on a busy machine). */
export const E2E_TIMEOUT_MS = 180_000;
export const REPORT_TEXT = '这里的垃圾堆了好几天没人清运，苍蝇乱飞，臭得很';

export interface OfficeProduct {
  app: Weicheng;
  api: FakeBotApi;
  w?: MockWechat;
  base: string;
  /** Moves the product's clock so that it now reads `iso` (it keeps running from there). */
  setTime(iso: string): void;
  /** Posts a Telegram update to the webhook and waits until the outbox has sent what it queued. */
  post(update: Record<string, unknown>): Promise<void>;
  /** Everything the bot sent to a Telegram chat so far. */
  sent(chatId: number | string): SentMessage[];
  close(): Promise<void>;
}

export async function startOfficeProduct(o: { wechat?: boolean; start?: string } = {}): Promise<OfficeProduct> {
  const api = await startFakeBotApi();
  let offset = o.start ? Date.parse(o.start) - Date.now() : 0;
  const w = o.wechat ? createMockWechat({ residents: 3, roomTopic: garbageUnit(await demoPack()).contacts.wechat_room }) : undefined;
  const { dir, config } = productConfig('weicheng-office-e2e-', {
    WEB_CHAT: 'false',
    PUBLIC_URL: 'https://weicheng.example.org',
    TELEGRAM_BOT_TOKEN: api.token,
    TELEGRAM_API_ROOT: api.url,
    TELEGRAM_MODE: 'webhook',
    TELEGRAM_WEBHOOK_SECRET: SECRET,
  });
  const fast = [{ count: 1000, perMs: 1000 }];
  const app = await createWeicheng(config, {
    clock: () => Date.now() + offset,
    ...(w ? { wechatPuppet: w.puppet } : {}),
    // Fast polling and no per-chat spacing: these tests are about what is sent, not when.
    outbox: { pollMs: 20, limits: { telegram: { perAddress: fast, perGroup: fast }, wechat: { perAddress: fast }, wecom: { perAddress: fast } } },
    deadlines: { schedule: false },
  });
  await app.start();
  if (w) await w.login();
  const base = await app.server.listen({ port: 0, host: '127.0.0.1' });
  const webhookUrl = `${base}/webhooks/telegram`;
  return {
    app,
    api,
    ...(w ? { w } : {}),
    base,
    setTime(iso) {
      offset = Date.parse(iso) - Date.now();
    },
    async post(update) {
      const res = await api.postUpdate(webhookUrl, { update_id: api.nextUpdateId(), ...update }, SECRET);
      expect(res.status, res.body).toBe(200);
      await app.dispatcher.drain();
    },
    sent: (chatId) => api.sentTo(chatId),
    async close() {
      await app.stop();
      await api.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let cachedPack: Pack | undefined;
async function demoPack(): Promise<Pack> {
  const { loadPackFile } = await import('../../src/pack/load.js');
  cachedPack ??= (await loadPackFile('packs/demo/pack.yaml')).pack;
  return cachedPack;
}

/** The unit the demo pack gives garbage reports that name no area; it must have a Telegram group and a WeChat room. */
export function garbageUnit(pack: Pack): Unit & { contacts: { telegram_chat: string; wechat_room: string } } {
  const category = pack.categories.find((c) => c.id === 'garbage') ?? pack.categories.find((c) => c.name.includes('垃圾'));
  const unit = pack.units.find((u) => u.id === category?.unit);
  if (!unit?.contacts.telegram_chat || !unit.contacts.wechat_room) throw new Error('the demo pack has no garbage unit with a Telegram group and a WeChat room');
  return unit as Unit & { contacts: { telegram_chat: string; wechat_room: string } };
}

/** The supervisor's unit (or the dispatcher) of a unit. */
export function supervisorOf(pack: Pack, unit: Unit): Unit {
  return pack.units.find((u) => u.id === (unit.supervisor ?? pack.city.dispatcher))!;
}

export function buttonsOf(messages: SentMessage[]): string[] {
  return messages.flatMap((m) => {
    const kb = (m.reply_markup as { inline_keyboard?: { callback_data?: string }[][] } | undefined)?.inline_keyboard ?? [];
    return kb.flat().map((b) => b.callback_data ?? '');
  });
}

export const textOf = (m: SentMessage) => m.text ?? m.caption ?? '';

/** A Telegram resident: posts updates and reads only what the bot sent them since last time. */
export class TelegramResident {
  private seen = 0;
  constructor(
    private readonly p: OfficeProduct,
    readonly userId: number,
  ) {}

  async send(update: Record<string, unknown>): Promise<SentMessage[]> {
    await this.p.post(update);
    return this.fresh();
  }

  fresh(): SentMessage[] {
    const all = this.p.sent(this.userId);
    const out = all.slice(this.seen);
    this.seen = all.length;
    return out;
  }

  text = (text: string) => this.send(textUpdate(text, { userId: this.userId }));
  press = (data: string) => this.send(callbackUpdate(data, { userId: this.userId }));

  /**
   * Reports a garbage pile with a photo and no pin (so the category's own unit handles it),
   * answering the bot's questions from its buttons, and returns the filed ticket.
   */
  async report(text = REPORT_TEXT): Promise<Ticket> {
    const photo = this.p.api.addFile(makePng(40, 30, this.userId % 250), `photos/file_${this.userId}.png`);
    let fresh = await this.text(text);
    let sentPhoto = false;
    const transcript: string[] = [];
    for (let turn = 0; turn < 12; turn++) {
      transcript.push(...fresh.map(textOf));
      const found = fresh.map(textOf).join('\n').match(/(\d{8}-\d{4})/);
      if (found) {
        const t = await this.p.app.tickets.byNumber(found[1]!);
        if (t) return t;
      }
      const buttons = buttonsOf(fresh);
      const category = buttons.find((b) => b === 'rep:cat:garbage');
      if (category) fresh = await this.press(category);
      else if (buttons.includes('rep:change')) fresh = await this.press('rep:skip');
      else if (buttons.includes('rep:new')) fresh = await this.press('rep:new');
      else if (buttons.includes('rep:ok')) fresh = await this.press('rep:ok');
      else if (!sentPhoto && buttons.includes('rep:skip')) {
        sentPhoto = true;
        fresh = await this.send(photoUpdate(photo.file_id, { userId: this.userId }));
      } else if (buttons.includes('rep:done')) fresh = await this.press('rep:done');
      else throw new Error(`the resident does not know how to answer:\n${transcript.join('\n---\n')}`);
    }
    throw new Error(`no ticket after 12 turns:\n${transcript.join('\n---\n')}`);
  }
}

/** A member of an office's Telegram group. */
export class GroupMember {
  constructor(
    private readonly p: OfficeProduct,
    readonly groupId: number,
    readonly userId: number,
  ) {}

  private who(): Who {
    return { chatId: this.groupId, userId: this.userId };
  }

  /** Sends, then returns what the bot said in the group in answer. */
  async say(text: string): Promise<SentMessage[]> {
    const before = this.p.sent(this.groupId).length;
    await this.p.post(textUpdate(text, this.who()));
    return this.p.sent(this.groupId).slice(before);
  }

  async press(data: string): Promise<SentMessage[]> {
    const before = this.p.sent(this.groupId).length;
    await this.p.post(callbackUpdate(data, this.who()));
    return this.p.sent(this.groupId).slice(before);
  }
}
