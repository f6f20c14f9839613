/**
 * The anonymous resident behind a browser: a random 128-bit token in an httpOnly cookie. The
 * token is a bearer credential, so only its hash leaves this file: the hash is the chat id, the
 * user id and the web-message session, and a copy of the database cannot be used to read someone
 * else's chat.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../src/errors.js';

export const COOKIE_NAME = 'wc_sid';
/** The cookie is only sent to the web chat's own URLs. */
export const COOKIE_PATH = '/chat';
const TOKEN = /^[0-9a-f]{32}$/;
const ONE_YEAR_S = 365 * 24 * 3600;

export interface WebSession {
  /** Hash of the cookie token: chat id, user id and message-log key. */
  id: string;
  /** The platform language code from Accept-Language, if any. */
  language?: string;
}

export function sessionIdOf(token: string): string {
  return createHash('sha256').update(`weicheng-web:${token}`).digest('hex').slice(0, 32);
}

function tokenOf(req: FastifyRequest): string | undefined {
  const raw = req.cookies[COOKIE_NAME];
  return raw && TOKEN.test(raw) ? raw : undefined;
}

function languageOf(req: FastifyRequest): string | undefined {
  const header = req.headers['accept-language'];
  const first = header?.split(',')[0]?.split(';')[0]?.trim();
  return first && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(first) ? first : undefined;
}

/** The session of a page load: the existing one, or a new one with its cookie set on `reply`. */
export function ensureSession(req: FastifyRequest, reply: FastifyReply): WebSession {
  let token = tokenOf(req);
  if (!token) {
    token = randomBytes(16).toString('hex');
    reply.setCookie(COOKIE_NAME, token, {
      path: COOKIE_PATH,
      httpOnly: true,
      sameSite: 'lax',
      secure: req.protocol === 'https',
      maxAge: ONE_YEAR_S,
    });
  }
  return { id: sessionIdOf(token), language: languageOf(req) };
}

/** The session of an API call; 401 without a valid cookie (the page sets it). */
export function requireSession(req: FastifyRequest): WebSession {
  const token = tokenOf(req);
  if (!token) throw new AppError('UNAUTHENTICATED', 'no web chat session: open /chat first (cookie wc_sid missing or malformed)');
  return { id: sessionIdOf(token), language: languageOf(req) };
}

