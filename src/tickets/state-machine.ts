/**
 * The ticket life cycle as a pure transition table: which action moves a ticket from which state
 * to which, and what each action must carry. No storage, no clock: the ticket service applies
 * the result, stamps the times and writes the event.
 *
 *   submitted --assign--> assigned --accept--> accepted --resolve--> resolved --close--> closed
 *
 * plus the side roads:
 * - transfer (to another unit, with a reason) from any open state -> transferred; the receiving
 *   unit then accepts it as it would a new assignment.
 * - escalate (overdue: 督办 by the supervisor unit) from assigned, transferred, accepted, reopened;
 *   the ticket stays with its unit (whose figures keep it), the supervisor is told and follows it
 *   up; the unit then accepts, resolves, transfers or rejects it as before. Once only: escalated
 *   has no escalate, and the deadline clock never escalates a ticket with escalatedAt set.
 * - reject (duplicate | not_ours | invalid, with a note) from any open state -> rejected.
 * - reopen (with a reason) from resolved (resident not satisfied), closed or rejected (a wrong
 *   rejection) -> reopened, which is open again.
 *
 * Resolving does not require accepting first: a small office often fixes the problem before
 * anyone presses "accept". Resolve is therefore allowed from every open state; the service
 * should treat it as an implicit acceptance (set acceptedAt when it is still empty).
 */
import { AppError, InvalidTransitionError } from '../errors.js';
import { ID_PATTERN } from '../pack/schema.js';
import type { TicketState } from '../store/ports.js';

export const TICKET_STATES = [
  'submitted',
  'assigned',
  'accepted',
  'resolved',
  'closed',
  'transferred',
  'reopened',
  'escalated',
  'rejected',
] as const satisfies readonly TicketState[];

export const TICKET_ACTIONS = ['assign', 'accept', 'transfer', 'resolve', 'reject', 'escalate', 'close', 'reopen'] as const;
export type TicketActionType = (typeof TICKET_ACTIONS)[number];

export const REJECT_REASON_KINDS = ['duplicate', 'not_ours', 'invalid'] as const;
export type RejectReasonKind = (typeof REJECT_REASON_KINDS)[number];

export const RATINGS = ['satisfied', 'neutral', 'unsatisfied'] as const;
export type Rating = (typeof RATINGS)[number];

/** Longest note or reason accepted, in characters. */
export const MAX_NOTE_LENGTH = 2000;

export type TicketAction =
  /** Route a submitted ticket to its unit. */
  | { type: 'assign'; unitId: string }
  | { type: 'accept'; note?: string }
  /** Hand over to another unit; the reason is shown to the receiving unit. */
  | { type: 'transfer'; toUnitId: string; reason: string }
  /** The note (what was done) is shown to the resident. */
  | { type: 'resolve'; note: string }
  /** duplicateOf: the number of the ticket this one repeats, when known. */
  | { type: 'reject'; reasonKind: RejectReasonKind; note: string; duplicateOf?: string }
  /** toUnitId: the supervisor unit (or the dispatcher) that is told and follows the ticket up; the ticket keeps its unit. */
  | { type: 'escalate'; toUnitId: string; reason?: string }
  /** rating: the resident's, when the close follows a rating; absent for a close on timeout. */
  | { type: 'close'; rating?: Rating; note?: string }
  | { type: 'reopen'; reason: string };

/** The open states: the ticket waits on an office. */
export const OPEN_STATES = ['assigned', 'transferred', 'accepted', 'reopened', 'escalated'] as const satisfies readonly TicketState[];

type Row = Readonly<Partial<Record<TicketActionType, TicketState>>>;

/** state -> action -> next state. An action missing from a row is refused in that state. */
export const TRANSITIONS: Readonly<Record<TicketState, Row>> = {
  submitted: { assign: 'assigned' },
  assigned: { accept: 'accepted', transfer: 'transferred', resolve: 'resolved', reject: 'rejected', escalate: 'escalated' },
  transferred: { accept: 'accepted', transfer: 'transferred', resolve: 'resolved', reject: 'rejected', escalate: 'escalated' },
  accepted: { transfer: 'transferred', resolve: 'resolved', reject: 'rejected', escalate: 'escalated' },
  reopened: { accept: 'accepted', transfer: 'transferred', resolve: 'resolved', reject: 'rejected', escalate: 'escalated' },
  // Already with the supervisor: escalating again has nowhere to go.
  escalated: { accept: 'accepted', transfer: 'transferred', resolve: 'resolved', reject: 'rejected' },
  resolved: { close: 'closed', reopen: 'reopened' },
  closed: { reopen: 'reopened' },
  rejected: { reopen: 'reopened' },
};

