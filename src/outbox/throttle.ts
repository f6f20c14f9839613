/**
 * Rate limits per channel and per address, and the pauses a channel's retry-after imposes.
 *
 * Each limit is a RateWindow: a send holds one of the limit's slots from its start until a window
 * after its answer, so the platform never sees more than the limit in any sliding window whatever
 * the latency; optionally the sends are paced evenly (see rate-window.ts).
 */
import type { ChannelName } from '../channels/types.js';
import type { ChannelLimits } from './options.js';
import { RateWindow } from './rate-window.js';

/** The limits of a channel or of one address, and its retry-after pause. */
interface AddressState {
  windows: RateWindow[];
  pausedUntil: number;
}

export class Throttle {
  private readonly channels = new Map<string, AddressState>();
  private readonly addresses = new Map<string, AddressState>();

  constructor(private readonly limits: Record<ChannelName, ChannelLimits>) {}

  private channel(name: ChannelName) {
    let state = this.channels.get(name);
    if (!state) {
      state = { windows: (this.limits[name]?.overall ?? []).map((l) => new RateWindow(l)), pausedUntil: 0 };
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
      state = { windows: limits.map((x) => new RateWindow(x)), pausedUntil: 0 };
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

  /**
   * Sends the channel could start from now until `until`, over all addresses, if no send in flight
   * were answered meanwhile (Infinity when it has no overall limit).
   */
  channelBudget(channel: ChannelName, now: number, until = now): number {
    const c = this.channel(channel);
    if (c.pausedUntil > until) return 0;
    let budget = Infinity;
    for (const w of c.windows) budget = Math.min(budget, w.budget(now, Math.max(now, until)));
    return budget;
  }

  take(channel: ChannelName, address: string, now: number): void {
    for (const w of this.channel(channel).windows) w.take(now);
    for (const w of this.address(channel, address).windows) w.take(now);
  }

  /** The send taken for this address was answered (or failed, or timed out) at `at`. */
  settle(channel: ChannelName, address: string, at: number): void {
    for (const w of this.channel(channel).windows) w.settle(at);
    // take() made the state and sweep() keeps it while a send is in flight.
    const a = this.addresses.get(`${channel}\u0000${address}`);
    if (a) for (const w of a.windows) w.settle(at);
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
