/**
 * The outbox dispatcher: leases due rows, sends each through its channel's sender within the
 * channel's rate limits, and records the result.
 *
 * Guarantees:
 * - At-least-once. A row is marked delivered only after its send returned; a crash between the
 *   two (or a send outliving `sendTimeoutMs`) means the row goes out again once its lease expires.
 *   A row already marked delivered is never sent again, restart or not.
 * - In order per address: only the oldest pending row of each (channel, address) is ever leased,
 *   so message 2 to a chat waits until message 1 is delivered or has failed for good.
 * - Throttled rows wait without an attempt being counted.
 */
import type { ChannelName, ChannelSender, SendResult } from '../channels/types.js';
import type { OutboxItem } from '../store/ports.js';
import { resolveOptions } from './options.js';
import { createDeliveredBatcher, errorName, recordResult, type RecordContext } from './record.js';
import { Throttle } from './throttle.js';
import type { DispatcherStats, OutboxDispatcher, OutboxDispatcherDeps, OutboxLogger } from './types.js';

const silent: OutboxLogger = { info() {}, warn() {}, error() {}, debug() {} };

/** How often idle per-address limiter state is forgotten, in clock ms. */
const SWEEP_EVERY_MS = 60_000;
/** Leasing looks this many poll intervals ahead of the rate limits. */
const LEASE_AHEAD_POLLS = 2;

