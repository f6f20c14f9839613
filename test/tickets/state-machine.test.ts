import { describe, expect, it } from 'vitest';
import { isAppError } from '../../src/errors.js';
import type { TicketState } from '../../src/store/ports.js';
import {
  allowedActions,
  canApply,
  nextState,
  parseTicketAction,
  TICKET_ACTIONS,
  TICKET_STATES,
  type TicketAction,
  type TicketActionType,
} from '../../src/tickets/state-machine.js';

/** A valid instance of every action, so only the state decides. */
const SAMPLE: Record<TicketActionType, TicketAction> = {
  assign: { type: 'assign', unitId: 'sanitation' },
  accept: { type: 'accept' },
  transfer: { type: 'transfer', toUnitId: 'chengguan-gov', reason: '属于城关镇辖区' },
  resolve: { type: 'resolve', note: '已清运' },
  reject: { type: 'reject', reasonKind: 'duplicate', note: '与上一单重复', duplicateOf: '20261130-0001' },
  escalate: { type: 'escalate', toUnitId: 'chuangwei' },
  close: { type: 'close', rating: 'satisfied' },
  reopen: { type: 'reopen', reason: '垃圾还在' },
};

// The expected life cycle, written out independently of the implementation's table.
// Columns: assign, accept, transfer, resolve, reject, escalate, close, reopen ('-' = refused).
const A = 'assigned', C = 'accepted', T = 'transferred', R = 'resolved', X = 'rejected';
const E = 'escalated', D = 'closed', O = 'reopened', _ = '-';
const EXPECTED: Record<TicketState, (TicketState | '-')[]> = {
  //            assign accept transfer resolve reject escalate close reopen
  submitted:   [A,     _,     _,       _,      _,     _,       _,    _],
  assigned:    [_,     C,     T,       R,      X,     E,       _,    _],
  transferred: [_,     C,     T,       R,      X,     E,       _,    _],
  accepted:    [_,     _,     T,       R,      X,     E,       _,    _],
  reopened:    [_,     C,     T,       R,      X,     E,       _,    _],
  escalated:   [_,     C,     T,       R,      X,     _,       _,    _],
  resolved:    [_,     _,     _,       _,      _,     _,       D,    O],
  closed:      [_,     _,     _,       _,      _,     _,       _,    O],
  rejected:    [_,     _,     _,       _,      _,     _,       _,    O],
};

const cases = TICKET_STATES.flatMap((state) =>
  TICKET_ACTIONS.map((action, i) => ({ state, action, expected: EXPECTED[state][i] as TicketState | '-' })),
);

describe('transition table', () => {
  it('covers every state and action', () => {
    expect(cases).toHaveLength(9 * 8);
    expect(Object.keys(EXPECTED).sort()).toEqual([...TICKET_STATES].sort());
  });

  it.each(cases.filter((c) => c.expected !== '-'))('$state --$action--> $expected', ({ state, action, expected }) => {
    expect(nextState(state, SAMPLE[action], '20261130-0007')).toBe(expected);
    expect(canApply(state, action)).toBe(true);
  });

  it.each(cases.filter((c) => c.expected === '-'))('$state refuses $action', ({ state, action }) => {
    expect(canApply(state, action)).toBe(false);
    let err: unknown;
    try {
      nextState(state, SAMPLE[action], '20261130-0007');
    } catch (e) {
      err = e;
    }
    expect(isAppError(err) && err.code).toBe('INVALID_TRANSITION');
    expect((err as Error).name).toBe('InvalidTransitionError');
    expect((err as Error).message).toBe(`ticket 20261130-0007: cannot ${action} when ${state}`);
  });

  it.each(TICKET_STATES)('allowedActions(%s) lists exactly the allowed actions', (state) => {
    const expected = TICKET_ACTIONS.filter((_a, i) => EXPECTED[state][i] !== '-');
    expect(allowedActions(state)).toEqual(expected);
  });

  it('refuses an unknown state as bad input', () => {
    expect(() => nextState('lost' as TicketState, SAMPLE.accept)).toThrow(/unknown ticket state "lost"/);
    expect(() => allowedActions('lost' as TicketState)).toThrow(/unknown ticket state/);
  });
});

