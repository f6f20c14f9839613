/**
 * Residents besides the reporter: those who follow a ticket (they reported the same problem and
 * chose to follow the earlier ticket), and a resident's own later note on their ticket (a rating
 * comment or photo), which the office should read.
 */
import { AppError, NotFoundError } from '../errors.js';
import { messages } from '../i18n/index.js';
import { officeNotices } from './office-card.js';
import type { TicketDeps } from './deps.js';
import { OPEN_STATES, type Rating } from './state-machine.js';

/** Longest resident note kept, in characters. */
export const MAX_COMMENT = 2000;

/**
 * The resident follows the ticket: they get its updates from now on, and the unit learns that one
 * more resident reported the problem. Returns false when they already follow it (or filed it).
 */
export async function followTicket(deps: TicketDeps, ticketId: number, residentId: number): Promise<boolean> {
  const added = await deps.store.transaction(async (tx) => {
    const t = await tx.tickets.byId(ticketId);
    if (!t) throw new NotFoundError('ticket', String(ticketId));
    if (t.residentId === residentId) return false;
    if (!(OPEN_STATES as readonly string[]).includes(t.state)) {
      throw new AppError('CONFLICT', `ticket ${t.number} is no longer open`, { ticket: t.number });
    }
    const now = deps.clock();
    if (!(await tx.tickets.addFollower(ticketId, residentId, now))) return false;
    await tx.tickets.appendEvent({
      ticketId,
      at: now,
      actor: `resident:${residentId}`,
      type: 'follow',
      fromState: t.state,
      toState: t.state,
      note: null,
      data: null,
    });
    const pack = deps.pack();
    const unit = pack.units.find((u) => u.id === t.unitId);
    const count = 1 + (await tx.tickets.followers(ticketId)).length;
    const text = messages(pack.city.locale).office.followerJoined({ number: t.number, count });
    for (const item of unit ? officeNotices(unit, text, `follow:${ticketId}:${residentId}`, ticketId) : []) await tx.outbox.enqueue(item, now);
    return true;
  });
  if (added) deps.onQueued?.();
  return added;
}

export interface CommentInput {
  text?: string;
  /** A photo already in the media store. */
  photo?: { path: string; mime: string };
  /** The rating this comment explains, when it follows one. */
  rating?: Rating;
}

/**
 * A resident's note on their ticket (after rating it, typically): kept as a `comment` event (a
 * photo is attached to the ticket) and passed on to the unit's contacts.
 * Throws FORBIDDEN for someone else's ticket, INVALID_INPUT when there is neither text nor photo.
 */
export async function commentOnTicket(deps: TicketDeps, ticketId: number, residentId: number, input: CommentInput): Promise<void> {
  const text = input.text?.trim().slice(0, MAX_COMMENT) ?? '';
  if (!text && !input.photo) throw new AppError('INVALID_INPUT', 'comment: text or photo is required');
  await deps.store.transaction(async (tx) => {
    const t = await tx.tickets.byId(ticketId);
    if (!t) throw new NotFoundError('ticket', String(ticketId));
    if (t.residentId !== residentId && !(await tx.tickets.followers(ticketId)).includes(residentId)) {
      throw new AppError('FORBIDDEN', `ticket ${t.number} is not this resident's`);
    }
    const now = deps.clock();
    const pack = deps.pack();
    const o = messages(pack.city.locale);
    const unit = pack.units.find((u) => u.id === t.unitId);
    const key = `comment:${ticketId}:${residentId}:${now}`;
    if (input.photo) {
      await tx.tickets.addPhoto({ ticketId, path: input.photo.path, mime: input.photo.mime, source: 'resident', createdAt: now });
    }
    if (text) {
      await tx.tickets.appendEvent({
        ticketId,
        at: now,
        actor: `resident:${residentId}`,
        type: 'comment',
        fromState: t.state,
        toState: t.state,
        note: text,
        data: { rating: input.rating ?? null },
      });
    }
    const rating = input.rating ? o.rating[input.rating === 'neutral' ? 'basic' : input.rating] : '';
    const notice = text ? o.office.residentComment({ number: t.number, rating, text }) : o.office.residentPhoto({ number: t.number });
    for (const item of unit ? officeNotices(unit, notice, key, ticketId) : []) await tx.outbox.enqueue(item, now);
    if (unit && input.photo) {
      for (const item of officeNotices(unit, '', `${key}:photo`, ticketId)) {
        if (item.channel === 'wecom') continue; // a robot card cannot carry our stored photo
        await tx.outbox.enqueue({ ...item, payload: { kind: 'photo', photo: input.photo.path, caption: o.office.residentPhoto({ number: t.number }) } }, now);
      }
    }
  });
  deps.onQueued?.();
}
