(function () {
  'use strict';
  var A = window.KyodoAccount;
  var result = document.getElementById('result');
  var root = document.getElementById('organisations');
  var csrf = null;
  var me = null;

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = text; }
    if (className) { node.className = className; }
    return node;
  }

  function field(form, container, name, label, type) {
    var wrap = el('div', null, 'field');
    var id = form.id + '-' + name;
    var l = el('label', label, 'required');
    l.htmlFor = id;
    var input = el('input');
    input.id = id;
    input.name = name;
    input.type = type || 'text';
    input.required = true;
    wrap.appendChild(l);
    wrap.appendChild(input);
    container.appendChild(wrap);
  }

  function write(method, url, body) {
    // The session's CSRF token: a page of another site cannot read it, so it cannot make these writes.
    return A.send(method, url, body, { 'X-XSRF-TOKEN': csrf }).then(function (r) {
      A.show(result, r.data.message || '操作できませんでした。', !r.ok);
      if (r.ok) { load(); }
    });
  }

  function render(organisation) {
    var section = el('section');
    section.appendChild(el('h2', organisation.name));
    var table = el('table', null, 'members');
    var head = el('tr');
    ['ログインID', '氏名', 'メールアドレス', ''].forEach(function (h) { head.appendChild(el('th', h)); });
    table.appendChild(head);
    organisation.members.forEach(function (member) {
      var row = el('tr');
      row.appendChild(el('td', member.id));
      row.appendChild(el('td', member.name));
      row.appendChild(el('td', member.email));
      var cell = el('td', null, 'actions');
      if (organisation.members.length > 1) {
        var remove = el('button', member.id === me ? '自分を外す' : '外す', 'secondary');
        remove.type = 'button';
        remove.addEventListener('click', function () {
          if (window.confirm('「' + member.id + '」を団体のメンバーから外しますか。団体の作業は届かなくなります。')) {
            write('DELETE', '/account/api/organisation/' + encodeURIComponent(organisation.id) + '/members/'
              + encodeURIComponent(member.id));
          }
        });
        cell.appendChild(remove);
      }
      row.appendChild(cell);
      table.appendChild(row);
    });
    section.appendChild(table);
    var form = el('form', null, 'account');
    form.id = 'invite-' + organisation.id;
    form.noValidate = true;
    var fs = el('fieldset');
    fs.appendChild(el('legend', '別の代表者を招待する'));
    form.appendChild(fs);
    field(form, fs, 'lastName', '姓');
    field(form, fs, 'firstName', '名');
    field(form, fs, 'email', 'メールアドレス', 'email');
    field(form, fs, 'loginId', 'ログインID（半角英小文字・数字・_ - の3〜32文字）');
    var actions = el('div', null, 'actions');
    var send = el('button', '招待する');
    send.type = 'submit';
    actions.appendChild(send);
    form.appendChild(actions);
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      write('POST', '/account/api/organisation/' + encodeURIComponent(organisation.id) + '/members', {
        lastName: form.elements.lastName.value, firstName: form.elements.firstName.value,
        email: form.elements.email.value, loginId: form.elements.loginId.value
      });
    });
    section.appendChild(form);
    return section;
  }

  function load() {
    A.send('GET', '/account/api/organisation').then(function (r) {
      if (!r.ok) {
        A.show(result, r.data.message || '読み込めませんでした。', true);
        return;
      }
      csrf = r.data.csrfToken;
      me = r.data.user;
      root.textContent = '';
      if (!r.data.organisations.length) {
        root.appendChild(el('p', '登録済みの団体のメンバーではありません。団体登録は公開ページの「団体登録」から申請できます。', 'none'));
      }
      r.data.organisations.forEach(function (o) { root.appendChild(render(o)); });
      if (result.textContent === '読み込んでいます…') { result.textContent = ''; }
    });
  }

  load();
})();