function invalid(action: string, field: string, reason: string): AppError {
  return new AppError('INVALID_INPUT', `${action}: ${field} ${reason}`, { action, field });
}

function isState(s: unknown): s is TicketState {
  return typeof s === 'string' && (TICKET_STATES as readonly string[]).includes(s);
}

function checkState(state: unknown): TicketState {
  if (!isState(state)) throw new AppError('INVALID_INPUT', `unknown ticket state "${String(state)}"`, { state: String(state) });
  return state;
}

/** The actions allowed in `state`, in `TICKET_ACTIONS` order. */
export function allowedActions(state: TicketState): TicketActionType[] {
  const row = TRANSITIONS[checkState(state)];
  return TICKET_ACTIONS.filter((a) => row[a] !== undefined);
}

export function canApply(state: TicketState, action: TicketActionType): boolean {
  return TRANSITIONS[checkState(state)][action] !== undefined;
}

type Fields = Record<string, unknown>;

function text(action: string, input: Fields, field: string, required: boolean): string | undefined {
  const v = input[field];
  if (v === undefined || v === null) {
    if (required) throw invalid(action, field, 'is required');
    return undefined;
  }
  if (typeof v !== 'string') throw invalid(action, field, 'must be text');
  const t = v.trim();
  if (t === '') {
    if (required) throw invalid(action, field, 'must not be empty');
    return undefined;
  }
  if (t.length > MAX_NOTE_LENGTH) throw invalid(action, field, `must be at most ${MAX_NOTE_LENGTH} characters`);
  return t;
}

function unitId(action: string, input: Fields, field: string): string {
  const v = text(action, input, field, true) as string;
  if (!ID_PATTERN.test(v)) throw invalid(action, field, `"${v}" is not a unit id`);
  return v;
}

function oneOf<T extends string>(action: string, input: Fields, field: string, values: readonly T[], required: boolean): T | undefined {
  const v = input[field];
  if (v === undefined || v === null) {
    if (required) throw invalid(action, field, `is required (one of ${values.join(', ')})`);
    return undefined;
  }
  if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) {
    throw invalid(action, field, `must be one of ${values.join(', ')}`);
  }
  return v as T;
}

/** Drops undefined optional fields so results compare and serialise cleanly. */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/**
 * Checks an action from outside (an HTTP body, a chat button) and returns it with only its known
 * fields, strings trimmed. Throws AppError INVALID_INPUT naming the action and field.
 */
export function parseTicketAction(input: unknown): TicketAction {
  if (typeof input !== 'object' || input === null) throw new AppError('INVALID_INPUT', 'ticket action: must be an object with a type');
  const f = input as Fields;
  const type = f['type'];
  if (typeof type !== 'string' || !(TICKET_ACTIONS as readonly string[]).includes(type)) {
    throw new AppError('INVALID_INPUT', `ticket action: type must be one of ${TICKET_ACTIONS.join(', ')}`, {
      field: 'type',
    });
  }
  const t = type as TicketActionType;
  switch (t) {
    case 'assign':
      return { type: t, unitId: unitId(t, f, 'unitId') };
    case 'accept':
      return compact({ type: t, note: text(t, f, 'note', false) });
    case 'transfer':
      return { type: t, toUnitId: unitId(t, f, 'toUnitId'), reason: text(t, f, 'reason', true) as string };
    case 'resolve':
      return { type: t, note: text(t, f, 'note', true) as string };
    case 'reject':
      return compact({
        type: t,
        reasonKind: oneOf(t, f, 'reasonKind', REJECT_REASON_KINDS, true) as RejectReasonKind,
        note: text(t, f, 'note', true) as string,
        duplicateOf: text(t, f, 'duplicateOf', false),
      });
    case 'escalate':
      return compact({ type: t, toUnitId: unitId(t, f, 'toUnitId'), reason: text(t, f, 'reason', false) });
    case 'close':
      return compact({ type: t, rating: oneOf(t, f, 'rating', RATINGS, false), note: text(t, f, 'note', false) });
    case 'reopen':
      return { type: t, reason: text(t, f, 'reason', true) as string };
  }
}

/**
 * The state a ticket in `state` moves to under `action`. The action is checked first (AppError
 * INVALID_INPUT for a missing or malformed field), then the table (InvalidTransitionError,
 * code INVALID_TRANSITION, when the state does not allow it).
 * @param ticket the ticket's number, for the error message; default "(new)"
 */
export function nextState(state: TicketState, action: TicketAction, ticket = '(new)'): TicketState {
  const from = checkState(state);
  const checked = parseTicketAction(action);
  const to = TRANSITIONS[from][checked.type];
  if (to === undefined) throw new InvalidTransitionError(ticket, from, checked.type);
  return to;
}
