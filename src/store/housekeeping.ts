/**
 * The storage port of housekeeping (src/jobs/housekeeping.ts), beside ports.ts: removal of rows
 * that only serve for a while. The county's records (tickets, events, photos, ratings, staff,
 * campaigns, survey answers) have no method here on purpose.
 */

/**
 * Each call deletes at most `limit` rows older than `before` (epoch ms) and returns how many it
 * deleted, so the caller works in short batches: a SQLite write holds the one writer, and one huge
 * DELETE would stall the service. Deleting is idempotent: processes purging one PostgreSQL
 * database at once skip each other's rows, and neither fails.
 */
export interface HousekeepingRepo {
  /**
   * Outbox rows in a final state (delivered or failed) created before `before`. A pending row
   * (waiting, leased, or retrying) is never removed, whatever its age, nor a row a queued campaign
   * delivery still waits on (its result is copied onto the delivery first).
   */
  purgeOutbox(before: number, limit: number): Promise<number>;
  /** Web chat messages created before `before`. */
  purgeWebMessages(before: number, limit: number): Promise<number>;
  /** Inbound de-duplication ids recorded before `before`. */
  purgeInboundSeen(before: number, limit: number): Promise<number>;
  /** Console sessions that expired before `before`. */
  purgeConsoleSessions(before: number, limit: number): Promise<number>;
  /** Staff bind codes that expired, or were used, before `before`. */
  purgeBindCodes(before: number, limit: number): Promise<number>;
  /** Numbered lists (WeChat replies by number) sent before `before`. */
  purgeNumberedChoices(before: number, limit: number): Promise<number>;
}
