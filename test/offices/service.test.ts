/**
 * The office service over a real database and the ticket fixture pack, with the conversation
 * engine in front of it (group messages go to its groupHandler; /bind in a private chat to the
 * bind flow), as the composition root wires it.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InboundContent, InboundMessage } from '../../src/channels/types.js';
import { createConversationEngine, type ConversationEngine } from '../../src/conversations/engine.js';
import type { Flow } from '../../src/conversations/types.js';
import { zhCN } from '../../src/i18n/zh-CN.js';
import { createMediaStore, type MediaStore } from '../../src/media/store.js';
import { createBindFlow, createOfficeService, type OfficeService } from '../../src/offices/index.js';
import { createStaffService, type StaffService } from '../../src/staff/service.js';
import type { Ticket } from '../../src/store/ports.js';
import { ticketHarness, type TicketHarness } from '../helpers/tickets.js';
import { makePng } from '../helpers/test-image.js';

const GROUP = '-100111';
let h: TicketHarness;
let staff: StaffService;
let offices: OfficeService;
let engine: ConversationEngine;
let media: MediaStore;
let seq = 0;
let ticket: Ticket;

/** A resident flow that remembers what it was told, to see that /bind leaves it alone. */
const notes: Flow = {
  name: 'notes',
  async begin(ctx) {
    ctx.conversation.data['lines'] = [ctx.msg.content.kind === 'text' ? ctx.msg.content.text : '?'];
    ctx.say('noted');
  },
  async handle(ctx) {
    (ctx.conversation.data['lines'] as string[]).push(ctx.msg.content.kind === 'text' ? ctx.msg.content.text : '?');
    ctx.say(`noted ${(ctx.conversation.data['lines'] as string[]).length}`);
  },
};

beforeEach(async () => {
  h = await ticketHarness();
  media = createMediaStore({ dir: join(h.db.dir, 'media') });
  staff = createStaffService({ store: h.db.store, pack: () => h.pack, clock: () => h.clock.now });
  offices = createOfficeService({ pack: () => h.pack, staff, tickets: h.tickets });
  engine = createConversationEngine({
    store: h.db.store,
    media,
    flows: [createBindFlow(offices), notes],
    entry: 'notes',
    services: {},
    clock: () => h.clock.now,
    groupHandler: (msg, tx, now) => offices.handleGroup(msg, tx, now),
  });
  ticket = await h.tickets.file({ resident: await h.resident(), text: '垃圾堆了好几天没人清运' });
});
afterEach(async () => {
  await h.db.cleanup();
});

function inbound(userId: string, content: InboundContent, chat = GROUP): InboundMessage {
  return { channel: 'telegram', chatId: chat, chatType: chat === GROUP ? 'group' : 'private', userId, messageId: `m${++seq}`, at: h.clock.now, content };
}


/** What the bot said to the address since `from` rows. */
async function saidTo(address: string, from = 0): Promise<string[]> {
  return (await h.outbox())
    .slice(from)
    .filter((r) => r.address === address)
    .map((r) => (r.payload.kind === 'text' ? r.payload.text : `[photo] ${r.payload.caption ?? ''}`));
}

async function send(userId: string, content: InboundContent, chat = GROUP): Promise<string[]> {
  const from = (await h.outbox()).length;
  await engine.handle(inbound(userId, content, chat));
  return saidTo(chat, from);
}

const text = (t: string) => ({ kind: 'text', text: t }) as const;

async function bound(login: string, unitId: string, role: 'officer' | 'supervisor' = 'officer', userId = login) {
  const s = await staff.add({ login, name: `${login}姓名`, unitId, role });
  const { code } = await staff.issueBindCode(s.id);
  expect(await send(userId, text(`绑定 ${code}`))).toEqual([zhCN.office.bound({ name: s.name, unit: h.pack.units.find((u) => u.id === unitId)!.name })]);
  return s;
}

