/**
 * Where each MediaSource is read (src/store/media.ts), shared by the SQLite and PostgreSQL
 * repositories: the table, the column that can name a photo, and the key the pages follow. Each
 * dialect writes its own SQL from this; the cursor is the last row's key.
 */
import type { MediaSource } from '../src/store/media.js';

export interface MediaSourceSpec {
  table: string;
  column: string;
  /** `id`: a numeric id; `name`: a text id (campaigns); `chat`: (channel, chat_id). */
  key: 'id' | 'name' | 'chat';
}

export const MEDIA_SOURCE_SPECS: Record<MediaSource, MediaSourceSpec> = {
  ticketPhotos: { table: 'ticket_photos', column: 'path', key: 'id' },
  ticketEvents: { table: 'ticket_events', column: 'data', key: 'id' },
  outbox: { table: 'outbox', column: 'payload', key: 'id' },
  webMessages: { table: 'web_messages', column: 'payload', key: 'id' },
  conversations: { table: 'conversations', column: 'state', key: 'chat' },
  campaigns: { table: 'campaigns', column: 'image', key: 'name' },
};

/** The key values of the page after `cursor` (the first page when undefined). */
export function keyAfter(spec: MediaSourceSpec, cursor: string | undefined): unknown[] {
  if (spec.key === 'id') return [cursor === undefined ? -1 : Number(cursor)];
  if (spec.key === 'name') return [cursor ?? ''];
  return cursor === undefined ? ['', ''] : (JSON.parse(cursor) as [string, string]);
}

/** A page of rows (`t` the text, the key columns beside it) as texts and the next cursor. */
export function toPage(spec: MediaSourceSpec, rows: Record<string, unknown>[], limit: number): { texts: string[]; cursor?: string } {
  const last = rows.at(-1);
  const texts = rows.map((r) => String(r['t']));
  if (rows.length < limit || !last) return { texts };
  const cursor = spec.key === 'chat' ? JSON.stringify([last['channel'], last['chat_id']]) : String(last['id']);
  return { texts, cursor };
}
