/**
 * Changing a ticket: the state machine decides, and one transaction stores the new state, appends
 * the event and queues what the resident and the offices are told.
 */
import { formatDateTime, messages } from '../i18n/index.js';
import { AppError, NotFoundError } from '../errors.js';
import type { NewOutboxItem, Repos, Resident, Ticket } from '../store/ports.js';
import type { TicketDeps } from './deps.js';
import { officeCards, officeNotices } from './office-card.js';
import { nextState, parseTicketAction, type Rating, type TicketAction } from './state-machine.js';

/** Who acted: `staff:<id>`, `resident:<id>` or `system`. */
export type Actor = string;

export interface ActionOptions {
  /** A photo (in the media store) attached to a resolution. */
  photo?: { path: string; mime: string };
}

export async function applyAction(
  deps: TicketDeps,
  ticketId: number,
  input: TicketAction,
  actor: Actor,
  options: ActionOptions = {},
): Promise<Ticket> {
  const action = parseTicketAction(input);
  const result = await deps.store.transaction(async (tx) => {
    const ticket = await tx.tickets.byId(ticketId);
    if (!ticket) throw new NotFoundError('ticket', String(ticketId));
    const to = nextState(ticket.state, action, ticket.number);
    const now = deps.clock();
    const patch: Partial<Ticket> = { state: to, updatedAt: now };
    let note: string | null = null;
    switch (action.type) {
      case 'assign':
        patch.unitId = requireUnit(deps, action.unitId);
        break;
      case 'accept':
        patch.acceptedAt = ticket.acceptedAt ?? now;
        note = action.note ?? null;
        break;
      case 'transfer':
        patch.unitId = requireUnit(deps, action.toUnitId);
        patch.acceptedAt = null;
        // The receiving unit gets at least its own acceptance time; the resolution deadline stands.
        patch.ackDueAt = Math.max(ticket.ackDueAt, freshDeadlines(deps, ticket, now).ackDueAt);
        note = action.reason;
        break;
      case 'escalate':
        // The ticket stays with its unit (its figures keep it); the supervisor is told and follows it up.
        requireUnit(deps, action.toUnitId);
        patch.escalatedAt = now;
        note = action.reason ?? null;
        break;
      case 'resolve':
        patch.resolvedAt = now;
        patch.acceptedAt = ticket.acceptedAt ?? now;
        note = action.note;
        break;
      case 'reject':
        patch.rejectReason = `${action.reasonKind}: ${action.note}`;
        note = action.note;
        break;
      case 'close':
        patch.closedAt = now;
        if (action.rating) patch.rating = action.rating;
        note = action.note ?? null;
        break;
      case 'reopen':
        patch.resolvedAt = null;
        patch.closedAt = null;
        patch.acceptedAt = null;
        patch.rejectReason = null;
        // The work starts over: new deadlines from now, so a reopened ticket is not overdue at once.
        Object.assign(patch, freshDeadlines(deps, ticket, now));
        note = action.reason;
        break;
    }
    const updated = await tx.tickets.update(ticket.id, patch);
    await tx.tickets.appendEvent({
      ticketId: ticket.id,
      at: now,
      actor,
      type: action.type,
      fromState: ticket.state,
      toState: to,
      note,
      data: { ...action },
    });
    if (options.photo) {
      await tx.tickets.addPhoto({ ticketId: ticket.id, ...options.photo, source: 'office', createdAt: now });
    }
    for (const item of await notifications(deps, tx, updated, action, options, note)) await tx.outbox.enqueue(item, now);
    return updated;
  });
  deps.onQueued?.();
  return result;
}

function freshDeadlines(deps: TicketDeps, t: Ticket, now: number): { ackDueAt: number; resolveDueAt: number } {
  const category = deps.pack().categories.find((c) => c.id === t.categoryId);
  return deps.calendar.deadlines(now, category?.sla);
}

function requireUnit(deps: TicketDeps, unitId: string): string {
  if (!deps.pack().units.some((u) => u.id === unitId)) {
    throw new AppError('UNKNOWN_REFERENCE', `unknown unit "${unitId}"`, { unit: unitId });
  }
  return unitId;
}

