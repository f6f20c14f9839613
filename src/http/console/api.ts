/**
 * The console's JSON API under /console/api: login and logout, the staff member's context, the
 * ticket list and page, photos, the map, actions and the per-unit summary (JSON, and CSV for
 * Excel). Every route but login needs a live session (401); a ticket outside the staff member's
 * units is 403.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { parseIsoDate } from '../../calendar/zoned-time.js';
import { zonedTime } from '../../calendar/zoned-time.js';
import { addDays } from '../../calendar/index.js';
import { AppError, NotFoundError } from '../../errors.js';
import { sendCsv } from '../download.js';
import { canSeeTicket, canSeeUnit } from '../../staff/access.js';
import type { Ticket, TicketFilter, TicketState } from '../../store/ports.js';
import { allowedActions, OPEN_STATES, REJECT_REASON_KINDS, TICKET_STATES } from '../../tickets/state-machine.js';
import { actionBody, runAction } from './actions.js';
import type { ConsoleUser } from './auth.js';
import type { ConsoleContext } from './context.js';
import { renderMapSvg } from './map-svg.js';
import { defaultPeriod, summaryCsv, summaryCsvName, unitSummary, type Summary } from './summary.js';
import { createViewContext } from './views.js';

const isoDate = z.string().refine((v) => parseIsoDate(v) !== undefined, 'must be a date like 2026-11-25');
const summaryQuery = z.object({ from: isoDate.optional(), to: isoDate.optional() });
const numberParam = z.object({ number: z.string().regex(/^\d{8}-\d{4,}$/, 'must be a ticket number like 20261125-0007') });

const listQuery = z.object({
  /** A state, or `open` for every state waiting on an office. */
  state: z.enum([...TICKET_STATES, 'open']).optional(),
  /** A category id, or `none` for unrouted tickets. */
  category: z.string().max(64).optional(),
  area: z.string().max(64).optional(),
  unit: z.string().max(64).optional(),
  overdue: z.enum(['1', 'true', '0', 'false']).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** The area and every area below it. */
function withSubAreas(areas: { id: string; parent?: string | undefined }[], root: string): string[] {
  const out = [root];
  for (let i = 0; i < out.length; i++) for (const a of areas) if (a.parent === out[i] && !out.includes(a.id)) out.push(a.id);
  return out;
}

