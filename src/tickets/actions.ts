/**
 * Changing a ticket: the state machine decides, and one transaction stores the new state, appends
 * the event and queues what the resident and the offices are told.
 */
import { formatDateTime, messages } from '../i18n/index.js';
import { AppError, NotFoundError } from '../errors.js';
import type { NewOutboxItem, Repos, Ticket } from '../store/ports.js';
import type { TicketDeps } from './deps.js';
import { officeCards } from './office-card.js';
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
        note = action.reason;
        break;
      case 'escalate':
        patch.unitId = requireUnit(deps, action.toUnitId);
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
    for (const item of await notifications(deps, tx, updated, action, options)) await tx.outbox.enqueue(item, now);
    return updated;
  });
  deps.onQueued?.();
  return result;
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

/** What the resident and the offices are told about this change. */
async function notifications(
  deps: TicketDeps,
  tx: Repos,
  t: Ticket,
  action: TicketAction,
  options: ActionOptions,
): Promise<NewOutboxItem[]> {
  const pack = deps.pack();
  const unit = pack.units.find((u) => u.id === t.unitId);
  const unitName = unit?.name ?? t.unitId;
  const resident = t.residentId === null ? undefined : await tx.residents.byId(t.residentId);
  const out: NewOutboxItem[] = [];
  const key = `${t.id}:${action.type}:${t.updatedAt}`;
  if (resident) {
    const m = messages(resident.language);
    const n = t.number;
    let text: string | undefined;
    let buttons: { label: string; data: string }[][] | undefined;
    switch (action.type) {
      case 'accept':
        text = m.ticket.accepted({ number: n, unit: unitName });
        break;
      case 'transfer':
        text = m.ticket.transferred({ number: n, unit: unitName });
        break;
      case 'resolve':
        text = m.ticket.resolved({ number: n, unit: unitName, note: action.note });
        buttons = RATING_BUTTONS(n, resident.language);
        break;
      case 'reject':
        text = m.ticket.rejected({ number: n, reason: `${m.ticket.rejectReasons[action.reasonKind]}（${action.note}）` });
        break;
      case 'reopen':
        text = m.ticket.reopened({ number: n, unit: unitName });
        break;
      case 'close':
        text = m.ticket.closed({ number: n });
        break;
    }
    if (text) {
      out.push({
        channel: resident.channel,
        address: resident.address,
        payload: { kind: 'text', text, ...(buttons ? { buttons } : {}) },
        ticketId: t.id,
        dedupeKey: `resident:${key}`,
      });
      if (action.type === 'resolve' && options.photo) {
        out.push({
          channel: resident.channel,
          address: resident.address,
          payload: { kind: 'photo', photo: options.photo.path },
          ticketId: t.id,
          dedupeKey: `resident:${key}:photo`,
        });
      }
    }
  }
  const reason = action.type === 'transfer' || action.type === 'escalate' ? 'transferred' : action.type === 'reopen' ? 'reopened' : undefined;
  if (unit && reason) {
    const tz = pack.city.timezone;
    out.push(
      ...officeCards(unit, {
        ticket: t,
        pack,
        pseudonym: resident?.pseudonym ?? '—',
        ackDue: formatDateTime('zh-CN', t.ackDueAt, tz),
        resolveDue: formatDateTime('zh-CN', t.resolveDueAt, tz),
        reason,
        consoleUrl: deps.consoleUrl?.(t),
      }),
    );
  }
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
    const resident = t.residentId === null ? undefined : await tx.residents.byId(t.residentId);
    if (resident) {
      const unit = deps.pack().units.find((u) => u.id === t.unitId)?.name ?? t.unitId;
      await tx.outbox.enqueue(
        {
          channel: resident.channel,
          address: resident.address,
          payload: { kind: 'text', text: messages(resident.language).ticket.reply({ number: t.number, unit, text: body }) },
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
