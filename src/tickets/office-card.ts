/**
 * Where a unit receives its tickets, and the card it gets. Offices see the resident's pseudonym,
 * never a platform identity.
 */
import type { ChannelName, OutboundMessage } from '../channels/types.js';
import { messages } from '../i18n/index.js';
import type { Pack, Unit } from '../pack/schema.js';
import type { NewOutboxItem, Ticket } from '../store/ports.js';

export interface OfficeAddress {
  channel: ChannelName;
  address: string;
}

/** Every contact of the unit: Telegram group, WeChat room (by topic), WeCom robot (by env var name). */
export function officeAddresses(unit: Unit): OfficeAddress[] {
  const out: OfficeAddress[] = [];
  const c = unit.contacts;
  if (c.telegram_chat) out.push({ channel: 'telegram', address: c.telegram_chat });
  if (c.wechat_room) out.push({ channel: 'wechat', address: `room:${c.wechat_room}` });
  if (c.wecom_webhook_env) out.push({ channel: 'wecom', address: c.wecom_webhook_env });
  return out;
}

export interface CardFacts {
  ticket: Ticket;
  pack: Pack;
  pseudonym: string;
  ackDue: string;
  resolveDue: string;
  /** new | transferred | reopened */
  reason: 'new' | 'transferred' | 'reopened';
  consoleUrl?: string;
  /** Residents who reported this problem: the reporter plus the followers. Default 1. */
  reporters?: number;
  /** Why it was transferred or reopened, shown on the card. */
  note?: string | null;
}

const HEADINGS = { new: '新工单', transferred: '转办工单', reopened: '重新办理' } as const;
/** Longest report text on a card; the console shows the rest. */
const CARD_TEXT_MAX = 600;

/** The card's lines, in Chinese (offices work in the city's language). */
function cardLines(f: CardFacts): string[] {
  const category = f.pack.categories.find((c) => c.id === f.ticket.categoryId)?.name ?? '未分类';
  const area = f.pack.areas.find((a) => a.id === f.ticket.areaId)?.name ?? '未识别';
  const text = f.ticket.text.length > CARD_TEXT_MAX ? `${f.ticket.text.slice(0, CARD_TEXT_MAX)}…` : f.ticket.text;
  const lines = [
    `【${HEADINGS[f.reason]}】${f.ticket.number}`,
    `类别：${category}`,
    `区域：${area}`,
    `反映人：${f.pseudonym}`,
  ];
  if ((f.reporters ?? 1) > 1) lines.push(`⚠ ${messages(f.pack.city.locale).office.reporters({ count: f.reporters ?? 1 })}`);
  lines.push(`内容：${text}`);
  if (f.note && f.reason !== 'new') lines.push(`${f.reason === 'reopened' ? '重办原因' : '转办理由'}：${f.note}`);
  lines.push(`接单时限：${f.ackDue}`, `办结时限：${f.resolveDue}`);
  if (f.ticket.lat !== null && f.ticket.lon !== null) lines.push(`位置：${f.ticket.lat.toFixed(5)}, ${f.ticket.lon.toFixed(5)}`);
  return lines;
}

/** The card text (Telegram and WeChat). */
export function officeCardText(f: CardFacts): string {
  const lines = cardLines(f);
  if (f.consoleUrl) lines.push(`详情：${f.consoleUrl}`);
  return lines.join('\n');
}

/** The WeCom robot's markdown card: a heading, the facts and a console link. */
export function officeCardMarkdown(f: CardFacts): string {
  const [head, ...rest] = cardLines(f);
  const md = [`### ${head}`, ...rest.map((l) => `> ${l.replace(/^([^：]+)：/, '**$1**：')}`)];
  if (f.consoleUrl) md.push(`[在办公后台打开](${f.consoleUrl})`);
  return md.join('\n');
}

/** Button data of a card: `t:<action>:<number>` (at most 64 bytes for Telegram). */
export const cardButtonData = (action: 'accept' | 'transfer' | 'resolve' | 'reject', number: string) => `t:${action}:${number}`;

/** One outbox row per contact of the unit. `photo`: the resident's first photo, shown with the card. */
export function officeCards(unit: Unit, f: CardFacts, photo?: string): NewOutboxItem[] {
  const text = officeCardText(f);
  const n = f.ticket.number;
  const commands = messages(f.pack.city.locale).office.cardCommands({ number: n });
  return officeAddresses(unit).map(({ channel, address }) => {
    let payload: OutboundMessage;
    if (channel === 'telegram') {
      const buttons = [
        [
          { label: '接单', data: cardButtonData('accept', n) },
          { label: '转办', data: cardButtonData('transfer', n) },
        ],
        [
          { label: '办结', data: cardButtonData('resolve', n) },
          { label: '退回', data: cardButtonData('reject', n) },
        ],
      ];
      // A caption holds 1024 characters; a longer card goes as a text message, without the photo.
      payload = photo && text.length <= 1024 ? { kind: 'photo', photo, caption: text, buttons } : { kind: 'text', text, buttons };
    } else if (channel === 'wecom') {
      payload = { kind: 'text', format: 'markdown', text: officeCardMarkdown(f) };
    } else {
      const card = `${text}\n${commands}`;
      payload = photo ? { kind: 'photo', photo, caption: card } : { kind: 'text', text: card };
    }
    return {
      channel,
      address,
      payload,
      ticketId: f.ticket.id,
      dedupeKey: `office:${f.ticket.id}:${f.reason}:${f.ticket.updatedAt}:${channel}:${address}`,
    };
  });
}

/**
 * A plain notice to every contact of the unit (reminders, escalations, residents' notes).
 * `key` makes it idempotent: the same key is queued once per address.
 */
export function officeNotices(unit: Unit, text: string, key: string, ticketId?: number): NewOutboxItem[] {
  return officeAddresses(unit).map(({ channel, address }) => ({
    channel,
    address,
    payload: { kind: 'text', text, ...(channel === 'wecom' ? { format: 'markdown' as const } : {}) },
    ...(ticketId !== undefined ? { ticketId } : {}),
    dedupeKey: `${key}:${channel}:${address}`,
  }));
}
