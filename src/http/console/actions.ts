/**
 * The actions staff take in the console, as one zod-checked body: accept, reply, transfer,
 * resolve (with an optional photo), reject, reopen, and dispatch of an unrouted ticket. Every
 * change goes through the TicketService, which stores the event and queues the messages in the
 * same transaction; the actor is `staff:<id>`.
 */
import { z } from 'zod';
import { AppError } from '../../errors.js';
import type { MediaStore } from '../../media/store.js';
import type { Pack } from '../../pack/schema.js';
import { AreaIndex } from '../../routing/area.js';
import { resolveUnit } from '../../routing/unit.js';
import type { Store, Ticket } from '../../store/ports.js';
import { canApply, MAX_NOTE_LENGTH, REJECT_REASON_KINDS } from '../../tickets/state-machine.js';
import type { TicketService } from '../../tickets/service.js';

const note = z.string().trim().min(1, 'must not be empty').max(MAX_NOTE_LENGTH);
const id = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'must be an id');

/** Largest office photo, in bytes (before base64). */
export const MAX_OFFICE_PHOTO_BYTES = 8 * 1024 * 1024;

export const actionBody = z.discriminatedUnion('type', [
  z.object({ type: z.literal('accept'), note: z.string().trim().max(MAX_NOTE_LENGTH).optional() }),
  z.object({ type: z.literal('reply'), text: note }),
  z.object({ type: z.literal('transfer'), toUnitId: id, reason: note }),
  z.object({
    type: z.literal('resolve'),
    note,
    /** The photo's bytes, base64 (a data: URL prefix is allowed). */
    photo: z.string().max(Math.ceil((MAX_OFFICE_PHOTO_BYTES * 4) / 3) + 64).optional(),
  }),
  z.object({ type: z.literal('reject'), reasonKind: z.enum(REJECT_REASON_KINDS), note }),
  z.object({ type: z.literal('reopen'), reason: note }),
  z.object({ type: z.literal('dispatch'), categoryId: id, unitId: id.optional(), reason: z.string().trim().max(MAX_NOTE_LENGTH).optional() }),
]);
export type ActionBody = z.infer<typeof actionBody>;

/** The image type from the first bytes; the client's claim is not trusted. */
export function sniffImage(b: Buffer): string | undefined {
  if (b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length > 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (b.length > 12 && b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  if (b.length > 6 && b.subarray(0, 4).toString('latin1') === 'GIF8') return 'image/gif';
  return undefined;
}

export interface ActionDeps {
  store: Store;
  tickets: TicketService;
  media: MediaStore;
  pack: () => Pack;
  clock: () => number;
}

/** The unit an unrouted ticket goes to for this category, by the pack's area overrides. */
export function dispatchUnit(pack: Pack, categoryId: string, areaId: string | null): string {
  return resolveUnit(pack, new AreaIndex(pack), categoryId, areaId);
}

export async function runAction(deps: ActionDeps, ticket: Ticket, body: ActionBody, actor: string): Promise<void> {
  const { tickets } = deps;
  switch (body.type) {
    case 'accept':
      await tickets.act(ticket.id, { type: 'accept', ...(body.note ? { note: body.note } : {}) }, actor);
      return;
    case 'reply':
      await tickets.reply(ticket.id, body.text, actor);
      return;
    case 'transfer':
      await tickets.act(ticket.id, { type: 'transfer', toUnitId: body.toUnitId, reason: body.reason }, actor);
      return;
    case 'resolve': {
      let photo: { path: string; mime: string } | undefined;
      if (body.photo) {
        const bytes = Buffer.from(body.photo.replace(/^data:[^,]*,/, ''), 'base64');
        const mime = sniffImage(bytes);
        if (!mime) throw new AppError('INVALID_INPUT', 'resolve: photo must be a JPEG, PNG, WebP or GIF image', { field: 'photo' });
        if (bytes.length > MAX_OFFICE_PHOTO_BYTES) throw new AppError('INVALID_INPUT', 'resolve: photo is larger than 8 MB', { field: 'photo' });
        photo = { path: await deps.media.save(bytes, mime), mime };
      }
      await tickets.act(ticket.id, { type: 'resolve', note: body.note }, actor, photo ? { photo } : {});
      return;
    }
    case 'reject':
      await tickets.act(ticket.id, { type: 'reject', reasonKind: body.reasonKind, note: body.note }, actor);
      return;
    case 'reopen':
      await tickets.act(ticket.id, { type: 'reopen', reason: body.reason }, actor);
      return;
    case 'dispatch':
      await dispatch(deps, ticket, body, actor);
      return;
  }
}

/**
 * Manual dispatch of an unrouted ticket (no category, left with the dispatcher): sets the
 * category, with the resolution deadline its SLA gives, and, when the category belongs to another
 * unit, transfers it there, all in one transaction. A ticket that has a category is moved with an
 * ordinary transfer instead (categorize refuses it, 409).
 */
async function dispatch(deps: ActionDeps, ticket: Ticket, body: Extract<ActionBody, { type: 'dispatch' }>, actor: string): Promise<void> {
  const pack = deps.pack();
  const category = pack.categories.find((c) => c.id === body.categoryId);
  if (!category) throw new AppError('UNKNOWN_REFERENCE', `dispatch: unknown category "${body.categoryId}"`, { category: body.categoryId });
  if (!canApply(ticket.state, 'transfer')) {
    throw new AppError('INVALID_TRANSITION', `ticket ${ticket.number}: cannot dispatch when ${ticket.state}`, { ticket: ticket.number });
  }
  const unitId = body.unitId ?? dispatchUnit(pack, category.id, ticket.areaId);
  if (!pack.units.some((u) => u.id === unitId)) throw new AppError('UNKNOWN_REFERENCE', `dispatch: unknown unit "${unitId}"`, { unit: unitId });
  await deps.store.transaction(async () => {
    // The category goes in first, so the card the receiving unit gets names it (and its deadline).
    await deps.tickets.categorize(ticket.id, category.id, actor);
    if (unitId !== ticket.unitId) {
      await deps.tickets.act(ticket.id, { type: 'transfer', toUnitId: unitId, reason: body.reason || `人工分派：${category.name}` }, actor);
    }
  });
}
