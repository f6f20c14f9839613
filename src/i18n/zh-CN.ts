/**
 * zh-CN catalogue: every user-facing string of the product in Chinese. `en.ts` mirrors it key for
 * key (the type checker enforces that).
 */
export const zhCN = {
  language: '中文',
  conversation: {
    expired: '上次的对话超过 30 分钟没有继续，已为您结束。有需要请重新开始。',
    error: '抱歉，系统处理您的消息时出了点问题，请稍后再试。您之前提交的反映不会丢失。',
    photoFailed: '抱歉，图片没有接收成功，请重新发送一次。',
  },
  ticket: {
    created: (p: { number: string; unit: string; ackDue: string; resolveDue: string }) =>
      `已受理您的反映，工单号 ${p.number}。\n承办单位：${p.unit}\n接单时限：${p.ackDue} 前\n办结时限：${p.resolveDue} 前\n发送“查询 ${p.number}”可随时查看进度。`,
    accepted: (p: { number: string; unit: string }) => `工单 ${p.number} 已由${p.unit}接单，正在处理。`,
    reply: (p: { number: string; unit: string; text: string }) => `工单 ${p.number} ${p.unit}回复：${p.text}`,
    transferred: (p: { number: string; unit: string }) => `工单 ${p.number} 已转交${p.unit}办理。`,
    resolved: (p: { number: string; unit: string; note: string }) =>
      `工单 ${p.number} 已由${p.unit}办结：${p.note}\n请对处理结果评价：`,
    rejected: (p: { number: string; reason: string }) => `工单 ${p.number} 未予受理：${p.reason}`,
    reopened: (p: { number: string; unit: string }) => `工单 ${p.number} 已重新交${p.unit}办理。`,
    closed: (p: { number: string }) => `工单 ${p.number} 已办结归档，感谢您的反映！`,
    rejectReasons: { duplicate: '重复反映', not_ours: '不属于本平台受理范围', invalid: '信息无效或无法核实' },
    states: {
      submitted: '已提交',
      assigned: '待接单',
      accepted: '处理中',
      resolved: '已办结（待评价）',
      closed: '已关闭',
      transferred: '已转办',
      reopened: '重新办理',
      escalated: '督办中',
      rejected: '未受理',
    },
  },
  rating: { satisfied: '满意', basic: '基本满意', unsatisfied: '不满意' },
  dateTime: (d: { month: number; day: number; hh: string; mm: string; weekday: number }) =>
    `${d.month}月${d.day}日（周${'日一二三四五六'[d.weekday]}）${d.hh}:${d.mm}`,
};

export type Messages = typeof zhCN;
