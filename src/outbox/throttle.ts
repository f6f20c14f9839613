/**
 * Rate limits per channel and per address, and the pauses a channel's retry-after imposes.
 *
 * Each limit is a token bucket of `count` tokens in which a spent token comes back exactly `perMs`
 * after it was spent (a sliding window). Unlike a bucket refilled at a steady rate, this never lets
 * more than `count` sends into any window of `perMs`, which is how the platforms count ("20 per
 * minute"), while still allowing a burst of `count` at once.
 */
import type { ChannelName } from '../channels/types.js';
import type { ChannelLimits, RateLimit } from './options.js';

class SlidingWindow {
  /** Times of the last `count` sends, oldest first. */
  private readonly sends: number[] = [];

  constructor(private readonly limit: RateLimit) {}

  readyAt(now: number): number {
    if (this.sends.length < this.limit.count) return now;
    return Math.max(now, this.sends[0]! + this.limit.perMs);
  }

  available(now: number): number {
    let used = 0;
    for (const t of this.sends) if (t > now - this.limit.perMs) used++;
    return this.limit.count - used;
  }

  take(now: number): void {
    this.sends.push(now);
    if (this.sends.length > this.limit.count) this.sends.shift();
  }

  /** Moves a send from `startedAt` to `at` (later), keeping the times in order. */
  settle(startedAt: number, at: number): void {
    if (at <= startedAt) return;
    const i = this.sends.lastIndexOf(startedAt);
    if (i === -1) return;
    this.sends.splice(i, 1);
    let j = this.sends.length;
    while (j > 0 && this.sends[j - 1]! > at) j--;
    this.sends.splice(j, 0, at);
  }

  idle(now: number): boolean {
    const last = this.sends[this.sends.length - 1];
    return last === undefined || last <= now - this.limit.perMs;
  }
}

interface AddressState {
  windows: SlidingWindow[];
  pausedUntil: number;
}

export class Throttle {
  private readonly channels = new Map<string, { windows: SlidingWindow[]; pausedUntil: number }>();
  private readonly addresses = new Map<string, AddressState>();

  constructor(private readonly limits: Record<ChannelName, ChannelLimits>) {}

  private channel(name: ChannelName) {
    let state = this.channels.get(name);
    if (!state) {
      state = { windows: (this.limits[name]?.overall ?? []).map((l) => new SlidingWindow(l)), pausedUntil: 0 };
      this.channels.set(name, state);
    }
    return state;
  }

  private address(channel: ChannelName, address: string): AddressState {
    // In memory only: the key holds the address, so it must never be logged.
    const key = `${channel}\u0000${address}`;
    let state = this.addresses.get(key);
    if (!state) {
      const l = this.limits[channel] ?? {};
      const group = l.perGroup && l.isGroup?.(address);
      const limits = (group ? l.perGroup : l.perAddress) ?? [];
      state = { windows: limits.map((x) => new SlidingWindow(x)), pausedUntil: 0 };
      this.addresses.set(key, state);
    }
    return state;
  }

  /** The earliest time a message to this address may go out; `now` when it may go now. */
  readyAt(channel: ChannelName, address: string, now: number): number {
    const c = this.channel(channel);
    // An address never sent to (or forgotten by sweep) has no limit in force: no state is made
    // for it here, as a broadcast asks about thousands of addresses it has not sent to yet.
    const a = this.addresses.get(`${channel}\u0000${address}`);
    let at = Math.max(now, c.pausedUntil, a?.pausedUntil ?? 0);
    for (const w of c.windows) at = Math.max(at, w.readyAt(now));
    if (a) for (const w of a.windows) at = Math.max(at, w.readyAt(now));
    return at;
  }

  /** Sends the channel may start now, over all addresses (Infinity when it has no overall limit). */
  channelBudget(channel: ChannelName, now: number): number {
    const c = this.channel(channel);
    if (c.pausedUntil > now) return 0;
    let budget = Infinity;
    for (const w of c.windows) budget = Math.min(budget, w.available(now));
    return budget;
  }

  take(channel: ChannelName, address: string, now: number): void {
    for (const w of this.channel(channel).windows) w.take(now);
    for (const w of this.address(channel, address).windows) w.take(now);
  }

  /**
   * Counts a send from when its answer came back (`at`) instead of when it started: the platform
   * counted it somewhere in between, so a window measured from the answers holds at the platform
   * whatever the latency (a send delayed on its way cannot land too close to the next window's).
   */
  settle(channel: ChannelName, address: string, startedAt: number, at: number): void {
    for (const w of this.channel(channel).windows) w.settle(startedAt, at);
    const a = this.addresses.get(`${channel}\u0000${address}`);
    if (a) for (const w of a.windows) w.settle(startedAt, at);
  }

  /** Honours a channel's retry-after: pauses the channel or only the address until `until`. */
  pause(channel: ChannelName, address: string, until: number): void {
    const scope = this.limits[channel]?.retryAfterScope ?? 'channel';
    const state = scope === 'address' ? this.address(channel, address) : this.channel(channel);
    state.pausedUntil = Math.max(state.pausedUntil, until);
  }

  pausedChannels(now: number): ChannelName[] {
    const out: ChannelName[] = [];
    for (const [name, s] of this.channels) if (s.pausedUntil > now) out.push(name as ChannelName);
    return out;
  }

  /** Forgets addresses with no live limit or pause, so the map does not grow with every chat. */
  sweep(now: number): void {
    for (const [key, s] of this.addresses) {
      if (s.pausedUntil <= now && s.windows.every((w) => w.idle(now))) this.addresses.delete(key);
    }
  }

  get trackedAddresses(): number {
    return this.addresses.size;
  }
}
