import { describe, expect, it } from 'vitest';
import {
  createMemoryChoiceStore,
  createNumberedChoices,
  DEFAULT_CHOICE_TTL_MS,
  parseChoiceNumber,
  type NumberedChoicesOptions,
} from '../../../adapters/wechat/choices.js';
import type { ChoiceStore, SentChoices } from '../../../src/channels/types.js';

const buttons = [[{ label: 'A', data: 'a' }, { label: 'B', data: 'b' }], [{ label: 'C', data: 'c' }]];
const HOUR = 3_600_000;

/** A logger that records what it was given, as the JSON a log line would carry. */
function recordingLogger() {
  const lines: string[] = [];
  return { lines, warn: (obj: unknown, msg?: string) => void lines.push(JSON.stringify({ obj, msg })) };
}

function choices(options: NumberedChoicesOptions = {}, store?: ChoiceStore) {
  const logger = recordingLogger();
  return { c: createNumberedChoices({ store, logger }, options), logger };
}

describe('parseChoiceNumber', () => {
  it('reads the forms residents type', () => {
    for (const [text, n] of [['1', 1], ['１', 1], ['1.', 1], ['１．', 1], ['2、', 2], ['(3)', 3], ['（3）', 3], [' 12 ', 12]] as const) {
      expect(parseChoiceNumber(text), text).toBe(n);
    }
  });
  it('rejects anything else', () => {
    for (const text of ['', '0', '123', '1 2', 'a1', '第1个', '1号楼垃圾', '-1']) expect(parseChoiceNumber(text), text).toBeUndefined();
  });
});

describe('createNumberedChoices', () => {
  it('maps numbers to the last list of that chat only; a number beyond the list is not a choice', async () => {
    const { c } = choices();
    await c.remember('x', buttons);
    expect([await c.resolve('x', '1'), await c.resolve('x', '3'), await c.resolve('y', '1')]).toEqual(['a', 'c', undefined]);
    for (const outOfRange of ['4', '9', '99']) expect(await c.resolve('x', outOfRange), outOfRange).toBeUndefined();
    expect(await c.resolve('x', '随便说点什么')).toBeUndefined();
  });

  it('a later list replaces the earlier one', async () => {
    const { c } = choices();
    await c.remember('x', buttons);
    await c.remember('x', [[{ label: 'Z', data: 'z' }]]);
    expect([await c.resolve('x', '1'), await c.resolve('x', '2'), await c.resolve('x', '3')]).toEqual(['z', undefined, undefined]);
  });

  it('a message without buttons leaves the list answerable', async () => {
    const { c } = choices();
    await c.remember('x', buttons);
    await c.remember('x', []);
    await c.remember('x', [[]]);
    expect(await c.resolve('x', '3')).toBe('c');
  });

  it('keeps a list answerable for 7 days by default: a rating answered the next morning counts', async () => {
    expect(DEFAULT_CHOICE_TTL_MS).toBe(7 * 24 * HOUR);
    let now = 1_772_589_600_000;
    const { c } = choices({ now: () => now });
    await c.remember('x', buttons);
    now += 5 * HOUR;
    expect(await c.resolve('x', '3')).toBe('c');
    now += 7 * 24 * HOUR - 5 * HOUR;
    expect(await c.resolve('x', '3')).toBe('c');
    now += 1;
    expect(await c.resolve('x', '3')).toBeUndefined();
  });

  it('forgets a list after a TTL of its own', async () => {
    let now = 0;
    const { c } = choices({ ttlMs: 1000, now: () => now });
    await c.remember('x', buttons);
    now = 1000;
    expect(await c.resolve('x', '2')).toBe('b');
    now = 1001;
    expect(await c.resolve('x', '2')).toBeUndefined();
    // A new list starts the time again.
    await c.remember('x', buttons);
    expect(await c.resolve('x', '2')).toBe('b');
  });

  it('in memory, keeps at most maxChats, dropping the least recently told', async () => {
    const store = createMemoryChoiceStore(2);
    const { c } = choices({}, store);
    await c.remember('a', buttons);
    await c.remember('b', buttons);
    await c.remember('a', buttons);
    await c.remember('c', buttons);
    expect(store.size()).toBe(2);
    expect([await c.resolve('a', '1'), await c.resolve('b', '1'), await c.resolve('c', '1')]).toEqual(['a', undefined, 'a']);
  });

  it('keeps the lists in the store it is given, so another instance (after a restart) answers from them', async () => {
    const rows = new Map<string, SentChoices>();
    const calls: string[] = [];
    const store: ChoiceStore = {
      async put(channel, chatId, list) {
        calls.push(`put ${channel}`);
        rows.set(`${channel}|${chatId}`, list);
      },
      async get(channel, chatId) {
        calls.push(`get ${channel}`);
        return rows.get(`${channel}|${chatId}`);
      },
    };
    const { c: before } = choices({ now: () => 1000 }, store);
    await before.remember('x', buttons);
    expect(rows.get('wechat|x')).toEqual({ data: ['a', 'b', 'c'], sentAt: 1000 });
    const { c: after } = choices({ now: () => 1000 + 5 * HOUR }, store);
    expect(await after.resolve('x', '（3）')).toBe('c');
    // Ordinary text never costs a lookup.
    expect(await after.resolve('x', '楼下垃圾没人收')).toBeUndefined();
    expect(calls).toEqual(['put wechat', 'get wechat']);
  });

  it('ignores a stored list that is not a list of strings', async () => {
    const store: ChoiceStore = {
      put: async () => {},
      get: async () => ({ data: [42, null] as unknown as string[], sentAt: 0 }),
    };
    const { c } = choices({ now: () => 0 }, store);
    expect([await c.resolve('x', '1'), await c.resolve('x', '2')]).toEqual([undefined, undefined]);
  });

  it('a store that fails passes the reply on as text and logs a warning without chat ids, text or the error message', async () => {
    const chatId = 'wxid_resident_7788';
    const store: ChoiceStore = {
      put: async (_channel, id) => {
        throw Object.assign(new Error(`connection lost while writing ${id}`), { code: '57P01' });
      },
      get: async (_channel, id) => {
        throw new Error(`no such table for ${id}`);
      },
    };
    const { c, logger } = choices({}, store);
    // The message was delivered; keeping its list failed: nothing is thrown at the sender.
    await expect(c.remember(chatId, buttons)).resolves.toBeUndefined();
    expect(await c.resolve(chatId, '３')).toBeUndefined();
    expect(logger.lines).toHaveLength(2);
    const all = logger.lines.join('\n');
    expect(all).toContain('57P01');
    expect(all).toContain('"errName":"Error"');
    for (const secret of [chatId, '３', 'connection lost', 'no such table']) expect(all).not.toContain(secret);
  });
});
