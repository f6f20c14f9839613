/**
 * The office side of the chats: what staff do in their unit's Telegram group or WeChat room.
 * Card buttons (接单 转办 办结 退回) and typed commands act on tickets through the ticket
 * service, only for staff bound to an account (/bind CODE, 绑定 CODE) whose scope covers the
 * ticket's unit; everyone else is refused politely. A step that needs more (the resolution note,
 * the transfer's unit and reason, the rejection's kind and note) waits for the same member's
 * next message; the waiting steps live in the conversations row of the group chat. Every
 * answer goes to the chat through the outbox, in the same transaction as the message.
 *
 * Telegram: a bot in a group sees buttons and /commands always, but plain text ("办结 ... 已清理",
 * a note typed after 办结) only with privacy mode off (BotFather /setprivacy -> Disable) or when
 * the bot is a group admin.
 */
import type { Button, InboundMessage, OutboundMessage } from '../channels/types.js';
import { AppError } from '../errors.js';
import { messages, type Messages } from '../i18n/index.js';
import type { Pack, Unit } from '../pack/schema.js';
import { canSeeTicket, scopeOf } from '../staff/access.js';
import type { StaffMember, StaffService } from '../staff/service.js';
import type { Repos, Ticket, TicketState } from '../store/ports.js';
import type { TicketService } from '../tickets/service.js';
import { REJECT_REASON_KINDS, type RejectReasonKind, type TicketAction } from '../tickets/state-machine.js';
import { officeText, parseOfficeCommand, type OfficeCommand, type OfficeVerb } from './commands.js';

export interface OfficeServiceOptions {
  pack: () => Pack;
  staff: Pick<StaffService, 'redeemBindCode' | 'staffByChatIdentity'>;
  tickets: Pick<TicketService, 'byNumber' | 'act' | 'reply'>;
  /** A step waiting for a member's next message is dropped after this long. Default 30 minutes. */
  pendingTtlMs?: number;
}

export interface OfficeService {
  /** The engine's `groupHandler`: one message from a group chat, inside the engine's transaction. */
  handleGroup(msg: InboundMessage, tx: Repos, now: number, photo?: { path: string; mime: string }): Promise<void>;
  /** True for "/bind CODE" or "绑定 CODE" (in any chat). */
  isBind(msg: InboundMessage): boolean;
  /** Links the sender to the staff account of the code; returns the answer to show them. */
  bind(msg: InboundMessage): Promise<string>;
}

/** A step waiting for one member's next message in a group. */
type Pending =
  | { step: 'resolve'; number: string; at: number; photo?: { path: string; mime: string } }
  | { step: 'transfer'; number: string; at: number; unitId: string }
  | { step: 'reject'; number: string; at: number; reasonKind: RejectReasonKind }
  | { step: 'reply'; number: string; at: number };

const FLOW = 'office';

