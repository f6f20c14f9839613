/**
 * What the bot cannot take (stickers, voice, video, files) and empty messages: a polite, specific
 * reply, and the current step carries on.
 */
import type { ChatFlow, Ctx, FlowKit } from './support/types.js';

export const UNSUPPORTED_FLOW = 'unsupported';

function reason(ctx: Ctx): string | undefined {
  const c = ctx.msg.content;
  const u = ctx.t.unsupported;
  if (c.kind === 'unsupported') return u[c.what];
  if (c.kind === 'text' && c.text.trim() === '') return u.empty;
  if (c.kind === 'command' && c.command.trim() === '') return u.empty;
  return undefined;
}

export function createUnsupportedFlow(kit: FlowKit): ChatFlow {
  return {
    name: UNSUPPORTED_FLOW,
    interrupts: (ctx) => reason(ctx) !== undefined,
    async begin(ctx) {
      kit.keep(ctx);
      ctx.say(reason(ctx) ?? ctx.t.unsupported.other);
      await kit.finish(ctx);
    },
    handle: (ctx) => kit.finish(ctx, { redispatch: true }),
  };
}
