/**
 * Options of the outbox dispatcher, with the defaults that follow the platforms' published limits
 * (see /work/shared/notes/channels.md in the project notes: Telegram ~30/s overall, ~1/s per chat,
 * 20/min per group; WeCom robots 20/min; personal WeChat accounts get banned when they send fast).
 */
import type { ChannelName } from '../channels/types.js';
import { AppError } from '../errors.js';

/**
 * At most `count` messages reach the platform in any sliding window of `perMs` milliseconds: a
 * send holds its slot from its start until `perMs` after its answer (see rate-window.ts), so the
 * limit holds at the platform whatever the latency. Clocks tick in whole ms: to leave no doubt at
 * the edge, give `perMs` a little margin (e.g. 1002 for "per second").
 */
export interface RateLimit {
  count: number;
  perMs: number;
  /**
   * Spread the sends evenly: after a burst of at most `burst`, one every `perMs / count / 1.25` ms
   * (a leaky bucket in front of the window, a little faster than the limit so it can catch up
   * after a stall; the window itself keeps the limit), so arrivals stay smooth instead of a
   * window's worth at once. Default: `count` (no pacing beyond the window itself).
   */
  burst?: number;
}

export interface ChannelLimits {
  /** Limits over the whole channel. Empty: unlimited. */
  overall?: RateLimit[];
  /** Limits per address (chat, user, robot key). Empty: unlimited. */
  perAddress?: RateLimit[];
  /** Limits for addresses that `isGroup` says are groups; they replace `perAddress` for those. */
  perGroup?: RateLimit[];
  /** Tells group addresses apart. Default for Telegram: the chat id is negative. */
  isGroup?: (address: string) => boolean;
  /**
   * What a `retry` with `afterSeconds` from this channel pauses: the whole channel (a bot-wide
   * flood limit) or only the address (a per-robot limit). Default 'channel', 'address' for WeCom.
   */
  retryAfterScope?: 'channel' | 'address';
}

export interface BackoffOptions {
  /** Delay after the first failed attempt, in ms. Default 2000. */
  baseMs?: number;
  /** Growth per further attempt. Default 2. */
  factor?: number;
  /** Longest delay, in ms. Default 900000 (15 min). */
  capMs?: number;
  /** Spread: the delay is scaled by a random factor in [1 - jitter, 1 + jitter]. Default 0.2. */
  jitter?: number;
}

export interface DispatcherOptions {
  /** Attempts before a row is marked failed for good. Default 8. */
  maxAttempts?: number;
  backoff?: BackoffOptions;
  /** Sends in flight at once, over all channels. Default 8. */
  concurrency?: number;
  /** Rows leased and buffered in memory at most (sending or waiting for a rate token). Default 50. */
  batchSize?: number;
  /**
   * How long a leased row is ours, in ms. After a crash, its rows go out again once the lease
   * expires. Default 60000.
   */
  leaseMs?: number;
  /** Poll interval when nobody calls kick(), in ms. Default 250. */
  pollMs?: number;
  /**
   * A leased row whose rate token comes within this many ms waits in memory; a longer wait puts
   * it back in the table (no attempt counted) until its token is due. Default 5000.
   */
  holdMs?: number;
  /** A send that has not settled after this many ms counts as a retry. Default 30000. */
  sendTimeoutMs?: number;
  /** stop() waits this long for sends in flight, in ms. Default 10000. */
  stopTimeoutMs?: number;
  /** How often to look for pending rows of channels without a sender, in ms. Default 60000. */
  unroutedCheckMs?: number;
  /** Per-channel limits, merged over the defaults (a given key replaces the default's key). */
  limits?: Partial<Record<ChannelName, ChannelLimits>>;
  /** Random source in [0, 1) for the backoff jitter. Default Math.random. */
  random?: () => number;
}

