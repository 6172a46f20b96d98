(function () {
  'use strict';
  var A = window.KyodoAccount;
  var form = document.getElementById('confirm');
  var result = document.getElementById('result');
  var token = A.linkTokenFor(form, result);
  if (!token) {
    return;
  }
  // Only this button confirms (POST): a mail scanner that opens the link with GET changes nothing.
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    document.getElementById('send').disabled = true;
    A.send('POST', '/public/api/registrations/confirm', { token: token }).then(function (r) {
      form.hidden = r.ok;
      document.getElementById('send').disabled = r.ok;
      A.show(result, r.data.message || '確定できませんでした。', !r.ok);
    });
  });
})();
