import type { Category, Pack } from '../pack/schema.js';
import type { RouteInput, RouteResult } from '../routing/index.js';
import type { Store, Ticket } from '../store/ports.js';

/** What ticket operations need; the composition root provides it. */
export interface TicketDeps {
  store: Store;
  /** The pack in force (a reload swaps it). */
  pack: () => Pack;
  router: {
    route(input: RouteInput): RouteResult;
    /** The unit for a category (or none) in an area (or none), by the spec's walk-up rule. */
    unitFor(category: string | null, area: string | null): string;
  };
  calendar: {
    deadlines(reportedAt: number, sla?: Category['sla']): { ackDueAt: number; resolveDueAt: number };
    /** The city's local day of an instant, YYYYMMDD, for ticket numbers. */
    localDay(ms: number): string;
  };
  clock: () => number;
  /** Link to the ticket in the office console, if one is served. */
  consoleUrl?: (ticket: Ticket) => string;
  /** Called after a transaction queued messages, to wake the outbox dispatcher. */
  onQueued?: () => void;
}
