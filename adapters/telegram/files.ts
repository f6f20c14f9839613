/**
 * Downloading a resident's photo: getFile gives a path, the file server (under the same API root)
 * gives the bytes. The URL holds the bot token, so it never appears in an error or a log.
 */
import type { Telegram } from 'telegraf';

/** Bot API servers refuse files over 20 MB through getFile. */
const MAX_DOWNLOAD = 20 * 1024 * 1024;

const MIME_BY_EXT: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  heic: 'image/heic',
};

/** Telegram re-encodes photos as JPEG; the extension decides for documents. */
export function mimeFromPath(path: string, fallback = 'image/jpeg'): string {
  const ext = /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase();
  return (ext && MIME_BY_EXT[ext]) ?? fallback;
}

export interface FileDownloader {
  download(fileId: string, mimeHint?: string): Promise<{ data: Buffer; mime: string }>;
}

export function createFileDownloader(o: { telegram: Telegram; token: string; apiRoot: string; timeoutMs?: number }): FileDownloader {
  const root = o.apiRoot.replace(/\/$/, '');
  return {
    async download(fileId, mimeHint) {
      const file = await o.telegram.getFile(fileId);
      if (!file.file_path) throw new Error('telegram: getFile returned no file_path');
      if ((file.file_size ?? 0) > MAX_DOWNLOAD) throw new Error(`telegram: file of ${file.file_size} bytes is over 20 MB`);
      const res = await fetch(`${root}/file/bot${o.token}/${file.file_path}`, {
        signal: AbortSignal.timeout(o.timeoutMs ?? 30_000),
      }).catch((err: unknown) => {
        throw new Error(`telegram: file download failed (${(err as Error).name})`);
      });
      if (!res.ok) throw new Error(`telegram: file download answered ${res.status}`);
      const data = Buffer.from(await res.arrayBuffer());
      return { data, mime: mimeHint && MIME_BY_EXT[mimeHint.split('/')[1] ?? ''] ? mimeHint : mimeFromPath(file.file_path) };
    },
  };
}
