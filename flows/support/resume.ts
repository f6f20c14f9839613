/**
 * Interruptions that do not lose work. The engine starts an interrupting flow (订阅, 帮助, a
 * sticker ...) with a fresh state, which would drop a half-written report. The kit takes a
 * snapshot of the conversation when a flow claims the message, the flow keeps it in its data, and
 * `finish` puts it back, so the resident continues where they were. The snapshot is stored in
 * the conversation itself, so it survives a restart like any other step.
 */
import type { ConversationState } from '../../src/conversations/types.js';
import { ENTRY_FLOW, type ChatFlow, type Ctx, type FinishOptions, type FlowKit } from './types.js';

/** Snapshots nested deeper than this are dropped (an interruption of an interruption of ...). */
const MAX_DEPTH = 3;

function trim(state: ConversationState, depth = 1): ConversationState {
  const data = { ...state.data };
  const inner = data['resume'] as ConversationState | undefined;
  if (inner) {
    if (depth >= MAX_DEPTH) delete data['resume'];
    else data['resume'] = trim(inner, depth + 1);
  }
  return { flow: state.flow, step: state.step, data };
}

export function createFlowKit(): FlowKit & { register(flows: ChatFlow[]): ChatFlow[] } {
  const byName = new Map<string, ChatFlow>();
  const snapshots = new WeakMap<object, ConversationState>();

  const kit = {
    get: (name: string) => byName.get(name),
    interrupted(ctx: Ctx) {
      const s = snapshots.get(ctx);
      return s?.flow ? s : undefined;
    },
    keep(ctx: Ctx) {
      const s = kit.interrupted(ctx);
      if (s) ctx.conversation.data['resume'] = trim(s);
    },
    async finish(ctx: Ctx, options: FinishOptions = {}) {
      const prev = ctx.conversation.data['resume'] as ConversationState | undefined;
      const flow = prev?.flow ? byName.get(prev.flow) : undefined;
      if (!prev || !flow) {
        ctx.end();
        if (options.redispatch) await ctx.start(ENTRY_FLOW);
        return;
      }
      Object.assign(ctx.conversation, { flow: prev.flow, step: prev.step, data: prev.data });
      if (options.redispatch) await flow.handle(ctx);
      else if (options.reprompt !== false) flow.reprompt?.(ctx);
    },
    /** Registers the flows and wraps their `interrupts` to take the snapshot. */
    register(flows: ChatFlow[]): ChatFlow[] {
      return flows.map((f) => {
        const interrupts = f.interrupts;
        const wrapped: ChatFlow = interrupts
          ? {
              ...f,
              interrupts(ctx) {
                if (!interrupts.call(f, ctx)) return false;
                const c = ctx.conversation;
                snapshots.set(ctx, structuredClone({ flow: c.flow, step: c.step, data: c.data }));
                return true;
              },
            }
          : f;
        byName.set(f.name, wrapped);
        return wrapped;
      });
    },
  };
  return kit;
}
