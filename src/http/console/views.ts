/**
 * What the console's API returns for tickets and their history. Built field by field, so staff
 * never receive a resident's platform id, address or name: only the pseudonym, and a phone
 * number when the resident chose to share one.
 */
import type { Pack } from '../../pack/schema.js';
import type { Store, Ticket, TicketEvent, TicketPhoto } from '../../store/ports.js';
import { OPEN_STATES } from '../../tickets/state-machine.js';

/** The ticket's own fields staff may see (never residentId, cityId or the router's internals), plus display fields. */
export interface TicketView
  extends Pick<
    Ticket,
    | 'id'
    | 'number'
    | 'kind'
    | 'state'
    | 'categoryId'
    | 'areaId'
    | 'unitId'
    | 'text'
    | 'lat'
    | 'lon'
    | 'channel'
    | 'ackDueAt'
    | 'resolveDueAt'
    | 'acceptedAt'
    | 'resolvedAt'
    | 'closedAt'
    | 'escalatedAt'
    | 'rejectReason'
    | 'rating'
    | 'createdAt'
    | 'updatedAt'
  > {
  categoryName: string | null;
  areaName: string | null;
  unitName: string;
  /** The deadline now running: acceptance until accepted, then resolution; null once done. */
  due: { kind: 'ack' | 'resolve'; at: number } | null;
  overdue: boolean;
  resident: { pseudonym: string; phone: string | null } | null;
  /** Residents who reported this problem: the reporter plus those who chose to follow the ticket. */
  reporters: number;
}

export interface EventView {
  id: number;
  at: number;
  /** Who, for display: a staff name, a resident pseudonym or 系统. */
  actor: string;
  actorKind: 'staff' | 'resident' | 'system';
  type: string;
  fromState: string | null;
  toState: string | null;
  note: string | null;
  data: Record<string, unknown>;
}

export interface PhotoView {
  id: number;
  source: string;
  mime: string;
  createdAt: number;
  url: string;
}

// Only these keys of an event's data reach the console; anything later added stays server-side.
const EVENT_DATA_KEYS = ['category', 'area', 'unit', 'toUnitId', 'unitId', 'reasonKind', 'duplicateOf', 'rating', 'kind'];

/** Looks up names once per request. */
export function createViewContext(store: Store, pack: Pack) {
  const residents = new Map<number, { pseudonym: string; phone: string | null } | null>();
  const staffNames = new Map<number, string>();
  const name = <T extends { id: string; name: string }>(list: T[], id: string | null) => (id === null ? null : (list.find((x) => x.id === id)?.name ?? id));

  async function resident(id: number | null) {
    if (id === null) return null;
    if (!residents.has(id)) {
      const r = await store.residents.byId(id);
      residents.set(id, r ? { pseudonym: r.pseudonym, phone: r.phone } : null);
    }
    return residents.get(id) ?? null;
  }

  return {
    async ticket(t: Ticket, now: number): Promise<TicketView> {
      const open = (OPEN_STATES as readonly string[]).includes(t.state);
      const due = !open ? null : t.acceptedAt === null ? { kind: 'ack' as const, at: t.ackDueAt } : { kind: 'resolve' as const, at: t.resolveDueAt };
      const overdue = open && ((t.acceptedAt === null && t.ackDueAt < now) || t.resolveDueAt < now);
      return {
        id: t.id,
        number: t.number,
        kind: t.kind,
        state: t.state,
        categoryId: t.categoryId,
        categoryName: name(pack.categories, t.categoryId),
        areaId: t.areaId,
        areaName: name(pack.areas, t.areaId),
        unitId: t.unitId,
        unitName: name(pack.units, t.unitId) ?? t.unitId,
        text: t.text,
        lat: t.lat,
        lon: t.lon,
        channel: t.channel,
        ackDueAt: t.ackDueAt,
        resolveDueAt: t.resolveDueAt,
        acceptedAt: t.acceptedAt,
        resolvedAt: t.resolvedAt,
        closedAt: t.closedAt,
        escalatedAt: t.escalatedAt,
        rejectReason: t.rejectReason,
        rating: t.rating,
        createdAt: t.createdAt,
        updatedAt: t.updatedAt,
        due,
        overdue,
        resident: await resident(t.residentId),
        reporters: 1 + ((await store.tickets.followerCounts([t.id])).get(t.id) ?? 0),
      };
    },

    async event(e: TicketEvent): Promise<EventView> {
      const [kind, rawId] = e.actor.split(':');
      const id = Number(rawId);
      let actor = '系统';
      let actorKind: EventView['actorKind'] = 'system';
      if (kind === 'staff' && Number.isInteger(id)) {
        actorKind = 'staff';
        if (!staffNames.has(id)) {
          const s = await store.staff.byId(id);
          staffNames.set(id, s ? `${s.name}（${name(pack.units, s.unitId)}）` : `工作人员#${id}`);
        }
        actor = staffNames.get(id) ?? '';
      } else if (kind === 'resident' && Number.isInteger(id)) {
        actorKind = 'resident';
        actor = (await resident(id))?.pseudonym ?? '居民';
      }
      const data: Record<string, unknown> = {};
      for (const k of EVENT_DATA_KEYS) if (e.data && e.data[k] !== undefined) data[k] = e.data[k];
      return { id: e.id, at: e.at, actor, actorKind, type: e.type, fromState: e.fromState, toState: e.toState, note: e.note, data };
    },

    photo(p: TicketPhoto, number: string): PhotoView {
      return { id: p.id, source: p.source, mime: p.mime, createdAt: p.createdAt, url: `/console/api/tickets/${number}/photos/${p.id}` };
    },
  };
}
