/**
 * The shapes every flow in this folder shares: a flow over the chat services, and the kit that
 * lets one flow hand the conversation back to another (see resume.ts).
 */
import type { ChatServices } from '../../src/conversations/services.js';
import type { ConversationState, Flow, FlowContext } from '../../src/conversations/types.js';

export type Ctx = FlowContext<ChatServices>;

export interface ChatFlow extends Flow<ChatServices> {
  /** Asks the question of the current step again (after a resumed interruption or a language switch). */
  reprompt?(ctx: Ctx): void;
}

export interface FinishOptions {
  /** Hand this same message to the resumed flow (it was not meant for the finishing one). Default false. */
  redispatch?: boolean;
  /** Ask the resumed flow's question again. Default true. */
  reprompt?: boolean;
}

export interface FlowKit {
  get(name: string): ChatFlow | undefined;
  /** The conversation as it was before an interrupting flow replaced it on this message. */
  interrupted(ctx: Ctx): ConversationState | undefined;
  /** Keeps the interrupted conversation, so `finish` returns to it. Call first thing in `begin`. */
  keep(ctx: Ctx): void;
  /** Ends this flow: back to the flow it interrupted, if any, else no flow. */
  finish(ctx: Ctx, options?: FinishOptions): Promise<void>;
}

/** The flow a message starts when no flow is active. */
export const ENTRY_FLOW = 'entry';
