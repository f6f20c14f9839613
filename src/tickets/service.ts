/**
 * The ticket service: one object over the ticket operations, for flows, the console and jobs.
 */
import type { Ticket, TicketEvent, TicketPhoto } from '../store/ports.js';
import { applyAction, rateTicket, replyToResident, type ActionOptions, type Actor } from './actions.js';
import { categorizeTicket } from './categorize.js';
import { fileReport, type ReportInput } from './create.js';
import type { TicketDeps } from './deps.js';
import { findDuplicate, type DuplicateOptions, type DuplicateQuery } from './duplicates.js';
import { commentOnTicket, followTicket, type CommentInput } from './followers.js';
import type { Rating, TicketAction } from './state-machine.js';

export type { ReportInput } from './create.js';
export type { TicketDeps } from './deps.js';
export type { DuplicateQuery } from './duplicates.js';
export type { CommentInput } from './followers.js';

export interface TicketService {
  file(input: ReportInput): Promise<Ticket>;
  act(ticketId: number, action: TicketAction, actor: Actor, options?: ActionOptions): Promise<Ticket>;
  /**
   * Gives an unclassified ticket its category (manual dispatch), with the resolution deadline that
   * category's SLA sets from the report (categorize.ts). Moving it to the category's unit is a
   * separate transfer.
   */
  categorize(ticketId: number, categoryId: string, actor: Actor): Promise<Ticket>;
  reply(ticketId: number, text: string, actor: Actor): Promise<void>;
  rate(ticketId: number, rating: Rating, residentId: number, comment?: string): Promise<Ticket>;
  /** A resident's note (and/or photo) on their ticket: kept as an event and passed on to the unit. */
  comment(ticketId: number, residentId: number, input: CommentInput): Promise<void>;
  /** An earlier open ticket about the same problem (see duplicates.ts), if any. */
  findDuplicate(query: DuplicateQuery): Promise<Ticket | undefined>;
  /** The resident follows the ticket's updates; false when they already did (or filed it). */
  follow(ticketId: number, residentId: number): Promise<boolean>;
  /** How many residents reported each ticket: its reporter plus its followers. */
  reporters(ticketIds: number[]): Promise<Map<number, number>>;
  byNumber(number: string): Promise<Ticket | undefined>;
  byId(id: number): Promise<Ticket | undefined>;
  forResident(residentId: number, limit?: number): Promise<Ticket[]>;
  history(ticketId: number): Promise<TicketEvent[]>;
  /** The newest office reply (or resolution note) on the ticket. */
  latestReply(ticketId: number): Promise<TicketEvent | undefined>;
  photos(ticketId: number): Promise<TicketPhoto[]>;
}

export function createTicketService(deps: TicketDeps, options: { duplicates?: DuplicateOptions } = {}): TicketService {
  const { store } = deps;
  return {
    file: (input) => fileReport(deps, input),
    act: (id, action, actor, actionOptions) => applyAction(deps, id, action, actor, actionOptions),
    categorize: (id, categoryId, actor) => store.transaction((tx) => categorizeTicket(deps, tx, id, categoryId, actor)),
    reply: (id, text, actor) => replyToResident(deps, id, text, actor),
    rate: (id, rating, residentId, comment) => rateTicket(deps, id, rating, residentId, comment),
    comment: (id, residentId, input) => commentOnTicket(deps, id, residentId, input),
    findDuplicate: (query) => findDuplicate(deps, query, options.duplicates),
    follow: (id, residentId) => followTicket(deps, id, residentId),
    async reporters(ids) {
      const counts = await store.tickets.followerCounts(ids);
      return new Map(ids.map((id) => [id, 1 + (counts.get(id) ?? 0)]));
    },
    byNumber: (number) => store.tickets.byNumber(deps.pack().city.id, number.trim()),
    byId: (id) => store.tickets.byId(id),
    forResident: (residentId, limit = 10) => store.tickets.list({ residentId, limit }),
    history: (id) => store.tickets.events(id),
    async latestReply(id) {
      const events = await store.tickets.events(id);
      return events.reverse().find((e) => e.type === 'reply' || e.type === 'resolve');
    },
    photos: (id) => store.tickets.photos(id),
  };
}
