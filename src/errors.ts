/**
 * Typed errors with stable codes. The HTTP error handler maps `status`; the CLI prints `message`.
 * A code is part of the public contract: never rename one, add a new one instead.
 */
export type ErrorCode =
  | 'CONFIG_INVALID'
  | 'PACK_INVALID'
  | 'PACK_NOT_FOUND'
  | 'NOT_FOUND'
  | 'INVALID_INPUT'
  | 'INVALID_TRANSITION'
  | 'UNKNOWN_REFERENCE'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'CHANNEL_UNAVAILABLE';

const STATUS: Record<ErrorCode, number> = {
  CONFIG_INVALID: 500,
  PACK_INVALID: 422,
  PACK_NOT_FOUND: 404,
  NOT_FOUND: 404,
  INVALID_INPUT: 400,
  INVALID_TRANSITION: 409,
  UNKNOWN_REFERENCE: 422,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  CHANNEL_UNAVAILABLE: 503,
};

export class AppError extends Error {
  readonly code: ErrorCode;
  /** Safe-to-show facts about the failure (ids, paths); never personal data or secrets. */
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>, options?: ErrorOptions) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return STATUS[this.code];
  }
}

export class NotFoundError extends AppError {
  constructor(what: string, id: string) {
    super('NOT_FOUND', `${what} "${id}" not found`, { what, id });
    this.name = 'NotFoundError';
  }
}

export class InvalidTransitionError extends AppError {
  constructor(ticket: string, from: string, action: string) {
    super('INVALID_TRANSITION', `ticket ${ticket}: cannot ${action} when ${from}`, { ticket, from, action });
    this.name = 'InvalidTransitionError';
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
