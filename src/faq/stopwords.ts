/**
 * Question scaffolding: words that say "this is a question" or "please" but not what it is about.
 * They are dropped before matching so that "怎么" in a query does not pull in every entry that
 * also asks "怎么". Topic words never go here.
 */
const ZH = `
怎么 怎么样 怎样 怎么办 怎么弄 怎么搞 咋 咋办 咋弄 咋整 如何 请问 问一下 问问 想问 想知道 我想 请教 麻烦 您好 你好 谢谢
吗 呢 吧 啊 呀 嘛 么 呗 哦 嗯 啦 哈 哇 的 地 得 了 着 过 是 是不是 是否 有没有 有无 能不能 可不可以 会不会 要不要
什么 啥 哪 哪里 哪儿 哪些 哪个 哪种 哪家 为什么 为啥 干嘛 多少 几 几个
我 我们 我家 咱 咱们 你 你们 您 他 她 它 他们 大家 人家 自己
这 那 这个 那个 这些 那些 这种 那种 这样 那样 这里 那里 这儿 那儿 此
能 可以 会 要 应该 应当 该 得 需 需要 必须 想 打算 准备
别 别再 再也 不再 有 没 没有 在 和 与 及 跟 或 或者 还是 还 也 都 就 才 又 再 很 太 挺 比较 非常 特别 最 更 一直 总是 老是 经常
个 一 一下 一个 一些 一点 有点 点 些 种 样 下 上 里 中 内 外 到 去 来 给 让 被 把 对 对于 从 向 往 于 为 以 用
不要 不能 不会 不是 不行 不用 可能 还能 能否 行 行不行 可不可 有事 算 算是 算不算 属于 归 一类 哪一类 哪类 分别 到底 直接 一起 现在 目前 特别 好像 根本 其实 真的 已经 马上 随便 千万
根 条 张 件 辆 块 次 位 台 套 双 挂 遍
好 啥好 好办法 办法 方法 解决 处理办法 怎么处理 的话 时候 情况 问题 事 事情 东西 知道 告诉 说 讲 问 回答 帮 帮忙 帮我 一般
`;

const EN = `
what whats how where when why who whom which whose do does did done doing can could should would will shall may might must
i me my mine we us our you your yours he she it its they them their this that these those there here
is are was were be been being am have has had having get gets got a an the to of in on at for with from by about into
and or but if so then than as any some please tell know let want need like just also there's it's i'm
`;

export const STOP_WORDS: ReadonlySet<string> = new Set([...ZH.split(/\s+/), ...EN.split(/\s+/)].filter(Boolean));

/**
 * Generic actions and asks of a question ("how is it handled", "who is in charge"): they say a
 * little, so they count lightly rather than not at all. Topic words never go here.
 */
export const LIGHT_WORDS: ReadonlySet<string> = new Set(
  `处理 处置 管 管理 找 找谁 谁 谁管 归谁 负责 办 办理 弄 搞 放 放在 拿 送 交 收 解决 反应 联系 规定 要求 允许 可不可以 合法
  行为 人 有人 别人 地方 附近 旁边 门口 小区 家里 家 楼下 楼上 一直 天天 每天 经常 老 总 太 多 很多 好多 一些
  handle deal who whom responsible allowed place near someone people`
    .split(/\s+/)
    .filter(Boolean),
);
