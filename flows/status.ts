/**
 * Status: "进度", "查询 20261129-0007", /status or the menu button lists the resident's own
 * tickets (state, unit, deadline, the latest office reply). Only the resident's own: a number that
 * is someone else's reads exactly like an unknown one.
 */
import type { Ticket } from '../src/store/ports.js';
import { buttonOf, commandOf, fold, isWord, word } from './support/inbound.js';
import { MENU } from './support/menu.js';
import type { ChatFlow, Ctx, FlowKit } from './support/types.js';

export const STATUS_FLOW = 'status';
/** Tickets listed at most. */
const LIST_LIMIT = 5;
/** An office reply longer than this is shortened in the list. */
const REPLY_CHARS = 120;

const WORDS = ['进度', '查进度', '查询进度', '查询', '我的工单', '工单', '我的反映', '工单进度', 'status', 'my tickets', 'progress'];
const NUMBER = /(\d{8}-\d{4,})/;
const WITH_NUMBER = /^(?:查询|查|进度|工单|查询工单|status)?\s*[:：]?\s*(\d{8}-\d{4,})$/;

function requestedNumber(ctx: Ctx): string | undefined {
  const cmd = commandOf(ctx);
  if (cmd) return NUMBER.exec(cmd.args)?.[1];
  const w = word(ctx);
  return w ? WITH_NUMBER.exec(w)?.[1] : undefined;
}

async function describe(ctx: Ctx, t: Ticket): Promise<string> {
  const m = ctx.t;
  const pack = ctx.services.pack();
  const category =
    t.kind === 'inquiry' ? m.status.inquiry : (pack.categories.find((c) => c.id === t.categoryId)?.name ?? m.status.noCategory);
  const unit = pack.units.find((u) => u.id === t.unitId)?.name ?? t.unitId;
  const lines = [m.status.item({ number: t.number, category, state: m.ticket.states[t.state], unit })];
  const open = !['resolved', 'closed', 'rejected'].includes(t.state);
  if (open) lines.push(m.status.due({ time: ctx.services.formatTime(ctx.lang, t.resolveDueAt) }));
  const reply = await ctx.services.tickets.latestReply(t.id);
  if (reply?.note) {
    const text = reply.note.length > REPLY_CHARS ? `${reply.note.slice(0, REPLY_CHARS)}…` : reply.note;
    lines.push(m.status.latestReply({ text }));
  }
  return lines.join('\n');
}

async function show(ctx: Ctx): Promise<void> {
  const m = ctx.t;
  const number = requestedNumber(ctx);
  if (number) {
    const t = await ctx.services.tickets.byNumber(number);
    if (!t || t.residentId !== ctx.resident.id) return ctx.say(m.status.notFound({ number }));
    const buttons =
      t.state === 'resolved'
        ? [
            [
              { label: m.rating.satisfied, data: `rate:satisfied:${t.number}` },
              { label: m.rating.basic, data: `rate:neutral:${t.number}` },
              { label: m.rating.unsatisfied, data: `rate:unsatisfied:${t.number}` },
            ],
          ]
        : undefined;
    return ctx.say(await describe(ctx, t), buttons ? { buttons } : undefined);
  }
  const mine = await ctx.services.tickets.forResident(ctx.resident.id, LIST_LIMIT);
  if (mine.length === 0) return ctx.say(m.status.none, { buttons: [[{ label: m.menu.buttons.report, data: MENU.report }]] });
  const items: string[] = [];
  for (const t of mine) items.push(await describe(ctx, t));
  ctx.say([m.status.header({ count: mine.length }), ...items, m.status.detailHint].join('\n\n'));
}

export function createStatusFlow(kit: FlowKit): ChatFlow {
  return {
    name: STATUS_FLOW,
    interrupts: (ctx) =>
      buttonOf(ctx) === MENU.status ||
      commandOf(ctx)?.command === 'status' ||
      isWord(ctx, WORDS) ||
      (word(ctx) !== undefined && WITH_NUMBER.test(fold(word(ctx) ?? ''))),
    async begin(ctx) {
      kit.keep(ctx);
      await show(ctx);
      await kit.finish(ctx);
    },
    // Status never waits for an answer; a message reaching here was meant for whatever comes next.
    handle: (ctx) => kit.finish(ctx, { redispatch: true }),
  };
}
