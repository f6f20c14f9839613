'use strict';
(function () {
  const { api, el, time, dueCell, badge, EVENTS, REJECT, RATING, CHANNELS, tick } = WC;
  const root = document.getElementById('ticket');
  const number = document.body.dataset.number;
  const base = '/console/api/tickets/' + encodeURIComponent(number);
  let me;
  let flash = null;

  const ACTIONS = {
    accept: { label: '接单', cls: 'primary' },
    reply: { label: '回复居民' },
    transfer: { label: '转办' },
    resolve: { label: '办结', cls: 'primary' },
    reject: { label: '退回', cls: 'danger' },
    reopen: { label: '重新办理' },
    dispatch: { label: '人工分派', cls: 'primary' },
  };
  const DONE = { accept: '已接单', reply: '已回复居民', transfer: '已转办', resolve: '已办结，已请居民评价', reject: '已退回', reopen: '已重新办理', dispatch: '已分派' };

  function fact(name, value) {
    return el('div', {}, [el('dt', { text: name }), el('dd', {}, value)]);
  }

  function options(select, items, blank) {
    if (blank) select.append(el('option', { value: '', text: blank }));
    for (const it of items) select.append(el('option', { value: it.id, text: it.name }));
    return select;
  }

  function readFile(file) {
    return new Promise((resolve, reject) => {
      const r = new FileReader();
      r.onload = () => resolve(String(r.result));
      r.onerror = () => reject(new Error('读取照片失败'));
      r.readAsDataURL(file);
    });
  }

  function actionForm(type, t) {
    const area = (name, label, required) => el('label', {}, [label, el('textarea', { name, required })]);
    const fields = {
      accept: () => [area('note', '备注（可不填）', false)],
      reply: () => [area('text', '回复内容（将发送给居民）', true)],
      transfer: () => [
        el('label', {}, ['转至单位', options(el('select', { name: 'toUnitId', required: true }), me.units.filter((u) => u.id !== t.unitId), '请选择单位')]),
        area('reason', '转办理由', true),
      ],
      resolve: () => [
        area('note', '办理结果（将发送给居民）', true),
        el('label', {}, ['现场照片（可选）', el('input', { type: 'file', name: 'photo', accept: 'image/jpeg,image/png,image/webp' })]),
      ],
      reject: () => [
        el('label', {}, ['退回原因', options(el('select', { name: 'reasonKind', required: true }), me.rejectReasons.map((k) => ({ id: k, name: REJECT[k] || k })), '请选择')]),
        area('note', '说明（将发送给居民）', true),
      ],
      reopen: () => [area('reason', '重新办理原因', true)],
      dispatch: () => [
        el('label', {}, ['问题类别', options(el('select', { name: 'categoryId', required: true }), me.categories, '请选择类别')]),
        el('label', {}, ['承办单位', options(el('select', { name: 'unitId' }), me.units, '按类别和区域自动确定')]),
        area('reason', '分派说明（可不填）', false),
      ],
    }[type]();
    const form = el('form', { 'data-form': type }, [
      ...fields,
      el('div', { class: 'row' }, [
        el('button', { type: 'button', class: 'link', text: '取消', onclick: () => form.remove() }),
        el('button', { type: 'submit', class: ACTIONS[type].cls || 'primary', text: '确认' + ACTIONS[type].label }),
      ]),
    ]);
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const submit = form.querySelector('button[type=submit]');
      submit.disabled = true;
      const body = { type };
      for (const input of form.querySelectorAll('textarea, select')) if (input.value.trim()) body[input.name] = input.value.trim();
      try {
        const file = form.elements.photo && form.elements.photo.files[0];
        if (file) body.photo = await readFile(file);
        await api(base + '/actions', { method: 'POST', body });
        flash = { ok: true, text: DONE[type] };
        await load();
      } catch (e) {
        submit.disabled = false;
        let msg = form.querySelector('.error');
        if (!msg) form.prepend((msg = el('p', { class: 'error' })));
        msg.textContent = e.message;
      }
    });
    return form;
  }

  function describe(e) {
    const d = e.data || {};
    const unit = (id) => (me.units.find((u) => u.id === id) || { name: id }).name;
    const bits = [];
    if (e.type === 'assigned' && d.unit) bits.push('分派至 ' + unit(d.unit));
    if (e.type === 'transfer' && d.toUnitId) bits.push('转至 ' + unit(d.toUnitId));
    if (e.type === 'escalate' && d.toUnitId) bits.push('督办至 ' + unit(d.toUnitId));
    if (e.type === 'reject' && d.reasonKind) bits.push(REJECT[d.reasonKind] || d.reasonKind);
    if (e.type === 'close' && d.rating) bits.push('居民评价：' + (RATING[d.rating] || d.rating));
    if (e.type === 'categorize' && d.category) bits.push('类别：' + (me.categories.find((c) => c.id === d.category) || { name: d.category }).name);
    return bits.join('；');
  }

  function render(data) {
    const t = data.ticket;
    root.textContent = '';
    const left = el('div', {});
    const right = el('div', {});
    root.append(left, right);

    const head = el('section', { class: 'card' }, [
      el('div', { class: 'title' }, [el('h1', { text: '工单 ' + t.number }), badge(t.state), dueCell(t)]),
      el('dl', { class: 'facts' }, [
        fact('类别', t.categoryName || '未分类'),
        fact('区域', t.areaName || '未识别'),
        fact('承办单位', t.unitName),
        fact('反映人', t.resident ? t.resident.pseudonym : '—'),
        t.reporters > 1 ? fact('反映人数', '已有 ' + t.reporters + ' 位居民反映') : null,
        t.resident && t.resident.phone ? fact('电话', t.resident.phone) : null,
        fact('渠道', CHANNELS[t.channel] || t.channel),
        fact('受理时间', time(t.createdAt)),
        fact('接单时限', time(t.ackDueAt)),
        fact('办结时限', time(t.resolveDueAt)),
        t.acceptedAt ? fact('接单时间', time(t.acceptedAt)) : null,
        t.resolvedAt ? fact('办结时间', time(t.resolvedAt)) : null,
        t.rating ? fact('居民评价', RATING[t.rating] || t.rating) : null,
        t.lat !== null ? fact('坐标', t.lat.toFixed(5) + ', ' + t.lon.toFixed(5)) : null,
      ]),
      el('p', { class: 'report-text', text: t.text }),
    ]);
    left.append(head);

    if (data.photos.length) {
      left.append(el('section', { class: 'card' }, [
        el('h2', { text: '照片' }),
        el('div', { class: 'photos' }, data.photos.map((p) =>
          el('a', { href: p.url, target: '_blank' }, [el('img', { src: p.url, alt: p.source === 'office' ? '办结照片' : '居民照片' }), el('div', { class: 'tag', text: p.source === 'office' ? '办结照片' : '居民照片' })]))),
      ]));
    }
    left.append(el('section', { class: 'card map' }, [el('h2', { text: '位置' }), el('img', { src: base + '/map.svg?v=' + t.updatedAt, alt: '位置示意图' })]));

    const actions = el('section', { class: 'card actions' }, [el('h2', { text: '办理' })]);
    if (flash) {
      actions.append(el('div', { class: 'flash ' + (flash.ok ? 'ok' : 'err'), text: flash.text }));
      flash = null;
    }
    const buttons = el('div', { class: 'buttons' });
    for (const type of data.actions) {
      const a = ACTIONS[type];
      if (!a) continue;
      buttons.append(el('button', {
        type: 'button', class: a.cls, 'data-action': type, text: a.label,
        onclick: () => {
          for (const f of actions.querySelectorAll('form')) f.remove();
          const form = actionForm(type, t);
          actions.append(form);
          const first = form.querySelector('textarea, select');
          if (first) first.focus();
        },
      }));
    }
    actions.append(buttons);
    right.append(actions);

    right.append(el('section', { class: 'card' }, [
      el('h2', { text: '办理记录' }),
      el('ol', { class: 'history' }, data.events.map((e) => el('li', {}, [
        el('div', {}, [el('span', { class: 'what', text: EVENTS[e.type] || e.type }), ' ', e.toState && e.toState !== e.fromState ? badge(e.toState) : null]),
        el('div', { class: 'meta', text: time(e.at) + ' · ' + e.actor + (describe(e) ? ' · ' + describe(e) : '') }),
        e.note ? el('div', { class: 'note', text: e.note }) : null,
      ]))),
    ]));
    tick();
  }

  async function load() {
    try {
      render(await api(base));
    } catch (e) {
      root.textContent = '';
      const text = e.status === 403 ? '这件工单不属于本单位（可能已转办），无法查看。' : e.status === 404 ? '没有这件工单。' : e.message;
      root.append(el('section', { class: 'card' }, [el('p', { class: flash ? '' : 'error', text: flash ? flash.text + '。' + text : text }), el('a', { href: '/console', text: '返回列表' })]));
      flash = null;
    }
  }

  (async function init() {
    me = await api('/console/api/me');
    await load();
  })();
})();
