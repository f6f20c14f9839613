/**
 * The photo register and the reads of every column that can name a photo, on SQLite (see
 * MediaFileRepo). Pages are keyset pages on each table's key, so a long read never holds the one
 * writer for more than a page.
 */
import type { MediaFileRepo, RegisteredMedia } from '../../src/store/media.js';
import { keyAfter, MEDIA_SOURCE_SPECS, toPage, type MediaSourceSpec } from '../media-sources.js';
import { statements, type SqliteDb } from './open.js';

/** One page of a source, after the key values keyAfter() gives. */
function pageSql({ table, column, key }: MediaSourceSpec): string {
  if (key === 'chat') {
    return `SELECT channel, chat_id, ${column} AS t FROM ${table}
      WHERE (channel, chat_id) > (?, ?) AND ${column} IS NOT NULL ORDER BY channel, chat_id LIMIT ?`;
  }
  return `SELECT id, ${column} AS t FROM ${table} WHERE id > ? AND ${column} IS NOT NULL ORDER BY id LIMIT ?`;
}

export function sqliteMediaFileRepo(db: SqliteDb): MediaFileRepo {
  const { st: prepared } = statements(db);
  return {
    async recordSaved(path, at) {
      prepared(`INSERT INTO media_files (path, saved_at) VALUES (?, ?) ON CONFLICT (path) DO UPDATE SET saved_at = excluded.saved_at`).run(path, at);
    },
    async savedBefore(before, afterPath, limit) {
      const rows = prepared(`SELECT path, saved_at FROM media_files WHERE saved_at < ? AND path > ? ORDER BY path LIMIT ?`).all(before, afterPath, limit) as {
        path: string;
        saved_at: number;
      }[];
      return rows.map((r): RegisteredMedia => ({ path: r.path, savedAt: r.saved_at }));
    },
    async forget(path, savedAt) {
      return prepared(`DELETE FROM media_files WHERE path = ? AND saved_at = ?`).run(path, savedAt).changes === 1;
    },
    async referenceTexts(source, cursor, limit) {
      const spec = MEDIA_SOURCE_SPECS[source];
      return toPage(spec, prepared(pageSql(spec)).all(...keyAfter(spec, cursor), limit) as Record<string, unknown>[], limit);
    },
  };
}
