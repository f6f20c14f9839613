/**
 * The services flows may call. The composition root builds one `ChatServices` and hands it to
 * the conversation engine; flows reach it as `ctx.services`.
 */
import type { Crs } from '../channels/types.js';
import type { KnowledgeBase } from '../faq/knowledge-base.js';
import type { Pack } from '../pack/schema.js';
import type { RouteInput, RouteResult } from '../routing/index.js';
import type { TicketService } from '../tickets/service.js';

export interface ChatServices {
  /** The pack in force. */
  pack(): Pack;
  router: { route(input: RouteInput): RouteResult };
  tickets: TicketService;
  faq: KnowledgeBase;
  /** An instant in the city's timezone, in the resident's language. */
  formatTime(lang: string, ms: number): string;
  /** False when the point is far outside every area of the pack (a wrong pin, another city). */
  isNearCity(lat: number, lon: number, crs: Crs): boolean;
  clock(): number;
}
