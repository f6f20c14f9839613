import { describe, expect, it } from 'vitest';
import { ASK, asksGiven, asksOf, intentMatch, POLARITY, polaritiesOf, polarityOf } from '../../src/faq/intent.js';

describe('what a question asks', () => {
  it.each([
    ['办健康证要多少钱', ASK.price],
    ['乱扔烟头会罚款吗', ASK.fine],
    ['公厕几点开门', ASK.time],
    ['旧衣回收箱在哪里', ASK.place],
    ['转运站搁哪', ASK.place],
    ['路灯坏了找谁修', ASK.who],
    ['小区里的雪谁扫', ASK.who],
    ['门前的积雪由谁清', ASK.who],
    ['有没有咨询热线', ASK.contact],
    ['门前三包是什么意思', ASK.define],
    ['农村改厕有补贴吗', ASK.subsidy],
    ['how much does it cost', ASK.price],
    ['where is the office', ASK.place],
    ['我前天报的事弄到哪一步了', ASK.progress],
    ['报了三天了还没人来', ASK.progress],
    ['前天在这举报的 现在啥情况了', ASK.progress],
    ['能不能转人工', ASK.human],
  ])('reads the ask of "%s"', (text, bit) => {
    expect(asksOf(text) & bit).toBe(bit);
  });

  it('finds no specific ask in a plain how-to question, nor a time ask in a stated duration', () => {
    expect(asksOf('厨余垃圾怎么投放')).toBe(0);
    expect(asksOf('巷子里的路灯坏了好几天') & ASK.time).toBe(0);
    expect(asksOf('垃圾车要几天来一次') & ASK.time).toBe(ASK.time);
  });

  it('sees which asked-for facts an answer gives, by their marks', () => {
    expect(asksGiven(ASK.contact, '请拨打 12345 热线')).toBe(ASK.contact);
    expect(asksGiven(ASK.contact, '请到政务中心三楼办理')).toBe(0);
    expect(asksGiven(ASK.who | ASK.price, '由社区负责清运，不收费')).toBe(ASK.who | ASK.price);
    expect(asksGiven(ASK.define, '创卫是创建卫生城市的简称')).toBe(0);
  });

  it('reads turning off, by a verb or a negated one, and turning on', () => {
    expect(polarityOf('怎么关闭短信提醒')).toBe(POLARITY.stop);
    expect(polarityOf('别再给我发短信了')).toBe(POLARITY.stop);
    expect(polarityOf('不想再收到通知')).toBe(POLARITY.stop);
    expect(polarityOf('预约的清运怎么取消')).toBe(POLARITY.stop);
    expect(polarityOf('怎么开通短信提醒')).toBe(POLARITY.start);
    expect(polarityOf('how do i unsubscribe')).toBe(POLARITY.stop);
    expect(polarityOf('别给俺发消息了')).toBe(POLARITY.stop);
    expect(polarityOf('别老给我发消息了')).toBe(POLARITY.stop);
    expect(polarityOf('预约的灭蟑不想弄了')).toBe(POLARITY.stop);
    expect(polarityOf('推送太多了怎么关')).toBe(POLARITY.stop);
    expect(polarityOf('垃圾桶满了')).toBe(0);
  });

  it('reads an entry offering both ways as going both ways, each alternative on its own', () => {
    expect(polaritiesOf('怎么订阅或退订消息提醒')).toBe(POLARITY.start | POLARITY.stop);
    expect(polaritiesOf('预约的消杀想取消或者改时间怎么办')).toBe(POLARITY.stop);
    expect(polaritiesOf('怎么预约上门清运')).toBe(POLARITY.start);
  });

  it('does not read "never again", "free" or "not collected" as turning off', () => {
    expect(polarityOf('希望这种事别再发生')).toBe(0);
    expect(polarityOf('清运大件垃圾不收费吗')).toBe(0);
    expect(polarityOf('为什么三天不收垃圾')).toBe(0);
    expect(polarityOf('不想再收到推送')).toBe(POLARITY.stop);
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
