/** Cancel (取消, /cancel) from any step: drops whatever was in progress and shows the menu. */
import { commandOf, isWord } from './support/inbound.js';
import { menuButtons } from './support/menu.js';
import type { ChatFlow, FlowKit } from './support/types.js';

export const CANCEL_FLOW = 'cancel';
const WORDS = ['取消', '算了', '不报了', '退出', 'cancel', 'quit', 'exit'];

export function createCancelFlow(kit: FlowKit): ChatFlow {
  return {
    name: CANCEL_FLOW,
    interrupts: (ctx) => commandOf(ctx)?.command === 'cancel' || isWord(ctx, WORDS),
    async begin(ctx) {
      const was = kit.interrupted(ctx);
      const t = ctx.t;
      const text = was?.flow === 'report' ? t.report.cancelled : was ? t.cancel.done : t.cancel.nothing;
      ctx.end();
      ctx.say(`${text}\n${t.menu.prompt}`, { buttons: menuButtons(t) });
    },
    async handle(ctx) {
      ctx.end();
      await ctx.start('entry');
    },
  };
}
