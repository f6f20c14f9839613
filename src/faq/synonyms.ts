/**
 * Synonyms for questions about the service itself (the bot, tickets, follow-up), which a FAQ
 * is about more often than a report is. General everyday words live in src/text/synonyms.ts.
 */
export const FAQ_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  机器人: ['小程序', '公众号', '客服', '平台', '这个号', '智能助手', '助手', 'bot', 'chatbot'],
  创卫: ['创建卫生城市', '创建国家卫生城市', '创建国家卫生县城', '卫生城市', '国家卫生县城', '国卫'],
  评价: ['打分', '评分', '点评', '打星', '满意度'],
  办结: ['办完', '解决完', '处理完', '处理好', '搞定'],
  受理: ['接单', '接收', '立案'],
  提交: ['发过去', '发出去', '发给你', '递交'],
  重新处理: ['重新办理', '再处理', '重办', '返工', '重新派单'],
  查询: ['查看', '查一下', '查查', '看看'],
  工作人员: ['工作者', '办事人员'],
  个人信息: ['知道是我', '暴露身份', '泄露身份', '查到是我', '打击报复'],
  志愿者: ['志愿服务', '义工'],
  报警: ['110', '119', '120', '打电话报警'],
};
