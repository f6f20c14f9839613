/**
 * Test doubles for the outbox: a clock the test moves, a sender that records what it was asked to
 * send and answers as scripted, and a real pino logger writing to memory.
 */
import { Writable } from 'node:stream';
import { pino } from 'pino';
import type { ChannelName, ChannelSender, OutboundMessage, SendResult } from '../../src/channels/types.js';
import type { Store } from '../../src/store/ports.js';

export class ManualClock {
  constructor(public t = 1_700_000_000_000) {}
  now(): number {
    return this.t;
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

export interface SentCall {
  address: string;
  text: string;
  at: number;
}

type Script = (address: string, message: OutboundMessage, call: number) => SendResult | Promise<SendResult>;

export class FakeSender implements ChannelSender {
  readonly calls: SentCall[] = [];
  constructor(
    readonly channel: ChannelName,
    private readonly clock: { now(): number },
    private readonly script: Script = () => ({ status: 'delivered' }),
  ) {}

  async send(address: string, message: OutboundMessage): Promise<SendResult> {
    const text = message.kind === 'text' ? message.text : message.photo;
    this.calls.push({ address, text, at: this.clock.now() });
    return this.script(address, message, this.calls.length);
  }

  texts(): string[] {
    return this.calls.map((c) => c.text);
  }
}

export async function enqueue(store: Store, channel: ChannelName, address: string, text: string, now: number): Promise<number> {
  const id = await store.outbox.enqueue({ channel, address, payload: { kind: 'text', text } }, now);
  if (id === undefined) throw new Error('enqueue deduplicated unexpectedly');
  return id;
}

export function memoryLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  const logger = pino({ level: 'debug' }, stream);
  return { logger, lines };
}

/** A promise the test settles by hand. */
export function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
