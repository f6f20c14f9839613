import { and, eq } from 'drizzle-orm';
import type { Conversation, ConversationRepo, InboundSeenRepo, NumberedChoiceRepo } from '../../src/store/ports.js';
import { conversations, inboundSeen, numberedChoices } from '../schema.js';
import type { SqliteDb } from './open.js';

export function sqliteConversationRepo(db: SqliteDb): ConversationRepo {
  return {
    async get(channel, chatId) {
      const row = db
        .select()
        .from(conversations)
        .where(and(eq(conversations.channel, channel), eq(conversations.chatId, chatId)))
        .get();
      return row && ({ ...row, state: row.state ?? {} } as Conversation);
    },

    async put(c) {
      db.insert(conversations)
        .values(c)
        .onConflictDoUpdate({
          target: [conversations.channel, conversations.chatId],
          set: { flow: c.flow, step: c.step, state: c.state, language: c.language, updatedAt: c.updatedAt },
        })
        .run();
    },
  };
}

export function sqliteInboundSeenRepo(db: SqliteDb): InboundSeenRepo {
  return {
    async markSeen(channel, messageId, now) {
      const res = db.insert(inboundSeen).values({ channel, messageId, at: now }).onConflictDoNothing().run();
      return res.changes === 1;
    },
  };
}

export function sqliteNumberedChoiceRepo(db: SqliteDb): NumberedChoiceRepo {
  return {
    async put(channel, chatId, { data, sentAt }) {
      db.insert(numberedChoices)
        .values({ channel, chatId, data, sentAt })
        .onConflictDoUpdate({ target: [numberedChoices.channel, numberedChoices.chatId], set: { data, sentAt } })
        .run();
    },
    async get(channel, chatId) {
      const row = db
        .select({ data: numberedChoices.data, sentAt: numberedChoices.sentAt })
        .from(numberedChoices)
        .where(and(eq(numberedChoices.channel, channel), eq(numberedChoices.chatId, chatId)))
        .get();
      return row;
    },
  };
}
