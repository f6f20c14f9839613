/*
 * Web chat page script. Plain ES2017 with no dependencies, so it runs as served in phone browsers
 * and WeChat's in-app browser. Messages go out by POST and come back by polling the session's
 * message log; every message carries a clientId so a retry after a network error is not a
 * second report.
 */
(function () {
  'use strict';

  var R = window.WeichengChat;
  var el = R.el;
  var uuid = R.uuid;
  var clock = R.clock;
  var bubble = R.bubble;
  var image = R.image;

  var API = '/chat/api';
  var MAX_PHOTO = 10 * 1024 * 1024;

  var log = byId('log');
  var empty = byId('empty');
  var statusBar = byId('status');
  var form = byId('composer');
  var input = byId('text');
  var sendButton = byId('send');
  var photoMenu = byId('photomenu');
  var pickButton = byId('pick');

  var lastId = 0;
  var seen = {};
  var pending = {};
  // Every clientId this page sent: its bubble is already on screen when the log returns it.
  var mine = {};
  var polling = false;
  var timer = 0;
  var fastUntil = 0;
  var loaded = false;
  var typingRow = null;
  var typingTimer = 0;

  function byId(id) {
    return document.getElementById(id);
  }

  function scrollDown() {
    log.scrollTop = log.scrollHeight;
  }

  function showStatus(text, kind) {
    statusBar.textContent = text;
    statusBar.className = 'status' + (kind === 'info' ? ' info' : '');
    statusBar.hidden = false;
  }

  function hideStatus() {
    statusBar.hidden = true;
  }

  // ---- rendering -------------------------------------------------------------------------------

  function appendRow(direction, content, at, isPending) {
    if (empty && empty.parentNode) empty.parentNode.removeChild(empty);
    var row = el('div', 'row ' + direction + (isPending ? ' pending' : ''));
    if (direction === 'out') {
      var avatar = el('img', 'avatar');
      avatar.src = '/chat/static/icon.svg';
      avatar.alt = '';
      row.appendChild(avatar);
    }
    var stack = el('div', 'stack');
    stack.appendChild(content);
    var meta = el('div', 'meta', isPending ? '发送中…' : clock(at));
    stack.appendChild(meta);
    row.appendChild(stack);
    if (typingRow && typingRow.parentNode && direction === 'out') log.insertBefore(row, typingRow);
    else log.appendChild(row);
    var imgs = row.querySelectorAll('img');
    for (var i = 0; i < imgs.length; i++) imgs[i].addEventListener('load', scrollDown);
    scrollDown();
    return row;
  }

  /** Choices the resident has moved past stay visible but can no longer be pressed. */
  function retireChips() {
    var chips = log.querySelectorAll('.chips .chip');
    for (var i = 0; i < chips.length; i++) chips[i].disabled = true;
  }

  function showTyping() {
    clearTimeout(typingTimer);
    if (!typingRow) {
      typingRow = el('div', 'row out typing-row');
      var avatar = el('img', 'avatar');
      avatar.src = '/chat/static/icon.svg';
      avatar.alt = '';
      typingRow.appendChild(avatar);
      var b = el('div', 'bubble typing');
      b.setAttribute('aria-label', '正在回复');
      b.appendChild(el('i'));
      b.appendChild(el('i'));
      b.appendChild(el('i'));
      typingRow.appendChild(b);
    }
    log.appendChild(typingRow);
    scrollDown();
    typingTimer = setTimeout(hideTyping, 10000);
  }

  function hideTyping() {
    clearTimeout(typingTimer);
    if (typingRow && typingRow.parentNode) typingRow.parentNode.removeChild(typingRow);
  }

  function render(m) {
    if (seen[m.id]) return;
    seen[m.id] = true;
    var p = m.payload || {};
    if (m.direction === 'in') {
      if (p.clientId && mine[p.clientId]) {
        if (pending[p.clientId]) confirmSent(pending[p.clientId], m.at);
        return;
      }
      if (p.kind === 'command' && p.command === 'start') return;
      retireChips();
      appendRow('in', R.inboundNode(p), m.at, false);
    } else {
      hideTyping();
      appendRow('out', R.outboundNode(p), m.at, false);
    }
  }

  // ---- sending ---------------------------------------------------------------------------------

  function setMeta(row, text, isError) {
    var meta = row.querySelector('.meta');
    meta.className = 'meta' + (isError ? ' error' : '');
    meta.textContent = text;
  }

  function confirmSent(p, at) {
    delete pending[p.clientId];
    if (!p.row) return;
    p.row.classList.remove('pending');
    setMeta(p.row, clock(at || Date.now()));
  }

  function failed(p, text, canRetry) {
    hideTyping();
    if (!p.row) {
      showStatus(text);
      return;
    }
    setMeta(p.row, text, true);
    if (canRetry) {
      var again = el('button', 'retry', '重新发送');
      again.type = 'button';
      again.addEventListener('click', function () {
        again.parentNode.removeChild(again);
        deliver(p);
      });
      p.row.querySelector('.meta').appendChild(again);
    } else {
      delete pending[p.clientId];
    }
  }

  function explain(status, isPhoto) {
    if (status === 401) return '会话已失效，请刷新页面后重试。';
    if (status === 400 || status === 413) return isPhoto ? '图片无法发送：只支持照片格式，且不超过 10MB。' : '消息无法发送，请检查内容后重试。';
    if (status === 503) return '服务正在启动或维护，请稍后重新发送。';
    return '发送失败，请稍后重新发送。';
  }

  function deliver(p) {
    if (p.row) setMeta(p.row, '发送中…');
    showTyping();
    var request = p.photo
      ? fetch(API + '/photos?clientId=' + encodeURIComponent(p.clientId), {
          method: 'POST',
          body: photoForm(p.photo),
          credentials: 'same-origin',
        })
      : fetch(API + '/messages', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(p.body),
          credentials: 'same-origin',
        });
    request.then(
      function (res) {
        if (res.status === 202) {
          confirmSent(p);
          fastUntil = Date.now() + 6000;
          poll();
          return;
        }
        failed(p, explain(res.status, !!p.photo), res.status >= 500 || res.status === 429);
      },
      function () {
        failed(p, '网络不通，消息未发送。', true);
      },
    );
  }

  function photoForm(photo) {
    var fd = new FormData();
    fd.append('photo', photo.blob, photo.name);
    return fd;
  }

  /** Sends one message; `node` is its bubble, or null for a silent one (the first greeting). */
  function send(body, node) {
    var clientId = uuid();
    body.clientId = clientId;
    var p = { clientId: clientId, body: body, row: null };
    if (node) {
      retireChips();
      p.row = appendRow('in', node, Date.now(), true);
    }
    pending[clientId] = p;
    mine[clientId] = true;
    deliver(p);
  }

  function sendText() {
    var text = input.value;
    if (!text.trim()) {
      input.focus();
      return;
    }
    input.value = '';
    autosize();
    send({ text: text }, bubble(text));
  }

  // ---- photos ----------------------------------------------------------------------------------

  function sendPhoto(file) {
    photoMenu.hidden = true;
    pickButton.setAttribute('aria-expanded', 'false');
    if (!file) return;
    if (file.type && !/^image\//.test(file.type)) {
      showStatus('只能发送图片。');
      return;
    }
    hideStatus();
    R.shrink(file).then(function (blob) {
      if (blob.size > MAX_PHOTO) {
        showStatus('图片超过 10MB，请换一张或降低拍摄分辨率。');
        return;
      }
      var clientId = uuid();
      var name = blob === file ? file.name || 'photo.jpg' : 'photo.jpg';
      var p = { clientId: clientId, photo: { blob: blob, name: name }, row: null };
      retireChips();
      p.row = appendRow('in', image(URL.createObjectURL(blob)), Date.now(), true);
      pending[clientId] = p;
      mine[clientId] = true;
      deliver(p);
    });
  }

  // ---- location --------------------------------------------------------------------------------

  function shareLocation() {
    if (!navigator.geolocation) {
      showStatus('您的浏览器不支持定位，请直接输入地址，例如“幸福路与人民街交叉口”。');
      return;
    }
    if (window.isSecureContext === false) {
      showStatus('当前页面不是 HTTPS 连接，浏览器不允许定位。请直接输入地址，例如“幸福路与人民街交叉口”。');
      return;
    }
    showStatus('正在获取您的位置…', 'info');
    navigator.geolocation.getCurrentPosition(
      function (pos) {
        hideStatus();
        var lat = Math.round(pos.coords.latitude * 1e6) / 1e6;
        var lon = Math.round(pos.coords.longitude * 1e6) / 1e6;
        send({ location: { lat: lat, lon: lon } }, bubble(R.locationText(lat, lon), 'loc'));
      },
      function (err) {
        if (err.code === 1) showStatus('未获得定位权限。请在浏览器或微信设置中允许定位，或直接输入地址。');
        else if (err.code === 3) showStatus('获取位置超时，请重试，或直接输入地址。');
        else showStatus('暂时无法获取位置，请到开阔处重试，或直接输入地址。');
      },
      { enableHighAccuracy: true, timeout: 15000, maximumAge: 30000 },
    );
  }

  // ---- polling ---------------------------------------------------------------------------------

  function schedule() {
    clearTimeout(timer);
    var delay = document.hidden ? 10000 : Date.now() < fastUntil ? 400 : 1500;
    timer = setTimeout(poll, delay);
  }

  function poll() {
    if (polling) return;
    polling = true;
    clearTimeout(timer);
    fetch(API + '/messages?after=' + lastId, { credentials: 'same-origin', cache: 'no-store' })
      .then(function (res) {
        if (res.status === 401) {
          showStatus('会话已失效，请刷新页面。');
          throw new Error('session');
        }
        if (!res.ok) throw new Error('http ' + res.status);
        return res.json();
      })
      .then(function (data) {
        data.messages.forEach(function (m) {
          render(m);
          if (m.id > lastId) lastId = m.id;
        });
        polling = false;
        if (statusBar.getAttribute('data-offline')) {
          statusBar.removeAttribute('data-offline');
          hideStatus();
        }
        if (data.more) return poll();
        if (!loaded) {
          loaded = true;
          // A first visit: ask the bot to introduce itself.
          if (lastId === 0) send({ text: '/start' }, null);
        }
        schedule();
      })
      .catch(function (err) {
        polling = false;
        if (err && err.message === 'session') return;
        if (!loaded && empty) empty.textContent = '暂时无法连接服务，正在重试…';
        else {
          showStatus('网络连接中断，正在重试…', 'info');
          statusBar.setAttribute('data-offline', '1');
        }
        clearTimeout(timer);
        timer = setTimeout(poll, 4000);
      });
  }

  // ---- wiring ----------------------------------------------------------------------------------

  function autosize() {
    input.style.height = 'auto';
    input.style.height = Math.min(input.scrollHeight + 2, 132) + 'px';
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    sendText();
  });
  input.addEventListener('input', autosize);
  input.addEventListener('keydown', function (e) {
    // On phones Enter makes a new line; on a keyboard it sends. Never while an IME is composing.
    var coarse = window.matchMedia && window.matchMedia('(pointer: coarse)').matches;
    if (e.key === 'Enter' && !e.shiftKey && !coarse && !e.isComposing && e.keyCode !== 229) {
      e.preventDefault();
      sendText();
    }
  });
  log.addEventListener('click', function (e) {
    var target = e.target;
    var chip = target && target.closest ? target.closest('.chip') : null;
    if (!chip || chip.disabled) return;
    if (chip.getAttribute('data-location')) {
      shareLocation();
      return;
    }
    var data = chip.getAttribute('data-button');
    if (data) send({ button: data, label: chip.textContent }, bubble(chip.textContent));
  });
  document.querySelectorAll('[data-quick-text]').forEach(function (b) {
    b.addEventListener('click', function () {
      var text = b.getAttribute('data-quick-text');
      send({ text: text }, bubble(text));
    });
  });
  pickButton.addEventListener('click', function () {
    photoMenu.hidden = !photoMenu.hidden;
    pickButton.setAttribute('aria-expanded', String(!photoMenu.hidden));
  });
  ['camera', 'album'].forEach(function (id) {
    var picker = byId(id);
    picker.addEventListener('change', function () {
      var file = picker.files && picker.files[0];
      picker.value = '';
      sendPhoto(file);
    });
  });
  byId('locate').addEventListener('click', shareLocation);
  document.addEventListener('visibilitychange', function () {
    if (!document.hidden) poll();
  });
  sendButton.disabled = false;
  poll();
})();
