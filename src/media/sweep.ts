/**
 * The photo sweep: removes photos nothing refers to any more, so the media directory does not
 * grow for ever with photos of reports that were never sent, or of web chats past retention.
 *
 * A photo goes only when all of this holds:
 * - this database registered saving it (MediaFileRepo): a service started on an empty or wrong
 *   database removes nothing, and neither do photos saved before the register existed;
 * - it was last saved more than MEDIA_GRACE_DAYS ago, in the register and on disk;
 * - no column that can name a photo names it (MEDIA_SOURCES): tickets' photos, ticket events,
 *   outbox messages of any state, web chat messages, conversations (a report's unfinished draft),
 *   campaign images. Their texts are searched for the path, whatever the shape around it.
 *
 * Everything a photo is referenced from is read before anything is removed; if a read fails, the
 * sweep stops without removing anything. A new reference to an old photo only ever comes with a
 * new save() (a resident sends it again), which moves its time forward and so spares it; other
 * references copy a path that a ticket already holds, and tickets' photos are never unreferenced.
 */
import type { MediaFileRepo, MediaSource } from '../store/media.js';
import { SAVED_MEDIA_PATH, type MediaStore } from './store.js';

/**
 * Days an unreferenced photo is kept after it was last saved: far longer than the moment between
 * a save and the write that refers to it, so a photo in flight is never taken for an orphan.
 */
export const MEDIA_GRACE_DAYS = 7;

/** Every table that can name a photo; test/media/sources.test.ts keeps this list complete. */
export const MEDIA_SOURCES: readonly MediaSource[] = ['ticketPhotos', 'ticketEvents', 'outbox', 'webMessages', 'conversations', 'campaigns'];

const DAY_MS = 86_400_000;
const PATHS_IN_TEXT = /[0-9a-f]{2}[\\/]+[0-9a-f]{64}\.(?:jpg|png|webp|gif|heic)/g;

export interface MediaSweepDeps {
  repo: MediaFileRepo;
  files: Pick<MediaStore, 'removeUnlessSavedSince'>;
}

export interface MediaSweepOptions {
  now: number;
  /** Rows per page, and registered photos per batch. */
  batch: number;
  /** True once the caller is closing: the sweep stops between batches. */
  closing: () => boolean;
}

/** Media paths named anywhere in `text` (JSON escapes a backslash; paths use '/'). */
export function mediaPathsIn(text: string): string[] {
  return [...text.matchAll(PATHS_IN_TEXT)].map((m) => m[0].replace(/[\\/]+/, '/')).filter((p) => SAVED_MEDIA_PATH.test(p));
}

interface References {
  /** Named anywhere. */
  inUse: Set<string>;
  /** A ticket's photo: a record kept for ever, so it need not be checked again. */
  records: Set<string>;
}

async function references(repo: MediaFileRepo, batch: number, closing: () => boolean): Promise<References | undefined> {
  const found: References = { inUse: new Set(), records: new Set() };
  for (const source of MEDIA_SOURCES) {
    let cursor: string | undefined;
    do {
      if (closing()) return undefined;
      const page = await repo.referenceTexts(source, cursor, batch);
      for (const text of page.texts) {
        for (const p of mediaPathsIn(text)) {
          found.inUse.add(p);
          if (source === 'ticketPhotos') found.records.add(p);
        }
      }
      cursor = page.cursor;
    } while (cursor !== undefined);
  }
  return found;
}

/** One sweep; resolves with the number of photos removed. Throws if the database cannot be read. */
export async function sweepMedia(d: MediaSweepDeps, o: MediaSweepOptions): Promise<number> {
  const before = o.now - MEDIA_GRACE_DAYS * DAY_MS;
  // Nothing due (no photo saved before the cutoff is still registered): no need to read anything.
  if ((await d.repo.savedBefore(before, '', 1)).length === 0) return 0;
  const refs = await references(d.repo, o.batch, o.closing);
  if (!refs) return 0;
  let removed = 0;
  let after = '';
  for (;;) {
    if (o.closing()) return removed;
    const due = await d.repo.savedBefore(before, after, o.batch);
    for (const m of due) {
      // A ticket's photo leaves the register (it is never removed), so later sweeps skip the
      // full read of references on days when nothing else is due.
      if (refs.records.has(m.path)) {
        await d.repo.forget(m.path, m.savedAt);
        continue;
      }
      if (refs.inUse.has(m.path)) continue;
      // Unregistered first: if it was saved again meanwhile, this fails and the file stays.
      if (!(await d.repo.forget(m.path, m.savedAt))) continue;
      if (await d.files.removeUnlessSavedSince(m.path, before)) removed++;
    }
    if (due.length < o.batch) return removed;
    after = due.at(-1)!.path;
  }
}
