/**
 * What a flow (in `flows/`) sees and implements. A flow is conversation logic over one inbound
 * message at a time; its state lives in the database between messages, so a restart resumes at
 * the same step.
 */
import type { InboundMessage, OutboundMessage } from '../channels/types.js';
import type { Language, Messages } from '../i18n/index.js';
import type { Repos, Resident } from '../store/ports.js';

export interface ConversationState {
  /** The active flow's name, or null between flows. */
  flow: string | null;
  step: string | null;
  /** The active flow's data; plain JSON. */
  data: Record<string, unknown>;
}

export interface FlowContext<S = unknown> {
  readonly msg: InboundMessage;
  readonly resident: Resident;
  readonly lang: Language;
  readonly t: Messages;
  readonly now: number;
  /** A photo in the message, already stored in the media store (fetched before the transaction). */
  readonly photo?: { path: string; mime: string };
  /** The conversation; a flow changes it in place and the engine saves it. */
  readonly conversation: ConversationState;
  /** Repositories bound to this message's transaction. */
  readonly tx: Repos;
  /** Services the composition root provides (tickets, FAQ, ...). */
  readonly services: S;
  /** Queues a reply to this chat; it is stored in the outbox in the same transaction. */
  reply(message: OutboundMessage): void;
  /** Queues a plain text reply. */
  say(text: string, extra?: Omit<Extract<OutboundMessage, { kind: 'text' }>, 'kind' | 'text'>): void;
  /** Leaves the current flow and starts `flow` with this same message. */
  start(flow: string): Promise<void>;
  /** Ends the current flow; the next message starts afresh. */
  end(): void;
  /** Changes the conversation language (and the resident's). */
  setLanguage(lang: Language): Promise<void>;
}

export interface Flow<S = unknown> {
  readonly name: string;
  /**
   * True when this message starts this flow whatever the conversation's state (a command,
   * "取消", "订阅" ...). Flows are asked in the order they were registered.
   */
  interrupts?(ctx: FlowContext<S>): boolean;
  /** Called when the flow starts, with the message that started it. */
  begin(ctx: FlowContext<S>): Promise<void>;
  /** Called for each further message while this flow is active. */
  handle(ctx: FlowContext<S>): Promise<void>;
}
