/**
 * Conversation state, the numbered lists last sent to each chat and the inbound de-duplication
 * marks on PostgreSQL.
 */
import { and, eq } from 'drizzle-orm';
import type { Conversation, ConversationRepo, InboundSeenRepo, NumberedChoiceRepo } from '../../src/store/ports.js';
import type { PgConn } from './conn.js';
import { conversations, inboundSeen, numberedChoices } from './schema.js';

export function pgConversationRepo(c: PgConn): ConversationRepo {
  return {
    async get(channel, chatId) {
      const q = c
        .db()
        .select()
        .from(conversations)
        .where(and(eq(conversations.channel, channel), eq(conversations.chatId, chatId)));
      // Inside the message's transaction the row stays locked until commit: a second message of
      // the same chat, handled at the same time, waits and then reads this one's state.
      const [row] = c.inTransaction() ? await q.for('update') : await q;
      return row && ({ ...row, state: row.state ?? {} } as Conversation);
    },

    async put(conv) {
      await c
        .db()
        .insert(conversations)
        .values(conv)
        .onConflictDoUpdate({
          target: [conversations.channel, conversations.chatId],
          set: { flow: conv.flow, step: conv.step, state: conv.state, language: conv.language, updatedAt: conv.updatedAt },
        });
    },
  };
}

export function pgInboundSeenRepo(c: PgConn): InboundSeenRepo {
  return {
    async markSeen(channel, messageId, now) {
      // The unique key decides: a concurrent redelivery's insert waits for the first transaction
      // and then does nothing (false), or inserts (true) if that transaction rolled back.
      const rows = await c.db().insert(inboundSeen).values({ channel, messageId, at: now }).onConflictDoNothing({ target: [inboundSeen.channel, inboundSeen.messageId] }).returning({ at: inboundSeen.at });
      return rows.length === 1;
    },
  };
}

export function pgNumberedChoiceRepo(c: PgConn): NumberedChoiceRepo {
  return {
    async put(channel, chatId, { data, sentAt }) {
      // One row per chat: the unique key (channel, chat_id) is the conflict target, the later list wins.
      await c
        .db()
        .insert(numberedChoices)
        .values({ channel, chatId, data, sentAt })
        .onConflictDoUpdate({ target: [numberedChoices.channel, numberedChoices.chatId], set: { data, sentAt } });
    },
    async get(channel, chatId) {
      const [row] = await c
        .db()
        .select({ data: numberedChoices.data, sentAt: numberedChoices.sentAt })
        .from(numberedChoices)
        .where(and(eq(numberedChoices.channel, channel), eq(numberedChoices.chatId, chatId)));
      return row;
    },
  };
}
