/**
 * The entry flow: takes every message no other flow is waiting for and decides what it is. A
 * report (the router is fairly sure, or a photo or a pin) starts the report flow; a question
 * (the FAQ answers it, or it reads like one) goes to the FAQ flow; a rating word goes to the
 * rating of the resident's resolved ticket; anything else gets a short menu. It also owns /start,
 * /menu, 菜单 and commands nobody knows.
 */
import { isInformationQuestion } from '../src/routing/intent.js';
import { MAX_REPORT_TEXT } from '../src/tickets/create.js';
import { CONFIDENT } from './report-draft.js';
import { startReport } from './report.js';
import { rateByText, ratingWord } from './rate.js';
import { buttonOf, commandOf, fold, isWord, textOf } from './support/inbound.js';
import { menuButtons } from './support/menu.js';
import { ENTRY_FLOW, type ChatFlow, type Ctx, type FlowKit } from './support/types.js';

/** Router confidence from which free text starts a report without being asked. */
export const REPORT_START = 0.5;
/** Shorter unclear texts get the plain menu, longer ones the offer to report them as they are. */
const SUBSTANTIVE_CHARS = 4;

const MENU_WORDS = ['菜单', '主菜单', '返回菜单', 'menu', 'main menu'];
const GREETINGS = ['你好', '您好', '你好呀', '您好呀', '嗨', '哈喽', '喂', '在吗', '在不在', '有人吗', '早', '早上好', '上午好', '中午好', '下午好', '晚上好', 'hi', 'hello', 'hey', 'good morning', 'good evening'];
const THANKS = ['谢谢', '谢谢你', '谢谢您', '多谢', '感谢', '好的谢谢', '好的，谢谢', 'thanks', 'thank you', 'thx'];

function looksLikeQuestion(text: string): boolean {
  return isInformationQuestion(text) || /[?？]\s*$/.test(text) || /^(请问|咨询|想问|问一下)/.test(text.trim());
}

function showMenu(ctx: Ctx, text: string, reportThis = false): void {
  ctx.say(text, { buttons: menuButtons(ctx.t, reportThis) });
}

async function classify(ctx: Ctx, kit: FlowKit): Promise<void> {
  const t = ctx.t;
  const cmd = commandOf(ctx);
  const dropped = kit.interrupted(ctx)?.flow === 'report' ? [t.cancel.draftDropped] : [];
  if (cmd) {
    if (cmd.command === 'start') {
      ctx.end();
      return showMenu(ctx, t.menu.start({ city: ctx.services.pack().city.name }));
    }
    if (cmd.command === 'menu') {
      ctx.end();
      return showMenu(ctx, [...dropped, t.menu.prompt].join('\n'));
    }
    // An unknown command: say so, and let the resident carry on with what they were doing.
    kit.keep(ctx);
    if (ctx.conversation.data['resume']) {
      ctx.say(t.menu.unknownCommand({ command: cmd.command }));
      return kit.finish(ctx);
    }
    ctx.end();
    return showMenu(ctx, t.menu.unknownCommand({ command: cmd.command }));
  }
  if (isWord(ctx, MENU_WORDS)) {
    ctx.end();
    return showMenu(ctx, [...dropped, t.menu.prompt].join('\n'));
  }
  const data = buttonOf(ctx);
  if (data !== undefined) {
    ctx.end();
    return showMenu(ctx, data.startsWith('rep:') ? `${t.report.stale}\n${t.menu.prompt}` : t.menu.staleButton);
  }
  const c = ctx.msg.content;
  if (c.kind === 'photo' || c.kind === 'location') return ctx.start('report');
  const raw = textOf(ctx) ?? '';
  const text = raw.trim().slice(0, MAX_REPORT_TEXT);
  ctx.end();
  if (isWord(ctx, GREETINGS)) return showMenu(ctx, t.menu.greeting);
  if (isWord(ctx, THANKS)) return ctx.say(t.menu.thanks);
  const rating = ratingWord(fold(text));
  if (rating && (await rateByText(ctx, kit, rating))) return;

  const services = ctx.services;
  const faq = services.faq.ask(text);
  const routed = services.router.route({ text });
  const question = looksLikeQuestion(text);
  const sure = routed.category !== null && routed.confidence >= CONFIDENT;
  if (faq.answer && (question || !sure)) return ctx.start('faq');
  if (routed.category && routed.confidence >= REPORT_START) return ctx.start('report');
  if (faq.answer || question) return ctx.start('faq');
  if ([...text].length >= SUBSTANTIVE_CHARS) {
    // Keep the text: "report this" files it without retyping.
    Object.assign(ctx.conversation, { flow: ENTRY_FLOW, step: 'menu', data: { text: raw } });
    return showMenu(ctx, t.menu.unclearText, true);
  }
  showMenu(ctx, t.menu.unclear);
}

export function createEntryFlow(kit: FlowKit): ChatFlow {
  return {
    name: ENTRY_FLOW,
    // Registered last: every command no other flow claimed is /start, /menu or unknown.
    interrupts: (ctx) => commandOf(ctx) !== undefined || isWord(ctx, MENU_WORDS),
    begin: (ctx) => classify(ctx, kit),
    async handle(ctx) {
      const pending = ctx.conversation.data['text'];
      if (buttonOf(ctx) === 'entry:report' && typeof pending === 'string') return startReport(ctx, { text: pending });
      ctx.end();
      await ctx.start(ENTRY_FLOW);
    },
    reprompt(ctx) {
      showMenu(ctx, ctx.t.menu.unclearText, true);
    },
  };
}
