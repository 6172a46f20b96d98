(function () {
  'use strict';
  var A = window.KyodoAccount;
  var form = document.getElementById('password');
  var result = document.getElementById('result');
  var token = A.linkTokenFor(form, result);
  if (!token) {
    return;
  }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var password = document.getElementById('newPassword').value;
    if (password !== document.getElementById('repeat').value) {
      A.show(result, '2つの入力が一致しません。', true);
      return;
    }
    document.getElementById('send').disabled = true;
    A.send('POST', '/public/api/password', { token: token, password: password }).then(function (r) {
      document.getElementById('send').disabled = r.ok;
      form.hidden = r.ok;
      var text = r.ok ? r.data.message : (r.data.problems && r.data.problems.length ? r.data.problems.join('\n') : r.data.message);
      A.show(result, text || '設定できませんでした。', !r.ok);
    });
  });
})();
