/**
 * SQLite schema (drizzle). Times are integer milliseconds since the epoch, set in code: SQLite's
 * own clock has second precision. JSON columns hold plain objects written by repositories.
 * The PostgreSQL schema, db/postgres/schema.ts, has the same tables and inferred row types: change
 * both together (test/db/schema-parity.test.ts checks) and generate each dialect's migrations.
 */
import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const residents = sqliteTable(
  'residents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    channel: text('channel').notNull(),
    /** The platform's user id; never shown to offices or written to logs. */
    platformUserId: text('platform_user_id').notNull(),
    /** Opaque address the channel adapter sends to (a chat id, a wechat contact id ...). */
    address: text('address').notNull(),
    language: text('language').notNull().default('zh-CN'),
    /** What offices see instead of the platform identity, such as 居民A7K3. */
    pseudonym: text('pseudonym').notNull(),
    phone: text('phone'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('residents_channel_user').on(t.channel, t.platformUserId)],
);

export const tickets = sqliteTable(
  'tickets',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Readable number, unique per city: 20261129-0007. */
    number: text('number').notNull(),
    cityId: text('city_id').notNull(),
    kind: text('kind').notNull().default('report'), // report | inquiry
    state: text('state').notNull(),
    categoryId: text('category_id'),
    areaId: text('area_id'),
    unitId: text('unit_id').notNull(),
    text: text('text').notNull(),
    lat: real('lat'),
    lon: real('lon'),
    /** Coordinates are stored in WGS-84 whatever the channel sent. */
    routeConfidence: real('route_confidence'),
    residentId: integer('resident_id').references(() => residents.id),
    channel: text('channel').notNull(),
    ackDueAt: integer('ack_due_at').notNull(),
    resolveDueAt: integer('resolve_due_at').notNull(),
    acceptedAt: integer('accepted_at'),
    resolvedAt: integer('resolved_at'),
    closedAt: integer('closed_at'),
    escalatedAt: integer('escalated_at'),
    rejectReason: text('reject_reason'),
    rating: text('rating'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('tickets_city_number').on(t.cityId, t.number),
    index('tickets_unit_state').on(t.unitId, t.state),
    index('tickets_resident').on(t.residentId),
  ],
);

/** Append-only history of every ticket change. */
export const ticketEvents = sqliteTable(
  'ticket_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id),
    at: integer('at').notNull(),
    /** resident:<id> | staff:<id> | system */
    actor: text('actor').notNull(),
    type: text('type').notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    note: text('note'),
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (t) => [index('ticket_events_ticket').on(t.ticketId, t.id)],
);

export const ticketPhotos = sqliteTable('ticket_photos', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  ticketId: integer('ticket_id')
    .notNull()
    .references(() => tickets.id),
  /** Path relative to the media directory. */
  path: text('path').notNull(),
  mime: text('mime').notNull(),
  /** resident | office */
  source: text('source').notNull().default('resident'),
  createdAt: integer('created_at').notNull(),
});

/** Per city and day counter behind readable ticket numbers. */
export const ticketCounters = sqliteTable(
  'ticket_counters',
  {
    cityId: text('city_id').notNull(),
    day: text('day').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [uniqueIndex('ticket_counters_pk').on(t.cityId, t.day)],
);

/** Durable queue of every outgoing message. */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    channel: text('channel').notNull(),
    address: text('address').notNull(),
    payload: text('payload', { mode: 'json' }).notNull().$type<Record<string, unknown>>(),
    /** pending | delivered | failed */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    /** Set while a dispatcher holds the row; a stale lease is taken over after a crash. */
    leaseUntil: integer('lease_until'),
    lastError: text('last_error'),
    /** Optional idempotency key: the same key is enqueued once. */
    dedupeKey: text('dedupe_key'),
    ticketId: integer('ticket_id'),
    createdAt: integer('created_at').notNull(),
    deliveredAt: integer('delivered_at'),
  },
  (t) => [
    index('outbox_due').on(t.status, t.nextAttemptAt),
    // Head-of-line leasing looks up the oldest pending row per channel and address.
    index('outbox_pending_addr').on(t.channel, t.address, t.id).where(sql`status = 'pending'`),
    uniqueIndex('outbox_dedupe').on(t.dedupeKey).where(sql`dedupe_key IS NOT NULL`),
    // Housekeeping finds finished rows past the retention period; pending rows are never in it.
    index('outbox_finished').on(t.createdAt).where(sql`status IN ('delivered', 'failed')`),
  ],
);

