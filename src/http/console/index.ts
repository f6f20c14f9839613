/**
 * The office console at /console: password login, the ticket list and page, the per-unit summary,
 * and the staff APIs for the FAQ knowledge base and campaigns under the same session.
 * Register on the server with the services it works through:
 *
 *   await server.register(consoleRoutes, { store, staff, tickets, media, pack: () => pack, clock, secureCookies })
 *
 * It registers @fastify/cookie inside its own scope, so it does not depend on (or disturb) other
 * plugins. Link a ticket from elsewhere with `consoleTicketPath(ticket.number)`.
 */
import cookie from '@fastify/cookie';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { CampaignService } from '../../campaigns/index.js';
import type { KnowledgeBase } from '../../faq/knowledge-base.js';
import type { MediaStore } from '../../media/store.js';
import type { Pack } from '../../pack/schema.js';
import type { StaffService } from '../../staff/service.js';
import type { Store } from '../../store/ports.js';
import type { TicketService } from '../../tickets/service.js';
import { campaignAdminRoutes } from '../routes/campaign-admin.js';
import { faqAdminRoutes } from '../routes/faq-admin.js';
import { consoleApiRoutes } from './api.js';
import { createConsoleAuth } from './auth.js';
import type { ConsoleContext } from './context.js';
import { areaShapes } from './map-svg.js';
import { consolePageRoutes } from './pages.js';
import { createRateLimiter } from './rate-limit.js';

export interface ConsoleOptions {
  store: Store;
  staff: StaffService;
  tickets: TicketService;
  /** Where ticket photos are; office photos uploaded with a resolution go there too. */
  media: MediaStore;
  /** The pack in force (a reload swaps it). */
  pack: () => Pack;
  /** Default Date.now. */
  clock?: () => number;
  /** Mark the session cookie Secure: true when PUBLIC_URL is https. */
  secureCookies: boolean;
  /** Login attempts allowed per client address and per login name. Default 10 a minute. */
  loginLimit?: { max: number; windowMs: number };
  /**
   * Staff APIs served under the console's session, at /console/api/admin/faq and
   * /console/api/admin/campaigns. Default: none.
   */
  admin?: { faq?: KnowledgeBase; campaigns?: CampaignService };
}

/** The console page of a ticket, relative to the public URL. */
export function consoleTicketPath(number: string): string {
  return `/console/tickets/${encodeURIComponent(number)}`;
}

export const consoleRoutes: FastifyPluginAsync<ConsoleOptions> = async (app, o) => {
  await app.register(cookie);
  const clock = o.clock ?? Date.now;
  let shapes: { pack: Pack; value: ReturnType<typeof areaShapes> } | undefined;
  const ctx: ConsoleContext = {
    store: o.store,
    staff: o.staff,
    tickets: o.tickets,
    media: o.media,
    pack: o.pack,
    clock,
    auth: createConsoleAuth({ staff: o.staff, pack: o.pack, secureCookies: o.secureCookies, clock }),
    faqAdmin: o.admin?.faq !== undefined,
    loginLimiter: createRateLimiter({ max: o.loginLimit?.max ?? 10, windowMs: o.loginLimit?.windowMs ?? 60_000, clock }),
    shapes() {
      const pack = o.pack();
      if (shapes?.pack !== pack) shapes = { pack, value: areaShapes(pack) };
      return shapes.value;
    },
  };
  await app.register(consoleApiRoutes, { ctx });
  await app.register(consolePageRoutes, { ctx });
  const authorize = async (req: FastifyRequest) => {
    const { staff } = await ctx.auth.require(req);
    return { staffId: staff.id, role: staff.role };
  };
  if (o.admin?.faq) await app.register(faqAdminRoutes, { prefix: '/console', kb: o.admin.faq, authorize });
  if (o.admin?.campaigns) await app.register(campaignAdminRoutes, { prefix: '/console', campaigns: o.admin.campaigns, authorize });
};
