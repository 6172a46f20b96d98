// The office's delivery log (/overview/api/mail): the collaboration office and administrators only; the section stays
// hidden for managers, who may read the rest of the overview. Text via textContent only.
(function () {
  'use strict';
  var STATUS = { PENDING: '送信待ち', SENT: '送信済み', LOGGED: 'ログのみ', SKIPPED: '送らない設定', FAILED: '送信できなかった' };

  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }
  function time(iso) {
    return iso ? new Date(iso).toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo', dateStyle: 'short', timeStyle: 'short' }) : '—';
  }

  function load() {
    var form = document.getElementById('mail-filter');
    var query = new URLSearchParams();
    if (form.status.value) { query.set('status', form.status.value); }
    if (form.user.value.trim()) { query.set('user', form.user.value.trim()); }
    fetch('api/mail?' + query.toString(), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (r) {
        if (r.status === 401 || r.status === 403) { return null; }
        return r.json().then(function (body) { if (!r.ok) { throw new Error(body.message || r.status); } return body; });
      }).then(function (d) {
        if (!d) { return; }
        document.getElementById('mail').hidden = false;
        document.getElementById('mail-counts').textContent = Object.keys(d.counts).map(function (s) {
          return STATUS[s] + ' ' + d.counts[s] + '件';
        }).join('・');
        var t = el('table');
        t.appendChild(el('caption', '送信記録（最大100件）'));
        var head = el('tr');
        ['作成', '送信', '宛先', '種類', '件名', '状態', '試行', '最後のエラー'].forEach(function (h) {
          head.appendChild(el('th', h, { scope: 'col' }));
        });
        t.appendChild(el('thead')).appendChild(head);
        var body = t.appendChild(el('tbody'));
        if (!d.deliveries.length) { body.appendChild(el('tr')).appendChild(el('td', '該当なし', { colspan: 8 })); }
        d.deliveries.forEach(function (m) {
          var tr = body.appendChild(el('tr'));
          [time(m.createdAt), time(m.sentAt), (m.user ? m.user + ' ' : '') + '<' + m.address + '>', m.kindLabel + (m.digest ? '（まとめ）' : ''),
            m.subject, STATUS[m.status] || m.status, m.attempts, m.lastError || '—'].forEach(function (c, i) {
            tr.appendChild(el('td', c, { 'class': i === 6 ? 'number' : (i === 5 && m.status === 'FAILED' ? 'warn-text' : '') }));
          });
        });
        var log = document.getElementById('mail-log');
        log.textContent = '';
        log.appendChild(t);
      }).catch(function (e) {
        document.getElementById('mail').hidden = false;
        document.getElementById('mail-log').textContent = e.message;
      });
  }

  document.getElementById('mail-filter').addEventListener('submit', function (e) { e.preventDefault(); load(); });
  load();
})();
