/**
 * Console sessions in the `wc_session` cookie: a random 256-bit token, httpOnly, SameSite=Strict,
 * Secure behind https, sent only to /console. The database holds only the token's SHA-256.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.js';
import type { Pack } from '../../pack/schema.js';
import { scopeOf, type TicketScope } from '../../staff/access.js';
import type { StaffMember, StaffService } from '../../staff/service.js';

export const SESSION_COOKIE = 'wc_session';
export const COOKIE_PATH = '/console';

export interface ConsoleUser {
  staff: StaffMember;
  scope: TicketScope;
}

export interface ConsoleAuth {
  /** The signed-in staff member, or undefined. */
  user(req: FastifyRequest): Promise<ConsoleUser | undefined>;
  /** The signed-in staff member; AppError UNAUTHENTICATED (401) without a live session. */
  require(req: FastifyRequest): Promise<ConsoleUser>;
  token(req: FastifyRequest): string | undefined;
  setCookie(reply: FastifyReply, token: string, expiresAt: number): void;
  clearCookie(reply: FastifyReply): void;
}

export function createConsoleAuth(o: { staff: StaffService; pack: () => Pack; secureCookies: boolean; clock: () => number }): ConsoleAuth {
  const cookieOptions = { path: COOKIE_PATH, httpOnly: true, sameSite: 'strict' as const, secure: o.secureCookies };
  const auth: ConsoleAuth = {
    token: (req) => req.cookies[SESSION_COOKIE],
    async user(req) {
      const staff = await o.staff.session(auth.token(req));
      return staff && { staff, scope: scopeOf(staff, o.pack()) };
    },
    async require(req) {
      const u = await auth.user(req);
      if (!u) throw new AppError('UNAUTHENTICATED', 'not signed in to the console (no or expired session): POST /console/api/login');
      return u;
    },
    setCookie(reply, token, expiresAt) {
      reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions, maxAge: Math.max(1, Math.floor((expiresAt - o.clock()) / 1000)) });
    },
    clearCookie(reply) {
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
    },
  };
  return auth;
}
