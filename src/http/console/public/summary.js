'use strict';
(function () {
  const { api, el } = WC;
  const form = document.getElementById('period');
  const rows = document.getElementById('rows');
  const label = document.getElementById('period-label');
  const exportLink = document.getElementById('export');
  const pct = (r) => (r === null ? '—' : (r * 100).toFixed(1) + '%');

  function row(u, cls) {
    return el('tr', { class: cls, 'data-unit': u.unitId }, [
      el('td', { text: u.unitName }),
      el('td', { text: String(u.received) }),
      el('td', { text: u.acceptedOnTime + '（' + pct(u.acceptedOnTimeRate) + '）' }),
      el('td', { text: u.resolvedOnTime + '（' + pct(u.resolvedOnTimeRate) + '）' }),
      el('td', { text: String(u.resolved) }),
      el('td', { text: pct(u.resolutionRate) }),
      el('td', { text: String(u.rated) }),
      el('td', { text: pct(u.satisfactionRate) }),
    ]);
  }

  async function load() {
    // Without dates the server picks this month up to today, in the city's time.
    const q = form.from.value && form.to.value ? new URLSearchParams({ from: form.from.value, to: form.to.value }) : new URLSearchParams();
    try {
      const s = await api('/console/api/summary?' + q);
      form.from.value = s.from;
      form.to.value = s.to;
      history.replaceState(null, '', '?' + new URLSearchParams({ from: s.from, to: s.to }));
      rows.textContent = '';
      for (const u of s.units) rows.append(row(u, u.received ? '' : 'muted'));
      rows.append(row(s.total, 'total'));
      label.textContent = s.from + ' 至 ' + s.to;
      // The period the table shows, not whatever is typed in the form but not yet submitted.
      exportLink.href = '/console/api/summary.csv?' + new URLSearchParams({ from: s.from, to: s.to });
      exportLink.hidden = false;
    } catch (e) {
      exportLink.hidden = true;
      rows.textContent = '';
      rows.append(el('tr', {}, el('td', { colspan: '8', class: 'error', text: e.message })));
    }
  }

  const q = new URLSearchParams(location.search);
  form.from.value = q.get('from') || '';
  form.to.value = q.get('to') || '';
  form.addEventListener('submit', (ev) => { ev.preventDefault(); load(); });
  load();
})();