/** Platform updates already handled, so a redelivered webhook does nothing twice. */
export const inboundSeen = sqliteTable(
  'inbound_seen',
  {
    channel: text('channel').notNull(),
    messageId: text('message_id').notNull(),
    at: integer('at').notNull(),
  },
  // By time too: housekeeping forgets ids older than the platforms' redelivery window.
  (t) => [uniqueIndex('inbound_seen_pk').on(t.channel, t.messageId), index('inbound_seen_at').on(t.at)],
);

/** Conversation state per chat, so a restart resumes at the same step. */
export const conversations = sqliteTable(
  'conversations',
  {
    channel: text('channel').notNull(),
    chatId: text('chat_id').notNull(),
    flow: text('flow'),
    step: text('step'),
    state: text('state', { mode: 'json' }).$type<Record<string, unknown>>(),
    language: text('language'),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('conversations_pk').on(t.channel, t.chatId)],
);

/**
 * The numbered list last sent to a chat on a channel without buttons (WeChat), so a reply "3"
 * still means the third button hours later and after a restart. One row per chat; a later list
 * replaces it, a message without buttons leaves it.
 */
export const numberedChoices = sqliteTable(
  'numbered_choices',
  {
    channel: text('channel').notNull(),
    chatId: text('chat_id').notNull(),
    /** The buttons' data in the order they were numbered (a JSON array of strings). */
    data: text('data', { mode: 'json' }).$type<string[]>().notNull(),
    sentAt: integer('sent_at').notNull(),
  },
  // By time too: housekeeping removes lists long past answering.
  (t) => [uniqueIndex('numbered_choices_pk').on(t.channel, t.chatId), index('numbered_choices_sent').on(t.sentAt)],
);

/** Messages of the web chat, both ways, so a reloaded page shows the conversation. */
export const webMessages = sqliteTable(
  'web_messages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The anonymous session id kept in the resident's cookie. */
    sessionId: text('session_id').notNull(),
    direction: text('direction').notNull(), // in | out
    payload: text('payload', { mode: 'json' }).notNull().$type<Record<string, unknown>>(),
    createdAt: integer('created_at').notNull(),
  },
  // By time too: housekeeping removes messages older than the retention period.
  (t) => [index('web_messages_session').on(t.sessionId, t.id), index('web_messages_created').on(t.createdAt)],
);

/** Residents who opted in to campaign messages. */
export const subscriptions = sqliteTable(
  'subscriptions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    residentId: integer('resident_id')
      .notNull()
      .references(() => residents.id),
    channel: text('channel').notNull(),
    address: text('address').notNull(),
    areaId: text('area_id'),
    language: text('language').notNull(),
    tags: text('tags', { mode: 'json' }).$type<string[]>().notNull(),
    /** active | unsubscribed */
    status: text('status').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('subscriptions_resident').on(t.residentId), index('subscriptions_status').on(t.status, t.channel)],
);

/** The FAQ knowledge base, seeded from the pack and edited by staff. */
export const faqEntries = sqliteTable('faq_entries', {
  id: text('id').primaryKey(),
  question: text('question').notNull(),
  variants: text('variants', { mode: 'json' }).$type<string[]>().notNull(),
  answer: text('answer').notNull(),
  tags: text('tags', { mode: 'json' }).$type<string[]>().notNull(),
  /** pack (as seeded) | staff (edited; a pack reload no longer overwrites it) */
  source: text('source').notNull(),
  /** Staff deleted it: kept so a pack reload does not bring it back. */
  deleted: integer('deleted', { mode: 'boolean' }).notNull().default(false),
  updatedAt: integer('updated_at').notNull(),
});

/** Questions the FAQ could not answer, and answers residents found unhelpful: staff's to-do list. */
export const faqFeedback = sqliteTable(
  'faq_feedback',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** unanswered | helpful | unhelpful */
    kind: text('kind').notNull(),
    faqId: text('faq_id'),
    question: text('question').notNull(),
    residentId: integer('resident_id'),
    ticketId: integer('ticket_id'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('faq_feedback_kind').on(t.kind, t.createdAt)],
);

/** Office staff: console users and bound chat members. */
export const staff = sqliteTable('staff', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** Login name for the console. */
  login: text('login').notNull().unique(),
  name: text('name').notNull(),
  unitId: text('unit_id').notNull(),
  /** officer | supervisor | admin */
  role: text('role').notNull(),
  /** argon2/bcrypt hash; null: console login not allowed (chat-only member). */
  passwordHash: text('password_hash'),
  disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
  createdAt: integer('created_at').notNull(),
});

