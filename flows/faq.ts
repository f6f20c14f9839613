/**
 * FAQ: a question goes to the knowledge base. An answer comes with 有帮助 / 没帮助 and up to two
 * "did you mean" buttons; no answer is said plainly (and recorded as unanswered, so staff see
 * what to add), with the offer to report it or leave the question for staff (an inquiry ticket).
 */
import type { Button } from '../src/channels/types.js';
import { MAX_REPORT_TEXT } from '../src/tickets/create.js';
import { startReport } from './report.js';
import { buttonOf, commandOf, textOf } from './support/inbound.js';
import { MENU } from './support/menu.js';
import { ENTRY_FLOW, type ChatFlow, type Ctx, type FlowKit } from './support/types.js';

export const FAQ_FLOW = 'faq';
/** Suggestions shown at most. */
const MAX_SUGGESTIONS = 2;

function suggestionButtons(suggestions: { id: string; question: string }[], except?: string): Button[][] {
  return suggestions
    .filter((s) => s.id !== except)
    .slice(0, MAX_SUGGESTIONS)
    .filter((s) => Buffer.byteLength(`faq:id:${s.id}`) <= 64)
    .map((s) => [{ label: s.question, data: `faq:id:${s.id}` }]);
}

function fallbackButtons(ctx: Ctx): Button[][] {
  const b = ctx.t.faq.buttons;
  return [[{ label: b.report, data: 'faq:report' }, { label: b.staff, data: 'faq:staff' }]];
}

function showAnswer(ctx: Ctx, entry: { id: string; answer: string }, suggestions: Button[][]): void {
  const b = ctx.t.faq.buttons;
  ctx.conversation.step = 'feedback';
  ctx.conversation.data['faqId'] = entry.id;
  const text = suggestions.length ? `${entry.answer}\n\n${ctx.t.faq.didYouMean}` : entry.answer;
  ctx.say(text, {
    buttons: [[{ label: b.helpful, data: 'faq:up' }, { label: b.unhelpful, data: 'faq:down' }], ...suggestions],
  });
}

async function answer(ctx: Ctx, question: string): Promise<void> {
  const q = question.trim().slice(0, MAX_REPORT_TEXT);
  ctx.conversation.data['question'] = q;
  const found = ctx.services.faq.ask(q);
  if (found.answer) return showAnswer(ctx, found.answer, suggestionButtons(found.suggestions, found.answer.id));
  await ctx.services.faq.feedback({ kind: 'unanswered', faqId: null, question: q, residentId: ctx.resident.id, ticketId: null });
  const suggestions = suggestionButtons(found.suggestions);
  ctx.conversation.step = 'noanswer';
  ctx.say(suggestions.length ? ctx.t.faq.noAnswerSuggest : ctx.t.faq.noAnswer, { buttons: [...suggestions, ...fallbackButtons(ctx)] });
}

async function handle(ctx: Ctx, kit: FlowKit): Promise<void> {
  const data = buttonOf(ctx);
  const d = ctx.conversation.data;
  const question = typeof d['question'] === 'string' ? d['question'] : '';
  const faqId = typeof d['faqId'] === 'string' ? d['faqId'] : null;
  const step = ctx.conversation.step;

  if (step === 'ask') {
    const text = textOf(ctx)?.trim();
    if (ctx.msg.content.kind === 'text' && text) return answer(ctx, text);
    return restart(ctx);
  }
  if (data?.startsWith('faq:id:')) {
    const entry = ctx.services.faq.entry(data.slice('faq:id:'.length));
    if (entry) return showAnswer(ctx, entry, []);
  }
  if ((data === 'faq:up' || data === 'faq:down') && step === 'feedback' && faqId) {
    const helpful = data === 'faq:up';
    await ctx.services.faq.feedback({ kind: helpful ? 'helpful' : 'unhelpful', faqId, question, residentId: ctx.resident.id, ticketId: null });
    if (helpful) {
      ctx.say(ctx.t.faq.thanks);
      return kit.finish(ctx, { reprompt: false });
    }
    ctx.conversation.step = 'noanswer';
    return ctx.say(ctx.t.faq.sorry, { buttons: fallbackButtons(ctx) });
  }
  if (data === 'faq:report' && question) return startReport(ctx, { text: question });
  if (data === 'faq:staff' && question) {
    await ctx.services.tickets.file({ resident: { ...ctx.resident, language: ctx.lang }, text: question, kind: 'inquiry' });
    return kit.finish(ctx, { reprompt: false });
  }
  // Anything else is a new message, not an answer to this one.
  return restart(ctx);
}

async function restart(ctx: Ctx): Promise<void> {
  ctx.end();
  await ctx.start(ENTRY_FLOW);
}

export function createFaqFlow(kit: FlowKit): ChatFlow {
  return {
    name: FAQ_FLOW,
    interrupts: (ctx) => buttonOf(ctx) === MENU.faq || commandOf(ctx)?.command === 'faq',
    async begin(ctx) {
      const cmd = commandOf(ctx);
      const text = cmd ? cmd.args : ctx.msg.content.kind === 'text' ? ctx.msg.content.text : '';
      if (text.trim()) return answer(ctx, text);
      ctx.conversation.step = 'ask';
      ctx.say(ctx.t.faq.ask);
    },
    handle: (ctx) => handle(ctx, kit),
    reprompt(ctx) {
      if (ctx.conversation.step === 'ask') ctx.say(ctx.t.faq.ask);
    },
  };
}
