/**
 * The photo sweep over a real SQLite store (real migrations) and a real media directory: what it
 * removes (registered, unreferenced, untouched for a week) and everything it must leave alone.
 */
import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMediaStore, type MediaStore } from '../../src/media/store.js';
import { MEDIA_GRACE_DAYS, mediaPathsIn, sweepMedia } from '../../src/media/sweep.js';
import type { Store } from '../../src/store/ports.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { baseTicket } from '../helpers/stores.js';

const DAY = 86_400_000;
let db: TestDb;
let media: MediaStore;
let now: number;
const T0 = Date.now();

beforeEach(() => {
  db = createTestDb();
  now = T0;
  media = createMediaStore({ dir: join(db.dir, 'media'), register: (p) => db.store.mediaFiles.recordSaved(p, now) });
});
afterEach(() => db.cleanup());

/** Saves a photo "at" the fake time `now`, its file time set to match. */
async function save(content: string): Promise<string> {
  const path = await media.save(Buffer.from(content), 'image/jpeg');
  utimesSync(media.absolute(path), new Date(now), new Date(now));
  return path;
}
const exists = (path: string) => existsSync(media.absolute(path));
const sweep = (store: Store = db.store) => sweepMedia({ repo: store.mediaFiles, files: media }, { now, batch: 2, closing: () => false });

describe('photo sweep', () => {
  it('removes registered photos nothing names after a week, and keeps every referenced one', async () => {
    const s = db.store;
    const orphans = [await save('一张没发出去的照片'), await save('另一张'), await save('第三张')];
    const inTicket = await save('垃圾堆');
    const ticket = await s.tickets.insert({ ...baseTicket, number: 'n1', createdAt: now });
    await s.tickets.addPhoto({ ticketId: ticket.id, path: inTicket, mime: 'image/jpeg', source: 'resident', createdAt: now });
    const inEvent = await save('办结照片');
    await s.tickets.appendEvent({ ticketId: ticket.id, at: now, actor: 'staff:1', type: 'resolved', fromState: 'accepted', toState: 'resolved', note: '已清运', data: { photo: { path: inEvent, mime: 'image/jpeg' } } });
    const inDraft = await save('草稿里的照片');
    await s.conversations.put({ channel: 'wechat', chatId: 'wx-1', flow: 'report', step: 'location', state: { photos: [{ path: inDraft, mime: 'image/jpeg' }] }, language: 'zh-CN', updatedAt: now });
    const inWeb = await save('网页聊天照片');
    await s.webMessages.add({ sessionId: 's', direction: 'in', payload: { kind: 'photo', photo: inWeb }, createdAt: now });
    const inOutbox = await save('待发送的照片');
    await s.outbox.enqueue({ channel: 'telegram', address: 'chat-1', payload: { kind: 'photo', photo: inOutbox, caption: '已清运' } }, now);
    const poster = await save('海报');
    await s.campaigns.put({ id: 'poster', name: '海报', text: '创卫', image: poster, audience: {}, schedule: null, at: 1, survey: null, status: 'active', source: 'admin', createdAt: now, updatedAt: now });
    // Saved before the register existed (no row), and a file the county put there by hand.
    const unregistered = join(db.dir, 'media', 'ab', `${'ab'.repeat(32)}.jpg`);
    mkdirSync(join(db.dir, 'media', 'ab'), { recursive: true });
    writeFileSync(unregistered, 'old photo');
    writeFileSync(join(db.dir, 'media', 'spring.jpg'), 'poster by hand');
    for (const f of [unregistered, join(db.dir, 'media', 'spring.jpg')]) utimesSync(f, new Date(T0 - 400 * DAY), new Date(T0 - 400 * DAY));

    now = T0 + (MEDIA_GRACE_DAYS - 1) * DAY;
    expect(await sweep()).toBe(0);
    expect(orphans.every(exists)).toBe(true);

    now = T0 + (MEDIA_GRACE_DAYS + 1) * DAY;
    expect(await sweep()).toBe(3);
    expect(orphans.some(exists)).toBe(false);
    for (const p of [inTicket, inEvent, inDraft, inWeb, inOutbox, poster]) expect(exists(p), p).toBe(true);
    expect(existsSync(unregistered) && existsSync(join(db.dir, 'media', 'spring.jpg'))).toBe(true);
    // Ticket photos leave the register (they are kept for ever); the others stay to be checked again.
    const registered = (await s.mediaFiles.savedBefore(Number.MAX_SAFE_INTEGER, '', 100)).map((r) => r.path).sort();
    expect(registered).toEqual([inEvent, inDraft, inWeb, inOutbox, poster].sort());

    // The draft is abandoned: its photo goes at the next sweep.
    await s.conversations.put({ channel: 'wechat', chatId: 'wx-1', flow: null, step: null, state: {}, language: 'zh-CN', updatedAt: now });
    expect(await sweep()).toBe(1);
    expect(exists(inDraft)).toBe(false);
    expect(exists(inTicket)).toBe(true);
  });

  it('spares a photo saved again within the week, even when nothing names it yet', async () => {
    const p = await save('同一张照片');
    now = T0 + 5 * DAY;
    await save('同一张照片');
    now = T0 + (MEDIA_GRACE_DAYS + 1) * DAY;
    expect(await sweep()).toBe(0);
    expect(exists(p)).toBe(true);
    now = T0 + 5 * DAY + (MEDIA_GRACE_DAYS + 1) * DAY;
    expect(await sweep()).toBe(1);
    expect(exists(p)).toBe(false);
  });

  it('removes nothing when started on another (empty) database with the same media directory', async () => {
    const photos = [await save('证据一'), await save('证据二')];
    const other = createTestDb();
    try {
      now = T0 + 400 * DAY;
      expect(await sweep(other.store)).toBe(0);
      expect(photos.every(exists)).toBe(true);
    } finally {
      await other.cleanup();
    }
  });

  it('removes nothing if reading the references fails part-way', async () => {
    const p = await save('孤儿照片');
    now = T0 + 30 * DAY;
    const repo = db.store.mediaFiles;
    const failing = {
      ...repo,
      referenceTexts: async (source: Parameters<typeof repo.referenceTexts>[0], cursor: string | undefined, limit: number) => {
        if (source === 'webMessages') throw new Error('connection reset');
        return repo.referenceTexts(source, cursor, limit);
      },
    };
    await expect(sweepMedia({ repo: failing, files: media }, { now, batch: 2, closing: () => false })).rejects.toThrow('connection reset');
    expect(exists(p)).toBe(true);
    expect(await sweep()).toBe(1);
  });

  it('finds paths in any JSON around them, and only names the media store gives', () => {
    const a = `0a/${'0a'.repeat(32)}.png`;
    expect(mediaPathsIn(JSON.stringify({ deep: [{ x: { photo: a } }], b: 'ab/cd.jpg' }))).toEqual([a]);
    expect(mediaPathsIn(`"${a.replace('/', '\\\\')}"`)).toEqual([a]);
    expect(mediaPathsIn('no photo here')).toEqual([]);
  });
});
