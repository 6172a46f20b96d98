// The public results pages: plain DOM building with textContent only (published text is never parsed as HTML).
var Kyodo = (function () {
  'use strict';
  var PAGE = 20;

  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  function get(url) {
    return fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) {
        return r.json().catch(function () { return {}; }).then(function (body) {
          throw new Error(body.message || (r.status === 404 ? '見つかりません。' : '読み込めませんでした（' + r.status + '）。'));
        });
      }
      return r.json();
    });
  }

  function yen(n) { return n === null || n === undefined ? '—' : Number(n).toLocaleString('ja-JP') + '円'; }
  function or(v) { return v === null || v === undefined || v === '' ? '—' : v; }

  function facts(pairs) {
    var dl = el('dl', null, { 'class': 'facts' });
    pairs.forEach(function (p) { dl.appendChild(el('dt', p[0])); dl.appendChild(el('dd', or(p[1]))); });
    return dl;
  }

  function table(caption, headers, rows) {
    var t = el('table');
    t.appendChild(el('caption', caption));
    var head = el('tr');
    headers.forEach(function (h) { head.appendChild(el('th', h, { scope: 'col' })); });
    t.appendChild(el('thead')).appendChild(head);
    var body = t.appendChild(el('tbody'));
    rows.forEach(function (r) {
      var tr = body.appendChild(el('tr'));
      r.forEach(function (c) { tr.appendChild(el('td', or(c))); });
    });
    return t;
  }

  function query(form, offset) {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (v, k) { if (v) { params.set(k, v); } });
    if (offset) { params.set('offset', offset); }
    return params;
  }

  function fill(select, options) {
    options.forEach(function (o) { select.appendChild(el('option', o.label, { value: o.value })); });
  }

  function list() {
    var form = document.getElementById('filters');
    var offset = 0;
    var params = new URLSearchParams(location.search);
    get('api/filters').then(function (f) {
      fill(form.fiscalYear, f.fiscalYears); fill(form.department, f.departments);
      fill(form.form, f.forms); fill(form.phase, f.phases);
      params.forEach(function (v, k) { if (form[k]) { form[k].value = v; } });
      offset = Number(params.get('offset') || 0);
      load();
    }).catch(show);

    function load() {
      var q = query(form, offset);
      document.getElementById('csv').href = 'api/projects.csv?' + query(form).toString();
      document.getElementById('json').href = 'api/projects.json?' + query(form).toString();
      history.replaceState(null, '', '?' + q.toString());
      q.set('limit', PAGE);
      get('api/projects?' + q.toString()).then(function (page) {
        var body = document.querySelector('#projects tbody');
        body.textContent = '';
        page.items.forEach(function (p) {
          var tr = body.appendChild(el('tr'));
          var cells = [['事業番号', p.projectNumber], ['事業名', null], ['段階', p.phaseLabel], ['年度', p.fiscalYearLabel],
            ['担当課', p.departmentName], ['協働パートナー', p.partnerName], ['協働の形態', p.formLabel], ['協働の領域', p.domainLabel]];
          cells.forEach(function (c, i) {
            var td = tr.appendChild(el('td', i === 1 ? null : or(c[1]), { 'data-label': c[0] }));
            if (i === 1) { td.appendChild(el('a', p.title, { href: 'project.html?number=' + encodeURIComponent(p.projectNumber) })); }
          });
        });
        var shown = page.items.length;
        document.getElementById('count').textContent = page.total === 0 ? '該当する事業はありません。'
          : page.total + '件中 ' + (offset + 1) + '〜' + (offset + shown) + '件目を表示しています。';
        document.getElementById('page').textContent = page.total === 0 ? '' : (Math.floor(offset / PAGE) + 1) + ' / ' + Math.ceil(page.total / PAGE) + ' ページ';
        document.getElementById('prev').disabled = offset === 0;
        document.getElementById('next').disabled = offset + shown >= page.total;
      }).catch(show);
    }
    form.addEventListener('submit', function (e) { e.preventDefault(); offset = 0; load(); });
    document.getElementById('prev').addEventListener('click', function () { offset = Math.max(0, offset - PAGE); load(); });
    document.getElementById('next').addEventListener('click', function () { offset += PAGE; load(); });
  }

  function show(error) {
    var target = document.getElementById('count') || document.getElementById('project');
    target.textContent = error.message;
  }

  function detail() {
    var number = new URLSearchParams(location.search).get('number') || '';
    var root = document.getElementById('project');
    get('api/projects/' + encodeURIComponent(number)).then(function (p) {
      root.textContent = '';
      document.title = p.title + ' — 協働事業';
      root.appendChild(el('h1', p.title));
      root.appendChild(facts([['事業番号', p.projectNumber], ['段階', p.phaseLabel], ['年度', p.fiscalYearLabel],
        ['担当課', p.departmentName], ['協働パートナー', p.partnerName], ['協働の形態', p.formLabel],
        ['協働の領域', p.domainLabel], ['最新の評価', p.latestGradeLabel]]));

      root.appendChild(el('h2', '公募と選定の結果'));
      if (!p.selections.length) { root.appendChild(el('p', 'まだ公開された選定結果はありません。', { 'class': 'none' })); }
      p.selections.forEach(function (s) {
        root.appendChild(el('h3', s.fiscalYear + '年度 ' + s.methodLabel + '（' + s.selectionNumber + '）'));
        root.appendChild(facts([['結果', s.outcomeLabel], ['選定した団体', s.organisationName], ['理由', s.reason], ['決定日', s.decidedOn]]));
        s.calls.forEach(function (c) {
          root.appendChild(el('h3', '公募 ' + c.callNumber));
          root.appendChild(facts([['募集の目的と事業の内容', c.purpose], ['応募資格', c.eligibility], ['締切', c.deadline]]));
          root.appendChild(table('審査基準と配点', ['審査基準', '配点'], c.criteria.map(function (k) { return [k.label, k.weight + '点']; })));
          root.appendChild(table('応募と評点（5点満点の加重平均）', ['応募団体', '提案', '総合点', '順位', '審査数', '結果'],
            c.applications.map(function (a) { return [a.organisationName, a.proposalTitle, a.weightedScore, a.rankLabel, a.reviews, a.resultLabel]; })));
        });
      });

      root.appendChild(el('h2', '協定の主な内容'));
      if (!p.agreements.length) { root.appendChild(el('p', 'まだ締結された協定はありません。', { 'class': 'none' })); }
      p.agreements.forEach(function (a) {
        root.appendChild(el('h3', a.fiscalYear + '年度の協定（' + a.agreementNumber + '）'));
        root.appendChild(facts([['目的', a.purpose], ['最終的な目標', a.finalGoal], ['期間', a.termStart + ' 〜 ' + a.termEnd],
          ['支払いの方法', a.paymentLabel], ['市の支出額', yen(a.paymentAmount)], ['事業費の総額', yen(a.expenditureTotal)]]));
        root.appendChild(table('成果目標', ['目標', '指標', '期限'], a.goals.map(function (g) { return [g.description, g.indicator, g.dueDate]; })));
        root.appendChild(table('役割分担', ['役割', '担当'], a.roles.map(function (r) { return [r.task, r.partyLabel]; })));
        root.appendChild(table('予算', ['項目', '金額', '負担'], a.budget.map(function (b) { return [b.item, yen(b.amount), b.bearerLabel]; })));
        if (a.progress) {
          root.appendChild(el('h3', '進み具合'));
          root.appendChild(facts([['状況', a.progress.statusLabel], ['受理した進捗報告', a.progress.acceptedReports + '件'],
            ['中間評価', a.progress.midtermLabel], ['実施報告の概要', a.progress.completionSummary], ['検査', a.progress.inspectionLabel]]));
        }
      });

      root.appendChild(el('h2', '事業の評価'));
      if (!p.evaluations.length) { root.appendChild(el('p', 'まだ公開された評価はありません。', { 'class': 'none' })); }
      p.evaluations.forEach(function (e) {
        root.appendChild(el('h3', e.fiscalYear + '年度の評価'));
        root.appendChild(facts([['総合評価', e.gradeLabel], ['今後の方向', e.recommendationLabel], ['成果目標の達成', e.goalAchievementLabel],
          ['行政効率（効果÷費用）', e.efficiencyPercent === null ? '—' : e.efficiencyPercent + '%'],
          ['市民の満足度', e.satisfactionPercent === null ? '調査なし' : e.satisfactionPercent + '%'],
          ['成果のまとめ', e.outcomeSummary], ['双方の評価からの共通の所見', e.sharedFindings]]));
        root.appendChild(table('目標ごとの達成', ['目標', '実績', '達成'], e.goals.map(function (g) { return [g.description, g.actual, g.resultLabel]; })));
        root.appendChild(table('評価シート（市と団体のそれぞれの自己評価と、話し合いで合意した評価）', ['段階', '項目', '市', '団体', '合意'],
          e.items.map(function (i) { return [i.stage, i.item, i.department, i.partner, i.agreed]; })));
      });

      root.appendChild(el('h2', '事業の改善'));
      if (!p.improvements.length) { root.appendChild(el('p', 'まだ公開された改善の判断はありません。', { 'class': 'none' })); }
      if (p.improvements.length) {
        root.appendChild(table('改善の判断', ['年度', '判断', '理由', '日付'], p.improvements.map(function (i) {
          return [i.fiscalYear, i.decisionLabel, i.reason, i.decidedOn]; })));
      }
      publishedDocuments(root, number);
    }).catch(function (e) { root.textContent = ''; root.appendChild(el('h1', '協働事業')); root.appendChild(el('p', e.message)); });
  }

  // The documents staff marked 公開 (docs/documents.md); nothing else of the project's papers is public.
  function publishedDocuments(root, number) {
    get('api/projects/' + encodeURIComponent(number) + '/documents').then(function (d) {
      if (!d.documents.length) { return; }
      root.appendChild(el('h2', '公開された書類'));
      var list = root.appendChild(el('ul'));
      d.documents.forEach(function (doc) {
        var li = list.appendChild(el('li'));
        li.appendChild(el('a', doc.fileName, { href: doc.url }));
        li.appendChild(document.createTextNode('（' + (doc.fiscalYear ? doc.fiscalYear + '年度 ' : '') + doc.phaseLabel + '・' + doc.kindLabel + '）'));
      });
    }).catch(function () {});
  }

  // --- 公募 (calls): the list above the projects, a page per call, and applying from it

  function callFacts(c) {
    return facts([['公募番号', c.callNumber], ['状況', c.statusLabel + (c.timeLeft ? '（' + c.timeLeft + '）' : '')],
      ['締切', c.deadline + ' 24時まで'], ['担当課', c.departmentName], ['協働の形態', c.formLabel],
      ['分野', c.fields.map(function (f) { return f.label; }).join('、')],
      ['予算の枠', c.budgetFrame === null ? '公募要項に定めなし' : '上限 ' + yen(c.budgetFrame)], ['年度', c.fiscalYearLabel],
      ['募集の目的と事業の内容', c.purpose], ['応募資格', c.eligibility]]);
  }

  function criteriaTable(c) {
    return table('審査基準と配点', ['審査基準', '配点'], c.criteria.map(function (k) { return [k.label, k.weight + '点']; }));
  }

  function callCard(c) {
    var card = el('article', null, { 'class': 'call' + (c.open ? ' open' : '') });
    var h = card.appendChild(el('h2'));
    h.appendChild(el('a', c.title, { href: 'call.html?n=' + encodeURIComponent(c.callNumber) }));
    if (c.timeLeft) { card.appendChild(el('p', c.timeLeft, { 'class': 'time-left' })); }
    card.appendChild(callFacts(c));
    card.appendChild(criteriaTable(c));
    var how = card.appendChild(el('p', null, { 'class': 'how' }));
    how.appendChild(el('a', c.open ? '詳細と応募の方法' : '詳細と結果', { href: 'call.html?n=' + encodeURIComponent(c.callNumber) }));
    return card;
  }

  function calls() {
    var form = document.getElementById('call-filters');
    if (!form) { return; }
    var offset = 0;
    get('api/calls/filters').then(function (f) {
      fill(form.status, f.statuses); fill(form.field, f.fields); fill(form.department, f.departments);
      fill(form.fiscalYear, f.fiscalYears);
      form.status.value = 'OPEN';
      load();
    }).catch(function (e) { document.getElementById('call-count').textContent = e.message; });

    function load() {
      var q = query(form, offset);
      document.getElementById('call-csv').href = 'api/calls.csv?' + query(form).toString();
      document.getElementById('call-json').href = 'api/calls.json?' + query(form).toString();
      q.set('limit', PAGE);
      get('api/calls?' + q.toString()).then(function (page) {
        var root = document.getElementById('calls');
        root.textContent = '';
        page.items.forEach(function (c) { root.appendChild(callCard(c)); });
        var shown = page.items.length;
        document.getElementById('call-count').textContent = page.total === 0
          ? (form.status.value === 'OPEN' ? 'いま公募中の公募はありません。' : '該当する公募はありません。')
          : page.total + '件中 ' + (offset + 1) + '〜' + (offset + shown) + '件目を表示しています。';
        document.getElementById('call-page').textContent = page.total === 0 ? '' : (Math.floor(offset / PAGE) + 1) + ' / ' + Math.ceil(page.total / PAGE) + ' ページ';
        document.getElementById('call-prev').disabled = offset === 0;
        document.getElementById('call-next').disabled = offset + shown >= page.total;
      }).catch(function (e) { document.getElementById('call-count').textContent = e.message; });
    }
    form.addEventListener('submit', function (e) { e.preventDefault(); offset = 0; load(); });
    document.getElementById('call-prev').addEventListener('click', function () { offset = Math.max(0, offset - PAGE); load(); });
    document.getElementById('call-next').addEventListener('click', function () { offset += PAGE; load(); });
  }

  function call() {
    var number = new URLSearchParams(location.search).get('n') || '';
    var root = document.getElementById('call');
    get('api/calls/' + encodeURIComponent(number)).then(function (c) {
      root.textContent = '';
      document.title = c.title + ' — 公募';
      root.appendChild(el('h1', '公募: ' + c.title));
      if (c.timeLeft) { root.appendChild(el('p', c.timeLeft, { 'class': 'time-left' })); }
      root.appendChild(callFacts(c));
      root.appendChild(criteriaTable(c));
      root.appendChild(el('h2', '応募の方法'));
      if (c.open) {
        root.appendChild(el('p', '団体登録を済ませた団体の担当者が、Tasklist にログインして応募します。下のボタンから、この公募を選んだ応募書が Tasklist に開きます。'
          + '締切日の24時までに提出してください。団体登録がまだの団体は、先に団体登録を申請してください（旭川 Q42）。'));
        var actions = root.appendChild(el('p', null, { 'class': 'actions' }));
        actions.appendChild(el('a', 'この公募に応募する', { id: 'apply-link', 'class': 'button', href: c.applyUrl }));
        actions.appendChild(el('a', '団体登録を申請する', { 'class': 'button secondary', href: 'register.html' }));
      } else {
        root.appendChild(el('p', 'この公募は締め切りました。締切後の応募は受け付けていません。', { 'class': 'none' }));
      }
      root.appendChild(el('h2', '選定の結果'));
      if (!c.result) {
        root.appendChild(el('p', c.open ? '締切のあとに審査し、結果をここで公表します。' : '審査中です。結果はここで公表します。', { 'class': 'none' }));
      } else {
        root.appendChild(facts([['結果', c.result.summary], ['選定した団体', c.result.selectedOrganisation], ['公表日', c.result.publishedOn]]));
        root.appendChild(table('応募と評点（5点満点の加重平均）', ['応募団体', '提案', '総合点', '順位', '審査数', '結果'],
          c.result.applications.map(function (a) { return [a.organisationName, a.proposalTitle, a.weightedScore, a.rankLabel, a.reviews, a.resultLabel]; })));
      }
      if (c.projectNumber) {
        var more = root.appendChild(el('p'));
        more.appendChild(el('a', 'この事業の公開情報（協定・評価など）', { href: 'project.html?number=' + encodeURIComponent(c.projectNumber) }));
      }
    }).catch(function (e) { root.textContent = ''; root.appendChild(el('h1', '公募')); root.appendChild(el('p', e.message)); });
  }

  function apply() {
    var number = new URLSearchParams(location.search).get('n') || '';
    var root = document.getElementById('apply');
    var buttons = document.getElementById('apply-organisations');
    var message = document.getElementById('apply-message');
    document.getElementById('back').href = 'call.html?n=' + encodeURIComponent(number);
    get('/apply/api/calls/' + encodeURIComponent(number)).then(function (s) {
      root.textContent = '';
      document.getElementById('apply-title').textContent = '公募「' + s.title + '」に応募する';
      if (!s.loggedIn) {
        root.appendChild(el('p', s.message));
        var links = root.appendChild(el('p', null, { 'class': 'actions' }));
        links.appendChild(el('a', 'Tasklist にログインする', { 'class': 'button', href: s.loginUrl, target: '_blank', rel: 'noopener' }));
        links.appendChild(el('a', '団体登録を申請する', { 'class': 'button secondary', href: s.registerUrl }));
        root.appendChild(el('p', 'ログインしたら、このページを再読み込みしてください。', { 'class': 'help' }));
        return;
      }
      if (s.message) { root.appendChild(el('p', s.message)); }
      if (!s.partner || !s.open) { return; }
      if (!s.organisations.length) {
        var register = root.appendChild(el('p'));
        register.appendChild(el('a', '団体登録を申請する', { 'class': 'button secondary', href: s.registerUrl }));
        return;
      }
      root.appendChild(el('p', s.organisations.length > 1 ? 'どの団体として応募するか選んでください。' : '次の団体として応募します。'));
      s.organisations.forEach(function (o) {
        var b = buttons.appendChild(el('button', o.applied ? o.name + '（応募済み）'
          : o.draftTaskId ? o.name + 'の作成中の応募書を開く' : o.name + 'として応募書を作成する', { type: 'button', 'data-organisation': o.id }));
        if (o.applied) { b.disabled = true; }
        b.addEventListener('click', function () { openDraft(o.id, b); });
      });
    }).catch(function (e) { root.textContent = ''; root.appendChild(el('p', e.message)); });

    function openDraft(organisationId, button) {
      button.disabled = true;
      message.textContent = '応募書を開いています…';
      fetch('/apply/api/calls/' + encodeURIComponent(number) + '/draft', {
        method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ organisationId: organisationId })
      }).then(function (r) {
        return r.json().catch(function () { return {}; }).then(function (body) {
          if (!r.ok) { throw new Error(body.message || '応募書を開けませんでした（' + r.status + '）。'); }
          location.href = body.url;
        });
      }).catch(function (e) { message.textContent = e.message; button.disabled = false; });
    }
  }

  var kyodo = { list: function () { calls(); list(); }, detail: detail, call: call, apply: apply };
  document.addEventListener('DOMContentLoaded', function () { kyodo[document.body.dataset.page](); });
  return kyodo;
})();