/** One-time codes that link a chat member to a staff account (/bind CODE). */
export const staffBindCodes = sqliteTable('staff_bind_codes', {
  code: text('code').primaryKey(),
  staffId: integer('staff_id')
    .notNull()
    .references(() => staff.id),
  expiresAt: integer('expires_at').notNull(),
  usedAt: integer('used_at'),
});

/** Chat identities bound to staff accounts. */
export const staffLinks = sqliteTable(
  'staff_links',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    staffId: integer('staff_id')
      .notNull()
      .references(() => staff.id),
    channel: text('channel').notNull(),
    platformUserId: text('platform_user_id').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('staff_links_identity').on(t.channel, t.platformUserId)],
);

/** Console sessions; the cookie holds a random token, the table only its hash. */
export const consoleSessions = sqliteTable('console_sessions', {
  tokenHash: text('token_hash').primaryKey(),
  staffId: integer('staff_id')
    .notNull()
    .references(() => staff.id),
  createdAt: integer('created_at').notNull(),
  expiresAt: integer('expires_at').notNull(),
});

/** Residents who reported the same problem and follow an earlier ticket's updates. */
export const ticketFollowers = sqliteTable(
  'ticket_followers',
  {
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id),
    residentId: integer('resident_id')
      .notNull()
      .references(() => residents.id),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('ticket_followers_pk').on(t.ticketId, t.residentId)],
);

/** Campaigns from the pack and from the admin API. */
export const campaigns = sqliteTable('campaigns', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  text: text('text').notNull(),
  image: text('image'),
  /** { channels?: string[]; areas?: string[]; languages?: string[]; tags?: string[] } */
  audience: text('audience', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  /** 5-field cron in the city timezone, or null with `at`. */
  schedule: text('schedule'),
  at: integer('at'),
  /** { question: string; options: string[] } or null */
  survey: text('survey', { mode: 'json' }).$type<Record<string, unknown>>(),
  /** active | paused | cancelled */
  status: text('status').notNull(),
  /** pack | admin */
  source: text('source').notNull(),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/** One scheduled firing of a campaign. */
export const campaignRuns = sqliteTable(
  'campaign_runs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignId: text('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    /** The schedule's time this run is for (ms); one run per campaign and time. */
    scheduledFor: integer('scheduled_for').notNull(),
    /** preparing | sending | paused | done | cancelled | skipped */
    status: text('status').notNull(),
    total: integer('total').notNull().default(0),
    /** The instance sending this run and until when it holds it. */
    ownerId: text('owner_id'),
    leaseUntil: integer('lease_until'),
    createdAt: integer('created_at').notNull(),
    finishedAt: integer('finished_at'),
  },
  (t) => [uniqueIndex('campaign_runs_once').on(t.campaignId, t.scheduledFor)],
);

/** One recipient of one run. */
export const campaignDeliveries = sqliteTable(
  'campaign_deliveries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    runId: integer('run_id')
      .notNull()
      .references(() => campaignRuns.id),
    subscriptionId: integer('subscription_id').notNull(),
    residentId: integer('resident_id').notNull(),
    channel: text('channel').notNull(),
    address: text('address').notNull(),
    /** pending | queued | sent | failed | skipped */
    status: text('status').notNull(),
    outboxId: integer('outbox_id'),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('campaign_deliveries_once').on(t.runId, t.subscriptionId),
    index('campaign_deliveries_status').on(t.runId, t.status),
    index('campaign_deliveries_outbox').on(t.outboxId),
  ],
);

/** Survey answers: one per resident and campaign run (a later answer replaces it). */
export const surveyAnswers = sqliteTable(
  'survey_answers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    runId: integer('run_id')
      .notNull()
      .references(() => campaignRuns.id),
    residentId: integer('resident_id').notNull(),
    option: integer('option').notNull(),
    areaId: text('area_id'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('survey_answers_once').on(t.runId, t.residentId)],
);

/**
 * Photos this database saw saved to the media directory, with when they were last saved: the
 * photo sweep only ever removes a photo registered here (src/media/sweep.ts). Ticket photos leave
 * the register once seen, since they are kept for ever.
 */
export const mediaFiles = sqliteTable(
  'media_files',
  {
    /** Path relative to the media directory. */
    path: text('path').primaryKey(),
    savedAt: integer('saved_at').notNull(),
  },
  (t) => [index('media_files_saved').on(t.savedAt)],
);
