import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKnowledgeBase } from '../../src/faq/knowledge-base.js';
import { groupGaps } from '../../src/faq/gaps.js';
import { loadPackFile } from '../../src/pack/load.js';
import type { FaqEntry } from '../../src/pack/schema.js';
import { createTestDb, type TestDb } from '../helpers/db.js';

const PACK = new URL('../fixtures/packs/faq.yaml', import.meta.url).pathname;
let db: TestDb;
let entries: FaqEntry[];
let now = 1_000;
const clock = () => now;

beforeEach(async () => {
  db = createTestDb();
  entries = (await loadPackFile(PACK)).pack.faq;
  now = 1_000;
});
afterEach(async () => {
  await db.cleanup();
});

function find(list: readonly FaqEntry[], id: string): FaqEntry {
  const e = list.find((x) => x.id === id);
  if (!e) throw new Error(`fixture lacks ${id}`);
  return e;
}

describe('the knowledge base', () => {
  it('is seeded from the pack on first start and answers from it', async () => {
    const kb = await createKnowledgeBase(db.store, { clock });
    expect(kb.list()).toHaveLength(0);
    await kb.syncFromPack(entries);
    expect(kb.list()).toHaveLength(entries.length);
    expect(kb.entry('rats')?.source).toBe('pack');
    expect(kb.ask('家里有耗子咋整').answer?.id).toBe('rats');
  });

  it('keeps a staff edit across a restart', async () => {
    const kb = await createKnowledgeBase(db.store, { clock });
    await kb.syncFromPack(entries);
    const rats = find(entries, 'rats');
    now = 2_000;
    await kb.save({ ...rats, answer: '请拨打社区电话领取粘鼠板。' });
    await kb.save({ id: 'night-market', question: '夜市几点收摊？', variants: [], answer: '夜市晚上十一点前收摊。', tags: [] });

    const store = await db.reopen();
    const again = await createKnowledgeBase(store, { clock });
    await again.syncFromPack(entries);
    expect(again.entry('rats')).toMatchObject({ answer: '请拨打社区电话领取粘鼠板。', source: 'staff', updatedAt: 2_000 });
    expect(again.ask('夜市几点收摊').answer?.id).toBe('night-market');
  });

  it('on a pack reload refreshes untouched entries but keeps staff edits and deletions', async () => {
    const kb = await createKnowledgeBase(db.store, { clock });
    await kb.syncFromPack(entries);
    await kb.save({ ...find(entries, 'rats'), answer: '员工改过的答案。' });
    await kb.remove('mosquito');

    const changed = entries.map((e) => ({ ...e, answer: `${e.answer}（新版）` }));
    now = 3_000;
    await kb.syncFromPack(changed);
    expect(kb.entry('rats')?.answer).toBe('员工改过的答案。');
    expect(kb.entry('mosquito')).toBeUndefined();
    expect(kb.entry('bin-times')?.answer).toMatch(/（新版）$/);
    expect(kb.entry('bin-times')?.updatedAt).toBe(3_000);
    expect(kb.ask('家里蚊子多怎么办').answer?.id).not.toBe('mosquito');
  });

  it('retires an entry the pack dropped, unless staff took it over', async () => {
    const kb = await createKnowledgeBase(db.store, { clock });
    await kb.syncFromPack(entries);
    await kb.save({ ...find(entries, 'rats'), tags: ['病媒防制', '员工'] });
    await kb.syncFromPack(entries.filter((e) => e.id !== 'bin-times' && e.id !== 'rats'));
    expect(kb.entry('bin-times')).toBeUndefined();
    expect(kb.entry('rats')?.tags).toContain('员工');
    await kb.syncFromPack(entries);
    expect(kb.entry('bin-times')?.source).toBe('pack');
  });

  it("adds a resident's wording as a variant that survives a restart and a pack reload, up to the variant cap", async () => {
    const kb = await createKnowledgeBase(db.store, { clock });
    await kb.syncFromPack(entries);
    now = 2_000;
    await kb.addVariant('rats', '屋里耗子乱窜');
    const restarted = await createKnowledgeBase(db.store, { clock });
    await restarted.syncFromPack(entries);
    expect(restarted.entry('rats')).toMatchObject({ source: 'staff', updatedAt: 2_000 });
    expect(restarted.entry('rats')?.variants.at(-1)).toBe('屋里耗子乱窜');
    for (let i = restarted.entry('rats')!.variants.length; i < 50; i++) await restarted.addVariant('rats', `说法${i}`);
    await expect(restarted.addVariant('rats', '再多一个')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(restarted.entry('rats')?.variants).toHaveLength(50);
  });

  it('refuses to delete an entry that is not there', async () => {
    const kb = await createKnowledgeBase(db.store, { clock });
    await expect(kb.remove('nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lists unanswered and unhelpful questions newest first, grouped by normalised text', async () => {
    const kb = await createKnowledgeBase(db.store, { clock });
    await kb.syncFromPack(entries);
    const ask = async (kind: 'unanswered' | 'helpful' | 'unhelpful', question: string, faqId: string | null) => {
      now += 10;
      await kb.feedback({ kind, question, faqId, residentId: null, ticketId: null });
    };
    await ask('unanswered', '夜市几点收摊？', null);
    await ask('helpful', '家里有耗子咋整', 'rats');
    await ask('unhelpful', '蚊子咬人怎么办', 'mosquito');
    await ask('unanswered', '夜市几点收摊', null);
    await ask('unanswered', 'Night market hours?', null);
    const rows = await kb.gaps();
    expect(rows.map((r) => r.kind)).not.toContain('helpful');
    expect(rows[0]?.question).toBe('Night market hours?');
    const gaps = groupGaps(rows);
    expect(gaps.map((g) => [g.question, g.count])).toEqual([
      ['Night market hours?', 1],
      ['夜市几点收摊', 2],
      ['蚊子咬人怎么办', 1],
    ]);
    expect(gaps[2]).toMatchObject({ unhelpful: 1, unanswered: 0, faqIds: ['mosquito'] });
  });
});
