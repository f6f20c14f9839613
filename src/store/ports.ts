/**
 * Repository interfaces: all the domain knows of storage. The SQLite implementation lives in
 * `db/sqlite/`, the PostgreSQL one in `db/postgres/`; src/core.ts picks one by DATABASE_URL.
 * Every method is async so either can serve.
 */
import type { CampaignRepo } from '../campaigns/ports.js';
import type { ChannelName, ChoiceStore, OutboundMessage } from '../channels/types.js';
import type { HousekeepingRepo } from './housekeeping.js';
import type { MediaFileRepo } from './media.js';

export type { HousekeepingRepo } from './housekeeping.js';
export type { MediaFileRepo, MediaSource, RegisteredMedia } from './media.js';

export type TicketState =
  | 'submitted'
  | 'assigned'
  | 'accepted'
  | 'resolved'
  | 'closed'
  | 'transferred'
  | 'reopened'
  | 'escalated'
  | 'rejected';

export type TicketKind = 'report' | 'inquiry';

export interface Ticket {
  id: number;
  number: string;
  cityId: string;
  kind: TicketKind;
  state: TicketState;
  categoryId: string | null;
  areaId: string | null;
  unitId: string;
  text: string;
  lat: number | null;
  lon: number | null;
  routeConfidence: number | null;
  residentId: number | null;
  channel: ChannelName;
  ackDueAt: number;
  resolveDueAt: number;
  acceptedAt: number | null;
  resolvedAt: number | null;
  closedAt: number | null;
  escalatedAt: number | null;
  rejectReason: string | null;
  rating: string | null;
  createdAt: number;
  updatedAt: number;
}

export type NewTicket = Omit<Ticket, 'id' | 'acceptedAt' | 'resolvedAt' | 'closedAt' | 'escalatedAt' | 'rejectReason' | 'rating'>;

export interface TicketEvent {
  id: number;
  ticketId: number;
  at: number;
  actor: string;
  type: string;
  fromState: string | null;
  toState: string | null;
  note: string | null;
  data: Record<string, unknown> | null;
}

export type NewTicketEvent = Omit<TicketEvent, 'id'>;

export interface TicketPhoto {
  id: number;
  ticketId: number;
  path: string;
  mime: string;
  source: 'resident' | 'office';
  createdAt: number;
}

export interface TicketFilter {
  unitId?: string;
  /** Any of these units (the console's visible units). */
  unitIds?: string[];
  states?: TicketState[];
  /** A category id; null: uncategorised tickets only. */
  categoryId?: string | null;
  /** Any of these areas (an area and its sub-areas). */
  areaIds?: string[];
  residentId?: number;
  createdFrom?: number;
  createdTo?: number;
  /** Only tickets open at this instant with a deadline already passed (acceptance or resolution). */
  overdueAt?: number;
  limit?: number;
  /** Rows skipped, for paging. Default 0. */
  offset?: number;
}

/** Figures of one unit's tickets created in a period (grouped by the ticket's current unit). */
export interface UnitSummaryRow {
  unitId: string;
  received: number;
  /** Accepted no later than the acceptance deadline (acceptedAt <= ackDueAt). */
  acceptedOnTime: number;
  /** Resolved (resolvedAt set; a reopen clears it). */
  resolved: number;
  /** Resolved no later than the resolution deadline (resolvedAt <= resolveDueAt). */
  resolvedOnTime: number;
  rated: number;
  satisfied: number;
  neutral: number;
  unsatisfied: number;
}

export interface TicketRepo {
  /** Next readable number for the city and day, such as 20261129-0007. */
  nextNumber(cityId: string, day: string): Promise<string>;
  insert(ticket: NewTicket): Promise<Ticket>;
  update(id: number, patch: Partial<Omit<Ticket, 'id' | 'number' | 'cityId'>>): Promise<Ticket>;
  byId(id: number): Promise<Ticket | undefined>;
  byNumber(cityId: string, number: string): Promise<Ticket | undefined>;
  list(filter: TicketFilter): Promise<Ticket[]>;
  appendEvent(event: NewTicketEvent): Promise<TicketEvent>;
  events(ticketId: number): Promise<TicketEvent[]>;
  addPhoto(photo: Omit<TicketPhoto, 'id'>): Promise<TicketPhoto>;
  photos(ticketId: number): Promise<TicketPhoto[]>;
  /** Per-unit figures of the tickets created in [from, to). */
  unitSummary(period: { from: number; to: number }): Promise<UnitSummaryRow[]>;
  /** Adds a resident who follows the ticket (reported the same problem); false when they already did. */
  addFollower(ticketId: number, residentId: number, now: number): Promise<boolean>;
  /** The residents following the ticket (its reporter not included), in the order they joined. */
  followers(ticketId: number): Promise<number[]>;
  /** How many follow each of the tickets; a ticket nobody follows is absent. */
  followerCounts(ticketIds: number[]): Promise<Map<number, number>>;
}