const RATING_BUTTONS = (n: string, lang: string) => {
  const m = messages(lang);
  return [
    [
      { label: m.rating.satisfied, data: `rate:satisfied:${n}` },
      { label: m.rating.basic, data: `rate:neutral:${n}` },
      { label: m.rating.unsatisfied, data: `rate:unsatisfied:${n}` },
    ],
  ];
};

/** The ticket's reporter and the residents who follow it (reported the same problem later). */
export async function audience(tx: Repos, t: Ticket): Promise<{ reporter?: Resident; followers: Resident[] }> {
  const reporter = t.residentId === null ? undefined : await tx.residents.byId(t.residentId);
  const followers: Resident[] = [];
  for (const id of await tx.tickets.followers(t.id)) {
    const r = id === t.residentId ? undefined : await tx.residents.byId(id);
    if (r) followers.push(r);
  }
  return reporter ? { reporter, followers } : { followers };
}

/** What one resident is told about this change (the reporter is asked to rate; followers are not). */
function residentText(
  deps: TicketDeps,
  t: Ticket,
  action: TicketAction,
  lang: string,
  follower: boolean,
): { text: string; buttons?: { label: string; data: string }[][] } | undefined {
  const pack = deps.pack();
  const m = messages(lang);
  const n = t.number;
  const unitName = pack.units.find((u) => u.id === t.unitId)?.name ?? t.unitId;
  switch (action.type) {
    case 'accept':
      return { text: m.ticket.accepted({ number: n, unit: unitName }) };
    case 'transfer':
      return { text: m.ticket.transferred({ number: n, unit: unitName }) };
    case 'resolve':
      return follower
        ? { text: m.ticket.resolvedFollower({ number: n, unit: unitName, note: action.note }) }
        : { text: m.ticket.resolved({ number: n, unit: unitName, note: action.note }), buttons: RATING_BUTTONS(n, lang) };
    case 'reject':
      return { text: m.ticket.rejected({ number: n, reason: `${m.ticket.rejectReasons[action.reasonKind]}（${action.note}）` }) };
    case 'reopen':
      return { text: m.ticket.reopened({ number: n, unit: unitName }) };
    case 'close':
      return { text: m.ticket.closed({ number: n }) };
    case 'escalate':
      return { text: m.ticket.escalated({ number: n, unit: pack.units.find((u) => u.id === action.toUnitId)?.name ?? action.toUnitId }) };
    default:
      return undefined;
  }
}

/** What the residents and the offices are told about this change. */
async function notifications(
  deps: TicketDeps,
  tx: Repos,
  t: Ticket,
  action: TicketAction,
  options: ActionOptions,
  note: string | null,
): Promise<NewOutboxItem[]> {
  const pack = deps.pack();
  const unit = pack.units.find((u) => u.id === t.unitId);
  const { reporter, followers } = await audience(tx, t);
  const out: NewOutboxItem[] = [];
  const key = `${t.id}:${action.type}:${t.updatedAt}`;
  const tell = [...(reporter ? [{ r: reporter, follower: false }] : []), ...followers.map((r) => ({ r, follower: true }))];
  for (const { r, follower } of tell) {
    const said = residentText(deps, t, action, r.language, follower);
    if (!said) continue;
    const who = follower ? `follower:${r.id}:` : '';
    out.push({
      channel: r.channel,
      address: r.address,
      payload: { kind: 'text', text: said.text, ...(said.buttons ? { buttons: said.buttons } : {}) },
      ticketId: t.id,
      dedupeKey: `resident:${who}${key}`,
    });
    if (action.type === 'resolve' && options.photo) {
      out.push({
        channel: r.channel,
        address: r.address,
        payload: { kind: 'photo', photo: options.photo.path },
        ticketId: t.id,
        dedupeKey: `resident:${who}${key}:photo`,
      });
    }
  }
  const tz = pack.city.timezone;
  const reason = action.type === 'transfer' ? 'transferred' : action.type === 'reopen' ? 'reopened' : undefined;
  if (unit && reason) {
    out.push(
      ...officeCards(unit, {
        ticket: t,
        pack,
        pseudonym: reporter?.pseudonym ?? '—',
        ackDue: formatDateTime('zh-CN', t.ackDueAt, tz),
        resolveDue: formatDateTime('zh-CN', t.resolveDueAt, tz),
        reason,
        consoleUrl: deps.consoleUrl?.(t),
        reporters: 1 + followers.length,
        note,
      }),
    );
  }
  if (action.type === 'escalate') out.push(...(await escalationNotices(deps, tx, t, action)));
  return out;
}

