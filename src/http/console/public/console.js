// Shared helpers of the console pages: API calls, labels, times in the city's zone, countdowns.
'use strict';
(function () {
  const tz = document.body.dataset.tz || 'Asia/Shanghai';
  let offset = 0; // server clock minus browser clock

  const STATES = {
    submitted: '待分派', assigned: '待接单', accepted: '办理中', resolved: '已办结', closed: '已关闭',
    transferred: '转办待接单', reopened: '重新办理', escalated: '已督办', rejected: '已退回',
  };
  const EVENTS = {
    created: '居民反映', assigned: '分派', assign: '分派', accept: '接单', transfer: '转办', resolve: '办结',
    reject: '退回', escalate: '督办', close: '关闭', reopen: '重新办理', reply: '回复居民', categorize: '人工分类',
    remind: '时限提醒', follow: '居民关注', comment: '居民补充',
  };
  const REJECT = { duplicate: '重复反映', not_ours: '不属本单位职责', invalid: '无效或无法核实' };
  const RATING = { satisfied: '满意', neutral: '基本满意', unsatisfied: '不满意' };
  const CHANNELS = { telegram: 'Telegram', wechat: '微信', web: '网页', wecom: '企业微信' };

  function loginUrl() {
    return '/console/login?next=' + encodeURIComponent(location.pathname + location.search);
  }

  async function api(path, options) {
    const o = options || {};
    const init = { method: o.method || 'GET', credentials: 'same-origin', headers: {} };
    if (o.body !== undefined) {
      init.headers['content-type'] = 'application/json';
      init.body = JSON.stringify(o.body);
    }
    const res = await fetch(path, init);
    if (res.status === 401 && !o.noRedirect) {
      location.href = loginUrl();
      throw new Error('请重新登录');
    }
    const data = res.status === 204 ? null : await res.json().catch(() => null);
    if (!res.ok) {
      const err = new Error((data && data.error && data.error.message) || '请求失败（' + res.status + '）');
      err.status = res.status;
      err.code = data && data.error && data.error.code;
      throw err;
    }
    if (data && typeof data.now === 'number') offset = data.now - Date.now();
    return data;
  }

  const parts = (ms) => {
    const f = new Intl.DateTimeFormat('zh-CN', {
      timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    }).formatToParts(new Date(ms));
    const p = {};
    for (const x of f) p[x.type] = x.value;
    return p;
  };
  function time(ms) {
    if (ms === null || ms === undefined) return '—';
    const p = parts(ms);
    return p.year + '-' + p.month + '-' + p.day + ' ' + p.hour + ':' + p.minute;
  }
  function today() {
    const p = parts(now());
    return p.year + '-' + p.month + '-' + p.day;
  }
  function now() {
    return Date.now() + offset;
  }

  function span(ms) {
    let s = Math.floor(Math.abs(ms) / 1000);
    const d = Math.floor(s / 86400); s -= d * 86400;
    const h = Math.floor(s / 3600); s -= h * 3600;
    const m = Math.floor(s / 60); s -= m * 60;
    const pad = (n) => String(n).padStart(2, '0');
    return (d ? d + '天' : '') + (d || h ? h + '小时' : '') + pad(m) + '分' + pad(s) + '秒';
  }

  // Every element with data-due (ms) and data-kind shows a countdown that moves each second.
  function tick() {
    const t = now();
    for (const el of document.querySelectorAll('[data-due]')) {
      const left = Number(el.dataset.due) - t;
      const kind = el.dataset.kind === 'ack' ? '接单' : '办结';
      el.classList.toggle('late', left < 0);
      el.classList.toggle('soon', left >= 0 && left < 2 * 3600 * 1000);
      el.textContent = '';
      const k = document.createElement('span');
      k.className = 'kind';
      k.textContent = kind;
      el.append(k, left < 0 ? '已超时 ' + span(left) : '剩余 ' + span(left));
    }
  }
  setInterval(tick, 1000);

  function el(tag, attrs, children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k === 'text') e.textContent = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else if (k.startsWith('data-')) e.setAttribute(k, v);
      else if (k in e && typeof v !== 'string') e[k] = v;
      else e.setAttribute(k, v === true ? '' : v);
    }
    for (const c of [].concat(children || [])) if (c !== null && c !== undefined && c !== false) e.append(c);
    return e;
  }

  function dueCell(t) {
    if (!t.due) return el('span', { class: 'muted', text: t.state === 'rejected' ? '—' : '已完成' });
    return el('span', { class: 'due', 'data-due': String(t.due.at), 'data-kind': t.due.kind, title: (t.due.kind === 'ack' ? '接单时限 ' : '办结时限 ') + time(t.due.at) });
  }

  function badge(state) {
    return el('span', { class: 'badge ' + state, text: STATES[state] || state });
  }

  const logout = document.getElementById('logout');
  if (logout) {
    logout.addEventListener('click', async () => {
      await api('/console/api/logout', { method: 'POST', noRedirect: true }).catch(() => {});
      location.href = '/console/login';
    });
  }
  const page = document.body.dataset.page;
  for (const a of document.querySelectorAll('header nav a')) a.classList.toggle('active', a.dataset.nav === page);

  window.WC = { api, time, today, now, tick, el, dueCell, badge, STATES, EVENTS, REJECT, RATING, CHANNELS };
})();
