/**
 * The connection the PostgreSQL repositories use. Inside `Store.transaction` every query runs on
 * the transaction's one pooled client, found through AsyncLocalStorage, so repository calls made
 * inside the callback (through `tx` or through the store itself) join the transaction; outside
 * one, each query takes any free pooled connection.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import type pg from 'pg';

export type PgDb = NodePgDatabase;

interface TxContext {
  client: pg.PoolClient;
  db: PgDb;
  /** Set once the transaction has ended and its client went back to the pool. */
  ended: boolean;
}

export interface PgConn {
  /** drizzle on the current transaction's client, else on the pool. */
  db(): PgDb;
  /** Raw parameterised SQL on the same connection; bigint columns come back as numbers. */
  query<R extends object = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: R[]; rowCount: number }>;
  /**
   * True inside a transaction. Repositories then lock the rows they read for a later write
   * (SELECT ... FOR UPDATE): SQLite runs one transaction at a time, PostgreSQL runs them side by
   * side, and a read-check-write (a ticket's state change) must not interleave with another.
   */
  inTransaction(): boolean;
  /** Runs `fn` in a transaction: the current one, or a new one on one pooled client. */
  atomic<T>(fn: () => Promise<T>): Promise<T>;
  /** Resolves when no transaction is running. */
  idle(): Promise<void>;
}

export function createConn(pool: pg.Pool): PgConn {
  const als = new AsyncLocalStorage<TxContext>();
  const poolDb = drizzle(pool);
  const running = new Set<Promise<unknown>>();
  // A timer or callback set up inside a transaction keeps its context after the transaction has
  // ended; its queries must then use the pool, never the client another transaction now holds.
  const current = (): TxContext | undefined => {
    const ctx = als.getStore();
    return ctx && !ctx.ended ? ctx : undefined;
  };

  async function inNewTransaction<T>(fn: () => Promise<T>): Promise<T> {
    const client = await pool.connect();
    const ctx: TxContext = { client, db: drizzle(client), ended: false };
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      try {
        const result = await als.run(ctx, fn);
        await client.query('COMMIT');
        return result;
      } catch (err) {
        // A failed ROLLBACK means the connection itself is gone: it must not go back to the pool.
        await client.query('ROLLBACK').catch((e: Error) => (broken = e));
        throw err;
      }
    } finally {
      ctx.ended = true;
      client.release(broken);
    }
  }

  return {
    db: () => current()?.db ?? poolDb,
    async query<R extends object>(text: string, params: unknown[] = []) {
      const target = current()?.client ?? pool;
      const res = await target.query<R & pg.QueryResultRow>(text, params);
      return { rows: res.rows, rowCount: res.rowCount ?? 0 };
    },
    inTransaction: () => current() !== undefined,
    atomic<T>(fn: () => Promise<T>): Promise<T> {
      // A nested call joins the transaction it runs in, as on SQLite: no savepoint.
      if (current()) return fn();
      const p = inNewTransaction(fn);
      const tracked = p.catch(() => {}).finally(() => running.delete(tracked));
      running.add(tracked);
      return p;
    },
    async idle() {
      while (running.size > 0) await Promise.all(running);
    },
  };
}