export interface Resident {
  id: number;
  channel: ChannelName;
  platformUserId: string;
  address: string;
  language: string;
  pseudonym: string;
  phone: string | null;
  createdAt: number;
}

export interface ResidentRepo {
  /** Finds the resident of this channel and platform user, creating them on first contact. */
  upsert(input: { channel: ChannelName; platformUserId: string; address: string; language: string; now: number }): Promise<Resident>;
  byId(id: number): Promise<Resident | undefined>;
  setLanguage(id: number, language: string): Promise<void>;
}

export type OutboxStatus = 'pending' | 'delivered' | 'failed';

export interface OutboxItem {
  id: number;
  channel: ChannelName;
  address: string;
  payload: OutboundMessage;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: number;
  leaseUntil: number | null;
  lastError: string | null;
  dedupeKey: string | null;
  ticketId: number | null;
  createdAt: number;
  deliveredAt: number | null;
}

export interface NewOutboxItem {
  channel: ChannelName;
  address: string;
  payload: OutboundMessage;
  /** The same key is enqueued at most once. */
  dedupeKey?: string;
  ticketId?: number;
  /** Earliest delivery time. Default: now. */
  notBefore?: number;
}

export interface OutboxRepo {
  /** Returns the row id, or undefined when the dedupe key was already enqueued. */
  enqueue(item: NewOutboxItem, now: number): Promise<number | undefined>;
  /** Enqueues many rows at once (a broadcast); each entry is the row id or undefined (dedupe key seen). */
  enqueueMany(items: NewOutboxItem[], now: number): Promise<(number | undefined)[]>;
  /**
   * Leases up to `limit` due rows (pending, next attempt reached, no live lease) until `leaseUntil`.
   * Channels listed in `skipChannels` are left alone (they are paused by a rate limit).
   */
  lease(now: number, leaseUntil: number, limit: number, skipChannels?: ChannelName[]): Promise<OutboxItem[]>;
  markDelivered(id: number, now: number): Promise<void>;
  /** markDelivered for many rows in one statement batch (the dispatcher's hot path). */
  markDeliveredMany(ids: number[], now: number): Promise<void>;
  /** Back to pending for another try at `nextAttemptAt`. */
  markRetry(id: number, nextAttemptAt: number, error: string): Promise<void>;
  markFailed(id: number, error: string): Promise<void>;
  /**
   * Like `lease`, but takes only the oldest pending row of each (channel, address), so a later
   * message never overtakes an earlier one still waiting for a retry (or leased elsewhere).
   * `channels` restricts the lease to those channels; `skipChannels` leaves those alone.
   */
  leaseHeads(
    now: number,
    leaseUntil: number,
    limit: number,
    filter?: { channels?: ChannelName[]; skipChannels?: ChannelName[] },
  ): Promise<OutboxItem[]>;
  /** Back to pending at `nextAttemptAt` without counting an attempt (the dispatcher throttled it). */
  defer(id: number, nextAttemptAt: number): Promise<void>;
  /** Returns leased rows to the pool now (clean shutdown). */
  releaseLeases(ids: number[]): Promise<void>;
  byId(id: number): Promise<OutboxItem | undefined>;
  counts(): Promise<Record<OutboxStatus, number>>;
}

export interface InboundSeenRepo {
  /** Records a platform message id; false when it was already seen. */
  markSeen(channel: string, messageId: string, now: number): Promise<boolean>;
}

export interface Conversation {
  channel: string;
  chatId: string;
  flow: string | null;
  step: string | null;
  state: Record<string, unknown>;
  language: string | null;
  updatedAt: number;
}

export interface ConversationRepo {
  get(channel: string, chatId: string): Promise<Conversation | undefined>;
  put(conversation: Conversation): Promise<void>;
}

/**
 * The numbered list last sent to each chat on a channel without buttons (WeChat): one row per
 * chat, replaced by the next list. The WeChat adapter uses it as its ChoiceStore.
 */
export type NumberedChoiceRepo = ChoiceStore;

export interface WebMessage {
  id: number;
  sessionId: string;
  direction: 'in' | 'out';
  payload: Record<string, unknown>;
  createdAt: number;
}

export interface WebMessageRepo {
  add(m: Omit<WebMessage, 'id'>): Promise<WebMessage>;
  /** Messages of the session after `afterId`, oldest first. */
  since(sessionId: string, afterId: number, limit?: number): Promise<WebMessage[]>;
}

export interface Subscription {
  id: number;
  residentId: number;
  channel: ChannelName;
  address: string;
  areaId: string | null;
  language: string;
  tags: string[];
  status: 'active' | 'unsubscribed';
  createdAt: number;
  updatedAt: number;
}