class SendTimeout extends Error {
  override name = 'SendTimeout';
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SendTimeout(`no answer within ${ms} ms`)), ms);
    // A hung send must not keep the process alive on its own.
    timer.unref();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export function createOutboxDispatcher(deps: OutboxDispatcherDeps): OutboxDispatcher {
  const options = resolveOptions(deps.options);
  const clock = deps.clock ?? { now: () => Date.now() };
  const logger = deps.logger ?? silent;
  const outbox = deps.store.outbox;
  const senders = new Map<ChannelName, ChannelSender>();
  for (const s of deps.senders) senders.set(s.channel, s);
  const channels = [...senders.keys()];
  const throttle = new Throttle(options.limits);

  const stats: DispatcherStats = {
    running: false,
    sent: 0,
    delivered: 0,
    retried: 0,
    failed: 0,
    gone: 0,
    deferred: 0,
    inFlight: 0,
    waiting: 0,
    pausedChannels: [],
    unroutedChannels: [],
  };
  const ctx: RecordContext = { outbox, options, throttle, logger, hooks: deps, stats, markDelivered: createDeliveredBatcher(outbox) };

  /** Leased rows not yet sending, in lease order. */
  const held = new Map<number, OutboxItem>();
  const inFlight = new Map<number, Promise<void>>();
  const unrouted = new Set<string>();
  let nextReadyAt = Infinity;
  let lastUnroutedCheck = -Infinity;
  let lastSweep = -Infinity;
  let lastHoldScan = -Infinity;
  let rotation = 0;
  let lastLeaseAt = -Infinity;
  /** Set by kick(): the next tick leases even if the buffer is well stocked. */
  let kicked = false;
  let running = false;
  let stopping = false;
  let loopDone: Promise<void> = Promise.resolve();
  let tickFailing = false;

  // --- waking the loop --------------------------------------------------------------------
  let woken = false;
  let wakeUp: (() => void) | undefined;
  function wake(): void {
    woken = true;
    wakeUp?.();
  }
  function sleep(ms: number): Promise<void> {
    if (woken) {
      woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        wakeUp = undefined;
        woken = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      wakeUp = done;
    });
  }

  // --- sending ----------------------------------------------------------------------------
  async function deliver(item: OutboxItem, sender: ChannelSender): Promise<void> {
    stats.sent++;
    let result: SendResult;
    try {
      result = await withTimeout(sender.send(item.address, item.payload), options.sendTimeoutMs);
    } catch (err) {
      // The full message goes to the row's last_error (the database holds the data anyway), not to the log.
      result = { status: 'retry', error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
      logger.warn({ id: item.id, channel: item.channel, status: 'error', err: errorName(err) }, 'outbox: send threw');
    }
    // The send held its rate slots until now (it may have reached the platform any time until
    // its answer, even when it failed); they free a window later. A send that timed out may in
    // theory still land later: sendTimeoutMs (30 s) is far beyond any window that matters.
    throttle.settle(item.channel, item.address, clock.now());
    try {
      await recordResult(ctx, item, result, clock.now());
    } catch (err) {
      logger.error(
        { id: item.id, channel: item.channel, status: result.status, err: errorName(err) },
        'outbox: could not record a send result; the row goes out again after its lease',
      );
    }
  }

  function startSend(item: OutboxItem, sender: ChannelSender, now: number): void {
    held.delete(item.id);
    throttle.take(item.channel, item.address, now);
    const p = deliver(item, sender).finally(() => {
      inFlight.delete(item.id);
      wake();
    });
    inFlight.set(item.id, p);
  }

  /** Starts every held row whose tokens are there; puts back rows that would wait too long. */
  async function pump(now: number): Promise<number> {
    let started = 0;
    nextReadyAt = Infinity;
    const putBack: [OutboxItem, number][] = [];
    // With every send slot busy, looking at the rest of a large buffer on each tick would cost
    // O(buffer) per send; the long waiters are put back on a full scan once a poll interval.
    const fullScan = now - lastHoldScan >= options.pollMs;
    if (fullScan) lastHoldScan = now;
    for (const item of held.values()) {
      if (!fullScan && !stopping && inFlight.size >= options.concurrency) break;
      // Our lease lapsed (a long hold or a clock jump): another dispatcher may own the row now.
      if (item.leaseUntil !== null && now >= item.leaseUntil) {
        held.delete(item.id);
        continue;
      }
      const sender = senders.get(item.channel);
      if (!sender) continue;
      const at = throttle.readyAt(item.channel, item.address, now);
      if (at <= now) {
        if (stopping || inFlight.size >= options.concurrency) continue;
        startSend(item, sender, now);
        started++;
      } else if (at - now > options.holdMs) {
        held.delete(item.id);
        putBack.push([item, at]);
      } else {
        nextReadyAt = Math.min(nextReadyAt, at);
      }
    }
    for (const [item, at] of putBack) {
      await outbox.defer(item.id, at);
      stats.deferred++;
      logger.debug({ id: item.id, channel: item.channel, status: 'throttled', delayMs: at - now }, 'outbox: throttled');
    }
    return started;
  }

  // --- leasing ----------------------------------------------------------------------------
  async function leaseAll(now: number): Promise<number> {
    let leased = 0;
    // Each channel gets a fair share of the buffer, so one flooded channel cannot starve the rest.
    const share = Math.max(1, Math.ceil(options.batchSize / Math.max(1, channels.length)));
    rotation = (rotation + 1) % Math.max(1, channels.length);
    for (let i = 0; i < channels.length; i++) {
      const channel = channels[(rotation + i) % channels.length]!;
      const room = options.batchSize - held.size - inFlight.size;
      if (room <= 0) break;
      let waiting = 0;
      for (const h of held.values()) if (h.channel === channel) waiting++;
      // Rows for the sends the limits allow until the next lease (and a poll more) are leased
      // ahead, so a slot that frees finds its row in memory rather than waiting for a lease.
      const budget = throttle.channelBudget(channel, now, now + LEASE_AHEAD_POLLS * options.pollMs);
      const limit = Math.min(room, share - waiting, budget - waiting);
      if (limit <= 0) continue;
      const rows = await outbox.leaseHeads(now, now + options.leaseMs, limit, { channels: [channel] });
      for (const row of rows) {
        if (inFlight.has(row.id)) continue;
        if (!held.has(row.id)) leased++;
        held.set(row.id, row);
      }
    }
    return leased;
  }

  /** Finds channels with pending rows but no sender and says so once; the rows stay untouched. */
  async function checkUnrouted(now: number): Promise<void> {
    lastUnroutedCheck = now;
    const skip = [...channels, ...unrouted] as ChannelName[];
    for (;;) {
      const [row] = await outbox.leaseHeads(now, now + options.leaseMs, 1, { skipChannels: skip });
      if (!row) return;
      await outbox.releaseLeases([row.id]);
      unrouted.add(row.channel);
      skip.push(row.channel);
      logger.warn({ channel: row.channel, id: row.id }, 'outbox: rows pending for a channel without a sender; they wait until one is configured');
    }
  }

  async function tick(force: boolean): Promise<{ leased: number; started: number }> {
    if (stopping) return { leased: 0, started: 0 };
    const now = clock.now();
    let started = await pump(now);
    // Leasing scans the pending rows, so it happens in batches: when the buffer runs low, on a
    // kick, or once a poll interval, not after every single send.
    let leased = 0;
    if (force || held.size < options.concurrency || now - lastLeaseAt >= options.pollMs) {
      lastLeaseAt = now;
      leased = await leaseAll(now);
    }
    if (now - lastUnroutedCheck >= options.unroutedCheckMs) await checkUnrouted(now);
    if (leased > 0) started += await pump(clock.now());
    if (now - lastSweep >= SWEEP_EVERY_MS) {
      lastSweep = now;
      throttle.sweep(now);
    }
    return { leased, started };
  }

  // Ticks never overlap: the loop, drain() and stop() share this chain.
  let chain: Promise<unknown> = Promise.resolve();
  function serialTick(force = false): Promise<{ leased: number; started: number }> {
    const run = chain.then(() => tick(force));
    chain = run.catch(() => {});
    return run;
  }

  async function loop(): Promise<void> {
    while (!stopping) {
      try {
        const force = kicked;
        kicked = false;
        await serialTick(force);
        if (tickFailing) logger.info({}, 'outbox: store answers again');
        tickFailing = false;
      } catch (err) {
        // Logged once per outage, not on every poll.
        if (!tickFailing) logger.error({ err: errorName(err) }, 'outbox: tick failed; retrying every poll');
        tickFailing = true;
      }
      if (stopping) break;
      const untilReady = nextReadyAt - clock.now();
      await sleep(Math.max(1, Math.min(options.pollMs, untilReady)));
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      stopping = false;
      stats.running = true;
      logger.info({ channels }, 'outbox: dispatcher started');
      loopDone = loop();
    },

    async stop() {
      stopping = true;
      wake();
      await loopDone;
      await chain;
      if (inFlight.size > 0) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          Promise.allSettled([...inFlight.values()]),
          new Promise<void>((r) => (timer = setTimeout(r, options.stopTimeoutMs))),
        ]);
        clearTimeout(timer);
      }
      if (inFlight.size > 0) {
        logger.warn({ inFlight: inFlight.size }, 'outbox: stopped with sends in flight; unrecorded ones go out again after their lease');
      }
      const ids = [...held.keys()];
      held.clear();
      await outbox.releaseLeases(ids);
      running = false;
      stats.running = false;
      logger.info({ released: ids.length }, 'outbox: dispatcher stopped');
    },

    kick() {
      kicked = true;
      wake();
    },

    async drain() {
      // Idle is only believed after a tick that was made to lease.
      let force = true;
      for (;;) {
        const { leased, started } = await serialTick(force);
        if (inFlight.size > 0) {
          force = false;
          await Promise.race(inFlight.values());
          continue;
        }
        if (leased === 0 && started === 0) {
          if (force) return;
          force = true;
        } else force = false;
      }
    },

    stats() {
      const now = clock.now();
      return {
        ...stats,
        inFlight: inFlight.size,
        waiting: held.size,
        pausedChannels: throttle.pausedChannels(now),
        unroutedChannels: [...unrouted],
      };
    },
  };
}
