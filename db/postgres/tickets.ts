/**
 * Tickets, their events, photos, followers and readable numbers on PostgreSQL.
 */
import { and, asc, desc, eq, gte, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { NotFoundError } from '../../src/errors.js';
import type { NewTicket, Ticket, TicketEvent, TicketFilter, TicketPhoto, TicketRepo, TicketState, UnitSummaryRow } from '../../src/store/ports.js';
import type { PgConn } from './conn.js';
import { ticketCounters, ticketEvents, ticketFollowers, ticketPhotos, tickets } from './schema.js';

const asTicket = (row: typeof tickets.$inferSelect): Ticket => row as Ticket;

// The states in which a ticket waits on an office (the state machine's OPEN_STATES).
const OPEN: TicketState[] = ['assigned', 'transferred', 'accepted', 'reopened', 'escalated'];

const count = (cond: SQL) => sql<number>`coalesce(sum(case when ${cond} then 1 else 0 end), 0)::int`.mapWith(Number);

export function pgTicketRepo(c: PgConn): TicketRepo {
  /** One ticket; inside a transaction its row stays locked until commit (see PgConn.inTransaction). */
  async function one(where: SQL): Promise<Ticket | undefined> {
    const q = c.db().select().from(tickets).where(where);
    const [row] = c.inTransaction() ? await q.for('update') : await q;
    return row && asTicket(row);
  }

  return {
    async nextNumber(cityId, day) {
      // One statement: a concurrent transaction numbering the same day waits on the counter row's
      // lock and then increments the committed value, so no number is handed out twice.
      const [row] = await c
        .db()
        .insert(ticketCounters)
        .values({ cityId, day, last: 1 })
        .onConflictDoUpdate({ target: [ticketCounters.cityId, ticketCounters.day], set: { last: sql`${ticketCounters.last} + 1` } })
        .returning({ last: ticketCounters.last });
      return `${day}-${String(row!.last).padStart(4, '0')}`;
    },

    async insert(ticket: NewTicket) {
      const [row] = await c.db().insert(tickets).values(ticket).returning();
      return asTicket(row!);
    },

    async update(id, patch) {
      const [row] = await c.db().update(tickets).set(patch).where(eq(tickets.id, id)).returning();
      if (!row) throw new NotFoundError('ticket', String(id));
      return asTicket(row);
    },

    byId: (id) => one(eq(tickets.id, id)),

    byNumber: (cityId, number) => one(and(eq(tickets.cityId, cityId), eq(tickets.number, number))!),

    async list(filter: TicketFilter) {
      const where: SQL[] = [];
      if (filter.unitId) where.push(eq(tickets.unitId, filter.unitId));
      if (filter.unitIds) where.push(filter.unitIds.length ? inArray(tickets.unitId, filter.unitIds) : sql`false`);
      if (filter.states?.length) where.push(inArray(tickets.state, filter.states));
      if (filter.categoryId !== undefined) {
        where.push(filter.categoryId === null ? isNull(tickets.categoryId) : eq(tickets.categoryId, filter.categoryId));
      }
      if (filter.areaIds) where.push(filter.areaIds.length ? inArray(tickets.areaId, filter.areaIds) : sql`false`);
      if (filter.overdueAt !== undefined) {
        const now = filter.overdueAt;
        where.push(inArray(tickets.state, OPEN));
        where.push(or(and(isNull(tickets.acceptedAt), lt(tickets.ackDueAt, now)), lt(tickets.resolveDueAt, now))!);
      }
      if (filter.residentId !== undefined) where.push(eq(tickets.residentId, filter.residentId));
      if (filter.createdFrom !== undefined) where.push(gte(tickets.createdAt, filter.createdFrom));
      if (filter.createdTo !== undefined) where.push(lt(tickets.createdAt, filter.createdTo));
      const rows = await c
        .db()
        .select()
        .from(tickets)
        .where(and(...where))
        .orderBy(desc(tickets.createdAt), desc(tickets.id))
        .limit(filter.limit ?? 100)
        .offset(filter.offset ?? 0);
      return rows.map(asTicket);
    },

    async appendEvent(event) {
      const [row] = await c.db().insert(ticketEvents).values(event).returning();
      return row as TicketEvent;
    },

    async events(ticketId) {
      return (await c.db().select().from(ticketEvents).where(eq(ticketEvents.ticketId, ticketId)).orderBy(asc(ticketEvents.id))) as TicketEvent[];
    },

    async addPhoto(photo) {
      const [row] = await c.db().insert(ticketPhotos).values(photo).returning();
      return row as TicketPhoto;
    },

    async photos(ticketId) {
      return (await c.db().select().from(ticketPhotos).where(eq(ticketPhotos.ticketId, ticketId)).orderBy(asc(ticketPhotos.id))) as TicketPhoto[];
    },

    async unitSummary({ from, to }) {
      return (await c
        .db()
        .select({
          unitId: tickets.unitId,
          received: sql<number>`count(*)::int`.mapWith(Number),
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
        // Byte order, as SQLite sorts, whatever the database's collation.
        .orderBy(sql`${tickets.unitId} collate "C"`)) satisfies UnitSummaryRow[];
    },

    async addFollower(ticketId, residentId, now) {
      const rows = await c.db().insert(ticketFollowers).values({ ticketId, residentId, createdAt: now }).onConflictDoNothing({ target: [ticketFollowers.ticketId, ticketFollowers.residentId] }).returning();
      return rows.length > 0;
    },

    async followers(ticketId) {
      const rows = await c
        .db()
        .select({ residentId: ticketFollowers.residentId })
        .from(ticketFollowers)
        .where(eq(ticketFollowers.ticketId, ticketId))
        .orderBy(asc(ticketFollowers.createdAt), asc(ticketFollowers.residentId));
      return rows.map((r) => r.residentId);
    },

    async followerCounts(ticketIds) {
      const out = new Map<number, number>();
      if (ticketIds.length === 0) return out;
      const rows = await c
        .db()
        .select({ ticketId: ticketFollowers.ticketId, n: sql<number>`count(*)::int`.mapWith(Number) })
        .from(ticketFollowers)
        .where(inArray(ticketFollowers.ticketId, ticketIds))
        .groupBy(ticketFollowers.ticketId);
      for (const r of rows) out.set(r.ticketId, r.n);
      return out;
    },
  };
}
