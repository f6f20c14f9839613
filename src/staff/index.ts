export { createStaffService, publicStaff, hashToken, STAFF_ROLES, LOGIN_PATTERN } from './service.js';
export type { StaffService, StaffServiceOptions, StaffMember, NewStaffInput, ConsoleLogin, BindResult } from './service.js';
export { scopeOf, canSeeTicket, canSeeUnit, type TicketScope } from './access.js';
export { BIND_CODE_ALPHABET, BIND_CODE_LENGTH, normalizeBindCode } from './bind-codes.js';
