import type { ChannelName, ChannelSender } from '../channels/types.js';
import type { OutboxItem, Store } from '../store/ports.js';
import type { DispatcherOptions } from './options.js';

type LogFn = (obj: Record<string, unknown>, msg?: string) => void;

/** The pino-style subset the dispatcher logs through. It only ever passes ids, channels and statuses. */
export interface OutboxLogger {
  info: LogFn;
  warn: LogFn;
  error: LogFn;
  debug: LogFn;
}

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export interface OutboxHooks {
  /**
   * The channel says the recipient is gone for good (blocked the bot, chat deleted): the product
   * can unsubscribe them. Called after the row is marked failed; errors are logged and ignored.
   */
  onGone?: (item: OutboxItem, error: string) => void | Promise<void>;
  /** Any row marked failed for good (including gone ones and rows out of attempts). */
  onFailed?: (item: OutboxItem, error: string) => void | Promise<void>;
}

export interface OutboxDispatcherDeps extends OutboxHooks {
  store: Pick<Store, 'outbox'>;
  /** One sender per channel; rows of channels without one stay pending. */
  senders: ChannelSender[];
  /** Default: Date.now. */
  clock?: Clock;
  /** Default: silent. */
  logger?: OutboxLogger;
  options?: DispatcherOptions;
}

export interface DispatcherStats {
  running: boolean;
  /** Sends started since creation. */
  sent: number;
  delivered: number;
  retried: number;
  failed: number;
  gone: number;
  /** Rows put back untried because a rate limit or pause would have held them too long. */
  deferred: number;
  inFlight: number;
  /** Leased rows waiting in memory for a rate token or a free send slot. */
  waiting: number;
  pausedChannels: ChannelName[];
  /** Channels with pending rows but no sender. */
  unroutedChannels: string[];
}

export interface OutboxDispatcher {
  /** Starts the loop. */
  start(): void;
  /**
   * Stops leasing, waits for sends in flight (up to `stopTimeoutMs`), and hands the rows it
   * leased but did not send back to the table at once.
   */
  stop(): Promise<void>;
  /** Wakes the loop now: call after enqueueing, so a reply leaves within milliseconds. */
  kick(): void;
  /**
   * Runs the loop until nothing is due at the clock's current time (rows waiting for a later
   * retry or rate token stay). Works without start(); meant for tests and scripts.
   */
  drain(): Promise<void>;
  stats(): DispatcherStats;
}
