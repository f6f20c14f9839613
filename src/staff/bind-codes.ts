/**
 * One-time codes that link a chat member to a staff account. Eight characters from an alphabet
 * without look-alikes (no 0/O, 1/I/L), so a code read out over the phone or copied by hand works.
 */
import { randomInt } from 'node:crypto';

export const BIND_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const BIND_CODE_LENGTH = 8;

export function newBindCode(): string {
  let s = '';
  for (let i = 0; i < BIND_CODE_LENGTH; i++) s += BIND_CODE_ALPHABET[randomInt(BIND_CODE_ALPHABET.length)];
  return s;
}

/**
 * The code as typed, normalised: upper case, spaces and dashes dropped. Undefined when it cannot
 * be a code (wrong length or a character outside the alphabet).
 */
export function normalizeBindCode(input: string): string | undefined {
  const s = input.toUpperCase().replace(/[\s-]/g, '');
  if (s.length !== BIND_CODE_LENGTH) return undefined;
  for (const ch of s) if (!BIND_CODE_ALPHABET.includes(ch)) return undefined;
  return s;
}