export const consoleApiRoutes: FastifyPluginAsync<{ ctx: ConsoleContext }> = async (base, { ctx }) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { auth, store, tickets } = ctx;

  // Cross-site forms cannot send JSON without a CORS preflight; refusing other bodies closes that door.
  app.addHook('preValidation', async (req) => {
    if (req.method === 'POST' && req.body !== undefined && !/^application\/json\b/.test(req.headers['content-type'] ?? '')) {
      throw new AppError('INVALID_INPUT', 'console API: send the body as application/json');
    }
  });

  app.post(
    '/console/api/login',
    { schema: { body: z.object({ login: z.string().trim().toLowerCase().min(1).max(64), password: z.string().min(1).max(200) }) } },
    async (req, reply) => {
      const { login, password } = req.body;
      const limit = ctx.loginLimiter.hit([`ip:${req.ip}`, `login:${login}`]);
      if (!limit.ok) {
        reply.header('retry-after', String(Math.ceil(limit.retryAfterMs / 1000)));
        throw new AppError('RATE_LIMITED', 'too many login attempts: wait a minute and try again');
      }
      const session = await ctx.staff.login(login, password);
      if (!session) throw new AppError('UNAUTHENTICATED', 'wrong login or password');
      auth.setCookie(reply, session.token, session.expiresAt);
      req.log.info({ staffId: session.staff.id }, 'console login');
      return { staff: session.staff, expiresAt: session.expiresAt };
    },
  );

  app.post('/console/api/logout', async (req, reply) => {
    await ctx.staff.logout(auth.token(req));
    auth.clearCookie(reply);
    return reply.status(204).send();
  });

  app.get('/console/api/me', async (req) => {
    const user = await auth.require(req);
    const pack = ctx.pack();
    return {
      staff: user.staff,
      seesAll: user.scope.all,
      city: { id: pack.city.id, name: pack.city.name, timezone: pack.city.timezone, dispatcher: pack.city.dispatcher },
      units: pack.units.map((u) => ({ id: u.id, name: u.name, supervisor: u.supervisor ?? null })),
      categories: pack.categories.map((c) => ({ id: c.id, name: c.name, unit: c.unit })),
      areas: pack.areas.map((a) => ({ id: a.id, name: a.name, parent: a.parent ?? null })),
      states: TICKET_STATES,
      rejectReasons: REJECT_REASON_KINDS,
      now: ctx.clock(),
    };
  });

  app.get('/console/api/tickets', { schema: { querystring: listQuery } }, async (req) => {
    const user = await auth.require(req);
    const q = req.query;
    const pack = ctx.pack();
    const now = ctx.clock();
    const filter: TicketFilter = { limit: q.limit, offset: q.offset };
    if (q.unit !== undefined) {
      if (!canSeeUnit(user.scope, q.unit)) throw new AppError('FORBIDDEN', `unit "${q.unit}" is not yours`, { unit: q.unit });
      filter.unitId = q.unit;
    } else if (!user.scope.all) {
      filter.unitIds = user.scope.units;
    }
    if (q.state === 'open') filter.states = [...OPEN_STATES];
    else if (q.state !== undefined) filter.states = [q.state as TicketState];
    if (q.category !== undefined) filter.categoryId = q.category === 'none' ? null : q.category;
    if (q.area !== undefined) filter.areaIds = withSubAreas(pack.areas, q.area);
    if (q.overdue === '1' || q.overdue === 'true') filter.overdueAt = now;
    if (q.from !== undefined) filter.createdFrom = zonedTime(q.from, 0, pack.city.timezone);
    if (q.to !== undefined) filter.createdTo = zonedTime(addDays(q.to, 1), 0, pack.city.timezone);
    const rows = await store.tickets.list(filter);
    const views = createViewContext(store, pack);
    return { now, tickets: await Promise.all(rows.map((t) => views.ticket(t, now))) };
  });

  /** The ticket, if it exists (404) and the staff member may see it (403). */
  async function visibleTicket(req: FastifyRequest, user: ConsoleUser, number: string): Promise<Ticket> {
    const t = await tickets.byNumber(number);
    if (!t) throw new NotFoundError('ticket', number);
    if (!canSeeTicket(user.scope, t)) {
      req.log.info({ staffId: user.staff.id, ticket: t.number }, 'console: ticket of another unit refused');
      throw new AppError('FORBIDDEN', `ticket ${t.number} belongs to another unit`, { ticket: t.number });
    }
    return t;
  }

  app.get('/console/api/tickets/:number', { schema: { params: numberParam } }, async (req) => {
    const user = await auth.require(req);
    const t = await visibleTicket(req, user, req.params.number);
    const now = ctx.clock();
    const views = createViewContext(store, ctx.pack());
    const [events, photos] = await Promise.all([tickets.history(t.id), tickets.photos(t.id)]);
    const actions: string[] = allowedActions(t.state).filter((a) => ['accept', 'transfer', 'resolve', 'reject', 'reopen'].includes(a));
    actions.push('reply');
    if (t.categoryId === null && allowedActions(t.state).includes('transfer')) actions.push('dispatch');
    return {
      now,
      ticket: await views.ticket(t, now),
      events: await Promise.all(events.map((e) => views.event(e))),
      photos: photos.map((p) => views.photo(p, t.number)),
      actions,
    };
  });

  app.get(
    '/console/api/tickets/:number/photos/:photo',
    { schema: { params: numberParam.extend({ photo: z.coerce.number().int().min(1) }) } },
    async (req, reply) => {
      const user = await auth.require(req);
      const t = await visibleTicket(req, user, req.params.number);
      const photo = (await tickets.photos(t.id)).find((p) => p.id === req.params.photo);
      if (!photo) throw new NotFoundError('photo', String(req.params.photo));
      const bytes = await ctx.media.read(photo.path);
      return reply.header('cache-control', 'private, max-age=3600').header('x-content-type-options', 'nosniff').type(photo.mime).send(bytes);
    },
  );

  app.get('/console/api/tickets/:number/map.svg', { schema: { params: numberParam } }, async (req, reply) => {
    const user = await auth.require(req);
    const t = await visibleTicket(req, user, req.params.number);
    const pack = ctx.pack();
    const point = t.lat !== null && t.lon !== null ? { lat: t.lat, lon: t.lon } : null;
    const svg = renderMapSvg(pack, ctx.shapes(), { point, areaId: t.areaId });
    return reply.header('cache-control', 'private, no-cache').type('image/svg+xml; charset=utf-8').send(svg);
  });

  app.post('/console/api/tickets/:number/actions', { schema: { params: numberParam, body: actionBody } }, async (req) => {
    const user = await auth.require(req);
    const t = await visibleTicket(req, user, req.params.number);
    await runAction({ store, tickets, media: ctx.media, pack: ctx.pack, clock: ctx.clock }, t, req.body, `staff:${user.staff.id}`);
    req.log.info({ staffId: user.staff.id, ticket: t.number, action: req.body.type }, 'console action');
    const after = (await tickets.byId(t.id))!;
    const now = ctx.clock();
    return { now, ticket: await createViewContext(store, ctx.pack()).ticket(after, now) };
  });

  /** The summary of the period asked for (default this month so far), over the units the staff member may see. */
  async function summaryFor(req: FastifyRequest, query: z.infer<typeof summaryQuery>): Promise<Summary> {
    const user = await auth.require(req);
    const pack = ctx.pack();
    const period = { ...defaultPeriod(ctx.clock(), pack.city.timezone), ...query };
    if (period.from > period.to) throw new AppError('INVALID_INPUT', `summary: from ${period.from} is after to ${period.to}`);
    return unitSummary(store.tickets, pack, user.scope, period);
  }

  app.get('/console/api/summary', { schema: { querystring: summaryQuery } }, async (req) => summaryFor(req, req.query));

  // The same figures for Excel: county offices report upward in spreadsheets.
  app.get('/console/api/summary.csv', { schema: { querystring: summaryQuery } }, async (req, reply) => {
    // The download is a link the browser follows: a session that expired meanwhile should land on
    // the login page (and back on the summary), not on a JSON error. Scripts asking for CSV still get the 401.
    if (/\btext\/html\b/.test(req.headers.accept ?? '') && !(await auth.user(req))) {
      return reply.redirect(`/console/login?next=${encodeURIComponent('/console/summary')}`);
    }
    const s = await summaryFor(req, req.query);
    return sendCsv(reply, summaryCsvName(s), summaryCsv(s));
  });
};
