// The FAQ page: what residents asked that the bot did not answer well, each with the entry it most
// resembles, so that staff add the wording to an entry's variants in one click; and a try-it box.
'use strict';
(function () {
  const { api, el, time } = WC;
  const canEdit = document.body.dataset.role === 'supervisor' || document.body.dataset.role === 'admin';
  const rows = document.getElementById('gaps');
  const count = document.getElementById('count');
  const tryForm = document.getElementById('try');
  const tryResult = document.getElementById('try-result');
  let entries = [];

  function options(selected) {
    const list = [el('option', { value: '', text: '选择条目…' })];
    for (const e of entries) list.push(el('option', { value: e.id, text: e.question, selected: e.id === selected }));
    return list;
  }

  function gapRow(g) {
    const select = el('select', { name: 'entry', 'aria-label': '加入哪个条目', disabled: !canEdit }, options(g.guess ? g.guess.id : ''));
    const status = el('span', { class: 'status muted' });
    const button = el('button', { type: 'button', class: 'primary', text: '加入说法', disabled: !canEdit });
    const tr = el('tr', { 'data-key': g.key }, [
      el('td', { class: 'question', text: g.question }),
      el('td', { text: g.count + ' 次' + (g.unhelpful ? '（没帮助 ' + g.unhelpful + '）' : '') }),
      el('td', { text: time(g.lastAt) }),
      el('td', { class: 'add' }, [select, button, status]),
    ]);
    button.addEventListener('click', async () => {
      if (!select.value) { status.textContent = '请先选择条目'; return; }
      button.disabled = true;
      status.textContent = '保存中…';
      try {
        const saved = await api('/console/api/admin/faq/' + encodeURIComponent(select.value) + '/variants', { method: 'POST', body: { text: g.question } });
        tr.classList.add('done');
        select.disabled = true;
        status.textContent = '已加入「' + saved.question + '」';
      } catch (e) {
        button.disabled = false;
        status.textContent = e.message;
        status.className = 'status error';
      }
    });
    return tr;
  }

  async function load() {
    try {
      const [list, gaps] = await Promise.all([api('/console/api/admin/faq'), api('/console/api/admin/faq/gaps')]);
      entries = list.entries;
      rows.textContent = '';
      for (const g of gaps.gaps) rows.append(gapRow(g));
      if (gaps.gaps.length === 0) rows.append(el('tr', {}, el('td', { colspan: '4', class: 'muted', text: '暂时没有待补充的问题。' })));
      count.textContent = gaps.gaps.length + ' 个问法';
    } catch (e) {
      rows.textContent = '';
      rows.append(el('tr', {}, el('td', { colspan: '4', class: 'error', text: e.message })));
    }
  }

  tryForm.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    tryResult.textContent = '';
    try {
      const r = await api('/console/api/admin/faq/test', { method: 'POST', body: { text: tryForm.text.value } });
      const parts = [];
      if (r.answer) parts.push(el('p', {}, [el('strong', { text: '回答：' }), r.answer.question]), el('p', { class: 'answer', text: r.answer.answer }));
      else parts.push(el('p', { class: 'muted', text: '不作答（没有足够把握）。' }));
      if (r.suggestions.length) parts.push(el('p', { class: 'muted', text: '你是不是想问：' + r.suggestions.map((s) => s.question).join('；') }));
      tryResult.append(...parts);
    } catch (e) {
      tryResult.append(el('p', { class: 'error', text: e.message }));
    }
  });

  load();
})();
