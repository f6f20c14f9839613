/**
 * The deadline clock: node-cron jobs in the city's timezone that keep tickets moving.
 *
 * - Every sweep (each minute by default): a unit is reminded once before a ticket's acceptance
 *   deadline (1 h before by default) and once before its resolution deadline (2 h before); a
 *   ticket past a deadline is escalated once to its unit's supervisor (the dispatcher when the
 *   unit has none) with a 督办 notice counting the reminders sent. The ticket stays with its unit.
 * - At the end of each working day (workhours.end): every resident whose ticket of that day was
 *   not accepted gets a status note, and each supervisor an alert listing those tickets.
 *
 * Both are idempotent, so a sweep that runs twice (or after a restart) sends nothing twice:
 * reminders are `remind` events checked before sending, an escalation sets escalatedAt (and the
 * state machine has no second escalate), and day-end messages carry outbox dedupe keys. Time
 * comes from the injected clock, so tests move it and call `sweep()` / `endOfDay()` directly.
 */
import cron, { type ScheduledTask } from 'node-cron';
import type { WorkCalendar } from '../calendar/index.js';
import { zonedTime } from '../calendar/zoned-time.js';
import { formatDateTime, messages } from '../i18n/index.js';
import type { Logger } from '../logger.js';
import type { Pack, Unit } from '../pack/schema.js';
import type { Store, Ticket } from '../store/ports.js';
import { officeNotices } from '../tickets/office-card.js';
import type { TicketService } from '../tickets/service.js';
import { OPEN_STATES, canApply } from '../tickets/state-machine.js';

export interface DeadlineClockOptions {
  /** Remind the unit this long before the acceptance deadline. Default 1 hour. */
  ackLeadMs?: number;
  /** Remind the unit this long before the resolution deadline. Default 2 hours. */
  resolveLeadMs?: number;
  /** When the sweep runs (5-field cron, city time). Default every minute. */
  sweepCron?: string;
  /** false: start() schedules nothing (tests drive sweep() and endOfDay() themselves). Default true. */
  schedule?: boolean;
}

export interface DeadlineClockDeps {
  store: Store;
  tickets: Pick<TicketService, 'act'>;
  pack: () => Pack;
  calendar: WorkCalendar;
  clock: () => number;
  logger?: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** Called after messages were queued, to wake the outbox dispatcher. */
  onQueued?: () => void;
}

export interface SweepResult {
  reminded: number;
  escalated: number;
}

export interface DayEndResult {
  /** Status notes queued to residents. */
  notes: number;
  /** Supervisor units alerted (each on all its contacts). */
  alerts: number;
}

export interface DeadlineClock {
  sweep(): Promise<SweepResult>;
  /** The end-of-day round; does nothing on a day off. */
  endOfDay(): Promise<DayEndResult>;
  start(): void;
  stop(): Promise<void>;
}

type ReminderKind = 'ack' | 'resolve';
const PAGE = 500;

