/**
 * Maps a failed Bot API call to a SendResult, so the outbox knows whether to wait, retry or give up.
 * Messages carry the API's description only: never the token (telegraf already redacts it from
 * network errors) and never the message text.
 */
import { TelegramError } from 'telegraf';
import type { SendResult } from '../../src/channels/types.js';

/** Pause used when the token itself is rejected: every message would fail the same way until an operator fixes it. */
const BAD_TOKEN_PAUSE_SECONDS = 300;

export function sendErrorResult(err: unknown): Exclude<SendResult, { status: 'delivered' }> {
  if (err instanceof TelegramError) {
    const code = err.code;
    const error = `telegram ${code}: ${err.description}`;
    if (code === 429) return { status: 'retry', afterSeconds: err.parameters?.retry_after, error };
    if (code >= 500) return { status: 'retry', error };
    // A revoked or mistyped token is the operator's problem, not the message's: keep the message.
    if (code === 401 || code === 404) return { status: 'retry', afterSeconds: BAD_TOKEN_PAUSE_SECONDS, error };
    if (code === 403) return { status: 'failed', error, gone: true };
    if (code === 400 && isChatGone(err.description)) return { status: 'failed', error, gone: true };
    return { status: 'failed', error };
  }
  // Network failures (FetchError, resets, timeouts) are worth another try.
  const message = err instanceof Error ? err.message : String(err);
  return { status: 'retry', error: `telegram: ${message}` };
}

function isChatGone(description: string): boolean {
  const d = description.toLowerCase();
  return d.includes('chat not found') || d.includes('user is deactivated') || d.includes('peer_id_invalid');
}
