import type { BackoffOptions } from './options.js';

/**
 * Delay before the next try after `attempts` failed attempts (1 for the first failure):
 * base * factor^(attempts-1), capped, then spread by the jitter so that many rows failing together
 * (a platform outage) do not all come back in the same instant.
 */
export function backoffDelay(attempts: number, o: Required<BackoffOptions>, random: () => number): number {
  const raw = Math.min(o.capMs, o.baseMs * o.factor ** Math.max(0, attempts - 1));
  const spread = 1 + o.jitter * (2 * random() - 1);
  return Math.round(Math.min(o.capMs, raw * spread));
}
