/**
 * The conversation engine: takes one inbound message from any adapter and runs the right flow on
 * it. One transaction covers the whole message: the "seen" mark (so a redelivered update does
 * nothing twice), the resident, the flow's effects (a ticket ...), the conversation state and the
 * replies in the outbox. A photo is downloaded before that transaction opens.
 */
import type { InboundMessage, OutboundMessage } from '../channels/types.js';
import { messages, normalizeLanguage, type Language } from '../i18n/index.js';
import type { Logger } from '../logger.js';
import type { MediaStore } from '../media/store.js';
import type { Repos, Resident, Store } from '../store/ports.js';
import type { ConversationState, Flow, FlowContext } from './types.js';

export interface ConversationEngineOptions<S> {
  store: Store;
  media: MediaStore;
  /** Flows in priority order (for their `interrupts`). */
  flows: Flow<S>[];
  /** The flow that takes a message when none is active. */
  entry: string;
  services: S;
  clock?: () => number;
  logger?: Pick<Logger, 'warn' | 'error' | 'debug'>;
  /** The language when the platform gives none. Default zh-CN. */
  defaultLanguage?: Language;
  /** An unfinished conversation idle this long is reset on the next message. Default 30 minutes. */
  idleMs?: number;
  /** Called after a message's replies were queued, to wake the outbox dispatcher. */
  onQueued?: () => void;
  /** Messages from group chats (offices), with a photo already stored. Default: ignored. */
  groupHandler?: (msg: InboundMessage, tx: Repos, now: number, photo?: { path: string; mime: string }) => Promise<void>;
}

export interface ConversationEngine {
  /** Handles one message; resolves when its effects are stored. Never throws for a flow's error. */
  handle(msg: InboundMessage): Promise<void>;
}

export function createConversationEngine<S>(o: ConversationEngineOptions<S>): ConversationEngine {
  const flows = new Map(o.flows.map((f) => [f.name, f]));
  if (!flows.has(o.entry)) throw new Error(`entry flow "${o.entry}" is not registered`);
  const clock = o.clock ?? Date.now;
  const idleMs = o.idleMs ?? 30 * 60_000;

  async function fetchPhoto(msg: InboundMessage): Promise<{ path: string; mime: string } | 'failed' | undefined> {
    if (msg.content.kind !== 'photo') return undefined;
    try {
      const { data, mime } = await msg.content.fetch();
      return { path: await o.media.save(data, mime), mime };
    } catch (err) {
      o.logger?.warn({ channel: msg.channel, err: (err as Error).message }, 'photo download failed');
      return 'failed';
    }
  }

  async function run(msg: InboundMessage, photo: { path: string; mime: string } | 'failed' | undefined): Promise<void> {
    await o.store.transaction(async (tx) => {
      const now = clock();
      if (!(await tx.inboundSeen.markSeen(msg.channel, msg.messageId, now))) return;
      if (msg.chatType === 'group') {
        await o.groupHandler?.(msg, tx, now, photo === 'failed' ? undefined : photo);
        return;
      }
      const resident = await tx.residents.upsert({
        channel: msg.channel,
        platformUserId: msg.userId,
        address: msg.chatId,
        language: normalizeLanguage(msg.language, o.defaultLanguage),
        now,
      });
      const saved = await tx.conversations.get(msg.channel, msg.chatId);
      const conversation: ConversationState = {
        flow: saved?.flow ?? null,
        step: saved?.step ?? null,
        data: saved?.state ?? {},
      };
      let lang = normalizeLanguage(saved?.language ?? resident.language, o.defaultLanguage);
      const replies: OutboundMessage[] = [];
      if (conversation.flow && saved && now - saved.updatedAt > idleMs) {
        replies.push({ kind: 'text', text: messages(lang).conversation.expired });
        Object.assign(conversation, { flow: null, step: null, data: {} });
      }

      const ctx: FlowContext<S> = {
        msg,
        resident,
        get lang() {
          return lang;
        },
        get t() {
          return messages(lang);
        },
        now,
        photo: photo === 'failed' ? undefined : photo,
        conversation,
        tx,
        services: o.services,
        reply: (m) => void replies.push(m),
        say: (text, extra) => void replies.push({ kind: 'text', text, ...extra }),
        start: async (name) => {
          const flow = flows.get(name);
          if (!flow) throw new Error(`unknown flow "${name}"`);
          Object.assign(conversation, { flow: name, step: null, data: {} });
          await flow.begin(ctx);
        },
        end: () => void Object.assign(conversation, { flow: null, step: null, data: {} }),
        setLanguage: async (l) => {
          lang = l;
          await tx.residents.setLanguage(resident.id, l);
        },
      };

      if (photo === 'failed') {
        replies.push({ kind: 'text', text: messages(lang).conversation.photoFailed });
      } else {
        const interrupting = o.flows.find((f) => f.interrupts?.(ctx));
        const active = conversation.flow ? flows.get(conversation.flow) : undefined;
        if (interrupting) await ctx.start(interrupting.name);
        else if (active) await active.handle(ctx);
        else await ctx.start(o.entry);
      }

      await tx.conversations.put({
        channel: msg.channel,
        chatId: msg.chatId,
        flow: conversation.flow,
        step: conversation.step,
        state: conversation.data,
        language: lang,
        updatedAt: now,
      });
      await enqueueReplies(tx, resident, replies, msg, now);
    });
  }

  async function enqueueReplies(tx: Repos, resident: Resident, replies: OutboundMessage[], msg: InboundMessage, now: number) {
    let i = 0;
    for (const payload of replies) {
      await tx.outbox.enqueue(
        { channel: resident.channel, address: msg.chatId, payload, dedupeKey: `reply:${msg.channel}:${msg.messageId}:${i++}` },
        now,
      );
    }
  }

  return {
    async handle(msg) {
      const photo = await fetchPhoto(msg);
      try {
        await run(msg, photo);
      } catch (err) {
        // The flow's transaction rolled back; tell the resident once and mark the message handled,
        // so a platform's redelivery does not loop on the same failure.
        o.logger?.error({ channel: msg.channel, err }, 'message handling failed');
        await o.store.transaction(async (tx) => {
          const now = clock();
          if (!(await tx.inboundSeen.markSeen(msg.channel, msg.messageId, now))) return;
          if (msg.chatType === 'group') return;
          const lang = normalizeLanguage(msg.language, o.defaultLanguage);
          await tx.outbox.enqueue(
            {
              channel: msg.channel,
              address: msg.chatId,
              payload: { kind: 'text', text: messages(lang).conversation.error },
              dedupeKey: `reply:${msg.channel}:${msg.messageId}:error`,
            },
            now,
          );
        });
      }
      o.onQueued?.();
    },
  };
}
