/**
 * WeCom (企业微信) group robots, outbound only: offices get ticket cards in their work group.
 * The address is the NAME of the environment variable that holds the robot's webhook URL (the
 * city pack names it, the operator sets it), because the URL carries the robot's key: a secret
 * that must stay out of the pack, the database and the logs.
 */
import type { ChannelSender, OutboundMessage, SendResult } from '../../src/channels/types.js';
import type { Logger } from '../../src/logger.js';
import { truncateUtf8 } from './truncate.js';

/** WeCom's limits: markdown content up to 4096 bytes, text content up to 2048 bytes. */
const MARKDOWN_MAX_BYTES = 4096;
const TEXT_MAX_BYTES = 2048;
/** errcode for "too many messages" (a robot takes at most 20 a minute). */
const ERR_RATE_LIMITED = 45009;
const RATE_RETRY_S = 60;
const ERROR_RETRY_S = 30;

export interface WecomSenderOptions {
  /** Resolves an environment variable name to the robot's webhook URL (Config.secret). */
  url: (envName: string) => string | undefined;
  logger: Pick<Logger, 'warn'>;
  /** The fetch to use. Default the global fetch. */
  fetch?: typeof fetch;
  /** Give up on a request after this many ms (then retry later). Default 10,000. */
  timeoutMs?: number;
}

function body(message: OutboundMessage): unknown {
  // A robot cannot fetch files from our media directory; a photo goes out as its caption.
  const base = message.kind === 'text' ? message.text : (message.caption ?? '');
  const choices = (message.buttons ?? []).flat().map((b) => `- ${b.label}`);
  const text = [base, ...choices].join('\n');
  if (message.kind === 'text' && message.format === 'markdown') {
    return { msgtype: 'markdown', markdown: { content: truncateUtf8(text, MARKDOWN_MAX_BYTES) } };
  }
  return { msgtype: 'text', text: { content: truncateUtf8(text, TEXT_MAX_BYTES) } };
}

export function createWecomSender(options: WecomSenderOptions): ChannelSender {
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;
  return {
    channel: 'wecom',
    async send(address, message): Promise<SendResult> {
      const url = options.url(address);
      if (!url) {
        // Not "gone": the operator can still set the variable and the card should then go out.
        return { status: 'failed', error: `WeCom robot URL is not configured: set the environment variable ${address}` };
      }
      let res: Response;
      try {
        res = await doFetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json; charset=utf-8' },
          body: JSON.stringify(body(message)),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (err) {
        // Never the URL: fetch errors can quote it, and it holds the robot's key.
        const name = (err as Error)?.name ?? 'Error';
        options.logger.warn({ channel: 'wecom', variable: address, errName: name }, 'WeCom robot unreachable');
        return { status: 'retry', afterSeconds: ERROR_RETRY_S, error: `WeCom robot (${address}) unreachable: ${name}` };
      }
      if (res.status >= 500 || res.status === 429) {
        return { status: 'retry', afterSeconds: res.status === 429 ? RATE_RETRY_S : ERROR_RETRY_S, error: `WeCom robot (${address}) answered HTTP ${res.status}` };
      }
      let answer: { errcode?: unknown; errmsg?: unknown };
      try {
        answer = (await res.json()) as typeof answer;
      } catch {
        return { status: 'failed', error: `WeCom robot (${address}) answered HTTP ${res.status} without JSON` };
      }
      const code = typeof answer?.errcode === 'number' ? answer.errcode : undefined;
      if (res.ok && code === 0) return { status: 'delivered' };
      if (code === ERR_RATE_LIMITED) {
        return { status: 'retry', afterSeconds: RATE_RETRY_S, error: `WeCom robot (${address}) rate limit (errcode ${ERR_RATE_LIMITED})` };
      }
      // errmsg may echo the key ("invalid webhook url ... key=..."): keep only its first words.
      const msg = typeof answer?.errmsg === 'string' ? answer.errmsg.replace(/https?:\S+|key=\S+/g, '[redacted]').slice(0, 120) : '';
      return { status: 'failed', error: `WeCom robot (${address}) refused: errcode ${String(code ?? `HTTP ${res.status}`)} ${msg}`.trim() };
    },
  };
}
