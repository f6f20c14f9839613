/**
 * One rate limit ("at most `count` messages in any `perMs`"), kept so that the PLATFORM never sees
 * more than `count` arrivals in any sliding window of `perMs`, whatever the network latency.
 *
 * The platform counts a message when it arrives, somewhere between our request's start and its
 * answer. Counting sends at their start would let a slow send land too close to a fast one a
 * window later; counting them at their answer (after the fact) lets new sends start while older
 * ones are still on the way. So a send holds one of `count` slots from its start until `perMs`
 * after its answer: then for any instant, at most `count` sends can have arrived in the window
 * before it (proof: a send arriving in [u - perMs, u) started before u and was answered at or
 * after u - perMs, so it held a slot at u). Each message thus costs a window plus its latency, the
 * price of a guarantee that holds without any assumption on latency or its jitter.
 *
 * Optionally the sends are also paced (a leaky bucket / GCRA in front of the slots): after a
 * burst of at most `burst`, evenly spaced. Even pacing keeps arrivals smooth, so a burst does not
 * queue up at the platform (raising everyone's latency, which each message pays for in slot time)
 * and the slots free up one at a time instead of all at once a window later.
 */
import type { RateLimit } from './options.js';

/**
 * Pacing runs this much faster than the limit's average rate. The slots hold the limit; pacing
 * only smooths, and a pace of exactly the limit could never win back time lost to a stall (the
 * slots would free up as fast as the pace lets sends out, so the backlog would stay).
 */
const PACE_HEADROOM = 1.25;

export class RateWindow {
  /** Sends started and not answered yet: each holds a slot until its answer. */
  private inFlight = 0;
  /** Answer times of the sends answered within the last window, ascending, from `head`. */
  private answered: number[] = [];
  private head = 0;
  /** Pacing: the theoretical time of the next send (GCRA), and the tolerance before it. */
  private tat = -Infinity;
  private readonly spacing: number;
  private readonly tolerance: number;

  constructor(private readonly limit: RateLimit) {
    const paced = limit.burst !== undefined && limit.burst < limit.count;
    this.spacing = paced ? limit.perMs / limit.count / PACE_HEADROOM : 0;
    this.tolerance = paced ? (limit.burst! - 1) * this.spacing : 0;
  }

  /** Forgets answers that left the window. */
  private prune(now: number): void {
    const a = this.answered;
    while (this.head < a.length && a[this.head]! + this.limit.perMs <= now) this.head++;
    if (this.head > 256 && this.head * 2 > a.length) {
      this.answered = a.slice(this.head);
      this.head = 0;
    }
  }

  private held(): number {
    return this.inFlight + this.answered.length - this.head;
  }

  /**
   * The earliest time the next send may start; `now` when it may start now. With every slot
   * held by a send still in flight, the answer time is unknown: the result is then `now + perMs`,
   * a lower bound (the caller asks again when a send is answered).
   */
  readyAt(now: number): number {
    this.prune(now);
    let at = now;
    const excess = this.held() - this.limit.count;
    if (excess >= 0) {
      // The (excess + 1) oldest answers must leave the window before a slot is free.
      const i = this.head + excess;
      at = i < this.answered.length ? this.answered[i]! + this.limit.perMs : now + this.limit.perMs;
    }
    if (this.spacing > 0) at = Math.max(at, this.tat - this.tolerance);
    return at;
  }

  /** How many sends could start by `until` (>= now), if every send in flight stayed so. */
  budget(now: number, until: number): number {
    this.prune(now);
    let freed = 0;
    for (let i = this.head; i < this.answered.length && this.answered[i]! + this.limit.perMs <= until; i++) freed++;
    let n = this.limit.count - this.held() + freed;
    if (this.spacing > 0) {
      const first = Math.max(now, this.tat - this.tolerance);
      n = Math.min(n, first > until ? 0 : Math.floor((until - first) / this.spacing) + 1);
    }
    return Math.max(0, n);
  }

  /** A send starts now: it takes a slot (and its place in the pacing). */
  take(now: number): void {
    this.inFlight++;
    if (this.spacing > 0) this.tat = Math.max(this.tat, now) + this.spacing;
  }

  /** The send taken earlier was answered (or failed, or timed out) at `at`: its slot frees a window later. */
  settle(at: number): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    // Kept ascending even if the clock steps back.
    const last = this.answered[this.answered.length - 1];
    this.answered.push(last !== undefined && last > at ? last : at);
  }

  /** No send in flight or in the window, and pacing caught up: the state can be forgotten. */
  idle(now: number): boolean {
    this.prune(now);
    return this.held() === 0 && this.tat - this.tolerance <= now;
  }
}
