/*
 * Web chat page: how messages look. Builds the DOM for bubbles, photos and the bot's chips from
 * the message payloads the server stores, with textContent only (never HTML from a message).
 * Plain ES2017, shared with chat.js through window.WeichengChat.
 */
(function () {
  'use strict';

  var SHRINK_ABOVE = 1.5 * 1024 * 1024;
  var SHRINK_TO = 1920;

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  /** RFC 4122 version 4; crypto.randomUUID exists only on HTTPS pages. */
  function uuid() {
    if (window.crypto && typeof window.crypto.randomUUID === 'function') return window.crypto.randomUUID();
    var b = new Uint8Array(16);
    window.crypto.getRandomValues(b);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) {
      return (x + 0x100).toString(16).slice(1);
    }).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }

  function clock(ms) {
    var d = new Date(ms);
    return ('0' + d.getHours()).slice(-2) + ':' + ('0' + d.getMinutes()).slice(-2);
  }

  var TICKET = /\d{8}-\d{4,}/g;

  /** Text bubble; ticket numbers never break across lines (the hyphen invites the browser to). */
  function bubble(text, cls) {
    var b = el('div', 'bubble' + (cls ? ' ' + cls : ''));
    var s = String(text);
    var at = 0;
    var m;
    TICKET.lastIndex = 0;
    while ((m = TICKET.exec(s))) {
      if (m.index > at) b.appendChild(document.createTextNode(s.slice(at, m.index)));
      b.appendChild(el('span', 'nowrap', m[0]));
      at = m.index + m[0].length;
    }
    if (at < s.length) b.appendChild(document.createTextNode(s.slice(at)));
    return b;
  }

  function image(src, caption) {
    var b = el('div', 'bubble photo');
    var img = el('img');
    img.alt = '图片';
    img.src = src;
    b.appendChild(img);
    if (caption) b.appendChild(el('div', 'caption', caption));
    return b;
  }

  function mediaUrl(path) {
    return /^https?:\/\//.test(path) ? path : '/chat/media/' + path;
  }

  function locationText(lat, lon) {
    return '我的位置\n' + Number(lat).toFixed(5) + ', ' + Number(lon).toFixed(5);
  }

  function inboundNode(p) {
    switch (p.kind) {
      case 'text':
        return bubble(p.text);
      case 'command':
        return bubble('/' + p.command + (p.args ? ' ' + p.args : ''));
      case 'button':
        return bubble(p.label || p.data);
      case 'location':
        return bubble(locationText(p.lat, p.lon), 'loc');
      case 'photo':
        return image(mediaUrl(p.path));
      default:
        return bubble('[消息]');
    }
  }

  function chipsFor(p) {
    var box = el('div', 'chips');
    if (p.requestLocation) {
      var loc = el('button', 'chip loc', '发送我的位置');
      loc.type = 'button';
      loc.setAttribute('data-location', '1');
      box.appendChild(loc);
    }
    var rows = p.buttons || [];
    rows.forEach(function (r) {
      r.forEach(function (b) {
        var chip = el('button', 'chip', b.label);
        chip.type = 'button';
        chip.setAttribute('data-button', b.data);
        box.appendChild(chip);
      });
    });
    return box.childNodes.length ? box : null;
  }

  function outboundNode(p) {
    var wrap = document.createDocumentFragment();
    if (p.kind === 'photo') wrap.appendChild(image(mediaUrl(p.photo), p.caption));
    else wrap.appendChild(bubble(p.text || ''));
    var chips = chipsFor(p);
    if (chips) wrap.appendChild(chips);
    var holder = el('div');
    holder.appendChild(wrap);
    return holder;
  }

  /** Phone photos are often 4-8 MB; a 1920 px JPEG is plenty for an office and kind to mobile data. */
  function shrink(file) {
    return new Promise(function (resolve) {
      if (file.size <= SHRINK_ABOVE || !/^image\/(jpeg|png|webp)$/.test(file.type)) return resolve(file);
      var url = URL.createObjectURL(file);
      var img = new Image();
      img.onload = function () {
        var scale = Math.min(1, SHRINK_TO / Math.max(img.naturalWidth, img.naturalHeight));
        var canvas = document.createElement('canvas');
        canvas.width = Math.round(img.naturalWidth * scale);
        canvas.height = Math.round(img.naturalHeight * scale);
        canvas.getContext('2d').drawImage(img, 0, 0, canvas.width, canvas.height);
        URL.revokeObjectURL(url);
        canvas.toBlob(
          function (blob) {
            resolve(blob && blob.size < file.size ? blob : file);
          },
          'image/jpeg',
          0.85,
        );
      };
      img.onerror = function () {
        URL.revokeObjectURL(url);
        resolve(file);
      };
      img.src = url;
    });
  }

  window.WeichengChat = {
    el: el,
    uuid: uuid,
    clock: clock,
    bubble: bubble,
    image: image,
    locationText: locationText,
    inboundNode: inboundNode,
    outboundNode: outboundNode,
    shrink: shrink,
  };
})();
