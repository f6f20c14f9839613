export { createOutboxDispatcher } from './dispatcher.js';
export { backoffDelay } from './backoff.js';
export { DEFAULT_LIMITS, type BackoffOptions, type ChannelLimits, type DispatcherOptions, type RateLimit } from './options.js';
export type { Clock, DispatcherStats, OutboxDispatcher, OutboxDispatcherDeps, OutboxHooks, OutboxLogger } from './types.js';
