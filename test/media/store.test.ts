/**
 * The media store on a real directory: photos named by content hash, the register told of every
 * save, and the careful removal the photo sweep uses.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMediaStore } from '../../src/media/store.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'weicheng-media-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const DAY = 86_400_000;
const age = (full: string, ms: number) => utimesSync(full, new Date(ms), new Date(ms));

describe('media store', () => {
  it('stores a photo once under its content hash and tells the register of every save', async () => {
    const saved: string[] = [];
    const media = createMediaStore({ dir, register: async (p) => void saved.push(p) });
    const a = await media.save(Buffer.from('垃圾堆的照片'), 'image/jpeg');
    expect(a).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{64}\.jpg$/);
    expect(await media.save(Buffer.from('垃圾堆的照片'), 'image/jpeg')).toBe(a);
    expect(saved).toEqual([a, a]);
    expect((await media.read(a)).toString()).toBe('垃圾堆的照片');
  });

  it('keeps the photo when the register cannot be written', async () => {
    const media = createMediaStore({ dir, register: () => Promise.reject(new Error('database is locked')) });
    const a = await media.save(Buffer.from('x'), 'image/png');
    expect(existsSync(media.absolute(a))).toBe(true);
  });

  it('removes a photo it saved that was not written since the cutoff, and nothing else', async () => {
    const media = createMediaStore({ dir });
    const old = await media.save(Buffer.from('old'), 'image/jpeg');
    const fresh = await media.save(Buffer.from('fresh'), 'image/jpeg');
    const now = Date.now();
    age(media.absolute(old), now - 10 * DAY);
    // A poster the county put there by hand, and a file outside the store's naming.
    mkdirSync(join(dir, 'posters'));
    writeFileSync(join(dir, 'posters', 'spring.jpg'), 'poster');
    age(join(dir, 'posters', 'spring.jpg'), now - 100 * DAY);

    const cutoff = now - 7 * DAY;
    expect(await media.removeUnlessSavedSince(fresh, cutoff)).toBe(false);
    expect(existsSync(media.absolute(fresh))).toBe(true);
    expect(await media.removeUnlessSavedSince('posters/spring.jpg', cutoff)).toBe(false);
    expect(existsSync(join(dir, 'posters', 'spring.jpg'))).toBe(true);
    expect(await media.removeUnlessSavedSince(`../${old}`, cutoff)).toBe(false);

    expect(await media.removeUnlessSavedSince(old, cutoff)).toBe(true);
    expect(existsSync(media.absolute(old))).toBe(false);
    expect(await media.removeUnlessSavedSince(old, cutoff)).toBe(false);
    // Saved again after removal: the file is simply back.
    expect(await media.save(Buffer.from('old'), 'image/jpeg')).toBe(old);
    expect(existsSync(media.absolute(old))).toBe(true);
  });
});
