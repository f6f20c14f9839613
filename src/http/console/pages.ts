/**
 * The console's pages: server-rendered shells (the header names the signed-in staff member) whose
 * content the page scripts fetch from /console/api. No inline script or style and nothing from
 * other hosts, so the console works on a county office's LAN without internet access.
 * A page requested without a live session redirects to the login page.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { escapeHtml, hardened, sendPage } from '../html.js';
import type { ConsoleUser } from './auth.js';
import type { ConsoleContext } from './context.js';

const PUBLIC = new URL('./public/', import.meta.url);

const ASSETS: Record<string, string> = {
  'console.css': 'text/css; charset=utf-8',
  'console.js': 'text/javascript; charset=utf-8',
  'login.js': 'text/javascript; charset=utf-8',
  'list.js': 'text/javascript; charset=utf-8',
  'ticket.js': 'text/javascript; charset=utf-8',
  'summary.js': 'text/javascript; charset=utf-8',
  'faq.js': 'text/javascript; charset=utf-8',
};

const ROLE_NAMES: Record<string, string> = { officer: '经办人', supervisor: '督办', admin: '管理员' };

/** Only same-console paths are followed after login, never another host. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/console(\/[A-Za-z0-9/_.-]*)?(\?[^#\s]*)?$/.test(next) && !next.startsWith('//') ? next : '/console';
}

export const consolePageRoutes: FastifyPluginAsync<{ ctx: ConsoleContext }> = async (app, { ctx }) => {
  const assets = new Map<string, { body: Buffer; type: string }>();
  for (const [name, type] of Object.entries(ASSETS)) assets.set(name, { body: await readFile(new URL(name, PUBLIC)), type });
  const version = createHash('sha256')
    .update(Buffer.concat([...assets.values()].map((a) => a.body)))
    .digest('hex')
    .slice(0, 10);

  function page(title: string, script: string, body: string, user?: ConsoleUser, data: Record<string, string> = {}): string {
    const pack = ctx.pack();
    const unit = user ? (pack.units.find((u) => u.id === user.staff.unitId)?.name ?? user.staff.unitId) : '';
    const attrs = Object.entries({ tz: pack.city.timezone, ...data })
      .map(([k, v]) => ` data-${k}="${escapeHtml(v)}"`)
      .join('');
    const nav = user
      ? `<nav><a href="/console" data-nav="list">工单列表</a><a href="/console/summary" data-nav="summary">统计汇总</a>${ctx.faqAdmin ? '<a href="/console/faq" data-nav="faq">常见问题</a>' : ''}</nav>
      <div class="who"><span class="name">${escapeHtml(user.staff.name)}</span><span class="unit">${escapeHtml(unit)} · ${ROLE_NAMES[user.staff.role] ?? user.staff.role}</span><button type="button" id="logout" class="link">退出</button></div>`
      : '';
    return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · ${escapeHtml(pack.city.name)}办件工作台</title>
<link rel="stylesheet" href="/console/static/console.css?v=${version}">
</head>
<body${attrs}>
<header class="top"><a class="brand" href="/console"><span class="mark">卫城</span>${escapeHtml(pack.city.name)}办件工作台</a>${nav}</header>
<main id="app">${body}</main>
<script src="/console/static/console.js?v=${version}"></script>
<script src="/console/static/${script}?v=${version}"></script>
</body>
</html>`;
  }

  async function userOrRedirect(req: FastifyRequest, reply: FastifyReply): Promise<ConsoleUser | undefined> {
    const user = await ctx.auth.user(req);
    if (!user) {
      reply.redirect(`/console/login?next=${encodeURIComponent(safeNext(req.url))}`);
      return undefined;
    }
    return user;
  }

  app.get('/console/login', async (req, reply) => {
    if (await ctx.auth.user(req)) return reply.redirect(safeNext((req.query as Record<string, unknown>)['next']));
    const body = `<section class="login card">
  <h1>登录办件工作台</h1>
  <form id="login-form" autocomplete="on">
    <label>账号<input name="login" autocomplete="username" required autofocus></label>
    <label>密码<input name="password" type="password" autocomplete="current-password" required></label>
    <p class="error" id="login-error" role="alert" hidden></p>
    <button type="submit" class="primary">登录</button>
  </form>
  <p class="hint">账号由管理员用 <code>npm run -s cli -- staff add</code> 创建；忘记密码请联系管理员。</p>
</section>`;
    return sendPage(reply, page('登录', 'login.js', body));
  });

  app.get('/console', async (req, reply) => {
    const user = await userOrRedirect(req, reply);
    if (!user) return reply;
    const body = `<section class="toolbar card">
  <form id="filters" class="filters">
    <label>状态<select name="state"><option value="">全部</option><option value="open">待办（未办结）</option></select></label>
    <label>类别<select name="category"><option value="">全部</option><option value="none">未分类（待人工分派）</option></select></label>
    <label>区域<select name="area"><option value="">全部</option></select></label>
    <label class="unit-filter" hidden>单位<select name="unit"><option value="">全部</option></select></label>
    <label>从<input type="date" name="from"></label>
    <label>到<input type="date" name="to"></label>
    <label class="check"><input type="checkbox" name="overdue" value="1">仅看超时</label>
    <button type="submit" class="primary">筛选</button>
    <button type="reset" class="link">清除</button>
  </form>
</section>
<section class="card">
  <div class="list-head"><h1>工单</h1><span id="count" class="muted"></span></div>
  <table class="tickets"><thead><tr><th>编号</th><th>状态</th><th>类别</th><th>区域</th><th>承办单位</th><th>内容</th><th>反映人</th><th>受理时间</th><th>时限</th></tr></thead><tbody id="rows"><tr><td colspan="9" class="muted">加载中…</td></tr></tbody></table>
</section>`;
    return sendPage(reply, page('工单列表', 'list.js', body, user, { page: 'list' }));
  });

  app.get<{ Params: { number: string } }>('/console/tickets/:number', async (req, reply) => {
    const user = await userOrRedirect(req, reply);
    if (!user) return reply;
    const number = req.params.number;
    if (!/^\d{8}-\d{4,}$/.test(number)) return reply.callNotFound();
    const body = `<p class="back"><a href="/console">← 返回列表</a></p><div id="ticket" class="ticket-page"><p class="muted">加载中…</p></div>`;
    return sendPage(reply, page(`工单 ${number}`, 'ticket.js', body, user, { page: 'ticket', number }));
  });

  app.get('/console/summary', async (req, reply) => {
    const user = await userOrRedirect(req, reply);
    if (!user) return reply;
    const body = `<section class="toolbar card">
  <form id="period" class="filters">
    <label>从<input type="date" name="from" required></label>
    <label>到<input type="date" name="to" required></label>
    <button type="submit" class="primary">统计</button>
  </form>
</section>
<section class="card">
  <div class="list-head"><h1>各单位办理情况</h1><span id="period-label" class="muted"></span><a id="export" class="button" href="/console/api/summary.csv" download hidden>导出 CSV</a></div>
  <table class="summary"><thead><tr><th>单位</th><th>受理</th><th>按时接单</th><th>按时办结</th><th>办结</th><th>办结率</th><th>评价数</th><th>满意率</th></tr></thead><tbody id="rows"><tr><td colspan="8" class="muted">加载中…</td></tr></tbody></table>
  <p class="hint">满意率 =（满意 + 0.9 × 基本满意）÷ 已评价；按时接单：接单时间不晚于接单时限；按时办结：办结时间不晚于办结时限。按受理时间统计，归入工单当前的承办单位。</p>
</section>`;
    return sendPage(reply, page('统计汇总', 'summary.js', body, user, { page: 'summary' }));
  });

  if (ctx.faqAdmin) {
    app.get('/console/faq', async (req, reply) => {
      const user = await userOrRedirect(req, reply);
      if (!user) return reply;
      const editor = user.staff.role !== 'officer';
      const body = `<section class="card">
  <div class="list-head"><h1>机器人没答好的问题</h1><span id="count" class="muted"></span></div>
  <p class="hint">居民问了、机器人没有作答或居民点了“没帮助”的问法。把它加进意思相同的条目，机器人以后就能答上；已加入的问法不再列出。${editor ? '' : '经办人只能查看，修改请联系督办或管理员。'}</p>
  <table class="gaps"><thead><tr><th>居民的问法</th><th>次数</th><th>最近一次</th><th>加入条目</th></tr></thead><tbody id="gaps"><tr><td colspan="4" class="muted">加载中…</td></tr></tbody></table>
</section>
<section class="card">
  <h2>试一试</h2>
  <form id="try" class="filters"><label>问题<input name="text" required maxlength="2000" placeholder="输入居民可能的问法"></label><button type="submit" class="primary">试问</button></form>
  <div id="try-result" aria-live="polite"></div>
</section>`;
      return sendPage(reply, page('常见问题', 'faq.js', body, user, { page: 'faq', role: user.staff.role }));
    });
  }

  app.get('/console/', async (_req, reply) => reply.redirect('/console'));

  app.get<{ Params: { file: string } }>('/console/static/:file', async (req, reply) => {
    const asset = assets.get(req.params.file);
    if (!asset) return reply.callNotFound();
    return hardened(reply).header('cache-control', 'public, max-age=604800').type(asset.type).send(asset.body);
  });
};