export function createOfficeService(o: OfficeServiceOptions): OfficeService {
  const ttl = o.pendingTtlMs ?? 30 * 60_000;
  const t = (): Messages => messages(o.pack().city.locale);

  function unitName(id: string): string {
    return o.pack().units.find((u) => u.id === id)?.name ?? id;
  }

  /** A unit as typed: its id, its exact name, or the one unit whose name contains the text. */
  function findUnit(text: string): { unit?: Unit; error?: string } {
    const units = o.pack().units;
    if (text.startsWith('#')) {
      const u = units[Number(text.slice(1))];
      return u ? { unit: u } : { error: t().office.unknownUnit({ text }) };
    }
    const exact = units.find((u) => u.id === text.toLowerCase() || u.name === text);
    if (exact) return { unit: exact };
    const partial = units.filter((u) => u.name.includes(text));
    if (partial.length === 1) return { unit: partial[0] };
    if (partial.length > 1) return { error: t().office.ambiguousUnit({ text, names: partial.map((u) => u.name).join('、') }) };
    return { error: t().office.unknownUnit({ text }) };
  }

  async function bind(msg: InboundMessage): Promise<string> {
    const cmd = parseOfficeCommand(msg);
    const o2 = t().office;
    if (cmd?.kind !== 'bind') return o2.bindFailed.malformed;
    const result = await o.staff.redeemBindCode(cmd.code, msg.channel, msg.userId);
    if (!result.ok) return o2.bindFailed[result.reason];
    return o2.bound({ name: result.staff.name, unit: unitName(result.staff.unitId) });
  }

  /** One message's work in a group: its answers, and the member's waiting step afterwards. */
  async function act(
    msg: InboundMessage,
    cmd: OfficeCommand | undefined,
    pending: Pending | undefined,
    now: number,
    photo: { path: string; mime: string } | undefined,
  ): Promise<{ replies: OutboundMessage[]; pending: Pending | undefined }> {
    const m = t();
    const off = m.office;
    const replies: OutboundMessage[] = [];
    const say = (text: string, buttons?: Button[][]) => void replies.push({ kind: 'text', text, ...(buttons ? { buttons } : {}) });
    const done = (p: Pending | undefined = undefined) => ({ replies, pending: p });

    if (cmd?.kind === 'bind') {
      say(await bind(msg));
      return done(pending);
    }
    const staff = await o.staff.staffByChatIdentity(msg.channel, msg.userId);
    if (!staff) {
      // Chatter from members who never bound is none of our business; a command or button is refused.
      if (cmd && cmd.kind !== 'cancel') say(off.notBound);
      return done();
    }
    const name = staff.name;
    if (cmd?.kind === 'cancel') {
      if (pending) say(off.cancelled({ name }));
      return done();
    }
    if (cmd?.kind === 'usage') {
      say(off.usage({ action: off.actions[cmd.verb], example: off.examples[cmd.verb] }));
      return done(pending);
    }

    // A waiting step takes the member's next plain message (or photo) as its missing part.
    let c: OfficeCommand | undefined = cmd;
    // A photo sent while the note was awaited still belongs to the resolution typed as a command.
    if (c?.kind === 'resolve' && pending?.step === 'resolve' && pending.number === c.number) photo ??= pending.photo;
    if (!c && pending) {
      const text = officeText(msg)?.trim();
      if (pending.step === 'resolve') {
        const held = photo ?? pending.photo;
        if (!text) {
          if (!photo) return done(pending);
          say(off.photoHeld({ name }));
          return done({ ...pending, photo });
        }
        photo = held;
        c = { kind: 'resolve', number: pending.number, note: text };
      } else if (!text) {
        return done(pending);
      } else if (pending.step === 'transfer') c = { kind: 'transfer', number: pending.number, unit: pending.unitId, reason: text };
      else if (pending.step === 'reject') c = { kind: 'reject', number: pending.number, reasonKind: pending.reasonKind, note: text };
      else c = { kind: 'reply', number: pending.number, text };
    }
    if (!c) return done(pending);

    const ticket = await o.tickets.byNumber(c.number);
    if (!ticket) {
      say(off.notFound({ number: c.number }));
      return done();
    }
    const refusal = refuse(staff, ticket);
    if (refusal) {
      say(refusal);
      return done();
    }
    const actor = `staff:${staff.id}`;
    const run = async (action: TicketAction, verb: OfficeVerb, ok: () => string, options?: { photo?: { path: string; mime: string } }) => {
      try {
        await o.tickets.act(ticket.id, action, actor, options);
        say(ok());
      } catch (err) {
        say(explain(err, ticket, verb));
      }
    };

    switch (c.kind) {
      case 'accept':
        await run({ type: 'accept' }, 'accept', () => off.accepted({ number: ticket.number, name }));
        return done();
      case 'resolve':
        if (!c.note) {
          say(off.askResolveNote({ number: ticket.number, name }));
          return done({ step: 'resolve', number: ticket.number, at: now, ...(photo ? { photo } : {}) });
        }
        await run({ type: 'resolve', note: c.note }, 'resolve', () => off.resolved({ number: ticket.number, name }), photo ? { photo } : undefined);
        return done();
      case 'transfer': {
        if (!c.unit) {
          const units = o.pack().units.map((u, i) => ({ u, i })).filter(({ u }) => u.id !== ticket.unitId);
          const buttons = units.map(({ u, i }) => {
            const data = `t:to:${ticket.number}:${u.id}`;
            return { label: u.name, data: Buffer.byteLength(data) <= 64 ? data : `t:to:${ticket.number}:#${i}` };
          });
          const rows: Button[][] = [];
          for (let i = 0; i < buttons.length; i += 2) rows.push(buttons.slice(i, i + 2));
          say(off.askTransferUnit({ number: ticket.number, name }), rows);
          return done();
        }
        const found = findUnit(c.unit);
        if (!found.unit) {
          say(found.error ?? off.unknownUnit({ text: c.unit }));
          return done();
        }
        const unit = found.unit;
        if (unit.id === ticket.unitId) {
          say(off.sameUnit({ unit: unit.name }));
          return done();
        }
        if (!c.reason) {
          say(off.askTransferReason({ number: ticket.number, name, unit: unit.name }));
          return done({ step: 'transfer', number: ticket.number, at: now, unitId: unit.id });
        }
        await run({ type: 'transfer', toUnitId: unit.id, reason: c.reason }, 'transfer', () => off.transferred({ number: ticket.number, name, unit: unit.name }));
        return done();
      }
      case 'reject': {
        if (!c.reasonKind) {
          const buttons = REJECT_REASON_KINDS.map((k) => ({ label: off.rejectKinds[k], data: `t:rk:${ticket.number}:${k}` }));
          say(off.askRejectKind({ number: ticket.number, name }), [buttons]);
          return done();
        }
        const kind = off.rejectKinds[c.reasonKind];
        if (!c.note) {
          say(off.askRejectNote({ number: ticket.number, name, kind }));
          return done({ step: 'reject', number: ticket.number, at: now, reasonKind: c.reasonKind });
        }
        await run({ type: 'reject', reasonKind: c.reasonKind, note: c.note }, 'reject', () => off.rejected({ number: ticket.number, name, kind }));
        return done();
      }
      case 'reply':
        if (!c.text) {
          say(off.usage({ action: off.actions.reply, example: off.examples.reply }));
          return done({ step: 'reply', number: ticket.number, at: now });
        }
        try {
          await o.tickets.reply(ticket.id, c.text, actor);
          say(off.replied({ number: ticket.number, name }));
        } catch (err) {
          say(explain(err, ticket, 'reply'));
        }
        return done();
    }
    return done(pending);
  }

  /** Why this member may not act on the ticket, or undefined when they may. */
  function refuse(staff: StaffMember, ticket: Ticket): string | undefined {
    if (canSeeTicket(scopeOf(staff, o.pack()), ticket)) return undefined;
    return t().office.notYours({ number: ticket.number, unit: unitName(ticket.unitId), name: staff.name, staffUnit: unitName(staff.unitId) });
  }

  function explain(err: unknown, ticket: Ticket, verb: OfficeVerb): string {
    const m = t();
    if (err instanceof AppError && err.code === 'INVALID_TRANSITION') {
      return m.office.notAllowed({ number: ticket.number, state: m.ticket.states[ticket.state as TicketState], action: m.office.actions[verb] });
    }
    if (err instanceof AppError) return m.office.failed({ reason: err.message });
    throw err;
  }

  return {
    isBind: (msg) => parseOfficeCommand(msg)?.kind === 'bind',
    bind,
    async handleGroup(msg, tx, now, photo) {
      const cmd = parseOfficeCommand(msg);
      const saved = await tx.conversations.get(msg.channel, msg.chatId);
      const all = { ...((saved?.flow === FLOW ? saved.state['pending'] : undefined) as Record<string, Pending> | undefined) };
      for (const [user, p] of Object.entries(all)) if (now - p.at > ttl) delete all[user];
      const mine = all[msg.userId];
      if (!cmd && !mine) return;
      const { replies, pending } = await act(msg, cmd, mine, now, photo);
      if (pending) all[msg.userId] = pending;
      else delete all[msg.userId];
      await tx.conversations.put({
        channel: msg.channel,
        chatId: msg.chatId,
        flow: FLOW,
        step: null,
        state: { pending: all },
        language: o.pack().city.locale,
        updatedAt: now,
      });
      let i = 0;
      for (const payload of replies) {
        await tx.outbox.enqueue({ channel: msg.channel, address: msg.chatId, payload, dedupeKey: `office-reply:${msg.channel}:${msg.messageId}:${i++}` }, now);
      }
    },
  };
}
