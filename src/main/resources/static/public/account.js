/* Shared by the registration, confirmation and password pages: send JSON, show the server's Japanese message. */
(function () {
  'use strict';
  function show(box, text, error) {
    box.textContent = '';
    var p = document.createElement('p');
    p.className = error ? 'message error' : 'message';
    p.textContent = text;
    box.appendChild(p);
    box.focus && box.focus();
  }
  function send(method, url, body, headers) {
    var options = { method: method, headers: Object.assign({ 'Accept': 'application/json' }, headers || {}),
      credentials: 'same-origin' };
    if (body !== undefined) {
      options.headers['Content-Type'] = 'application/json';
      options.body = JSON.stringify(body);
    }
    return fetch(url, options).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        return { ok: response.ok, status: response.status, data: data };
      });
    }, function () {
      return { ok: false, status: 0, data: { message: '通信できませんでした。ネットワークを確かめて、もう一度お試しください。' } };
    });
  }
  /** The token of a mailed link: in the fragment, which the browser never sends to a server or a link scanner. */
  function linkToken() {
    var match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
    return match ? match[1] : null;
  }
  // The token of a mailed link (confirm.html, password.html), or null with the form hidden and the reason shown.
  function linkTokenFor(form, result) {
    var token = linkToken();
    if (!token) {
      form.hidden = true;
      show(result, 'リンクが正しくありません。メールのリンクをそのまま開いてください。', true);
    }
    return token;
  }
  window.KyodoAccount = { show: show, send: send, linkTokenFor: linkTokenFor };
})();
