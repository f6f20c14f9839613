/**
 * Numbered replies that outlive the process, end to end: real wechaty on wechaty-puppet-mock, the
 * whole product on one SQLite file. The lists that matter most arrive unannounced and are answered
 * hours later: the rating list sent with a resolution notice, a campaign's survey question. Here
 * the clock moves on by hours and the product restarts (a new adapter, the same database) between
 * the list and the resident's "3"; the number still means the button it stood for.
 */
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { zhCN } from '../../../src/i18n/zh-CN.js';
import { createWeicheng, type Weicheng } from '../../../src/main.js';
import type { Config } from '../../../src/config.js';
import { createMockWechat, type MockWechat } from '../../helpers/mock-wechat.js';
import { productConfig } from '../../helpers/product-config.js';

/** The product's first start in a process builds its indexes (tens of seconds on a busy machine). */
const E2E_TIMEOUT_MS = 180_000;
const HOUR = 3_600_000;

/** The product on one SQLite file and one WeChat account, restartable; its clock can be moved on. */
class Deployment {
  app!: Weicheng;
  private offset: number;
  private readonly w: MockWechat;

  private constructor(
    private readonly dir: string,
    private readonly config: Config,
    start: string,
  ) {
    this.offset = Date.parse(start) - Date.now();
    this.w = createMockWechat({ residents: 1 });
  }

  static async start(start: string): Promise<Deployment> {
    const { dir, config } = productConfig('weicheng-wechat-choices-', { WEB_CHAT: 'false' });
    const d = new Deployment(dir, config, start);
    await d.boot();
    return d;
  }

  get wechat(): MockWechat {
    return this.w;
  }

  get resident() {
    return this.w.residents[0]!;
  }

  /** Moves the product's clock on (it keeps running from there). */
  advance(ms: number): void {
    this.offset += ms;
  }

  private async boot(): Promise<void> {
    this.app = await createWeicheng(this.config, {
      clock: () => Date.now() + this.offset,
      wechatPuppet: this.w.puppet,
      outbox: { pollMs: 20, limits: { wechat: { perAddress: [{ count: 100, perMs: 1000 }] } } },
      deadlines: { schedule: false },
      housekeeping: { schedule: false },
    });
    await this.app.start();
    await this.w.login();
  }

  /** Stops the product (the database closes, the adapter and its memory go) and starts it again. */
  async restart(): Promise<void> {
    await this.app.stop();
    await this.boot();
  }

  /** The resident sends text; resolves with what the bot sent back once it falls quiet. */
  async say(text: string): Promise<string[]> {
    const before = this.w.sentTo(this.resident).length;
    this.w.text(this.resident, text);
    await this.w.waitForSent(this.resident, before + 1, 10_000);
    return this.quiet(before);
  }

  /** Waits until the outbox has nothing more for the resident; the texts sent since `before`. */
  async quiet(before: number): Promise<string[]> {
    let count = -1;
    while (count !== this.w.sentTo(this.resident).length) {
      count = this.w.sentTo(this.resident).length;
      await this.app.dispatcher.drain();
      await new Promise((r) => setTimeout(r, 150));
    }
    return this.w
      .sentTo(this.resident)
      .slice(before)
      .map((m) => (m.kind === 'text' ? m.text : `[file ${m.name}]`));
  }

