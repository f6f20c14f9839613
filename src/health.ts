import type { Store } from './store/ports.js';

export interface HealthReport {
  status: 'ok' | 'down';
  database: 'ok' | 'down';
  pack: { id: string; name: string; warnings: string[] } | null;
  channels: string[];
  outbox?: { pending: number; delivered: number; failed: number };
}

export interface HealthSources {
  store: Store;
  pack: () => { id: string; name: string; warnings: string[] } | null;
  channels: () => string[];
}

export function createHealthCheck(src: HealthSources): () => Promise<HealthReport> {
  return async () => {
    const dbOk = await src.store.ping();
    const pack = src.pack();
    return {
      status: dbOk && pack ? 'ok' : 'down',
      database: dbOk ? 'ok' : 'down',
      pack,
      channels: src.channels(),
      outbox: dbOk ? await src.store.outbox.counts() : undefined,
    };
  };
}
