import type { FastifyRequest } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { createKnowledgeBase, type KnowledgeBase } from '../../src/faq/knowledge-base.js';
import { faqAdminRoutes, type StaffIdentity } from '../../src/http/routes/faq-admin.js';
import { createServer, type AppServer } from '../../src/http/server.js';
import { loadPackFile } from '../../src/pack/load.js';
import { createTestDb, type TestDb } from '../helpers/db.js';

const PACK = new URL('../fixtures/packs/faq.yaml', import.meta.url).pathname;
let db: TestDb;
let kb: KnowledgeBase;
let app: AppServer;

/** A stand-in for staff auth (another issue): "x-staff: <id>:<role>". */
async function authorize(req: FastifyRequest): Promise<StaffIdentity> {
  const h = req.headers['x-staff'];
  if (typeof h !== 'string') throw new AppError('UNAUTHENTICATED', 'staff login required');
  const [id, role] = h.split(':');
  if (role !== 'officer' && role !== 'supervisor' && role !== 'admin') throw new AppError('FORBIDDEN', 'not staff');
  return { staffId: Number(id), role };
}

const OFFICER = { 'x-staff': '7:officer' };
const SUPERVISOR = { 'x-staff': '3:supervisor' };

async function build(): Promise<AppServer> {
  kb = await createKnowledgeBase(db.store);
  await kb.syncFromPack((await loadPackFile(PACK)).pack.faq);
  app = createServer();
  await app.register(faqAdminRoutes, { kb, authorize });
  await app.ready();
  return app;
}

beforeEach(async () => {
  db = createTestDb();
  await build();
});
afterEach(async () => {
  await app.close();
  await db.cleanup();
});

const entry = { question: '夜市几点收摊？', variants: ['夜市开到几点'], answer: '夜市晚上十一点前收摊。', tags: ['夜市'] };

