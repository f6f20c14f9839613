/**
 * A resident chatting with the real conversation engine and flows over a real SQLite file: the
 * pack, router, calendar, ticket service and knowledge base are built as the composition root
 * builds them. `send` delivers one message and returns the texts queued for that chat since the
 * previous call (read from the outbox, in order).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENTRY_FLOW, createFlows } from '../../flows/index.js';
import { createWorkCalendar, localDay } from '../../src/calendar/index.js';
import type { ChannelName, InboundContent, InboundMessage, OutboundMessage } from '../../src/channels/types.js';
import { createConversationEngine, type ConversationEngine } from '../../src/conversations/engine.js';
import type { ChatServices } from '../../src/conversations/services.js';
import { createKnowledgeBase } from '../../src/faq/knowledge-base.js';
import { isNearPack } from '../../src/geo-bounds.js';
import { formatDateTime } from '../../src/i18n/index.js';
import { createMediaStore, type MediaStore } from '../../src/media/store.js';
import { loadPackFile } from '../../src/pack/load.js';
import type { Pack } from '../../src/pack/schema.js';
import { createRouter } from '../../src/routing/index.js';
import type { Resident, Store } from '../../src/store/ports.js';
import { createTicketService, type TicketService } from '../../src/tickets/service.js';
import { createTestDb, type TestDb } from './db.js';

export const CHAT_PACK = 'test/fixtures/packs/chat.yaml';

/** A tiny valid PNG header plus a tag, so each test photo has its own content hash. */
export function pngBytes(tag: string): Buffer {
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.from(tag)]);
}

export interface Reply {
  text: string;
  buttons: { label: string; data: string }[];
  requestLocation: boolean;
}

export interface ChatHarness {
  db: TestDb;
  pack: Pack;
  media: MediaStore;
  tickets: TicketService;
  services: ChatServices;
  engine: ConversationEngine;
  /** The clock every part reads; tests move it. */
  clock: { now: number };
  /** Delivers one message from the resident `user` (default "u1"); returns the replies' texts since the last call. */
  send(content: string | InboundContent, options?: { user?: string; messageId?: string; language?: string }): Promise<string[]>;
  /** The replies of the last `send` (or `unread`) call for `user`, with their buttons. */
  lastReplies(user?: string): Reply[];
  /** Texts queued for `user` since the last call (for messages delivered with `engine.handle` directly). */
  unread(user?: string): Promise<string[]>;
  /** The InboundMessage `send` would deliver, without delivering it. */
  message(content: string | InboundContent, options?: { user?: string; messageId?: string; language?: string }): InboundMessage;
  /** A photo message whose bytes are `pngBytes(tag)`. */
  photo(tag: string, caption?: string): InboundContent;
  /** Presses the button whose label contains `label` in the latest replies to `user`. */
  press(label: string, options?: { user?: string }): Promise<string[]>;
  resident(user?: string): Promise<Resident>;
  /** Closes the database and builds everything again over the same file, as a restart does. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export interface ChatHarnessOptions {
  packFile?: string;
  channel?: ChannelName;
  /** Start time; default Wednesday 2026-03-04 10:00 in Shanghai (a working day). */
  start?: number;
}

export async function createChatHarness(options: ChatHarnessOptions = {}): Promise<ChatHarness> {
  const channel = options.channel ?? 'web';
  const db = createTestDb();
  const mediaDir = mkdtempSync(join(tmpdir(), 'weicheng-media-'));
  const media = createMediaStore({ dir: mediaDir });
  const { pack } = await loadPackFile(options.packFile ?? CHAT_PACK);
  const clock = { now: options.start ?? Date.parse('2026-03-04T10:00:00+08:00') };
  const now = () => clock.now;
  const calendar = createWorkCalendar(pack.city);
  const router = createRouter(pack);

  let store: Store;
  let tickets!: TicketService;
  let services!: ChatServices;
  let engine!: ConversationEngine;

  async function build(): Promise<void> {
    store = db.store;
    tickets = createTicketService({
      store,
      pack: () => pack,
      router,
      calendar: { deadlines: (at, sla) => calendar.deadlines(at, sla), localDay: (ms) => localDay(ms, pack.city.timezone) },
      clock: now,
    });
    const faq = await createKnowledgeBase(store, { clock: now });
    await faq.syncFromPack(pack.faq);
    services = {
      pack: () => pack,
      router,
      tickets,
      faq,
      formatTime: (lang, ms) => formatDateTime(lang, ms, pack.city.timezone),
      isNearCity: (lat, lon, crs) => isNearPack(pack, lat, lon, crs),
      clock: now,
    };
    engine = createConversationEngine({ store, media, flows: createFlows(), entry: ENTRY_FLOW, services, clock: now });
  }
  await build();

  let seq = 0;
  /** The highest outbox id already returned, per chat. */
  const seen = new Map<string, number>();
  const latest = new Map<string, Reply[]>();

  async function newReplies(chat: string): Promise<Reply[]> {
    const out: Reply[] = [];
    let id = seen.get(chat) ?? 0;
    for (;;) {
      const row = await db.store.outbox.byId(id + 1);
      if (!row) break;
      id++;
      if (row.channel !== channel || row.address !== chat) continue;
      out.push(toReply(row.payload));
    }
    // Rows of other chats were skipped above; remember how far this chat has read.
    seen.set(chat, id);
    latest.set(chat, out);
    return out;
  }

  const h: ChatHarness = {
    db,
    pack,
    media,
    get tickets() {
      return tickets;
    },
    get services() {
      return services;
    },
    get engine() {
      return engine;
    },
    clock,
    message(content, o = {}) {
      const user = o.user ?? 'u1';
      return {
        channel,
        chatId: `chat-${user}`,
        chatType: 'private',
        userId: user,
        messageId: o.messageId ?? `m${++seq}`,
        ...(o.language ? { language: o.language } : {}),
        at: clock.now,
        content: typeof content === 'string' ? { kind: 'text', text: content } : content,
      };
    },
    async send(content, o = {}) {
      const msg = h.message(content, o);
      await engine.handle(msg);
      return (await newReplies(msg.chatId)).map((r) => r.text);
    },
    unread: async (user = 'u1') => (await newReplies(`chat-${user}`)).map((r) => r.text),
    lastReplies: (user = 'u1') => latest.get(`chat-${user}`) ?? [],
    photo: (tag, caption) => ({
      kind: 'photo',
      ...(caption ? { caption } : {}),
      fetch: async () => ({ data: pngBytes(tag), mime: 'image/png' }),
    }),
    async press(label, o = {}) {
      const user = o.user ?? 'u1';
      const buttons = (latest.get(`chat-${user}`) ?? []).flatMap((r) => r.buttons);
      const b = buttons.find((x) => x.label.includes(label));
      if (!b) throw new Error(`no button "${label}" among: ${buttons.map((x) => x.label).join(', ') || '(none)'}`);
      return h.send({ kind: 'button', data: b.data }, { user });
    },
    async resident(user = 'u1') {
      const r = await db.store.residents.upsert({ channel, platformUserId: user, address: `chat-${user}`, language: 'zh-CN', now: clock.now });
      return r;
    },
    async restart() {
      await db.reopen();
      await build();
    },
    async close() {
      await db.cleanup();
      rmSync(mediaDir, { recursive: true, force: true });
    },
  };
  return h;
}

function toReply(p: OutboundMessage): Reply {
  if (p.kind === 'photo') return { text: p.caption ?? '', buttons: (p.buttons ?? []).flat(), requestLocation: false };
  return { text: p.text, buttons: (p.buttons ?? []).flat(), requestLocation: p.requestLocation === true };
}
