/**
 * The process logger. Redaction is a safety net; the rule is that callers never pass residents'
 * text, names, platform ids or tokens to a log call in the first place.
 */
import { pino, type Logger } from 'pino';

export type { Logger };

/** Keys that must never reach a log line, wherever they appear in a logged object. */
const REDACT = [
  'token',
  '*.token',
  'password',
  '*.password',
  'secret',
  '*.secret',
  'headers.authorization',
  'headers.cookie',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-telegram-bot-api-secret-token"]',
  'text',
  '*.text',
  'phone',
  '*.phone',
  'address',
  '*.address',
  'userId',
  '*.userId',
];

export function createLogger(level: string): Logger {
  return pino({ level, redact: { paths: REDACT, censor: '[redacted]' } });
}
