/**
 * The staff-facing knowledge base API under /api/admin/faq (the console mounts it at
 * /console/api/admin/faq, behind its session): list, read, create or replace, delete
 * entries; the questions the bot could not answer (or answered unhelpfully), each with the entry
 * it most resembles; adding such a wording to an entry's variants; and a try-it box.
 * Every route needs staff; only supervisors and admins may change entries.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, NotFoundError } from '../../errors.js';
import { gapKey, groupGaps } from '../../faq/gaps.js';
import { MAX_VARIANTS, type KnowledgeBase } from '../../faq/knowledge-base.js';
import { ID_PATTERN } from '../../pack/schema.js';
import type { StoredFaqEntry } from '../../store/ports.js';

export type StaffRole = 'officer' | 'supervisor' | 'admin';

export interface StaffIdentity {
  staffId: number;
  role: StaffRole;
}

export interface FaqAdminOptions {
  kb: KnowledgeBase;
  /** Who is asking; throws AppError UNAUTHENTICATED (no or bad credentials) or FORBIDDEN. */
  authorize: (req: FastifyRequest) => Promise<StaffIdentity>;
  /** Most feedback rows read for the gaps listing. Default 500. */
  gapRows?: number;
}

const EDITORS: ReadonlySet<StaffRole> = new Set(['supervisor', 'admin']);

const text = (max: number) =>
  z
    .string('must be a string')
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`);

const params = z.object({
  id: z
    .string()
    .max(64, 'must be at most 64 characters')
    .regex(ID_PATTERN, 'must match [a-z0-9][a-z0-9_-]* (lower-case letters, digits, _ and -)'),
});

const entryBody = z.object({
  question: text(500),
  variants: z.array(text(500)).max(MAX_VARIANTS, `at most ${MAX_VARIANTS} variants`).default([]),
  answer: text(5000),
  tags: z.array(text(50)).max(20, 'at most 20 tags').default([]),
});

const tryBody = z.object({ text: text(2000) });
const variantBody = z.object({ text: text(500) });

const gapsQuery = z.object({
  limit: z.coerce.number('must be a number').int('must be an integer').min(1, 'must be at least 1').max(500, 'must be at most 500').default(100),
});

function view(e: StoredFaqEntry) {
  return {
    id: e.id,
    question: e.question,
    variants: e.variants,
    answer: e.answer,
    tags: e.tags,
    source: e.source,
    updatedAt: e.updatedAt,
  };
}

export const faqAdminRoutes: FastifyPluginAsync<FaqAdminOptions> = async (app, o) => {
  const kb = o.kb;
  const staff = new WeakMap<FastifyRequest, StaffIdentity>();
  const r = app.withTypeProvider<ZodTypeProvider>();

  // Authentication runs before body validation, so a stranger learns nothing from a 400.
  app.addHook('onRequest', async (req) => {
    staff.set(req, await o.authorize(req));
  });

  const editor = async (req: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const who = staff.get(req);
    if (!who || !EDITORS.has(who.role)) throw new AppError('FORBIDDEN', 'only supervisors and admins may edit the FAQ');
  };

  r.get('/api/admin/faq', async () => ({
    entries: kb
      .list()
      .sort((a, b) => a.id.localeCompare(b.id))
      .map(view),
  }));

  // A gap whose wording an entry now holds (staff added it) is done and left out. Each gap carries
  // the engine's best candidate for it (`guess`), the entry staff most likely want to add it to.
  r.get('/api/admin/faq/gaps', { schema: { querystring: gapsQuery } }, async (req) => {
    const rows = await kb.gaps(o.gapRows ?? 500);
    const held = new Set(kb.list().flatMap((e) => [e.question, ...e.variants].map(gapKey)));
    const open = groupGaps(rows).filter((g) => !held.has(g.key));
    return {
      gaps: open.slice(0, req.query.limit).map((g) => {
        // An entry residents already found unhelpful for this question is not the one to add it to.
        const asked = kb.ask(g.question);
        const id = [asked.top?.id, ...asked.suggestions.map((s) => s.id)].find((x) => x !== undefined && !g.faqIds.includes(x));
        const guess = id ? kb.entry(id) : undefined;
        return { ...g, guess: guess ? { id: guess.id, question: guess.question } : null };
      }),
    };
  });

  r.post('/api/admin/faq/test', { schema: { body: tryBody } }, async (req) => kb.ask(req.body.text));

  r.get('/api/admin/faq/:id', { schema: { params } }, async (req) => {
    const e = kb.entry(req.params.id);
    if (!e) throw new NotFoundError('faq entry', req.params.id);
    return view(e);
  });

  r.put('/api/admin/faq/:id', { schema: { params, body: entryBody }, onRequest: editor }, async (req, reply) => {
    const existed = kb.entry(req.params.id) !== undefined;
    const saved = await kb.save({ id: req.params.id, ...req.body });
    req.log.info({ staffId: staff.get(req)?.staffId, faqId: saved.id }, 'faq entry saved');
    return reply.status(existed ? 200 : 201).send(view(saved));
  });

  r.post('/api/admin/faq/:id/variants', { schema: { params, body: variantBody }, onRequest: editor }, async (req) => {
    const saved = await kb.addVariant(req.params.id, req.body.text);
    req.log.info({ staffId: staff.get(req)?.staffId, faqId: saved.id }, 'faq variant added');
    return view(saved);
  });

  r.delete('/api/admin/faq/:id', { schema: { params }, onRequest: editor }, async (req, reply) => {
    await kb.remove(req.params.id);
    req.log.info({ staffId: staff.get(req)?.staffId, faqId: req.params.id }, 'faq entry deleted');
    return reply.status(204).send();
  });
};