export function createDeadlineClock(d: DeadlineClockDeps, options: DeadlineClockOptions = {}): DeadlineClock {
  const ackLead = options.ackLeadMs ?? 3600_000;
  const resolveLead = options.resolveLeadMs ?? 2 * 3600_000;
  let tasks: ScheduledTask[] = [];

  function unitOf(id: string): Unit | undefined {
    return d.pack().units.find((u) => u.id === id);
  }

  /** The unit that follows up the unit's overdue tickets: its supervisor, else the dispatcher. */
  function supervisorOf(unitId: string): string {
    return unitOf(unitId)?.supervisor ?? d.pack().city.dispatcher;
  }

  function categoryName(t: Ticket): string {
    return d.pack().categories.find((c) => c.id === t.categoryId)?.name ?? messages(d.pack().city.locale).office.noCategory;
  }

  async function openTickets(filter: { createdFrom?: number; createdTo?: number } = {}): Promise<Ticket[]> {
    const out: Ticket[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await d.store.tickets.list({ states: [...OPEN_STATES], ...filter, limit: PAGE, offset });
      out.push(...page);
      if (page.length < PAGE) return out;
    }
  }

  /** Sends the reminder unless this unit was already reminded of this deadline. True when sent. */
  async function remind(t: Ticket, kind: ReminderKind, now: number): Promise<boolean> {
    const due = kind === 'ack' ? t.ackDueAt : t.resolveDueAt;
    const unit = unitOf(t.unitId);
    if (!unit) return false;
    return d.store.transaction(async (tx) => {
      // Re-read the ticket first: on PostgreSQL that locks its row, so another process sweeping at
      // the same moment waits here and then sees this reminder's event instead of adding its own.
      const current = await tx.tickets.byId(t.id);
      if (!current || current.unitId !== t.unitId) return false;
      if ((kind === 'ack' ? current.ackDueAt : current.resolveDueAt) !== due || (kind === 'ack' && current.acceptedAt !== null)) return false;
      const events = await tx.tickets.events(t.id);
      const sent = events.some((e) => e.type === 'remind' && e.data?.['kind'] === kind && e.data['unit'] === t.unitId && e.data['due'] === due);
      if (sent) return false;
      await tx.tickets.appendEvent({ ticketId: t.id, at: now, actor: 'system', type: 'remind', fromState: t.state, toState: t.state, note: null, data: { kind, unit: t.unitId, due } });
      const pack = d.pack();
      const office = messages(pack.city.locale).office;
      const facts = { number: t.number, category: categoryName(t), due: formatDateTime(pack.city.locale, due, pack.city.timezone) };
      const text = kind === 'ack' ? office.reminderAck(facts) : office.reminderResolve(facts);
      for (const item of officeNotices(unit, text, `remind:${t.id}:${kind}:${t.unitId}:${due}`, t.id)) await tx.outbox.enqueue(item, now);
      return true;
    });
  }

  async function sweep(): Promise<SweepResult> {
    const now = d.clock();
    const result: SweepResult = { reminded: 0, escalated: 0 };
    for (const t of await openTickets()) {
      const ackOverdue = t.acceptedAt === null && t.ackDueAt < now;
      const overdue = ackOverdue || t.resolveDueAt < now;
      if (overdue && t.escalatedAt === null && canApply(t.state, 'escalate')) {
        try {
          await d.tickets.act(t.id, { type: 'escalate', toUnitId: supervisorOf(t.unitId), reason: messages(d.pack().city.locale).office.overdueReason[ackOverdue ? 'ack' : 'resolve'] }, 'system');
          result.escalated++;
        } catch (err) {
          d.logger?.warn({ ticket: t.number, err: (err as Error).message }, 'escalation failed');
        }
        continue;
      }
      // An escalated ticket still gets the reminder of a deadline that has not passed yet.
      if (t.acceptedAt === null && now >= t.ackDueAt - ackLead && now < t.ackDueAt && (await remind(t, 'ack', now))) result.reminded++;
      if (now >= t.resolveDueAt - resolveLead && now < t.resolveDueAt && (await remind(t, 'resolve', now))) result.reminded++;
    }
    if (result.reminded + result.escalated > 0) {
      d.onQueued?.();
      d.logger?.info(result, 'deadline sweep');
    }
    return result;
  }

  async function endOfDay(): Promise<DayEndResult> {
    const now = d.clock();
    const pack = d.pack();
    const date = d.calendar.localDate(now);
    const result: DayEndResult = { notes: 0, alerts: 0 };
    if (!d.calendar.isWorkday(date)) return result;
    const waiting = (await openTickets({ createdFrom: zonedTime(date, 0, pack.city.timezone), createdTo: now + 1 })).filter((t) => t.acceptedAt === null);
    if (waiting.length === 0) return result;
    const office = messages(pack.city.locale).office;
    await d.store.transaction(async (tx) => {
      const bySupervisor = new Map<string, Ticket[]>();
      for (const t of waiting) {
        const sup = supervisorOf(t.unitId);
        bySupervisor.set(sup, [...(bySupervisor.get(sup) ?? []), t]);
        const r = t.residentId === null ? undefined : await tx.residents.byId(t.residentId);
        if (!r) continue;
        const text = messages(r.language).ticket.dayEnd({ number: t.number, unit: unitOf(t.unitId)?.name ?? t.unitId });
        const id = await tx.outbox.enqueue({ channel: r.channel, address: r.address, payload: { kind: 'text', text }, ticketId: t.id, dedupeKey: `dayend:${t.id}:${date}` }, now);
        if (id !== undefined) result.notes++;
      }
      for (const [supId, list] of bySupervisor) {
        const sup = unitOf(supId);
        if (!sup) continue;
        const items = list
          .slice()
          .reverse()
          .map((t) => office.dayEndItem({ number: t.number, unit: unitOf(t.unitId)?.name ?? t.unitId, category: categoryName(t) }));
        const text = office.dayEndAlert({ date, count: list.length, list: items.join('\n') });
        let queued = false;
        for (const item of officeNotices(sup, text, `dayend-alert:${supId}:${date}`)) {
          if ((await tx.outbox.enqueue(item, now)) !== undefined) queued = true;
        }
        if (queued) result.alerts++;
      }
    });
    if (result.notes + result.alerts > 0) {
      d.onQueued?.();
      d.logger?.info({ ...result, date }, 'end-of-day notes');
    }
    return result;
  }

  const guarded = (name: string, fn: () => Promise<unknown>) => async () => {
    try {
      await fn();
    } catch (err) {
      d.logger?.error({ err, job: name }, 'deadline job failed');
    }
  };

  return {
    sweep,
    endOfDay,
    start() {
      if (options.schedule === false || tasks.length > 0) return;
      const city = d.pack().city;
      const [hh, mm] = city.workhours.end.split(':').map(Number);
      const timezone = city.timezone;
      tasks = [
        cron.schedule(options.sweepCron ?? '* * * * *', guarded('deadline-sweep', sweep), { timezone, noOverlap: true, name: 'deadline-sweep' }),
        cron.schedule(`${mm} ${hh} * * *`, guarded('deadline-day-end', endOfDay), { timezone, noOverlap: true, name: 'deadline-day-end' }),
      ];
    },
    async stop() {
      const running = tasks;
      tasks = [];
      for (const task of running) await task.destroy();
    },
  };
}
