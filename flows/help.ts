/** Help (帮助, /help): what the bot does and the words it knows; the current step carries on. */
import { commandOf, isWord } from './support/inbound.js';
import type { ChatFlow, FlowKit } from './support/types.js';

export const HELP_FLOW = 'help';
const WORDS = ['帮助', '使用帮助', '使用说明', '怎么用', 'help', '?'];

export function createHelpFlow(kit: FlowKit): ChatFlow {
  return {
    name: HELP_FLOW,
    interrupts: (ctx) => commandOf(ctx)?.command === 'help' || isWord(ctx, WORDS),
    async begin(ctx) {
      kit.keep(ctx);
      ctx.say(ctx.t.help.text);
      await kit.finish(ctx);
    },
    handle: (ctx) => kit.finish(ctx, { redispatch: true }),
  };
}
