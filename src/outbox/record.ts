/**
 * Turns one send's result into the row's next state: delivered, another try later, or failed.
 */
import type { SendResult } from '../channels/types.js';
import type { OutboxItem, OutboxRepo } from '../store/ports.js';
import { backoffDelay } from './backoff.js';
import type { ResolvedOptions } from './options.js';
import type { Throttle } from './throttle.js';
import type { DispatcherStats, OutboxHooks, OutboxLogger } from './types.js';

export interface RecordContext {
  outbox: OutboxRepo;
  options: ResolvedOptions;
  throttle: Throttle;
  logger: OutboxLogger;
  hooks: OutboxHooks;
  stats: DispatcherStats;
  /** Records a delivery (the dispatcher batches these); default: outbox.markDelivered per row. */
  markDelivered?: (id: number, now: number) => Promise<void>;
}

/**
 * Collects delivered marks made in the same turn of the event loop and writes them in one
 * transaction: at thousands of sends a second, a statement (and a store lock) per row is the
 * dispatcher's largest cost. Each caller still waits until its own row is written.
 */
export function createDeliveredBatcher(outbox: OutboxRepo): (id: number, now: number) => Promise<void> {
  let batch: { ids: number[]; now: number }[] = [];
  let flushing: Promise<void> | undefined;
  function flush(): Promise<void> {
    flushing ??= new Promise<void>((resolve, reject) => {
      setImmediate(() => {
        const groups = batch;
        batch = [];
        flushing = undefined;
        (async () => {
          for (const g of groups) await outbox.markDeliveredMany(g.ids, g.now);
        })().then(resolve, reject);
      });
    });
    return flushing;
  }
  return (id, now) => {
    const last = batch[batch.length - 1];
    if (last && last.now === now) last.ids.push(id);
    else batch.push({ ids: [id], now });
    return flush();
  };
}

/** A retry-after hint in ms, or undefined when the channel gave none worth honouring. */
function hintMs(result: SendResult): number | undefined {
  if (result.status !== 'retry' || result.afterSeconds === undefined) return undefined;
  const s = result.afterSeconds;
  return Number.isFinite(s) && s > 0 ? Math.ceil(s * 1000) : undefined;
}

async function callHook(ctx: RecordContext, name: keyof OutboxHooks, item: OutboxItem, error: string): Promise<void> {
  const hook = ctx.hooks[name];
  if (!hook) return;
  try {
    await hook(item, error);
  } catch (err) {
    ctx.logger.error({ id: item.id, channel: item.channel, hook: name, err: errorName(err) }, 'outbox: hook threw');
  }
}

/** The error's class only: messages may quote addresses or text, so they stay out of the logs. */
export function errorName(err: unknown): string {
  return err instanceof Error ? err.name : typeof err;
}

async function fail(ctx: RecordContext, item: OutboxItem, error: string, gone: boolean, attempts: number): Promise<void> {
  await ctx.outbox.markFailed(item.id, error);
  ctx.stats.failed++;
  if (gone) ctx.stats.gone++;
  ctx.logger.warn({ id: item.id, channel: item.channel, status: 'failed', attempts, gone }, 'outbox: message failed for good');
  if (gone) await callHook(ctx, 'onGone', item, error);
  await callHook(ctx, 'onFailed', item, error);
}

export async function recordResult(ctx: RecordContext, item: OutboxItem, result: SendResult, now: number): Promise<void> {
  const attempts = item.attempts + 1;
  const log = { id: item.id, channel: item.channel, attempts };
  if (result.status === 'delivered') {
    await (ctx.markDelivered ? ctx.markDelivered(item.id, now) : ctx.outbox.markDelivered(item.id, now));
    ctx.stats.delivered++;
    ctx.logger.debug({ ...log, status: 'delivered' }, 'outbox: delivered');
    return;
  }
  if (result.status === 'failed') {
    await fail(ctx, item, result.error, result.gone === true, attempts);
    return;
  }
  const hint = hintMs(result);
  // The platform's own limit was hit: hold back everything behind it, not only this row.
  if (hint !== undefined) ctx.throttle.pause(item.channel, item.address, now + hint);
  if (attempts >= ctx.options.maxAttempts) {
    await fail(ctx, item, `gave up after ${attempts} attempts: ${result.error}`, false, attempts);
    return;
  }
  const delayMs = hint ?? backoffDelay(attempts, ctx.options.backoff, ctx.options.random);
  await ctx.outbox.markRetry(item.id, now + delayMs, result.error);
  ctx.stats.retried++;
  ctx.logger.info({ ...log, status: 'retry', delayMs, retryAfter: hint !== undefined }, 'outbox: will retry');
}
