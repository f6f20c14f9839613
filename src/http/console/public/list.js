'use strict';
(function () {
  const { api, el, time, dueCell, badge, STATES, tick } = WC;
  const form = document.getElementById('filters');
  const rows = document.getElementById('rows');
  const count = document.getElementById('count');
  const FIELDS = ['state', 'category', 'area', 'unit', 'from', 'to', 'overdue'];

  function fill(select, items) {
    for (const it of items) select.append(el('option', { value: it.id, text: it.name }));
  }

  function fromUrl() {
    const q = new URLSearchParams(location.search);
    for (const f of FIELDS) {
      const input = form.elements[f];
      if (!input) continue;
      if (input.type === 'checkbox') input.checked = q.get(f) === '1';
      else if (q.has(f)) input.value = q.get(f);
    }
  }

  function query() {
    const q = new URLSearchParams();
    for (const f of FIELDS) {
      const input = form.elements[f];
      if (!input) continue;
      if (input.type === 'checkbox') { if (input.checked) q.set(f, '1'); }
      else if (input.value) q.set(f, input.value);
    }
    return q;
  }

  async function load() {
    const q = query();
    history.replaceState(null, '', q.toString() ? '?' + q : location.pathname);
    try {
      const data = await api('/console/api/tickets?' + q);
      rows.textContent = '';
      if (data.tickets.length === 0) rows.append(el('tr', {}, el('td', { colspan: '9', class: 'muted', text: '没有符合条件的工单' })));
      for (const t of data.tickets) {
        const href = '/console/tickets/' + encodeURIComponent(t.number);
        rows.append(
          el('tr', { 'data-number': t.number, onclick: () => { location.href = href; } }, [
            el('td', { class: 'num' }, el('a', { href, text: t.number })),
            el('td', {}, badge(t.state)),
            el('td', { class: 'nowrap', text: t.categoryName || '未分类' }),
            el('td', { class: 'nowrap', text: t.areaName || '—' }),
            el('td', { class: 'nowrap', text: t.unitName }),
            el('td', { class: 'text', title: t.text, text: t.text }),
            el('td', { class: 'nowrap', text: (t.resident ? t.resident.pseudonym : '—') + (t.reporters > 1 ? '（共 ' + t.reporters + ' 人反映）' : '') }),
            el('td', { class: 'time', text: time(t.createdAt) }),
            el('td', {}, dueCell(t)),
          ]),
        );
      }
      count.textContent = '共 ' + data.tickets.length + ' 件' + (data.tickets.length >= 50 ? '（显示最新 50 件）' : '');
      tick();
    } catch (e) {
      rows.textContent = '';
      rows.append(el('tr', {}, el('td', { colspan: '9', class: 'error', text: e.message })));
    }
  }

  (async function init() {
    const me = await api('/console/api/me');
    fill(form.elements.state, me.states.map((s) => ({ id: s, name: STATES[s] || s })));
    fill(form.elements.category, me.categories);
    const depth = (a) => { let d = 0; for (let p = a.parent; p && d < 20; d++) p = (me.areas.find((x) => x.id === p) || {}).parent; return d; };
    fill(form.elements.area, me.areas.map((a) => ({ id: a.id, name: '\u3000'.repeat(depth(a)) + a.name })));
    if (me.seesAll) {
      form.querySelector('.unit-filter').hidden = false;
      fill(form.elements.unit, me.units);
    }
    fromUrl();
    form.addEventListener('submit', (ev) => { ev.preventDefault(); load(); });
    form.addEventListener('reset', () => setTimeout(load, 0));
    await load();
    setInterval(load, 60_000);
  })();
})();
