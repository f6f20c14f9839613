/**
 * The one message shape every channel adapter produces and consumes. Flows and services see only
 * these types; a platform's own objects never leave its adapter.
 */

/** Channels residents and offices talk on. `wecom` is outbound only (group robots). */
export type ChannelName = 'telegram' | 'wechat' | 'web' | 'wecom';

export type Crs = 'wgs84' | 'gcj02';

export type InboundContent =
  | { kind: 'text'; text: string }
  | {
      kind: 'photo';
      caption?: string;
      /** Downloads the image lazily, so an adapter never stores files itself. */
      fetch: () => Promise<{ data: Buffer; mime: string }>;
    }
  | { kind: 'location'; lat: number; lon: number; crs: Crs; label?: string }
  | { kind: 'button'; data: string }
  | { kind: 'command'; command: string; args: string }
  | { kind: 'unsupported'; what: 'sticker' | 'voice' | 'video' | 'file' | 'other' };

export interface InboundMessage {
  channel: ChannelName;
  /** Where replies go: the chat (private or group). Opaque to everything but the adapter. */
  chatId: string;
  chatType: 'private' | 'group';
  /** The sender on the platform. Personal data: never logged, never shown to offices. */
  userId: string;
  /** The platform's id for this message or update; repeated deliveries carry the same id. */
  messageId: string;
  /** The platform's language code (such as zh-hans, en-US), if it gives one. */
  language?: string;
  at: number;
  content: InboundContent;
}

export interface Button {
  label: string;
  /** Sent back as `{ kind: 'button', data }`. At most 64 bytes (Telegram's callback_data). */
  data: string;
}

export type OutboundMessage =
  | {
      kind: 'text';
      text: string;
      /** Rows of buttons. Channels without buttons render them as numbered choices. */
      buttons?: Button[][];
      /** Ask for the resident's location (a reply keyboard on Telegram private chats). */
      requestLocation?: boolean;
      /** markdown only where the channel renders it (WeCom robots); otherwise plain text. */
      format?: 'plain' | 'markdown';
    }
  | {
      kind: 'photo';
      /** Path relative to the media directory, or an https URL. */
      photo: string;
      caption?: string;
      buttons?: Button[][];
    };

export type SendResult =
  | { status: 'delivered'; platformMessageId?: string }
  | { status: 'retry'; afterSeconds?: number; error: string }
  | { status: 'failed'; error: string; /** the recipient blocked the bot or the chat is gone */ gone?: boolean };

/** What the outbox dispatcher calls to deliver a message on one channel. */
export interface ChannelSender {
  readonly channel: ChannelName;
  send(address: string, message: OutboundMessage): Promise<SendResult>;
}

/** An adapter: translates a platform's events to InboundMessage and sends OutboundMessage. */
export interface ChannelAdapter extends ChannelSender {
  start(onMessage: (message: InboundMessage) => Promise<void>): Promise<void>;
  stop(): Promise<void>;
}

/** A numbered list sent to a chat: its buttons' data in the order they were numbered, and when (ms). */
export interface SentChoices {
  data: string[];
  sentAt: number;
}

/**
 * Where a channel without buttons (WeChat) keeps the numbered list it last sent to each chat, so
 * that a reply "3" still means the third button hours later and after a restart. The product
 * passes the store's `numberedChoices` repository; an adapter given none keeps the lists in memory.
 */
export interface ChoiceStore {
  /** Keeps the list just sent to the chat, replacing any earlier one. */
  put(channel: ChannelName, chatId: string, list: SentChoices): Promise<void>;
  /** The list last sent to the chat, or undefined when it was sent none. */
  get(channel: ChannelName, chatId: string): Promise<SentChoices | undefined>;
}
