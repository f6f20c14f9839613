/**
 * The store's numbered-choice lists (the WeChat adapter's ChoiceStore), as a contract on every
 * implementation (SQLite and PostgreSQL, test/helpers/stores.ts): one list per channel and chat,
 * replaced by the next, read back as written, kept across a restart and under concurrent writers.
 */
import { expect, it } from 'vitest';
import { usePostgres } from '../helpers/postgres.js';
import { describeStores } from '../helpers/stores.js';

usePostgres();

/** 2026-03-04 10:00 +08:00: beyond 32 bits, as every real time is. */
const AT = 1_772_589_600_000;
const RATING = ['rate:satisfied:20260304-0001', 'rate:neutral:20260304-0001', 'rate:unsatisfied:20260304-0001'];

describeStores('numbered choices', (t) => {
  it('reads back the list sent to a chat, exactly as written; a chat sent none has none', async () => {
    const repo = t.store.numberedChoices;
    expect(await repo.get('wechat', 'wxid_alice')).toBeUndefined();
    const odd = ['sv:12:3', '带"引号"和\\反斜杠', 'emoji 😀', ''];
    await repo.put('wechat', 'wxid_alice', { data: RATING, sentAt: AT });
    await repo.put('wechat', 'room:环卫所派单群', { data: odd, sentAt: AT + 1 });
    expect(await repo.get('wechat', 'wxid_alice')).toEqual({ data: RATING, sentAt: AT });
    expect(await repo.get('wechat', 'room:环卫所派单群')).toEqual({ data: odd, sentAt: AT + 1 });
  });

  it('keeps one list per channel and chat: a later list replaces the earlier one', async () => {
    const repo = t.store.numberedChoices;
    await repo.put('wechat', 'wxid_alice', { data: RATING, sentAt: AT });
    await repo.put('web', 'wxid_alice', { data: ['other-channel'], sentAt: AT });
    await repo.put('wechat', 'wxid_bob', { data: ['bob'], sentAt: AT });
    await repo.put('wechat', 'wxid_alice', { data: ['confirm:yes'], sentAt: AT + 60_000 });
    expect(await repo.get('wechat', 'wxid_alice')).toEqual({ data: ['confirm:yes'], sentAt: AT + 60_000 });
    expect(await repo.get('web', 'wxid_alice')).toEqual({ data: ['other-channel'], sentAt: AT });
    expect(await repo.get('wechat', 'wxid_bob')).toEqual({ data: ['bob'], sentAt: AT });
  });

  it('keeps the list across a restart, and a write inside a rolled-back transaction is undone', async () => {
    await t.store.numberedChoices.put('wechat', 'wxid_alice', { data: RATING, sentAt: AT });
    await expect(
      t.store.transaction(async (tx) => {
        await tx.numberedChoices.put('wechat', 'wxid_alice', { data: ['lost'], sentAt: AT + 1 });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    const reopened = await t.reopen();
    expect(await reopened.numberedChoices.get('wechat', 'wxid_alice')).toEqual({ data: RATING, sentAt: AT });
  });

  it('takes concurrent lists for one chat from two processes without a conflict; one of them stands', async () => {
    const other = await t.another();
    const lists = Array.from({ length: 10 }, (_, i) => ({ data: [`list-${i}`], sentAt: AT + i }));
    await Promise.all(lists.map((l, i) => (i % 2 ? other : t.store).numberedChoices.put('wechat', 'wxid_alice', l)));
    const stood = await t.store.numberedChoices.get('wechat', 'wxid_alice');
    expect(lists).toContainEqual(stood);
    expect(await other.numberedChoices.get('wechat', 'wxid_alice')).toEqual(stood);
  });
});
