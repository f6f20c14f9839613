/**
 * The photo register and the reads of every column that can name a photo (MediaFileRepo), on
 * SQLite and PostgreSQL, each on a fresh database migrated by the real migrations.
 */
import { expect, it } from 'vitest';
import type { MediaSource } from '../../src/store/ports.js';
import { usePostgres } from '../helpers/postgres.js';
import { baseTicket, describeStores } from '../helpers/stores.js';

usePostgres();

/** A path as the media store names a photo, from one hex digit. */
const photo = (c: string, ext = 'jpg') => `${c}${c}/${c.repeat(64)}.${ext}`;

describeStores('media register', (t) => {
  it('records saves (a new save moves the time forward), lists old ones by path in pages, and forgets only what was not saved again', async () => {
    const m = t.store.mediaFiles;
    await m.recordSaved(photo('b'), 10);
    await m.recordSaved(photo('a'), 20);
    await m.recordSaved(photo('c'), 30);
    await m.recordSaved(photo('d'), 100);
    await m.recordSaved(photo('c'), 40);
    expect(await m.savedBefore(50, '', 2)).toEqual([
      { path: photo('a'), savedAt: 20 },
      { path: photo('b'), savedAt: 10 },
    ]);
    expect(await m.savedBefore(50, photo('b'), 2)).toEqual([{ path: photo('c'), savedAt: 40 }]);
    expect(await m.savedBefore(15, '', 10)).toEqual([{ path: photo('b'), savedAt: 10 }]);

    // Saved again after it was listed: forgetting it by the old time fails.
    await m.recordSaved(photo('a'), 60);
    expect(await m.forget(photo('a'), 20)).toBe(false);
    expect(await m.forget(photo('b'), 10)).toBe(true);
    expect(await m.forget(photo('b'), 10)).toBe(false);
    expect((await m.savedBefore(1000, '', 10)).map((r) => r.path)).toEqual([photo('a'), photo('c'), photo('d')]);
  });

  it('reads every column that can name a photo, page by page, to the end of each table', async () => {
    const s = t.store;
    const ticket = await s.tickets.insert({ ...baseTicket, number: 'n1', createdAt: 0 });
    await s.tickets.addPhoto({ ticketId: ticket.id, path: photo('a'), mime: 'image/jpeg', source: 'resident', createdAt: 0 });
    await s.tickets.addPhoto({ ticketId: ticket.id, path: photo('1', 'png'), mime: 'image/png', source: 'office', createdAt: 0 });
    await s.tickets.appendEvent({ ticketId: ticket.id, at: 0, actor: 'system', type: 'created', fromState: null, toState: 'submitted', note: null, data: null });
    await s.tickets.appendEvent({ ticketId: ticket.id, at: 1, actor: 'resident:1', type: 'comment', fromState: null, toState: null, note: '又堆满了', data: { photo: { path: photo('b') } } });
    await s.outbox.enqueue({ channel: 'web', address: 'a1', payload: { kind: 'photo', photo: photo('c'), caption: '已清运' } }, 0);
    await s.outbox.enqueue({ channel: 'web', address: 'a1', payload: { kind: 'text', text: '您的反映已受理' } }, 0);
    await s.webMessages.add({ sessionId: 's', direction: 'in', payload: { kind: 'photo', photo: photo('d') }, createdAt: 0 });
    const draft = (c: string) => ({ flow: 'report', step: 'location', state: { photos: [{ path: photo(c), mime: 'image/jpeg' }] }, language: 'zh-CN', updatedAt: 0 });
    await s.conversations.put({ channel: 'web', chatId: 'session-1', ...draft('e') });
    await s.conversations.put({ channel: 'wechat', chatId: 'wx-1', ...draft('2') });
    await s.conversations.put({ channel: 'web', chatId: 'session-0', ...draft('3') });
    const campaign = { name: '活动', text: '垃圾分类', audience: {}, schedule: null, at: 1, survey: null, status: 'active' as const, source: 'admin' as const, createdAt: 0, updatedAt: 0 };
    await s.campaigns.put({ id: 'poster', image: photo('f'), ...campaign });
    await s.campaigns.put({ id: 'link', image: 'https://example.org/a.jpg', ...campaign });
    await s.campaigns.put({ id: 'plain', image: null, ...campaign });

    const read = async (source: MediaSource) => {
      const texts: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await s.mediaFiles.referenceTexts(source, cursor, 1);
        texts.push(...page.texts);
        cursor = page.cursor;
        pages++;
      } while (cursor !== undefined && pages < 20);
      return texts;
    };
    const named = async (source: MediaSource) => (await read(source)).filter((x) => /[0-9a-f]{64}\.(jpg|png)/.test(x)).length;
    expect(await read('ticketPhotos')).toEqual([photo('a'), photo('1', 'png')]);
    expect((await read('ticketEvents')).join(' ')).toContain(photo('b'));
    expect(await named('outbox')).toBe(1);
    expect((await read('outbox')).join(' ')).toContain(photo('c'));
    expect((await read('webMessages')).join(' ')).toContain(photo('d'));
    const drafts = (await read('conversations')).join(' ');
    for (const c of ['e', '2', '3']) expect(drafts).toContain(photo(c));
    expect(await read('campaigns')).toEqual(['https://example.org/a.jpg', photo('f')]);
  });
});
