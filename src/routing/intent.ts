/**
 * Is the message a report at all? Residents also ask how things work ("垃圾分几类？"), and such a
 * question mentions the same topic words a report does. An information-seeking question without
 * any sign of a problem has its category evidence scaled down (classifier.ts), so that only strong
 * evidence routes it.
 */
import { englishWords } from '../text/english.js';
import { normalize } from '../text/segment.js';

/** Words that ask for information. Rhetorical forms ("怎么办", "有没有人管") are removed first. */
const ASKING_ZH = ['什么时候', '什么', '怎么', '怎样', '如何', '哪里', '哪儿', '哪个', '哪些', '哪', '几', '多少', '为什么', '为啥', '是否', '能否', '可不可以', '能不能', '请问', '咨询'];
const RHETORICAL_ZH = ['怎么办', '怎么回事', '怎么搞的', '怎么还', '怎么又', '怎么能', '为什么没人', '为什么不', '有没有人管', '管不管', '几天', '几个月', '几年', '几次', '几家', '几辆', '几个', '几根', '几盏', '好几', '十几', '几十', '几百'];
const ASKING_EN = new Set(['how', 'what', 'when', 'where', 'which', 'why', 'who', 'can', 'could', 'does', 'do', 'is', 'are']);

/** Signs that the resident is describing a problem, not asking about a rule or service. */
const PROBLEM_ZH = ['没人', '坏', '堵', '臭', '吵', '乱', '脏', '满了', '受不了', '扰民', '严重', '危险', '投诉', '举报', '反映', '太多', '成群', '到处', '一直', '天天', '每天', '整夜', '半夜', '凌晨', '不停', '没有', '不管', '赶紧', '尽快', '!', '！'];
const PROBLEM_EN = new Set(['broken', 'dirty', 'noisy', 'loud', 'blocked', 'overflowing', 'smell', 'stink', 'every', 'always', 'again', 'still', 'complain', 'report', 'dangerous']);

export function isInformationQuestion(text: string): boolean {
  const t = normalize(text);
  let stripped = t;
  for (const r of RHETORICAL_ZH) stripped = stripped.split(r).join('，');
  const en = englishWords(t);
  const asksZh = ASKING_ZH.some((w) => stripped.includes(w));
  const asksEn = en.length > 0 && ASKING_EN.has(en[0] ?? '') && /\?\s*$/.test(t);
  if (!asksZh && !asksEn) return false;
  if (PROBLEM_ZH.some((w) => t.includes(w))) return false;
  if (en.some((w) => PROBLEM_EN.has(w))) return false;
  return true;
}
