/**
 * The photo register and the reads of every column that can name a photo, on PostgreSQL (see
 * MediaFileRepo). JSON columns are read as text: the sweep looks for paths in them, whatever the
 * shape of the object around them.
 */
import type { MediaFileRepo } from '../../src/store/media.js';
import { keyAfter, MEDIA_SOURCE_SPECS, toPage, type MediaSourceSpec } from '../media-sources.js';
import type { PgConn } from './conn.js';

/**
 * One page of a source, after the key values keyAfter() gives. Text keys compare and sort
 * COLLATE "C", so the cursor agrees with the order whatever the database's locale.
 */
function pageSql({ table, column, key }: MediaSourceSpec): string {
  if (key === 'chat') {
    return `SELECT channel, chat_id, ${column}::text AS t FROM ${table}
      WHERE (channel COLLATE "C", chat_id COLLATE "C") > ($1, $2) AND ${column} IS NOT NULL
      ORDER BY channel COLLATE "C", chat_id COLLATE "C" LIMIT $3`;
  }
  const id = key === 'name' ? 'id COLLATE "C"' : 'id';
  return `SELECT id, ${column}::text AS t FROM ${table} WHERE ${id} > $1 AND ${column} IS NOT NULL ORDER BY ${id} LIMIT $2`;
}

export function pgMediaFileRepo(c: PgConn): MediaFileRepo {
  return {
    async recordSaved(path, at) {
      await c.query(`INSERT INTO media_files (path, saved_at) VALUES ($1, $2) ON CONFLICT (path) DO UPDATE SET saved_at = excluded.saved_at`, [path, at]);
    },
    async savedBefore(before, afterPath, limit) {
      const { rows } = await c.query<{ path: string; saved_at: number }>(
        `SELECT path, saved_at FROM media_files WHERE saved_at < $1 AND path COLLATE "C" > $2 ORDER BY path COLLATE "C" LIMIT $3`,
        [before, afterPath, limit],
      );
      return rows.map((r) => ({ path: r.path, savedAt: Number(r.saved_at) }));
    },
    async forget(path, savedAt) {
      return (await c.query(`DELETE FROM media_files WHERE path = $1 AND saved_at = $2`, [path, savedAt])).rowCount === 1;
    },
    async referenceTexts(source, cursor, limit) {
      const spec = MEDIA_SOURCE_SPECS[source];
      const { rows } = await c.query(pageSql(spec), [...keyAfter(spec, cursor), limit]);
      return toPage(spec, rows, limit);
    },
  };
}
