// 添付書類 (/account/api/documents): the open tasks the signed-in person may work now that take documents, with what is
// attached, an upload per task and deletion of one's own. A write carries the session's CSRF token, which a read hands
// over in the X-XSRF-TOKEN header. Text via textContent only; downloads are always attachments.
(function () {
  'use strict';
  var token = null;
  var status = document.getElementById('status');
  var root = document.getElementById('tasks');
  var wanted = new URLSearchParams(location.search).get('project');

  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  function answer(r) {
    token = r.headers.get('X-XSRF-TOKEN') || token;
    if (r.status === 204) { return {}; }
    return r.json().then(function (body) { if (!r.ok) { throw new Error(body.message || r.status); } return body; });
  }

  function size(n) { return n >= 1048576 ? (n / 1048576).toFixed(1) + ' MB' : Math.max(1, Math.round(n / 1024)) + ' KB'; }

  function load() {
    fetch('api/documents/tasks', { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(answer).then(show).catch(failed);
  }

  function show(d) {
    var tasks = d.tasks.filter(function (t) { return !wanted || t.projectNumber === wanted; });
    status.textContent = d.user + ' さんが書類を添付できるタスク：' + tasks.length + '件（1件 ' + size(d.maxSize) + 'まで、1つのタスクに '
      + d.maxPerTask + '件まで。PDF・JPEG・PNG・Excel（.xlsx）・Word（.docx）、マクロなし）';
    root.textContent = '';
    tasks.forEach(function (t) {
      var s = root.appendChild(el('section'));
      s.appendChild(el('h2', t.taskName + '（' + t.projectNumber + (t.title ? ' ' + t.title : '') + '）'));
      if (t.statementRequired) {
        s.appendChild(el('p', '実施報告には収支決算書の添付が必要です（旭川市 Q19）。', { 'class': 'note' }));
      }
      var list = s.appendChild(el('ul'));
      if (!t.documents.length) { list.appendChild(el('li', 'まだ添付されていません。')); }
      t.documents.forEach(function (doc) {
        var li = list.appendChild(el('li'));
        li.appendChild(el('a', doc.fileName, { href: doc.url }));
        li.appendChild(document.createTextNode('（' + doc.kindLabel + '、' + size(doc.size) + '、' + doc.uploadedBy + '）'));
        if (doc.uploadedBy === d.user) {
          var remove = li.appendChild(el('button', '削除', { type: 'button' }));
          remove.addEventListener('click', function () { send('DELETE', 'api/documents/' + doc.id, null); });
        }
      });
      var form = s.appendChild(el('form'));
      var kind = el('select', null, { name: 'kind', required: 'required' });
      t.kinds.forEach(function (k) { kind.appendChild(el('option', k.label, { value: k.code })); });
      form.appendChild(el('label', '種類 ')).appendChild(kind);
      form.appendChild(el('label', ' ファイル ')).appendChild(el('input', null, { type: 'file', name: 'file', required: 'required',
        accept: '.pdf,.jpg,.jpeg,.png,.xlsx,.docx' }));
      form.appendChild(el('input', null, { type: 'hidden', name: 'task', value: t.taskId }));
      form.appendChild(el('button', '添付する', { type: 'submit' }));
      form.addEventListener('submit', function (e) {
        e.preventDefault();
        send('POST', 'api/documents', new FormData(form));
      });
    });
  }

  function send(method, url, body) {
    var headers = { Accept: 'application/json' };
    if (token) { headers['X-XSRF-TOKEN'] = token; }
    status.textContent = '送信しています…';
    fetch(url, { method: method, headers: headers, body: body, credentials: 'same-origin' }).then(answer)
      .then(load).catch(function (e) { status.textContent = e.message; });
  }

  function failed(e) {
    status.textContent = e.message + ' ';
    status.appendChild(el('a', 'Tasklist にログインする', { href: '/camunda/app/tasklist/' }));
  }

  load();
})();