describe('the FAQ admin API', () => {
  it('lets an officer list and read entries', async () => {
    const list = await app.inject({ method: 'GET', url: '/api/admin/faq', headers: OFFICER });
    expect(list.statusCode).toBe(200);
    const ids = list.json().entries.map((e: { id: string }) => e.id);
    expect(ids).toContain('rats');
    const one = await app.inject({ method: 'GET', url: '/api/admin/faq/rats', headers: OFFICER });
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ id: 'rats', source: 'pack' });
    const missing = await app.inject({ method: 'GET', url: '/api/admin/faq/no-such', headers: OFFICER });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('NOT_FOUND');
  });

  it('lets a supervisor create, replace and delete an entry, and the bot answers from it', async () => {
    const created = await app.inject({ method: 'PUT', url: '/api/admin/faq/night-market', headers: SUPERVISOR, payload: entry });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ id: 'night-market', source: 'staff', variants: ['夜市开到几点'] });
    const tried = await app.inject({ method: 'POST', url: '/api/admin/faq/test', headers: OFFICER, payload: { text: '夜市开到几点？' } });
    expect(tried.json().answer).toMatchObject({ id: 'night-market', answer: entry.answer });

    const replaced = await app.inject({
      method: 'PUT',
      url: '/api/admin/faq/night-market',
      headers: SUPERVISOR,
      payload: { ...entry, answer: '夜市晚上十点前收摊。' },
    });
    expect(replaced.statusCode).toBe(200);
    expect(kb.entry('night-market')?.answer).toBe('夜市晚上十点前收摊。');

    const del = await app.inject({ method: 'DELETE', url: '/api/admin/faq/night-market', headers: SUPERVISOR });
    expect(del.statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/api/admin/faq/night-market', headers: OFFICER })).statusCode).toBe(404);
    const again = await app.inject({ method: 'DELETE', url: '/api/admin/faq/night-market', headers: SUPERVISOR });
    expect(again.statusCode).toBe(404);
  });

  it('keeps an edit made through the API across a restart and a pack reload', async () => {
    await app.inject({ method: 'PUT', url: '/api/admin/faq/rats', headers: SUPERVISOR, payload: { ...entry, question: '家里有老鼠怎么办？' } });
    await app.close();
    await db.reopen();
    await build();
    const one = await app.inject({ method: 'GET', url: '/api/admin/faq/rats', headers: OFFICER });
    expect(one.json()).toMatchObject({ answer: entry.answer, source: 'staff' });
  });

  it('says what the engine answers, including when it abstains', async () => {
    const hit = await app.inject({ method: 'POST', url: '/api/admin/faq/test', headers: OFFICER, payload: { text: '家里有耗子咋整' } });
    expect(hit.statusCode).toBe(200);
    expect(hit.json().answer.id).toBe('rats');
    const miss = await app.inject({ method: 'POST', url: '/api/admin/faq/test', headers: OFFICER, payload: { text: '明天的高铁票还有吗' } });
    expect(miss.json().answer).toBeNull();
  });

  it('lists gaps grouped by question, newest first', async () => {
    await kb.feedback({ kind: 'unanswered', question: '夜市几点收摊？', faqId: null, residentId: 1, ticketId: null });
    await kb.feedback({ kind: 'unhelpful', question: '蚊子咬人怎么办', faqId: 'mosquito', residentId: 2, ticketId: null });
    await new Promise((r) => setTimeout(r, 5));
    await kb.feedback({ kind: 'unanswered', question: '夜市几点收摊', faqId: null, residentId: 3, ticketId: null });
    await kb.feedback({ kind: 'helpful', question: '家里有耗子咋整', faqId: 'rats', residentId: 4, ticketId: null });
    const res = await app.inject({ method: 'GET', url: '/api/admin/faq/gaps', headers: OFFICER });
    expect(res.statusCode).toBe(200);
    const gaps = res.json().gaps as { question: string; count: number; unanswered: number; unhelpful: number }[];
    expect(gaps).toHaveLength(2);
    expect(gaps[0]).toMatchObject({ question: '夜市几点收摊', count: 2, unanswered: 2 });
    expect(gaps[1]).toMatchObject({ question: '蚊子咬人怎么办', count: 1, unhelpful: 1 });
    const bad = await app.inject({ method: 'GET', url: '/api/admin/faq/gaps?limit=0', headers: OFFICER });
    expect(bad.statusCode).toBe(400);
  });

  it("names each gap's likeliest entry, and drops a gap once its wording is an entry's variant", async () => {
    await kb.feedback({ kind: 'unanswered', question: '屋里老鼠乱窜咋整', faqId: null, residentId: 1, ticketId: null });
    await kb.feedback({ kind: 'unanswered', question: '夜市几点收摊', faqId: null, residentId: 2, ticketId: null });
    const before = (await app.inject({ method: 'GET', url: '/api/admin/faq/gaps', headers: OFFICER })).json().gaps;
    expect(before.find((g: { question: string }) => g.question === '屋里老鼠乱窜咋整')?.guess).toEqual({ id: 'rats', question: '家里有老鼠怎么办？' });
    expect(before).toHaveLength(2);

    const add = await app.inject({ method: 'POST', url: '/api/admin/faq/rats/variants', headers: SUPERVISOR, payload: { text: ' 屋里老鼠乱窜咋整 ' } });
    expect(add.statusCode).toBe(200);
    expect(add.json().variants).toEqual(['怎么防老鼠进屋', '厨房晚上有耗子', '屋里老鼠乱窜咋整']);
    expect(add.json().source).toBe('staff');
    // The same wording again (punctuation aside) changes nothing.
    const again = await app.inject({ method: 'POST', url: '/api/admin/faq/rats/variants', headers: SUPERVISOR, payload: { text: '屋里老鼠乱窜，咋整？' } });
    expect(again.json().variants).toHaveLength(3);
    const after = (await app.inject({ method: 'GET', url: '/api/admin/faq/gaps', headers: OFFICER })).json().gaps;
    expect(after.map((g: { question: string }) => g.question)).toEqual(['夜市几点收摊']);
    // The engine answers the new wording at once.
    expect(kb.ask('屋里老鼠乱窜咋整').answer?.id).toBe('rats');
  });

  it('lets only editors add a variant, to an entry that exists, with a wording that is not blank', async () => {
    const officer = await app.inject({ method: 'POST', url: '/api/admin/faq/rats/variants', headers: OFFICER, payload: { text: '耗子成灾' } });
    expect(officer.statusCode).toBe(403);
    const missing = await app.inject({ method: 'POST', url: '/api/admin/faq/no-such/variants', headers: SUPERVISOR, payload: { text: '耗子成灾' } });
    expect(missing.statusCode).toBe(404);
    const blank = await app.inject({ method: 'POST', url: '/api/admin/faq/rats/variants', headers: SUPERVISOR, payload: { text: '  ' } });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.message).toMatch(/text/);
    expect(kb.entry('rats')?.variants).toEqual(['怎么防老鼠进屋', '厨房晚上有耗子']);
  });

  it('answers 401 without staff credentials and 403 to an officer who edits', async () => {
    const anon = await app.inject({ method: 'GET', url: '/api/admin/faq' });
    expect(anon.statusCode).toBe(401);
    expect(anon.json().error.code).toBe('UNAUTHENTICATED');
    const anonPut = await app.inject({ method: 'PUT', url: '/api/admin/faq/x', payload: {} });
    expect(anonPut.statusCode).toBe(401);
    const stranger = await app.inject({ method: 'GET', url: '/api/admin/faq', headers: { 'x-staff': '9:visitor' } });
    expect(stranger.statusCode).toBe(403);
    const put = await app.inject({ method: 'PUT', url: '/api/admin/faq/night-market', headers: OFFICER, payload: entry });
    expect(put.statusCode).toBe(403);
    expect(put.json().error.code).toBe('FORBIDDEN');
    const del = await app.inject({ method: 'DELETE', url: '/api/admin/faq/rats', headers: OFFICER });
    expect(del.statusCode).toBe(403);
    expect(kb.entry('rats')).toBeDefined();
  });

  it('rejects a bad body or id with 400 naming the field', async () => {
    const noAnswer = await app.inject({ method: 'PUT', url: '/api/admin/faq/night-market', headers: SUPERVISOR, payload: { question: '夜市？' } });
    expect(noAnswer.statusCode).toBe(400);
    expect(noAnswer.json().error.message).toMatch(/answer/);
    const blank = await app.inject({ method: 'PUT', url: '/api/admin/faq/night-market', headers: SUPERVISOR, payload: { ...entry, question: '   ' } });
    expect(blank.statusCode).toBe(400);
    const badId = await app.inject({ method: 'PUT', url: '/api/admin/faq/Night%20Market', headers: SUPERVISOR, payload: entry });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().error.message).toMatch(/id/);
    const badTry = await app.inject({ method: 'POST', url: '/api/admin/faq/test', headers: OFFICER, payload: { text: 42 } });
    expect(badTry.statusCode).toBe(400);
    expect(kb.entry('night-market')).toBeUndefined();
  });
});
