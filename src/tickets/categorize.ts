/**
 * Classifying a ticket the router could not (manual dispatch): the category goes on the ticket and
 * its resolution deadline becomes the one that category's SLA gives, counted from the report, as
 * if the router had known it. The resident waited from the report, and the unit's on-time figure
 * should measure that; but a dispatcher who took long must not hand over a ticket already overdue,
 * so the deadline is never earlier than the end of today's working day.
 */
import { AppError, NotFoundError } from '../errors.js';
import type { Repos, Ticket } from '../store/ports.js';
import type { Actor } from './actions.js';
import type { TicketDeps } from './deps.js';

export async function categorizeTicket(deps: TicketDeps, tx: Repos, ticketId: number, categoryId: string, actor: Actor): Promise<Ticket> {
  const ticket = await tx.tickets.byId(ticketId);
  if (!ticket) throw new NotFoundError('ticket', String(ticketId));
  const category = deps.pack().categories.find((c) => c.id === categoryId);
  if (!category) throw new AppError('UNKNOWN_REFERENCE', `unknown category "${categoryId}"`, { category: categoryId });
  if (ticket.categoryId !== null) {
    throw new AppError('CONFLICT', `ticket ${ticket.number} already has a category; use transfer to move it`, { ticket: ticket.number });
  }
  const now = deps.clock();
  const fromReport = deps.calendar.deadlines(ticket.createdAt, category.sla).resolveDueAt;
  const resolveDueAt = Math.max(fromReport, deps.calendar.deadlines(now).ackDueAt);
  const updated = await tx.tickets.update(ticket.id, { categoryId: category.id, resolveDueAt, updatedAt: now });
  await tx.tickets.appendEvent({
    ticketId: ticket.id,
    at: now,
    actor,
    type: 'categorize',
    fromState: ticket.state,
    toState: ticket.state,
    note: null,
    data: { category: category.id, resolveDueAt },
  });
  return updated;
}