  /** Waits until the bot has sent the resident a text that `match`es. */
  async waitForText(match: (text: string) => boolean, timeoutMs = 10_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    const texts = () => this.w.sentTo(this.resident).flatMap((m) => (m.kind === 'text' ? [m.text] : []));
    while (!texts().some(match)) {
      if (Date.now() > until) throw new Error(`the bot never sent the expected text; it sent:\n${texts().join('\n---\n')}`);
      await this.app.dispatcher.drain();
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async close(): Promise<void> {
    await this.app.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

let d: Deployment | undefined;
afterEach(async () => {
  await d?.close();
  d = undefined;
});

describe('wechat numbered replies across hours and a restart', () => {
  it('a "3" to the resolution notice the next morning, after a restart, rates 不满意 and reopens the ticket', async () => {
    d = await Deployment.start('2026-03-04T10:00:00+08:00');
    const { app } = d;
    const now = Date.parse('2026-03-04T10:00:00+08:00');
    const contact = d.resident;
    const resident = await app.store.residents.upsert({ channel: 'wechat', platformUserId: contact.id, address: contact.id, language: 'zh-CN', now });
    const before = d.wechat.sentTo(contact).length;
    const filed = await app.tickets.file({ resident, text: '路灯坏了好几天了，晚上很黑' });
    const unitName = app.services.pack().units.find((u) => u.id === filed.unitId)!.name;
    const staff = await app.staff.add({ login: 'li', name: '李师傅', unitId: filed.unitId, role: 'officer' });
    await app.tickets.act(filed.id, { type: 'accept' }, `staff:${staff.id}`);
    await app.tickets.act(filed.id, { type: 'resolve', note: '已更换灯泡' }, `staff:${staff.id}`);
    // Told of the filing, the acceptance and the resolution (with the rating list).
    await d.wechat.waitForSent(contact, before + 3, 10_000);
    const notices = await d.quiet(before);
    const notice = notices.find((t) => t.startsWith(zhCN.ticket.resolved({ number: filed.number, unit: unitName, note: '已更换灯泡' })));
    expect(notice, notices.join('\n---\n')).toBeDefined();
    expect(notice).toContain(`3. ${zhCN.rating.unsatisfied}`);

    // Overnight: more than the conversation's idle time, and the service restarted.
    d.advance(5 * HOUR);
    await d.restart();
    const reply = await d.say('3');

    const after = (await d.app.tickets.byId(filed.id))!;
    expect(after, reply.join('\n---\n')).toMatchObject({ state: 'reopened', rating: 'unsatisfied', resolvedAt: null });
    expect(reply).toContain(zhCN.ticket.reopened({ number: filed.number, unit: unitName }));
    // The rating flow goes on to ask what is still wrong.
    await d.waitForText((t) => t.startsWith(zhCN.rate.askReason));
  }, E2E_TIMEOUT_MS);

  it('a survey answered by number after a campaign notice without choices and a restart', async () => {
    d = await Deployment.start('2026-03-04T10:00:00+08:00');
    const { app } = d;
    const now = Date.parse('2026-03-04T10:00:00+08:00');
    const contact = d.resident;
    const resident = await app.store.residents.upsert({ channel: 'wechat', platformUserId: contact.id, address: contact.id, language: 'zh-CN', now });
    await app.store.subscriptions.subscribe({ residentId: resident.id, channel: 'wechat', address: contact.id, areaId: null, language: 'zh-CN', tags: [] }, now);
    const send = async (id: string, text: string, survey?: { question: string; options: string[] }): Promise<string[]> => {
      await app.campaigns.create({ id, name: id, text, at: '2026-04-01T09:00:00+08:00', ...(survey ? { survey } : {}) });
      const before = d!.wechat.sentTo(contact).length;
      const run = await app.campaigns.sendNow(id);
      for (let i = 0; i < 10 && (await app.campaigns.step(run.id)).state === 'sending'; i++);
      await d!.wechat.waitForSent(contact, before + 1, 10_000);
      return d!.quiet(before);
    };
    const [survey] = await send('satisfaction', '创卫办想听听您的意见。', { question: '您对本月小区环境满意吗？', options: ['满意', '一般', '不满意'] });
    expect(survey).toContain('2. 一般');

    // A campaign notice without choices in between keeps the survey's list answerable.
    d.advance(3 * HOUR);
    const [notice] = await send('cleanup', '本周六上午全城大扫除，欢迎参加。');
    expect(notice).toBe('本周六上午全城大扫除，欢迎参加。');
    d.advance(3 * HOUR);
    await d.restart();

    const reply = await d.say('2');
    expect(reply).toContain(zhCN.survey.answered({ option: '一般' }));
    expect(await d.app.store.campaigns.answers('satisfaction')).toMatchObject([{ option: 2 }]);
  }, E2E_TIMEOUT_MS);
});