describe('office service', () => {
  it('binds in a private chat without losing what the member was doing there', async () => {
    const s = await staff.add({ login: 'li', name: '李四', unitId: 'cleaners', role: 'officer' });
    const { code } = await staff.issueBindCode(s.id);
    expect(await send('li', text('first'), 'li')).toEqual(['noted']);
    expect(await send('li', { kind: 'command', command: 'bind', args: code }, 'li')).toEqual([zhCN.office.bound({ name: '李四', unit: '县环卫站' })]);
    expect(await send('li', text('second'), 'li')).toEqual(['noted 2']);
    expect(await send('li', text('绑定 ZZZZ'), 'li')).toEqual([zhCN.office.bindFailed.malformed]);
    expect(await staff.staffByChatIdentity('telegram', 'li')).toMatchObject({ id: s.id });
  });

  it('resolves with a photo sent first and the note after it; the resident gets both', async () => {
    await bound('li', 'cleaners');
    expect(await send('li', { kind: 'button', data: `t:resolve:${ticket.number}` })).toEqual([zhCN.office.askResolveNote({ number: ticket.number, name: 'li姓名' })]);
    const png = makePng(20, 10, 3);
    const from = (await h.outbox()).length;
    // The engine hands a group photo to the handler once it is stored (a lead's wiring); here it is stored first.
    const photo = { path: await media.save(png, 'image/png'), mime: 'image/png' };
    await h.db.store.transaction((tx) => offices.handleGroup(inbound('li', { kind: 'photo', fetch: async () => ({ data: png, mime: 'image/png' }) }), tx, h.clock.now, photo));
    expect(await saidTo(GROUP, from)).toEqual([zhCN.office.photoHeld({ name: 'li姓名' })]);
    expect(await send('li', text('已清运'))).toEqual([zhCN.office.resolved({ number: ticket.number, name: 'li姓名' })]);
    expect((await h.tickets.photos(ticket.id)).map((p) => [p.source, p.path])).toEqual([['office', photo.path]]);
    const toResident = (await h.outbox()).filter((r) => r.address === 'chat-42').map((r) => r.payload.kind);
    expect(toResident.slice(-2)).toEqual(['text', 'photo']);
  });

  it('forgets a waiting step after 30 minutes, and on 取消', async () => {
    await bound('li', 'cleaners');
    await send('li', { kind: 'button', data: `t:resolve:${ticket.number}` });
    h.clock.now += 31 * 60_000;
    expect(await send('li', text('已清运'))).toEqual([]);
    expect((await h.tickets.byId(ticket.id))!.state).toBe('assigned');
    await send('li', { kind: 'button', data: `t:reject:${ticket.number}` });
    expect(await send('li', { kind: 'button', data: `t:rk:${ticket.number}:duplicate` })).toEqual([
      zhCN.office.askRejectNote({ number: ticket.number, name: 'li姓名', kind: '重复' }),
    ]);
    expect(await send('li', text('取消'))).toEqual([zhCN.office.cancelled({ name: 'li姓名' })]);
    expect(await send('li', text('与上一单相同'))).toEqual([]);
    expect((await h.tickets.byId(ticket.id))!.state).toBe('assigned');
  });

  it("lets the dispatcher's supervisor act on any unit's ticket, but not an officer of another unit", async () => {
    await bound('cop', 'police');
    expect(await send('cop', text(`接单 ${ticket.number}`))).toEqual([
      zhCN.office.notYours({ number: ticket.number, unit: '县环卫站', name: 'cop姓名', staffUnit: '县交警队' }),
    ]);
    await bound('boss', 'hub', 'supervisor');
    expect(await send('boss', text(`接单 ${ticket.number}`))).toEqual([zhCN.office.accepted({ number: ticket.number, name: 'boss姓名' })]);
  });

  it('transfers by a unit named in the command, and says which name is unknown or ambiguous', async () => {
    await bound('li', 'cleaners');
    expect(await send('li', text(`转办 ${ticket.number} 消防队 不归我们`))).toEqual([zhCN.office.unknownUnit({ text: '消防队' })]);
    expect(await send('li', text(`转办 ${ticket.number} 县 不归我们`))).toEqual([
      zhCN.office.ambiguousUnit({ text: '县', names: '县创卫办、县环卫站、县交警队' }),
    ]);
    expect(await send('li', text(`转办 ${ticket.number} 环卫站 不归我们`))).toEqual([zhCN.office.sameUnit({ unit: '县环卫站' })]);
    expect(await send('li', text(`转办 ${ticket.number} 交警队`))).toEqual([zhCN.office.askTransferReason({ number: ticket.number, name: 'li姓名', unit: '县交警队' })]);
    expect(await send('li', text('车辆占道，非环卫问题'))).toEqual([zhCN.office.transferred({ number: ticket.number, name: 'li姓名', unit: '县交警队' })]);
    expect((await h.tickets.byId(ticket.id))!).toMatchObject({ state: 'transferred', unitId: 'police' });
    // The old unit may no longer act on it.
    expect(await send('li', text(`接单 ${ticket.number}`))).toEqual([
      zhCN.office.notYours({ number: ticket.number, unit: '县交警队', name: 'li姓名', staffUnit: '县环卫站' }),
    ]);
  });

  it('a redelivered message acts once', async () => {
    await bound('li', 'cleaners');
    const msg = inbound('li', text(`接单 ${ticket.number}`));
    await engine.handle(msg);
    await engine.handle(msg);
    const events = await h.tickets.history(ticket.id);
    expect(events.filter((e) => e.type === 'accept')).toHaveLength(1);
    expect((await saidTo(GROUP)).filter((t) => t.startsWith('✅'))).toHaveLength(1);
  });
});
