/**
 * Filing a report: route it, set its deadlines, number it, and in the same transaction append
 * its events and queue the resident's receipt and the office cards. Either all of that is stored
 * or none of it.
 */
import type { Crs } from '../channels/types.js';
import { toWgs84 } from '../geo.js';
import { formatDateTime, messages } from '../i18n/index.js';
import type { Resident, Ticket, TicketKind } from '../store/ports.js';
import { AppError } from '../errors.js';
import { officeCards } from './office-card.js';
import type { TicketDeps } from './deps.js';

export interface ReportInput {
  resident: Resident;
  text: string;
  location?: { lat: number; lon: number; crs: Crs };
  /** Photos already in the media store. */
  photos?: { path: string; mime: string }[];
  /** The category the resident confirmed; undefined lets the router decide, null means "none fits". */
  categoryId?: string | null;
  /** report (default) or inquiry (a question left for staff). */
  kind?: TicketKind;
}

/** Longest report text kept; longer text is cut here rather than refused, so nothing is lost but noise. */
export const MAX_REPORT_TEXT = 2000;

export async function fileReport(deps: TicketDeps, input: ReportInput): Promise<Ticket> {
  const text = input.text.trim().slice(0, MAX_REPORT_TEXT);
  if (!text && !input.photos?.length) throw new AppError('INVALID_INPUT', 'a report needs text or a photo');
  const pack = deps.pack();
  const now = deps.clock();
  const loc = input.location;
  const routed = deps.router.route({ text, lat: loc?.lat, lon: loc?.lon, crs: loc?.crs });
  const kind = input.kind ?? 'report';

  let categoryId = input.categoryId === undefined ? routed.category : input.categoryId;
  if (kind === 'inquiry') categoryId = null;
  if (categoryId !== null && !pack.categories.some((c) => c.id === categoryId)) {
    throw new AppError('UNKNOWN_REFERENCE', `unknown category "${categoryId}"`, { category: categoryId });
  }
  const unitId = categoryId === routed.category && kind === 'report' ? routed.unit : deps.router.unitFor(categoryId, routed.area);
  const category = pack.categories.find((c) => c.id === categoryId);
  const due = deps.calendar.deadlines(now, category?.sla);
  const point = loc ? toWgs84(loc.lat, loc.lon, loc.crs) : undefined;
  const tz = pack.city.timezone;
  const lang = input.resident.language;
  const unit = pack.units.find((u) => u.id === unitId);
  if (!unit) throw new AppError('UNKNOWN_REFERENCE', `unknown unit "${unitId}"`, { unit: unitId });

  const ticket = await deps.store.transaction(async (tx) => {
    const number = await tx.tickets.nextNumber(pack.city.id, deps.calendar.localDay(now));
    const created = await tx.tickets.insert({
      number,
      cityId: pack.city.id,
      kind,
      state: 'submitted',
      categoryId,
      areaId: routed.area,
      unitId,
      text,
      lat: point?.lat ?? null,
      lon: point?.lon ?? null,
      routeConfidence: routed.confidence,
      residentId: input.resident.id,
      channel: input.resident.channel,
      ackDueAt: due.ackDueAt,
      resolveDueAt: due.resolveDueAt,
      createdAt: now,
      updatedAt: now,
    });
    const actor = `resident:${input.resident.id}`;
    await tx.tickets.appendEvent({
      ticketId: created.id,
      at: now,
      actor,
      type: 'created',
      fromState: null,
      toState: 'submitted',
      note: null,
      data: { category: categoryId, area: routed.area, confidence: routed.confidence, kind },
    });
    for (const p of input.photos ?? []) {
      await tx.tickets.addPhoto({ ticketId: created.id, path: p.path, mime: p.mime, source: 'resident', createdAt: now });
    }
    const assigned = await tx.tickets.update(created.id, { state: 'assigned', updatedAt: now });
    await tx.tickets.appendEvent({
      ticketId: created.id,
      at: now,
      actor: 'system',
      type: 'assigned',
      fromState: 'submitted',
      toState: 'assigned',
      note: null,
      data: { unit: unitId },
    });
    const m = messages(lang);
    await tx.outbox.enqueue(
      {
        channel: input.resident.channel,
        address: input.resident.address,
        payload: {
          kind: 'text',
          text: m.ticket.created({
            number,
            unit: unit.name,
            ackDue: formatDateTime(lang, due.ackDueAt, tz),
            resolveDue: formatDateTime(lang, due.resolveDueAt, tz),
          }),
        },
        ticketId: created.id,
        dedupeKey: `resident:${created.id}:created`,
      },
      now,
    );
    const cards = officeCards(
      unit,
      {
        ticket: assigned,
        pack,
        pseudonym: input.resident.pseudonym,
        ackDue: formatDateTime('zh-CN', due.ackDueAt, tz),
        resolveDue: formatDateTime('zh-CN', due.resolveDueAt, tz),
        reason: 'new',
        consoleUrl: deps.consoleUrl?.(assigned),
      },
      input.photos?.[0]?.path,
    );
    for (const card of cards) await tx.outbox.enqueue(card, now);
    return assigned;
  });
  deps.onQueued?.();
  return ticket;
}
