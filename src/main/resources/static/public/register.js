(function () {
  'use strict';
  var A = window.KyodoAccount;
  var form = document.getElementById('register');
  var result = document.getElementById('result');
  var button = document.getElementById('send');
  var formToken = null;

  function loadToken() {
    return A.send('GET', '/public/api/registrations/form').then(function (r) {
      if (r.ok) {
        formToken = r.data.formToken;
        button.disabled = false;
      } else {
        A.show(result, r.data.message || 'フォームを準備できませんでした。ページを読み込み直してください。', true);
      }
    });
  }

  function value(name) {
    var v = form.elements[name].value;
    return v === '' ? null : v;
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    button.disabled = true;
    var fields = [];
    form.querySelectorAll('input[name=activityFields]:checked').forEach(function (c) { fields.push(c.value); });
    var body = {
      formToken: formToken,
      website: form.elements.website.value,
      account: { loginId: value('loginId'), lastName: value('lastName'), firstName: value('firstName'), email: value('email') },
      application: {
        organisationName: value('organisationName'), organisationType: value('organisationType'),
        representative: value('representative'), contactEmail: value('contactEmail'), contactPhone: value('contactPhone'),
        address: value('address'), activityFields: fields, activityRecord: value('activityRecord'),
        financialState: value('financialState')
      }
    };
    A.send('POST', '/public/api/registrations', body).then(function (r) {
      if (r.ok) {
        form.hidden = true;
        A.show(result, r.data.message, false);
      } else {
        var problems = r.data.problems && r.data.problems.length ? r.data.problems.join('\n') : r.data.message;
        A.show(result, problems || '申請を受け付けられませんでした。', true);
        // A token is good for an hour: a refused form keeps it; an expired or forged one gets a new one.
        if (r.status === 400 && /読み込み直して/.test(r.data.message || '')) {
          loadToken();
        } else {
          button.disabled = false;
        }
      }
    });
  });

  loadToken();
})();
