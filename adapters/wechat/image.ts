/**
 * The image type of a received photo. WeChat file names are not reliable (wechat4u names every
 * image `<id>.jpg`), so the bytes decide; the name is only a fallback.
 */
const BY_EXT: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  heic: 'image/heic',
};

export function imageMime(data: Buffer, name?: string, declared?: string): string {
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.length >= 8 && data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (data.length >= 6 && /^GIF8[79]a$/.test(data.subarray(0, 6).toString('latin1'))) return 'image/gif';
  if (data.length >= 12 && data.subarray(0, 4).toString('latin1') === 'RIFF' && data.subarray(8, 12).toString('latin1') === 'WEBP') {
    return 'image/webp';
  }
  if (data.length >= 12 && data.subarray(4, 8).toString('latin1') === 'ftyp' && /^(heic|heix|mif1)$/.test(data.subarray(8, 12).toString('latin1'))) {
    return 'image/heic';
  }
  const ext = name?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  if (ext && BY_EXT[ext]) return BY_EXT[ext];
  return declared && declared.startsWith('image/') ? declared : 'application/octet-stream';
}
