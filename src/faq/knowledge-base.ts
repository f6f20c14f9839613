/**
 * The FAQ knowledge base as residents meet it: entries live in the database (seeded from the pack,
 * edited by staff) and the engine answers from them. Edits survive restarts and pack reloads: a
 * reload refreshes only entries staff never touched.
 */
import type { FaqEntry } from '../pack/schema.js';
import type { FaqFeedback, Store, StoredFaqEntry } from '../store/ports.js';
import { AppError, NotFoundError } from '../errors.js';
import { createFaqEngine, type FaqEngine, type FaqEngineOptions } from './engine.js';
import { gapKey } from './gaps.js';

export interface FaqAsk {
  answer: { id: string; question: string; answer: string; score: number } | null;
  /** "Did you mean" entries (up to 2). */
  suggestions: { id: string; question: string; score: number }[];
  /** The best candidate even when the engine abstains (for staff trying questions). */
  top: { id: string; score: number } | null;
}

/** As many variants as the admin API accepts on an entry. */
export const MAX_VARIANTS = 50;

export interface KnowledgeBase {
  ask(question: string): FaqAsk;
  entry(id: string): StoredFaqEntry | undefined;
  list(): StoredFaqEntry[];
  /** Creates or replaces an entry on staff's behalf. */
  save(entry: Omit<StoredFaqEntry, 'source' | 'deleted' | 'updatedAt'>): Promise<StoredFaqEntry>;
  remove(id: string): Promise<void>;
  /**
   * Adds a resident's wording to an entry's variants (staff taking it from the gaps list); a
   * wording the entry already has, up to punctuation, spaces and case, changes nothing.
   */
  addVariant(id: string, wording: string): Promise<StoredFaqEntry>;
  /** Seeds from (or refreshes against) the pack's entries. */
  syncFromPack(entries: readonly FaqEntry[]): Promise<void>;
  feedback(f: Omit<FaqFeedback, 'id' | 'createdAt'>): Promise<void>;
  /** Unanswered and unhelpful questions, newest first: what staff should add. */
  gaps(limit?: number): Promise<FaqFeedback[]>;
}

export async function createKnowledgeBase(
  store: Store,
  options: { clock?: () => number; engine?: FaqEngineOptions } = {},
): Promise<KnowledgeBase> {
  const clock = options.clock ?? Date.now;
  let rows: StoredFaqEntry[] = [];
  let live = new Map<string, StoredFaqEntry>();
  let engine: FaqEngine = createFaqEngine([], options.engine);

  async function reload(): Promise<void> {
    rows = await store.faq.all();
    const active = rows.filter((r) => !r.deleted);
    live = new Map(active.map((r) => [r.id, r]));
    engine.rebuild(active.map(({ id, question, variants, answer, tags }) => ({ id, question, variants, answer, tags })));
  }
  await reload();

  const same = (a: StoredFaqEntry, b: FaqEntry) =>
    a.question === b.question &&
    a.answer === b.answer &&
    JSON.stringify(a.variants) === JSON.stringify(b.variants) &&
    JSON.stringify(a.tags) === JSON.stringify(b.tags);

  return {
    ask(question) {
      const r = engine.answer(question);
      const pick = (id: string) => live.get(id);
      const best = r.best && pick(r.best.id);
      return {
        answer: best && r.best ? { id: best.id, question: best.question, answer: best.answer, score: r.best.score } : null,
        suggestions: r.suggestions.flatMap((s) => {
          const e = pick(s.id);
          return e ? [{ id: e.id, question: e.question, score: s.score }] : [];
        }),
        top: r.top ? { id: r.top.id, score: r.top.score } : null,
      };
    },
    entry: (id) => live.get(id),
    list: () => [...live.values()],
    async save(e) {
      if (!e.question.trim() || !e.answer.trim()) throw new AppError('INVALID_INPUT', 'faq entry: question and answer must not be empty');
      const row: StoredFaqEntry = { ...e, source: 'staff', deleted: false, updatedAt: clock() };
      await store.faq.put(row);
      await reload();
      return row;
    },
    async addVariant(id, wording) {
      const e = live.get(id);
      if (!e) throw new NotFoundError('faq entry', id);
      const text = wording.trim();
      if (!text) throw new AppError('INVALID_INPUT', 'faq variant: the wording must not be empty');
      const key = gapKey(text);
      if ([e.question, ...e.variants].some((v) => gapKey(v) === key)) return e;
      if (e.variants.length >= MAX_VARIANTS) throw new AppError('INVALID_INPUT', `faq entry ${id}: at most ${MAX_VARIANTS} variants`, { faqId: id });
      const row: StoredFaqEntry = { ...e, variants: [...e.variants, text], source: 'staff', updatedAt: clock() };
      await store.faq.put(row);
      await reload();
      return row;
    },
    async remove(id) {
      const row = await store.faq.byId(id);
      if (!row || row.deleted) throw new NotFoundError('faq entry', id);
      await store.faq.put({ ...row, source: 'staff', deleted: true, updatedAt: clock() });
      await reload();
    },
    async syncFromPack(entries) {
      const byId = new Map(rows.map((r) => [r.id, r]));
      await store.transaction(async (tx) => {
        for (const e of entries) {
          const existing = byId.get(e.id);
          if (existing && (existing.source === 'staff' || (same(existing, e) && !existing.deleted))) continue;
          await tx.faq.put({ ...e, source: 'pack', deleted: false, updatedAt: clock() });
        }
        // An entry the pack dropped is retired, unless staff have taken it over.
        const inPack = new Set(entries.map((e) => e.id));
        for (const r of rows) {
          if (r.source === 'pack' && !r.deleted && !inPack.has(r.id)) {
            await tx.faq.put({ ...r, deleted: true, updatedAt: clock() });
          }
        }
      });
      await reload();
    },
    async feedback(f) {
      await store.faqFeedback.add({ ...f, createdAt: clock() });
    },
    gaps: (limit = 100) => store.faqFeedback.list({ kinds: ['unanswered', 'unhelpful'], limit }),
  };
}
