import { and, asc, desc, eq, gte, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { NotFoundError } from '../../src/errors.js';
import type {
  NewTicket,
  NewTicketEvent,
  Ticket,
  TicketEvent,
  TicketFilter,
  TicketPhoto,
  TicketRepo,
  TicketState,
  UnitSummaryRow,
} from '../../src/store/ports.js';
import { ticketCounters, ticketEvents, ticketFollowers, ticketPhotos, tickets } from '../schema.js';
import type { SqliteDb } from './open.js';

const asTicket = (row: typeof tickets.$inferSelect): Ticket => row as Ticket;

// The states in which a ticket waits on an office (the state machine's OPEN_STATES).
const OPEN: TicketState[] = ['assigned', 'transferred', 'accepted', 'reopened', 'escalated'];

const count = (cond: SQL) => sql<number>`coalesce(sum(case when ${cond} then 1 else 0 end), 0)`.mapWith(Number);

export function sqliteTicketRepo(db: SqliteDb): TicketRepo {
  return {
    async nextNumber(cityId, day) {
      const [row] = db
        .insert(ticketCounters)
        .values({ cityId, day, last: 1 })
        .onConflictDoUpdate({ target: [ticketCounters.cityId, ticketCounters.day], set: { last: sql`${ticketCounters.last} + 1` } })
        .returning({ last: ticketCounters.last })
        .all();
      return `${day}-${String(row!.last).padStart(4, '0')}`;
    },

    async insert(ticket: NewTicket) {
      return asTicket(db.insert(tickets).values(ticket).returning().get());
    },

    async update(id, patch) {
      const row = db.update(tickets).set(patch).where(eq(tickets.id, id)).returning().get();
      if (!row) throw new NotFoundError('ticket', String(id));
      return asTicket(row);
    },

    async byId(id) {
      const row = db.select().from(tickets).where(eq(tickets.id, id)).get();
      return row && asTicket(row);
    },

    async byNumber(cityId, number) {
      const row = db
        .select()
        .from(tickets)
        .where(and(eq(tickets.cityId, cityId), eq(tickets.number, number)))
        .get();
      return row && asTicket(row);
    },

    async list(filter: TicketFilter) {
      const where: SQL[] = [];
      if (filter.unitId) where.push(eq(tickets.unitId, filter.unitId));
      if (filter.unitIds) where.push(inArray(tickets.unitId, filter.unitIds));
      if (filter.states?.length) where.push(inArray(tickets.state, filter.states));
      if (filter.categoryId !== undefined) {
        where.push(filter.categoryId === null ? isNull(tickets.categoryId) : eq(tickets.categoryId, filter.categoryId));
      }
      if (filter.areaIds) where.push(inArray(tickets.areaId, filter.areaIds));
      if (filter.overdueAt !== undefined) {
        const now = filter.overdueAt;
        where.push(inArray(tickets.state, OPEN));
        where.push(or(and(isNull(tickets.acceptedAt), lt(tickets.ackDueAt, now)), lt(tickets.resolveDueAt, now))!);
      }
      if (filter.residentId !== undefined) where.push(eq(tickets.residentId, filter.residentId));
      if (filter.createdFrom !== undefined) where.push(gte(tickets.createdAt, filter.createdFrom));
      if (filter.createdTo !== undefined) where.push(lt(tickets.createdAt, filter.createdTo));
      return db
        .select()
        .from(tickets)
        .where(and(...where))
        .orderBy(desc(tickets.createdAt), desc(tickets.id))
        .limit(filter.limit ?? 100)
        .offset(filter.offset ?? 0)
        .all()
        .map(asTicket);
    },

    async appendEvent(event: NewTicketEvent) {
      return db.insert(ticketEvents).values(event).returning().get() as TicketEvent;
    },

    async events(ticketId) {
      return db
        .select()
        .from(ticketEvents)
        .where(eq(ticketEvents.ticketId, ticketId))
        .orderBy(asc(ticketEvents.id))
        .all() as TicketEvent[];
    },

    async addPhoto(photo) {
      return db.insert(ticketPhotos).values(photo).returning().get() as TicketPhoto;
    },

    async photos(ticketId) {
      return db
        .select()
        .from(ticketPhotos)
        .where(eq(ticketPhotos.ticketId, ticketId))
        .orderBy(asc(ticketPhotos.id))
        .all() as TicketPhoto[];
    },

    async unitSummary({ from, to }) {
      return db
        .select({
          unitId: tickets.unitId,
          received: sql<number>`count(*)`.mapWith(Number),
          acceptedOnTime: count(sql`${tickets.acceptedAt} is not null and ${tickets.acceptedAt} <= ${tickets.ackDueAt}`),
          resolved: count(sql`${tickets.resolvedAt} is not null`),
          resolvedOnTime: count(sql`${tickets.resolvedAt} is not null and ${tickets.resolvedAt} <= ${tickets.resolveDueAt}`),
          rated: count(sql`${tickets.rating} is not null`),
          satisfied: count(sql`${tickets.rating} = 'satisfied'`),
          neutral: count(sql`${tickets.rating} = 'neutral'`),
          unsatisfied: count(sql`${tickets.rating} = 'unsatisfied'`),
        })
        .from(tickets)
        .where(and(gte(tickets.createdAt, from), lt(tickets.createdAt, to)))
        .groupBy(tickets.unitId)
        .orderBy(asc(tickets.unitId))
        .all() satisfies UnitSummaryRow[];
    },

    async addFollower(ticketId, residentId, now) {
      const rows = db.insert(ticketFollowers).values({ ticketId, residentId, createdAt: now }).onConflictDoNothing().returning().all();
      return rows.length > 0;
    },

    async followers(ticketId) {
      return db
        .select({ residentId: ticketFollowers.residentId })
        .from(ticketFollowers)
        .where(eq(ticketFollowers.ticketId, ticketId))
        .orderBy(asc(ticketFollowers.createdAt), asc(ticketFollowers.residentId))
        .all()
        .map((r) => r.residentId);
    },

    async followerCounts(ticketIds) {
      const out = new Map<number, number>();
      if (ticketIds.length === 0) return out;
      const rows = db
        .select({ ticketId: ticketFollowers.ticketId, n: sql<number>`count(*)`.mapWith(Number) })
        .from(ticketFollowers)
        .where(inArray(ticketFollowers.ticketId, ticketIds))
        .groupBy(ticketFollowers.ticketId)
        .all();
      for (const r of rows) out.set(r.ticketId, r.n);
      return out;
    },
  };
}