function inputError(input: unknown): string {
  try {
    parseTicketAction(input);
  } catch (e) {
    if (isAppError(e) && e.code === 'INVALID_INPUT') return e.message;
    throw e;
  }
  throw new Error('accepted');
}

describe('action fields', () => {
  it('requires the fields each action carries', () => {
    expect(inputError({ type: 'assign' })).toBe('assign: unitId is required');
    expect(inputError({ type: 'transfer', toUnitId: 'sanitation' })).toBe('transfer: reason is required');
    expect(inputError({ type: 'transfer', reason: '不归我们管' })).toBe('transfer: toUnitId is required');
    expect(inputError({ type: 'resolve' })).toBe('resolve: note is required');
    expect(inputError({ type: 'resolve', note: '   ' })).toBe('resolve: note must not be empty');
    expect(inputError({ type: 'reject', note: '重复' })).toBe('reject: reasonKind is required (one of duplicate, not_ours, invalid)');
    expect(inputError({ type: 'reject', reasonKind: 'spam', note: 'x' })).toBe('reject: reasonKind must be one of duplicate, not_ours, invalid');
    expect(inputError({ type: 'reject', reasonKind: 'invalid' })).toBe('reject: note is required');
    expect(inputError({ type: 'escalate' })).toBe('escalate: toUnitId is required');
    expect(inputError({ type: 'reopen' })).toBe('reopen: reason is required');
    expect(inputError({ type: 'close', rating: 'great' })).toBe('close: rating must be one of satisfied, neutral, unsatisfied');
  });

  it('refuses malformed values and unknown types', () => {
    expect(inputError({ type: 'assign', unitId: 'Sanitation Office' })).toBe('assign: unitId "Sanitation Office" is not a unit id');
    expect(inputError({ type: 'resolve', note: 42 })).toBe('resolve: note must be text');
    expect(inputError({ type: 'resolve', note: 'x'.repeat(2001) })).toBe('resolve: note must be at most 2000 characters');
    expect(inputError({ type: 'delete' })).toMatch(/^ticket action: type must be one of assign, accept/);
    expect(inputError(null)).toBe('ticket action: must be an object with a type');
    expect(inputError('accept')).toBe('ticket action: must be an object with a type');
  });

  it('keeps known fields only, trimmed, and allows the optional ones to be absent', () => {
    expect(parseTicketAction({ type: 'resolve', note: ' 已清运 ', by: 'x' })).toEqual({ type: 'resolve', note: '已清运' });
    expect(parseTicketAction({ type: 'accept' })).toEqual({ type: 'accept' });
    expect(parseTicketAction({ type: 'close' })).toEqual({ type: 'close' });
    expect(parseTicketAction({ type: 'escalate', toUnitId: 'chuangwei', reason: '超时未受理' })).toEqual({
      type: 'escalate',
      toUnitId: 'chuangwei',
      reason: '超时未受理',
    });
    expect(parseTicketAction({ type: 'reject', reasonKind: 'not_ours', note: '属于供电公司' })).toEqual({
      type: 'reject',
      reasonKind: 'not_ours',
      note: '属于供电公司',
    });
  });

  it('checks the fields before the state: a bad reject is bad input even where reject is refused', () => {
    const bad = { type: 'reject', note: 'x' } as unknown as TicketAction;
    expect(() => nextState('assigned', bad)).toThrow(/reasonKind is required/);
    expect(() => nextState('closed', bad)).toThrow(/reasonKind is required/);
    expect(() => nextState('closed', SAMPLE.reject)).toThrow('ticket (new): cannot reject when closed');
  });
});