export interface SubscriptionRepo {
  /** Subscribes (or re-subscribes) the resident; returns the row. */
  subscribe(input: Omit<Subscription, 'id' | 'status' | 'createdAt' | 'updatedAt'>, now: number): Promise<Subscription>;
  /** False when the resident was not subscribed. */
  unsubscribe(residentId: number, now: number): Promise<boolean>;
  byResident(residentId: number): Promise<Subscription | undefined>;
  /** Active subscriptions matching the filter, by id, for paging through large audiences. */
  active(filter: { channels?: string[]; areas?: string[]; afterId?: number; limit?: number }): Promise<Subscription[]>;
}

export interface StoredFaqEntry {
  id: string;
  question: string;
  variants: string[];
  answer: string;
  tags: string[];
  source: 'pack' | 'staff';
  deleted: boolean;
  updatedAt: number;
}

export interface FaqRepo {
  /** All entries, deleted ones included (callers filter). */
  all(): Promise<StoredFaqEntry[]>;
  byId(id: string): Promise<StoredFaqEntry | undefined>;
  /** Inserts or replaces the entry. */
  put(entry: StoredFaqEntry): Promise<void>;
}

export interface FaqFeedback {
  id: number;
  kind: 'unanswered' | 'helpful' | 'unhelpful';
  faqId: string | null;
  question: string;
  residentId: number | null;
  ticketId: number | null;
  createdAt: number;
}

export interface FaqFeedbackRepo {
  add(f: Omit<FaqFeedback, 'id'>): Promise<FaqFeedback>;
  list(filter: { kinds?: FaqFeedback['kind'][]; limit?: number }): Promise<FaqFeedback[]>;
}

export type StaffRole = 'officer' | 'supervisor' | 'admin';

export interface Staff {
  id: number;
  login: string;
  name: string;
  unitId: string;
  role: StaffRole;
  /** bcrypt hash; null: no console login (a chat-only member). */
  passwordHash: string | null;
  disabled: boolean;
  createdAt: number;
}

export interface StaffBindCode {
  code: string;
  staffId: number;
  expiresAt: number;
  usedAt: number | null;
}

export interface StaffLink {
  id: number;
  staffId: number;
  channel: string;
  platformUserId: string;
  createdAt: number;
}

export interface StaffRepo {
  /** Throws AppError CONFLICT when the login is taken. */
  insert(staff: Omit<Staff, 'id'>): Promise<Staff>;
  byId(id: number): Promise<Staff | undefined>;
  byLogin(login: string): Promise<Staff | undefined>;
  list(): Promise<Staff[]>;
  update(id: number, patch: Partial<Pick<Staff, 'name' | 'unitId' | 'role' | 'passwordHash' | 'disabled'>>): Promise<Staff>;
  addBindCode(code: StaffBindCode): Promise<void>;
  bindCode(code: string): Promise<StaffBindCode | undefined>;
  /** Marks an unused code used; false when it was already used (single use under concurrency). */
  useBindCode(code: string, now: number): Promise<boolean>;
  /** Links (or re-links) a chat identity to the staff member. */
  link(link: Omit<StaffLink, 'id'>): Promise<StaffLink>;
  linkByIdentity(channel: string, platformUserId: string): Promise<StaffLink | undefined>;
  links(staffId: number): Promise<StaffLink[]>;
}

export interface ConsoleSession {
  tokenHash: string;
  staffId: number;
  createdAt: number;
  expiresAt: number;
}

export interface ConsoleSessionRepo {
  insert(session: ConsoleSession): Promise<void>;
  byHash(tokenHash: string): Promise<ConsoleSession | undefined>;
  delete(tokenHash: string): Promise<void>;
  /** Removes sessions expired before `now`; returns how many. */
  deleteExpired(now: number): Promise<number>;
}

/** The repositories of one unit of work. */
export interface Repos {
  tickets: TicketRepo;
  residents: ResidentRepo;
  outbox: OutboxRepo;
  inboundSeen: InboundSeenRepo;
  conversations: ConversationRepo;
  numberedChoices: NumberedChoiceRepo;
  webMessages: WebMessageRepo;
  subscriptions: SubscriptionRepo;
  faq: FaqRepo;
  faqFeedback: FaqFeedbackRepo;
  staff: StaffRepo;
  consoleSessions: ConsoleSessionRepo;
  campaigns: CampaignRepo;
  housekeeping: HousekeepingRepo;
  mediaFiles: MediaFileRepo;
}

export interface Store extends Repos {
  /**
   * Runs `fn` in one transaction: everything it writes through `tx` (or through the store's own
   * repositories, while `fn` runs) commits together or not at all; a throw rolls it all back. A
   * nested call joins the running transaction. SQLite runs one transaction at a time; PostgreSQL
   * runs them side by side, locking the tickets and conversations a transaction reads until it
   * ends. Do no network I/O inside one.
   */
  transaction<T>(fn: (tx: Repos) => Promise<T>): Promise<T>;
  /** True when the database answers. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
