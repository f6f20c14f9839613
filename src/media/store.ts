/**
 * Photos on disk under the media directory, named by their content hash, so a photo delivered
 * twice is stored once and a name never reveals who sent it.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join, normalize, resolve } from 'node:path';
import { AppError } from '../errors.js';

const EXT: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'image/heic': 'heic',
};

/**
 * The name save() gives a photo: `ab/ab…(64 hex).jpg`. Only such names are ever removed, so a
 * poster the county put in the directory by hand (a campaign image) is never touched.
 */
export const SAVED_MEDIA_PATH = /^[0-9a-f]{2}\/[0-9a-f]{64}\.(?:jpg|png|webp|gif|heic)$/;

export interface MediaStore {
  /** Stores the bytes; returns the path relative to the media directory. */
  save(data: Buffer, mime: string): Promise<string>;
  read(path: string): Promise<Buffer>;
  absolute(path: string): string;
  /**
   * Removes a photo save() stored, unless it was written at or after `before` (epoch ms): a photo
   * saved again meanwhile stays. False when it was kept or already gone.
   */
  removeUnlessSavedSince(path: string, before: number): Promise<boolean>;
}

export interface MediaStoreOptions {
  dir: string;
  /** Largest photo accepted, in bytes. Default 10 MiB. */
  maxBytes?: number;
  /**
   * Told of every save, so the photo sweep knows which files this database saw saved. Default
   * none: nothing is registered, so the sweep removes nothing.
   */
  register?: (path: string) => Promise<void>;
}

export function createMediaStore(options: MediaStoreOptions): MediaStore {
  const root = resolve(options.dir);
  const maxBytes = options.maxBytes ?? 10 * 1024 * 1024;
  const absolute = (path: string): string => {
    const full = resolve(root, normalize(path));
    if (!full.startsWith(root + '/')) throw new AppError('INVALID_INPUT', `media path "${path}" is outside the media directory`);
    return full;
  };
  let sweeps = 0;
  return {
    async save(data, mime) {
      const ext = EXT[mime];
      if (!ext) throw new AppError('INVALID_INPUT', `unsupported image type "${mime}" (jpeg, png, webp, gif, heic)`);
      if (data.length === 0) throw new AppError('INVALID_INPUT', 'the image is empty');
      if (data.length > maxBytes) throw new AppError('INVALID_INPUT', `the image is larger than ${Math.round(maxBytes / 1048576)} MB`);
      const hash = createHash('sha256').update(data).digest('hex');
      const rel = join(hash.slice(0, 2), `${hash}.${ext}`);
      await mkdir(join(root, hash.slice(0, 2)), { recursive: true });
      // Written every time, even when present: the new modification time tells a running sweep
      // that the photo is wanted again.
      await writeFile(join(root, rel), data);
      // The photo is on disk, which is what the resident needs. A register that cannot be written
      // only means this photo is never swept, so its failure does not fail the save.
      await options.register?.(rel).catch(() => undefined);
      return rel;
    },
    read: (path) => readFile(absolute(path)),
    absolute,
    async removeUnlessSavedSince(path, before) {
      if (!SAVED_MEDIA_PATH.test(path)) return false;
      const full = absolute(path);
      // Moved aside first, then checked: a save() landing at any moment either rewrote the file
      // before the move (its new time shows, and it is moved back) or writes a fresh one after it.
      const aside = `${full}.sweep-${process.pid}-${++sweeps}`;
      try {
        await rename(full, aside);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
        throw err;
      }
      if ((await stat(aside)).mtimeMs >= before) {
        await rename(aside, full);
        return false;
      }
      await unlink(aside);
      return true;
    },
  };
}
