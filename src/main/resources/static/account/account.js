// The signed-in person's notification settings (/account/api/notifications). A write carries the session's CSRF token,
// which the read hands over in the X-XSRF-TOKEN header. Text via textContent only.
(function () {
  'use strict';
  var token = null;
  var status = document.getElementById('status');

  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  function answer(r) {
    token = r.headers.get('X-XSRF-TOKEN') || token;
    return r.json().then(function (body) { if (!r.ok) { throw new Error(body.message || r.status); } return body; });
  }

  function show(d) {
    status.textContent = d.name + '（' + d.user + '）さんの設定です。';
    document.getElementById('address').textContent = d.address || '（未登録：メールは届きません）';
    document.getElementById('digest-note').textContent = '「1日1回まとめて送る」お知らせは、毎日 ' + d.digestTime + '（日本時間）に1通のメールで届きます。';
    var body = document.getElementById('kinds');
    body.textContent = '';
    d.kinds.forEach(function (k) {
      var tr = body.appendChild(el('tr'));
      var id = 'kind-' + k.kind;
      tr.appendChild(el('th', null, { scope: 'row' })).appendChild(el('label', k.label, { 'for': id }));
      var select = el('select', null, { id: id, name: k.kind });
      d.options.forEach(function (o) {
        var option = el('option', o.label + (o.code === k.defaultChoice ? '（標準）' : ''), { value: o.code });
        if (o.code === k.choice) { option.selected = true; }
        select.appendChild(option);
      });
      tr.appendChild(el('td')).appendChild(select);
    });
    document.getElementById('settings').hidden = false;
  }

  function failed(e) {
    status.textContent = e.message + ' ';
    status.appendChild(el('a', 'Tasklist にログインする', { href: '/camunda/app/tasklist/' }));
  }

  fetch('api/notifications', { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
    .then(answer).then(show).catch(failed);

  document.getElementById('settings').addEventListener('submit', function (e) {
    e.preventDefault();
    var choices = {};
    Array.prototype.forEach.call(document.querySelectorAll('#kinds select'), function (s) { choices[s.name] = s.value; });
    fetch('api/notifications', {
      method: 'PUT', credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'X-XSRF-TOKEN': token || '' },
      body: JSON.stringify({ choices: choices })
    }).then(answer).then(function (d) { show(d); status.textContent = '保存しました。'; }).catch(function (err) {
      status.textContent = err.message;
    });
  });
})();
