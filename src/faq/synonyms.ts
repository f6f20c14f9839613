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
  // Turning a service off, whatever the service: the direction itself is read by intent.ts.
  取消: ['关闭', '关掉', '停掉', '停止', '停用', '撤销', '撤回', '退掉'],
  开通: ['开启', '启用'],
  // Everyday verbs of a service, each against the word a notice would use.
  清运: ['拉走', '运走', '收走', '清走', '拖走', '上门收'],
  接种: ['打针', '打疫苗', '注射疫苗', '接种疫苗'],
  电话: ['号码', '热线', '联系电话', '联系方式'],
  时间: ['哪天', '哪一天', '几号', '哪一日'],
  短信: ['短消息', '手机短信', 'sms'],
  报警: ['110', '119', '120', '打电话报警'],
};
