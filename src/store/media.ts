/**
 * The storage port of the photo sweep (src/media/sweep.ts), beside ports.ts: a register of the
 * photos this database saw saved, and a read of every column that can name a photo.
 *
 * The register is what makes the sweep safe. A photo is only ever removed if this database
 * recorded saving it; a service started on an empty or wrong database (a typo in DATABASE_URL)
 * with the county's media directory finds nothing registered and removes nothing.
 */

/** The tables (columns) that can hold a media path; see MEDIA_SOURCES in src/media/sweep.ts. */
export type MediaSource = 'ticketPhotos' | 'ticketEvents' | 'outbox' | 'webMessages' | 'conversations' | 'campaigns';

export interface RegisteredMedia {
  /** Path relative to the media directory. */
  path: string;
  /** When it was last saved (epoch ms); saving the same photo again moves it forward. */
  savedAt: number;
}

export interface MediaFileRepo {
  /** Records that `path` was (re)saved at `at`. */
  recordSaved(path: string, at: number): Promise<void>;
  /** Registered photos last saved before `before`, by path after `afterPath`, at most `limit`. */
  savedBefore(before: number, afterPath: string, limit: number): Promise<RegisteredMedia[]>;
  /**
   * Unregisters `path` if it was last saved at `savedAt`; false when it was saved again since
   * (or is gone), and the caller must then leave the file alone.
   */
  forget(path: string, savedAt: number): Promise<boolean>;
  /**
   * One page of the texts of `source` that may name media files (JSON as text), in a stable
   * order. `cursor` is undefined for the first page and then what the previous page returned; the
   * returned cursor is undefined after the last page.
   */
  referenceTexts(source: MediaSource, cursor: string | undefined, limit: number): Promise<{ texts: string[]; cursor?: string }>;
}