export const DEFAULT_LIMITS: Record<ChannelName, ChannelLimits> = {
  telegram: {
    overall: [{ count: 30, perMs: 1000 }],
    perAddress: [{ count: 1, perMs: 1000 }],
    perGroup: [
      { count: 1, perMs: 1000 },
      { count: 20, perMs: 60_000 },
    ],
    // Telegram group and supergroup chat ids are negative; private chats are positive.
    isGroup: (address) => address.startsWith('-'),
    retryAfterScope: 'channel',
  },
  wecom: { perAddress: [{ count: 20, perMs: 60_000 }], retryAfterScope: 'address' },
  wechat: { overall: [{ count: 1, perMs: 1000 }], retryAfterScope: 'channel' },
  web: {},
};

export const ALL_CHANNELS: readonly ChannelName[] = ['telegram', 'wechat', 'web', 'wecom'];

export interface ResolvedOptions {
  maxAttempts: number;
  backoff: Required<BackoffOptions>;
  concurrency: number;
  batchSize: number;
  leaseMs: number;
  pollMs: number;
  holdMs: number;
  sendTimeoutMs: number;
  stopTimeoutMs: number;
  unroutedCheckMs: number;
  limits: Record<ChannelName, ChannelLimits>;
  random: () => number;
}

function positive(name: string, value: number | undefined, fallback: number, min = 1): number {
  const v = value ?? fallback;
  if (!Number.isFinite(v) || v < min) throw new AppError('CONFIG_INVALID', `outbox dispatcher: option ${name} must be a number >= ${min}, got ${v}`);
  return v;
}

function checkLimits(channel: string, key: string, limits: RateLimit[] | undefined): void {
  for (const l of limits ?? []) {
    if (!(Number.isInteger(l.count) && l.count >= 1 && Number.isFinite(l.perMs) && l.perMs > 0)) {
      throw new AppError('CONFIG_INVALID', `outbox dispatcher: limits.${channel}.${key} needs count >= 1 (integer) and perMs > 0`);
    }
    if (l.burst !== undefined && !(Number.isInteger(l.burst) && l.burst >= 1)) {
      throw new AppError('CONFIG_INVALID', `outbox dispatcher: limits.${channel}.${key}.burst must be an integer >= 1, got ${l.burst}`);
    }
  }
}

export function resolveOptions(options: DispatcherOptions = {}): ResolvedOptions {
  const b = options.backoff ?? {};
  const limits = { ...DEFAULT_LIMITS };
  for (const channel of ALL_CHANNELS) {
    const merged = { ...DEFAULT_LIMITS[channel], ...options.limits?.[channel] };
    checkLimits(channel, 'overall', merged.overall);
    checkLimits(channel, 'perAddress', merged.perAddress);
    checkLimits(channel, 'perGroup', merged.perGroup);
    limits[channel] = merged;
  }
  const jitter = b.jitter ?? 0.2;
  if (!(jitter >= 0 && jitter < 1)) throw new AppError('CONFIG_INVALID', `outbox dispatcher: option backoff.jitter must be in [0, 1), got ${jitter}`);
  const concurrency = positive('concurrency', options.concurrency, 8);
  return {
    maxAttempts: positive('maxAttempts', options.maxAttempts, 8),
    backoff: {
      baseMs: positive('backoff.baseMs', b.baseMs, 2000),
      factor: positive('backoff.factor', b.factor, 2),
      capMs: positive('backoff.capMs', b.capMs, 15 * 60_000),
      jitter,
    },
    concurrency,
    batchSize: Math.max(concurrency, positive('batchSize', options.batchSize, 50)),
    leaseMs: positive('leaseMs', options.leaseMs, 60_000),
    pollMs: positive('pollMs', options.pollMs, 250),
    holdMs: positive('holdMs', options.holdMs, 5000, 0),
    sendTimeoutMs: positive('sendTimeoutMs', options.sendTimeoutMs, 30_000),
    stopTimeoutMs: positive('stopTimeoutMs', options.stopTimeoutMs, 10_000, 0),
    unroutedCheckMs: positive('unroutedCheckMs', options.unroutedCheckMs, 60_000),
    limits,
    random: options.random ?? Math.random,
  };
}
