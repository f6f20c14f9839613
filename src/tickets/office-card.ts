/**
 * Where a unit receives its tickets, and the card it gets. Offices see the resident's pseudonym,
 * never a platform identity.
 */
import type { ChannelName, OutboundMessage } from '../channels/types.js';
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
}

const HEADINGS = { new: '新工单', transferred: '转办工单', reopened: '重新办理' } as const;

/** The card text, in Chinese (offices work in the city's language). */
export function officeCardText(f: CardFacts): string {
  const category = f.pack.categories.find((c) => c.id === f.ticket.categoryId)?.name ?? '未分类';
  const area = f.pack.areas.find((a) => a.id === f.ticket.areaId)?.name ?? '未识别';
  const lines = [
    `【${HEADINGS[f.reason]}】${f.ticket.number}`,
    `类别：${category}`,
    `区域：${area}`,
    `反映人：${f.pseudonym}`,
    `内容：${f.ticket.text}`,
    `接单时限：${f.ackDue}`,
    `办结时限：${f.resolveDue}`,
  ];
  if (f.ticket.lat !== null && f.ticket.lon !== null) lines.push(`位置：${f.ticket.lat.toFixed(5)}, ${f.ticket.lon.toFixed(5)}`);
  if (f.consoleUrl) lines.push(`详情：${f.consoleUrl}`);
  return lines.join('\n');
}

/** One outbox row per contact of the unit. */
export function officeCards(unit: Unit, f: CardFacts, photo?: string): NewOutboxItem[] {
  const text = officeCardText(f);
  const n = f.ticket.number;
  return officeAddresses(unit).map(({ channel, address }) => {
    let payload: OutboundMessage;
    if (channel === 'telegram') {
      const buttons = [
        [
          { label: '接单', data: `t:accept:${n}` },
          { label: '转办', data: `t:transfer:${n}` },
        ],
        [
          { label: '办结', data: `t:resolve:${n}` },
          { label: '退回', data: `t:reject:${n}` },
        ],
      ];
      payload = photo ? { kind: 'photo', photo, caption: text.slice(0, 1000), buttons } : { kind: 'text', text, buttons };
    } else if (channel === 'wecom') {
      payload = { kind: 'text', format: 'markdown', text: text.replace(/^【(.+?)】(.*)$/m, '### $1 $2') };
    } else {
      payload = { kind: 'text', text: `${text}\n回复“接单 ${n}”接单，“办结 ${n} 处理说明”办结。` };
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
