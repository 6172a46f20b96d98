// The overview's documents section (/overview/api/documents): every project's attached documents, per project.
(function () {
  'use strict';
  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }
  fetch('api/documents', { headers: { Accept: 'application/json' }, credentials: 'same-origin' }).then(function (r) {
    return r.json().then(function (body) { if (!r.ok) { throw new Error(body.message || r.status); } return body; });
  }).then(function (d) {
    var list = document.getElementById('documents-list');
    if (!d.projects.length) { list.appendChild(el('p', 'まだ添付された書類はありません。')); }
    d.projects.forEach(function (p) {
      var table = list.appendChild(el('table'));
      table.appendChild(el('caption', '事業 ' + p.projectNumber));
      var head = table.appendChild(el('thead')).appendChild(el('tr'));
      ['書類', '種類', '段階・タスク', '添付した人', '日時', '公開'].forEach(function (h) { head.appendChild(el('th', h, { scope: 'col' })); });
      var body = table.appendChild(el('tbody'));
      p.documents.forEach(function (doc) {
        var tr = body.appendChild(el('tr'));
        tr.appendChild(el('td')).appendChild(el('a', doc.fileName, { href: doc.url }));
        tr.appendChild(el('td', doc.kindLabel));
        tr.appendChild(el('td', doc.phaseLabel + '・' + (doc.taskName || '')));
        tr.appendChild(el('td', doc.uploadedBy));
        tr.appendChild(el('td', new Date(doc.uploadedAt).toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo' })));
        tr.appendChild(el('td', doc.published ? '公開' : '—'));
      });
    });
    document.getElementById('documents').hidden = false;
  }).catch(function () {});
})();
