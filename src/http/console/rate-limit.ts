/**
 * A small fixed-window limiter for console logins, keyed by client address and by login name,
 * so neither one address trying many logins nor many addresses trying one login gets far.
 * In memory: a restart forgets the counts, which only gives an attacker one more window.
 */

export interface RateLimiterOptions {
  /** Attempts allowed per key and window. Default 10. */
  max?: number;
  /** Window length. Default 60 s. */
  windowMs?: number;
  /** Default Date.now. */
  clock?: () => number;
  /** Keys kept before expired windows are swept. Default 10,000. */
  maxKeys?: number;
}

export interface RateLimiter {
  /** Counts an attempt for every key; false (and the wait) when any of them is over the limit. */
  hit(keys: string[]): { ok: true } | { ok: false; retryAfterMs: number };
}

export function createRateLimiter(o: RateLimiterOptions = {}): RateLimiter {
  const max = o.max ?? 10;
  const windowMs = o.windowMs ?? 60_000;
  const clock = o.clock ?? Date.now;
  const maxKeys = o.maxKeys ?? 10_000;
  const windows = new Map<string, { start: number; count: number }>();

  function sweep(now: number): void {
    for (const [k, w] of windows) if (now - w.start >= windowMs) windows.delete(k);
  }

  return {
    hit(keys) {
      const now = clock();
      if (windows.size > maxKeys) sweep(now);
      let wait = 0;
      for (const key of keys) {
        let w = windows.get(key);
        if (!w || now - w.start >= windowMs) {
          w = { start: now, count: 0 };
          windows.set(key, w);
        }
        w.count++;
        if (w.count > max) wait = Math.max(wait, w.start + windowMs - now);
      }
      return wait > 0 ? { ok: false, retryAfterMs: wait } : { ok: true };
    },
  };
}
