/**
 * Photos on disk under the media directory, named by their content hash, so a photo delivered
 * twice is stored once and a name never reveals who sent it.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, normalize, resolve } from 'node:path';
import { AppError } from '../errors.js';

const EXT: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'image/heic': 'heic',
};

export interface MediaStore {
  /** Stores the bytes; returns the path relative to the media directory. */
  save(data: Buffer, mime: string): Promise<string>;
  read(path: string): Promise<Buffer>;
  absolute(path: string): string;
}

export interface MediaStoreOptions {
  dir: string;
  /** Largest photo accepted, in bytes. Default 10 MiB. */
  maxBytes?: number;
}

export function createMediaStore(options: MediaStoreOptions): MediaStore {
  const root = resolve(options.dir);
  const maxBytes = options.maxBytes ?? 10 * 1024 * 1024;
  const absolute = (path: string): string => {
    const full = resolve(root, normalize(path));
    if (!full.startsWith(root + '/')) throw new AppError('INVALID_INPUT', `media path "${path}" is outside the media directory`);
    return full;
  };
  return {
    async save(data, mime) {
      const ext = EXT[mime];
      if (!ext) throw new AppError('INVALID_INPUT', `unsupported image type "${mime}" (jpeg, png, webp, gif, heic)`);
      if (data.length === 0) throw new AppError('INVALID_INPUT', 'the image is empty');
      if (data.length > maxBytes) throw new AppError('INVALID_INPUT', `the image is larger than ${Math.round(maxBytes / 1048576)} MB`);
      const hash = createHash('sha256').update(data).digest('hex');
      const rel = join(hash.slice(0, 2), `${hash}.${ext}`);
      await mkdir(join(root, hash.slice(0, 2)), { recursive: true });
      await writeFile(join(root, rel), data);
      return rel;
    },
    read: (path) => readFile(absolute(path)),
    absolute,
  };
}
