/**
 * Password hashing (bcrypt, cost 10). A login that fails for want of an account spends the same
 * time as a wrong password, so response times do not tell which logins exist.
 */
import bcrypt from 'bcryptjs';
import { AppError } from '../errors.js';

/** bcrypt work factor. */
export const BCRYPT_COST = 10;
/** Shortest password accepted, in characters. */
export const MIN_PASSWORD_LENGTH = 8;
/** bcrypt reads at most 72 bytes; longer passwords would be silently cut. */
export const MAX_PASSWORD_BYTES = 72;

/** Throws AppError INVALID_INPUT naming the rule a password breaks. */
export function checkPassword(password: string): void {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    throw new AppError('INVALID_INPUT', `password: must be at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  if (Buffer.byteLength(password, 'utf8') > MAX_PASSWORD_BYTES) {
    throw new AppError('INVALID_INPUT', `password: must be at most ${MAX_PASSWORD_BYTES} bytes`);
  }
}

export async function hashPassword(password: string): Promise<string> {
  checkPassword(password);
  return bcrypt.hash(password, BCRYPT_COST);
}

let dummy: Promise<string> | undefined;

/**
 * True when `password` matches `hash`. With no hash (no account, or a chat-only account) a dummy
 * hash is compared instead, so the failure path costs the same.
 */
export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  dummy ??= bcrypt.hash('weicheng-no-such-account', BCRYPT_COST);
  const target = hash ?? (await dummy);
  const ok = await bcrypt.compare(password, target);
  return ok && hash !== null && hash !== undefined;
}
