/**
 * Function words that carry no topic: they are dropped from word features so that a category's
 * examples do not win on shared filler ("的", "了", "the").
 */
const ZH = `的 了 着 过 在 是 我 你 他 她 它 我们 你们 他们 咱们 大家 这 那 这个 那个 这些 那些 这里 那里 这儿 那儿 这边 那边
有 有人 都 就 也 还 又 再 和 与 跟 及 或 把 被 让 给 对 从 向 到 很 太 挺 真 特别 非常 一个 一些 一下 一直 已经 还是
啊 吧 呢 吗 呀 哦 哈 嘛 么 啦 哎 唉 喂 嗯 里 上 下 中 前 后 边 旁边 人 个 些 点 得 地 之 而 但 但是 可是 因为 所以 如果
就是 还有 什么 怎么 可以 能 会 要 想 说 看 去 来 做 弄 搞 天天 每天 今天 昨天 现在 最近 一天 时候 东西 问题 情况 事 事情`;

const EN = `a an the and or but of to in on at by for from with without into onto is are was were be been being am do does did
i you he she it we they me us them my your our their this that these those there here not no yes so very too just also
can could would should will shall may might must have has had get got please hi hello hey thanks thank what how why when
where which who whom whose any some all about again still keep near`;

export const STOPWORDS: ReadonlySet<string> = new Set([...ZH.split(/\s+/), ...EN.split(/\s+/)].filter(Boolean));

/** Whether the word is a function word (or a single Latin letter / a number). */
export function isStopword(word: string): boolean {
  return STOPWORDS.has(word) || /^[a-z]$/.test(word) || /^\d+$/.test(word);
}
