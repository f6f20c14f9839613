/**
 * Recognises an uploaded image by its first bytes. A browser's claimed type is only a hint (and
 * anyone can send anything with curl), so the bytes decide what the media store receives.
 */
export type ImageMime = 'image/jpeg' | 'image/png' | 'image/webp' | 'image/gif' | 'image/heic';

const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1']);

export function sniffImage(data: Buffer): ImageMime | undefined {
  if (data.length < 12) return undefined;
  if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  const ascii = (from: number, to: number) => data.subarray(from, to).toString('latin1');
  if (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a') return 'image/gif';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  if (ascii(4, 8) === 'ftyp' && HEIC_BRANDS.has(ascii(8, 12))) return 'image/heic';
  return undefined;
}

const EXT_MIME: Record<string, ImageMime> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  heic: 'image/heic',
};

/** Media-store paths look like `ab/<64 hex>.jpg`; anything else is refused before touching the disk. */
const MEDIA_PATH = /^([0-9a-f]{2})\/\1[0-9a-f]{62}\.(jpg|png|webp|gif|heic)$/;

export function mediaMimeOf(path: string): ImageMime | undefined {
  const m = MEDIA_PATH.exec(path);
  return m ? EXT_MIME[m[2]!] : undefined;
}
