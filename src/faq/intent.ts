/**
 * What a question asks, apart from what it is about: two questions on one topic ("爱卫办在哪",
 * "爱卫办几点上班", "爱卫办电话多少") differ only in their ask, and an opt-out ("别再给我发短信")
 * shares every content word with the opt-in it reverses. Asks are read from marks in the text
 * (question words, negated verbs), so they carry over to any pack: an entry's asks are those of
 * its question and variants, never of its answer.
 */

/** Bit flags of the specific asks a text makes. */
export const ASK = {
  price: 1,
  fine: 2,
  time: 4,
  place: 8,
  who: 16,
  contact: 32,
  define: 64,
  subsidy: 128,
  progress: 256,
  human: 512,
} as const;

/** Which way a request goes: turning something on (subscribe, book) or off (cancel, withdraw). */
export const POLARITY = { start: 1, stop: 2 } as const;

const ASKS: ReadonlyArray<[number, RegExp]> = [
  [ASK.price, /多少钱|几块钱|几元|收费|收不收费|要钱|花钱|付费|价格|价钱|费用|免费|\b(how much|costs?|prices?|fees?|charges?)\b/],
  [ASK.fine, /罚款|罚多少|处罚|罚钱|被罚|会罚|罚不罚|\b(fines?|fined|penalty|penalties)\b/],
  [
    ASK.time,
    /几点|什么时候|啥时候|何时|多久|多长时间|(?<![好这那前过头])几天|哪天|几号|哪一天|几月|上班|下班|开门|关门|营业时间|办公时间|\b(what time|when|how long|hours?)\b/,
  ],
  [ASK.place, /在哪|去哪|哪里|哪儿|搁哪|上哪|哪旮旯|什么地方|啥地方|哪个地方|地址|地点|\b(where|located|address)\b/],
  [ASK.who, /找谁|谁管|谁负责|归谁|谁来|是谁|由谁|谁(扫|修|清|收|拉|运|赔|处理|弄)|哪个部门|什么部门|哪个单位|\bwho\b/],
  [ASK.contact, /电话|号码|热线|联系方式|怎么联系|\b(phone|hotline|call|contact|number)\b/],
  [ASK.define, /是什么意思|什么意思|啥意思|是什么|是啥|指什么|\b(what is|what's|what does|mean|meaning)\b/],
  [ASK.subsidy, /补贴|补助|奖励|奖金|\b(subsid(y|ies)|grants?|rewards?)\b/],
  [
    ASK.progress,
    /进度|进展|到哪了|到哪一步|哪一步|怎么样了|咋样了|(啥|什么)情况了|有结果|没结果|没动静|没消息|没回音|没人管|没人理|没人来|还没(处理|解决|弄|办|来)|\b(progress|status|any news|update on)\b/,
  ],
  [ASK.human, /人工|真人|活人|转人|客服|工作人员|\b(human|real person|agent|operator)\b/],
];

// 发/推/收 only as sending and receiving: not 别再发生 (never again), 不收费 (free), 不收垃圾 (not collected).
const STOP =
  /取消|关闭|关掉|关了|停止|停掉|停用|暂停|退订|退掉|撤回|撤销|注销|屏蔽|拒收|不需要了|不用了|不想(要|弄|搞|办|做)了|(能|可以|怎么|咋|想)(退|关)(吗|掉|了|$)|(不想|不要|别|不)(再|老|总|老是|总是|天天)?(给(我|俺|咱|我们))?(发(?!生|现|展|烧|票|霉|臭)|推(?!荐|广|迟)|收(?!费|钱|拾|集|运|走|垃圾)|提醒|通知|打扰)|\b(stop|cancel|unsubscribe|withdraw|turn off|opt out|no longer|don't want)\b/;
const START = /开通|开启|打开|订阅|关注|预约|报名|申请|办理|想收到|恢复|\b(subscribe|turn on|sign up|book|register|apply|enable)\b/;

/**
 * Marks an answer giving each kind of fact leaves (a price has 元, a contact has digits, a time has
 * hours or days). Kinds whose answers leave no reliable mark (a definition, progress, a person to
 * talk to) are not listed.
 */
const GIVES: ReadonlyArray<[number, RegExp]> = [
  [ASK.price, /元|钱|费|价|免费|收费/],
  [ASK.fine, /罚|元/],
  [ASK.contact, /[0-9]{3,}|电话|热线|拨打/],
  [ASK.subsidy, /补|奖|元|积分/],
  [ASK.who, /负责|主管|管理|由|归|找/],
  [ASK.place, /路|街|号|楼|室|院|旁|对面|附近|位于|地址|中心|大厅|窗口|网点/],
  [
    ASK.time,
    /[0-9一二三四五六七八九十两半每](点|时|天|小时|分钟|周|个月|月|年|日)|早上|晚上|上午|下午|凌晨|夜间|每天|每周|全天|工作日|周[一二三四五六日末]|时段|当天|立即|马上/,
  ],
];

/** The asks of `asks` (bits) that an entry's text shows marks of giving. */
export function asksGiven(asks: number, text: string): number {
  let mask = 0;
  for (const [bit, re] of GIVES) if ((asks & bit) !== 0 && re.test(text)) mask |= bit;
  return mask;
}

/** The specific asks of a (normalised) text, as {@link ASK} bits. */
export function asksOf(text: string): number {
  let mask = 0;
  for (const [bit, re] of ASKS) if (re.test(text)) mask |= bit;
  return mask;
}

/** The direction of a (normalised) request, as one {@link POLARITY} bit or 0: a stop mark wins. */
export function polarityOf(text: string): number {
  if (STOP.test(text)) return POLARITY.stop;
  return START.test(text) ? POLARITY.start : 0;
}

/**
 * The directions an entry's wording offers, each alternative on its own: "怎么订阅或退订" goes both
 * ways, where {@link polarityOf} reads a whole question one way ("预约的清运怎么取消" cancels).
 */
export function polaritiesOf(text: string): number {
  let bits = 0;
  for (const part of text.split(/或者|或是|或|还是|[、/]/)) bits |= polarityOf(part);
  return bits;
}

/** How a question's asks meet an entry's: shared, clashing (both specific, none shared), polarity reversed. */
export function intentMatch(
  q: { asks: number; polarity: number },
  e: { asks: number; polarity: number },
): { agree: number; clash: number; reverse: number } {
  // A shared direction agrees as a shared ask does ("短信能退订吗" and "怎么关闭短信提醒").
  const agree = (q.asks & e.asks) !== 0 || (q.polarity & e.polarity) !== 0 ? 1 : 0;
  const clash = q.asks !== 0 && e.asks !== 0 && agree === 0 ? 1 : 0;
  // An entry asked both ways (its variants mix) reverses nothing.
  const reverse = q.polarity !== 0 && e.polarity !== 0 && (q.polarity & e.polarity) === 0 ? 1 : 0;
  return { agree, clash, reverse };
}
