/**
 * Which tickets a staff member may see and act on. An officer works on their own unit's tickets.
 * A supervisor of the dispatcher or of a unit that supervises others, and an admin, see all; a
 * supervisor of a unit with no units below it sees that unit's tickets, like an officer.
 */
import type { Pack } from '../pack/schema.js';
import type { Ticket } from '../store/ports.js';
import type { StaffMember } from './service.js';

export type TicketScope = { all: true } | { all: false; units: string[] };

export function scopeOf(staff: Pick<StaffMember, 'role' | 'unitId'>, pack: Pack): TicketScope {
  if (staff.role === 'admin') return { all: true };
  if (staff.role === 'supervisor') {
    const supervises = pack.city.dispatcher === staff.unitId || pack.units.some((u) => u.supervisor === staff.unitId);
    if (supervises) return { all: true };
  }
  return { all: false, units: [staff.unitId] };
}

export function canSeeUnit(scope: TicketScope, unitId: string): boolean {
  return scope.all || scope.units.includes(unitId);
}

export function canSeeTicket(scope: TicketScope, ticket: Pick<Ticket, 'unitId'>): boolean {
  return canSeeUnit(scope, ticket.unitId);
}
