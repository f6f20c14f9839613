/**
 * "/bind CODE" or "绑定 CODE" in a private chat with the bot: staff link their chat identity to
 * their account there too. Registered before the resident flows; whatever the member was doing
 * as a resident (a half-written report) is left as it was.
 */
import type { ConversationState, Flow } from '../conversations/types.js';
import type { OfficeService } from './service.js';

export const BIND_FLOW = 'office-bind';

export function createBindFlow<S>(offices: Pick<OfficeService, 'isBind' | 'bind'>): Flow<S> {
  // The engine resets the conversation when a flow interrupts; keep it to put it back.
  const before = new WeakMap<object, ConversationState>();
  return {
    name: BIND_FLOW,
    interrupts(ctx) {
      if (!offices.isBind(ctx.msg)) return false;
      const c = ctx.conversation;
      before.set(ctx, structuredClone({ flow: c.flow, step: c.step, data: c.data }));
      return true;
    },
    async begin(ctx) {
      ctx.say(await offices.bind(ctx.msg));
      const prev = before.get(ctx);
      if (prev?.flow && prev.flow !== BIND_FLOW) Object.assign(ctx.conversation, prev);
      else ctx.end();
    },
    async handle(ctx) {
      // Never active between messages (begin always ends or restores), but be safe.
      ctx.end();
    },
  };
}