/**
 * The 督办 notice: to the supervising unit's contacts, and a copy to the unit itself, naming the
 * deadline that passed and counting the reminders the unit was sent.
 */
async function escalationNotices(deps: TicketDeps, tx: Repos, t: Ticket, action: Extract<TicketAction, { type: 'escalate' }>): Promise<NewOutboxItem[]> {
  const pack = deps.pack();
  const o = messages(pack.city.locale).office;
  const unit = pack.units.find((u) => u.id === t.unitId);
  const supervisor = pack.units.find((u) => u.id === action.toUnitId);
  const reminders = (await tx.tickets.events(t.id)).filter((e) => e.type === 'remind').length;
  const ack = t.acceptedAt === null;
  const text = o.escalation({
    number: t.number,
    category: pack.categories.find((c) => c.id === t.categoryId)?.name ?? o.noCategory,
    area: pack.areas.find((a) => a.id === t.areaId)?.name ?? o.noArea,
    unit: unit?.name ?? t.unitId,
    what: o.escalationWhat[ack ? 'ack' : 'resolve'],
    due: formatDateTime(pack.city.locale, ack ? t.ackDueAt : t.resolveDueAt, pack.city.timezone),
    reminders,
    supervisor: supervisor?.name ?? action.toUnitId,
  });
  const key = `escalate:${t.id}:${t.updatedAt}`;
  const out = supervisor ? officeNotices(supervisor, text, key, t.id) : [];
  if (unit && unit.id !== supervisor?.id) out.push(...officeNotices(unit, text, key, t.id));
  return out;
}

/** An office's reply to the resident: an event and a message, no change of state. */
export async function replyToResident(deps: TicketDeps, ticketId: number, text: string, actor: Actor): Promise<void> {
  const body = text.trim();
  if (!body) throw new AppError('INVALID_INPUT', 'reply: text must not be empty');
  await deps.store.transaction(async (tx) => {
    const t = await tx.tickets.byId(ticketId);
    if (!t) throw new NotFoundError('ticket', String(ticketId));
    const now = deps.clock();
    await tx.tickets.appendEvent({ ticketId, at: now, actor, type: 'reply', fromState: t.state, toState: t.state, note: body, data: null });
    const { reporter, followers } = await audience(tx, t);
    const unit = deps.pack().units.find((u) => u.id === t.unitId)?.name ?? t.unitId;
    for (const r of [...(reporter ? [reporter] : []), ...followers]) {
      await tx.outbox.enqueue(
        {
          channel: r.channel,
          address: r.address,
          payload: { kind: 'text', text: messages(r.language).ticket.reply({ number: t.number, unit, text: body }) },
          ticketId,
        },
        now,
      );
    }
  });
  deps.onQueued?.();
}

/**
 * The resident's rating of a resolved ticket: satisfied or basically satisfied closes it,
 * not satisfied reopens it to the same unit. An optional comment is kept in the event.
 */
export async function rateTicket(deps: TicketDeps, ticketId: number, rating: Rating, residentId: number, comment?: string): Promise<Ticket> {
  const actor = `resident:${residentId}`;
  const t = await deps.store.tickets.byId(ticketId);
  if (!t) throw new NotFoundError('ticket', String(ticketId));
  if (t.residentId !== residentId) throw new AppError('FORBIDDEN', `ticket ${t.number} is not this resident's`);
  return deps.store.transaction(async () => {
    if (rating === 'unsatisfied') {
      const reopened = await applyAction(deps, ticketId, { type: 'reopen', reason: comment?.trim() || '居民评价：不满意' }, actor);
      return deps.store.tickets.update(ticketId, { rating }).then(() => ({ ...reopened, rating }));
    }
    return applyAction(deps, ticketId, { type: 'close', rating, ...(comment?.trim() ? { note: comment.trim() } : {}) }, actor);
  });
}
