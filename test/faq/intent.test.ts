import { describe, expect, it } from 'vitest';
import { ASK, asksOf, intentMatch, POLARITY, polarityOf } from '../../src/faq/intent.js';

describe('what a question asks', () => {
  it.each([
    ['办健康证要多少钱', ASK.price],
    ['乱扔烟头会罚款吗', ASK.fine],
    ['公厕几点开门', ASK.time],
    ['旧衣回收箱在哪里', ASK.place],
    ['路灯坏了找谁修', ASK.who],
    ['有没有咨询热线', ASK.contact],
    ['门前三包是什么意思', ASK.define],
    ['农村改厕有补贴吗', ASK.subsidy],
    ['how much does it cost', ASK.price],
    ['where is the office', ASK.place],
  ])('reads the ask of "%s"', (text, bit) => {
    expect(asksOf(text) & bit).toBe(bit);
  });

  it('finds no specific ask in a plain how-to question', () => {
    expect(asksOf('厨余垃圾怎么投放')).toBe(0);
  });

  it('reads turning off, by a verb or a negated one, and turning on', () => {
    expect(polarityOf('怎么关闭短信提醒')).toBe(POLARITY.stop);
    expect(polarityOf('别再给我发短信了')).toBe(POLARITY.stop);
    expect(polarityOf('不想再收到通知')).toBe(POLARITY.stop);
    expect(polarityOf('预约的清运怎么取消')).toBe(POLARITY.stop);
    expect(polarityOf('怎么开通短信提醒')).toBe(POLARITY.start);
    expect(polarityOf('how do i unsubscribe')).toBe(POLARITY.stop);
    expect(polarityOf('垃圾桶满了')).toBe(0);
  });

  it('tells agreeing, clashing and reversed asks apart', () => {
    const price = { asks: ASK.price, polarity: 0 };
    expect(intentMatch(price, { asks: ASK.price | ASK.time, polarity: 0 })).toEqual({ agree: 1, clash: 0, reverse: 0 });
    expect(intentMatch(price, { asks: ASK.place, polarity: 0 })).toEqual({ agree: 0, clash: 1, reverse: 0 });
    expect(intentMatch(price, { asks: 0, polarity: 0 })).toEqual({ agree: 0, clash: 0, reverse: 0 });
    const stop = { asks: 0, polarity: POLARITY.stop };
    expect(intentMatch(stop, { asks: 0, polarity: POLARITY.start }).reverse).toBe(1);
    expect(intentMatch(stop, { asks: 0, polarity: POLARITY.start | POLARITY.stop }).reverse).toBe(0);
    expect(intentMatch(stop, { asks: 0, polarity: POLARITY.stop }).agree).toBe(1);
  });
});
