/**
 * The rating of a resolved ticket: a `rate:<rating>:<number>` button (queued with the resolution
 * notice) or 满意 / 基本满意 / 不满意 typed while a ticket waits for its rating. The ticket
 * service closes (or, for 不满意, reopens) the ticket and tells the resident; this flow then takes
 * an optional comment (and a photo), which the ticket service keeps and passes on to the unit.
 */
import type { Ticket } from '../src/store/ports.js';
import { RATINGS, type Rating } from '../src/tickets/state-machine.js';
import { SKIP_WORDS, buttonOf, isWord, textOf } from './support/inbound.js';
import type { ChatFlow, Ctx, FlowKit } from './support/types.js';

export const RATE_FLOW = 'rate';
const MAX_COMMENT = 2000;

const WORDS: Record<string, Rating> = {
  满意: 'satisfied',
  非常满意: 'satisfied',
  基本满意: 'neutral',
  一般: 'neutral',
  不满意: 'unsatisfied',
  satisfied: 'satisfied',
  'basically satisfied': 'neutral',
  'not satisfied': 'unsatisfied',
  unsatisfied: 'unsatisfied',
};

/** The rating a typed word means, if any (`text` folded). */
export function ratingWord(text: string): Rating | undefined {
  return WORDS[text];
}

function parseButton(data: string | undefined): { rating: Rating; number: string } | undefined {
  const m = data ? /^rate:([a-z]+):(.+)$/.exec(data) : null;
  if (!m || !(RATINGS as readonly string[]).includes(m[1] ?? '')) return undefined;
  return { rating: m[1] as Rating, number: m[2] ?? '' };
}

async function rate(ctx: Ctx, kit: FlowKit, ticket: Ticket, rating: Rating): Promise<void> {
  if (ticket.state !== 'resolved') {
    ctx.say(ctx.t.rate.notAwaiting({ number: ticket.number }));
    return kit.finish(ctx, { reprompt: false });
  }
  await ctx.services.tickets.rate(ticket.id, rating, ctx.resident.id);
  Object.assign(ctx.conversation.data, { ticketId: ticket.id, number: ticket.number, rating });
  ctx.conversation.step = 'comment';
  askComment(ctx);
}

function askComment(ctx: Ctx): void {
  const unhappy = ctx.conversation.data['rating'] === 'unsatisfied';
  ctx.say(unhappy ? ctx.t.rate.askReason : ctx.t.rate.askComment, { buttons: [[{ label: ctx.t.rate.skip, data: 'rate-skip' }]] });
}

/**
 * Rates the resident's most recently resolved ticket from a typed word. False when none waits
 * for a rating (the word is then an ordinary message).
 */
export async function rateByText(ctx: Ctx, kit: FlowKit, rating: Rating): Promise<boolean> {
  const mine = await ctx.services.tickets.forResident(ctx.resident.id, 20);
  const waiting = mine.filter((t) => t.state === 'resolved').sort((a, b) => (b.resolvedAt ?? 0) - (a.resolvedAt ?? 0))[0];
  if (!waiting) return false;
  Object.assign(ctx.conversation, { flow: RATE_FLOW, step: null, data: {} });
  await rate(ctx, kit, waiting, rating);
  return true;
}

export function createRateFlow(kit: FlowKit): ChatFlow {
  return {
    name: RATE_FLOW,
    interrupts: (ctx) => parseButton(buttonOf(ctx)) !== undefined,
    async begin(ctx) {
      kit.keep(ctx);
      const b = parseButton(buttonOf(ctx));
      if (!b) return kit.finish(ctx);
      const ticket = await ctx.services.tickets.byNumber(b.number);
      if (!ticket || ticket.residentId !== ctx.resident.id) {
        ctx.say(ctx.t.status.notFound({ number: b.number }));
        return kit.finish(ctx);
      }
      await rate(ctx, kit, ticket, b.rating);
    },
    async handle(ctx) {
      const ticketId = Number(ctx.conversation.data['ticketId']);
      const comment = textOf(ctx)?.trim();
      if (buttonOf(ctx) === 'rate-skip' || isWord(ctx, SKIP_WORDS)) {
        ctx.say(ctx.t.rate.skipped);
        return kit.finish(ctx);
      }
      if (!comment && !ctx.photo) return kit.finish(ctx, { redispatch: true });
      const ticket = await ctx.tx.tickets.byId(ticketId);
      if (!ticket) return kit.finish(ctx, { redispatch: true });
      const rating = ctx.conversation.data['rating'];
      // The ticket service keeps the note (and photo) and passes it on to the unit.
      await ctx.services.tickets.comment(ticketId, ctx.resident.id, {
        ...(comment ? { text: comment.slice(0, MAX_COMMENT) } : {}),
        ...(ctx.photo ? { photo: ctx.photo } : {}),
        ...((RATINGS as readonly unknown[]).includes(rating) ? { rating: rating as Rating } : {}),
      });
      ctx.say(comment ? ctx.t.rate.commentSaved : ctx.t.rate.photoSaved);
      await kit.finish(ctx);
    },
    reprompt: (ctx) => askComment(ctx),
  };
}

