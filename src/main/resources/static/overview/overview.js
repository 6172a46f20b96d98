// The office's overview: tables for reading, simple SVG bar charts for looking; text via textContent only.
(function () {
  'use strict';
  var SVG = 'http://www.w3.org/2000/svg';

  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }
  function svg(tag, attrs, text) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) { node.textContent = String(text); }
    return node;
  }
  function day(iso) { return iso ? new Date(iso).toLocaleDateString('ja-JP', { timeZone: 'Asia/Tokyo' }) : '—'; }

  /** Horizontal bars: one row per item, with the number at the end; the table beside it carries the same data. */
  function bars(title, items, warn) {
    var max = Math.max.apply(null, items.map(function (i) { return i.value; }).concat([1]));
    var row = 26, left = 190, width = 420;
    var chart = svg('svg', { 'class': 'bar-chart', viewBox: '0 0 ' + (left + width + 50) + ' ' + (items.length * row + 10),
      role: 'img', 'aria-label': title });
    items.forEach(function (item, i) {
      var y = 5 + i * row;
      chart.appendChild(svg('text', { x: left - 8, y: y + 16, 'text-anchor': 'end' }, item.label));
      chart.appendChild(svg('rect', { 'class': 'bar' + (warn && warn(item) ? ' warn' : ''), x: left, y: y + 3,
        width: Math.max(2, Math.round(width * item.value / max)), height: row - 8 }));
      chart.appendChild(svg('text', { x: left + Math.round(width * item.value / max) + 6, y: y + 16 }, item.value));
    });
    return chart;
  }

  function table(caption, headers, rows, numeric) {
    var t = el('table');
    t.appendChild(el('caption', caption));
    var tr = el('tr');
    headers.forEach(function (h, i) { tr.appendChild(el('th', h, { scope: 'col', 'class': numeric && numeric[i] ? 'number' : '' })); });
    t.appendChild(el('thead')).appendChild(tr);
    var body = t.appendChild(el('tbody'));
    if (!rows.length) {
      body.appendChild(el('tr')).appendChild(el('td', '該当なし', { colspan: headers.length }));
    }
    rows.forEach(function (r) {
      var line = body.appendChild(el('tr'));
      r.forEach(function (c, i) { line.appendChild(el('td', c === null || c === undefined ? '—' : c, { 'class': numeric && numeric[i] ? 'number' : '' })); });
    });
    return t;
  }

  function section(root, title) {
    var s = root.appendChild(el('section'));
    s.appendChild(el('h2', title));
    return s;
  }

  fetch('api/summary', { headers: { Accept: 'application/json' }, credentials: 'same-origin' }).then(function (r) {
    return r.json().then(function (body) { if (!r.ok) { throw new Error(body.message || r.status); } return body; });
  }).then(function (d) {
    var root = document.getElementById('overview');
    document.getElementById('status').textContent = d.user + ' さんとして表示しています（' + day(d.generatedAt) + ' 現在）。';

    var phases = section(root, '段階ごと・年度ごとの事業数');
    var years = Object.keys(d.byPhaseAndYear.rows);
    phases.appendChild(table('段階と年度', ['年度'].concat(d.byPhaseAndYear.columns), years.map(function (y) {
      return [y].concat(d.byPhaseAndYear.columns.map(function (c) { return d.byPhaseAndYear.rows[y][c] || 0; }));
    }), [false].concat(d.byPhaseAndYear.columns.map(function () { return true; }))));
    var totals = d.byPhaseAndYear.columns.map(function (c) {
      return { label: c, value: years.reduce(function (sum, y) { return sum + (d.byPhaseAndYear.rows[y][c] || 0); }, 0) };
    });
    phases.appendChild(bars('段階ごとの事業数', totals));

    var late = section(root, '期限を過ぎたもの');
    late.appendChild(table('期限を過ぎた段階（課長・決裁者に報告済み）', ['事業番号', '事業名', '段階', '担当課', '期限'],
      d.overduePhases.map(function (p) { return [p.projectNumber, p.title, p.phaseLabel, p.departmentName, day(p.dueAt)]; })));
    late.appendChild(table('期限を過ぎたタスク（期限の古い順、最大50件）', ['事業番号', 'タスク', '担当者', '期限', '超過日数'],
      d.overdueTasks.map(function (t) { return [t.projectNumber, t.task, t.assignee, day(t.due), t.daysOverdue + '日']; }), [false, false, false, false, true]));

    var grid = root.appendChild(el('div', null, { 'class': 'grid' }));
    var forms = section(grid, '協働の形態');
    forms.appendChild(bars('協働の形態ごとの事業数', d.byForm.map(function (f) { return { label: f.label, value: f.count }; })));
    var domains = section(grid, '協働の領域');
    domains.appendChild(bars('協働の領域ごとの事業数', d.byDomain.map(function (f) { return { label: f.label, value: f.count }; })));

    var partners = section(root, '団体ごとの担当（固定化の確認、千葉県 マニュアル ②）');
    partners.appendChild(bars('団体ごとの担当した年度の数', d.partners.map(function (p) {
      return { label: p.organisationName, value: p.fiscalYearsHeld, fixed: p.fixed };
    }), function (item) { return item.fixed; }));
    partners.appendChild(table('団体ごとの担当', ['団体', '事業数', '担当した年度の数', '同じ課で続けて担当した年度', '固定化'],
      d.partners.map(function (p) { return [p.organisationName, p.projects, p.fiscalYearsHeld, p.longestRun, p.fixed ? '要注意（公募で選び直す）' : '—']; }),
      [false, true, true, true, false]));

    var grades = section(root, '評価（年度ごとの分布と平均：A=4〜D=1）');
    grades.appendChild(bars('年度ごとの評価の平均', d.grades.map(function (g) { return { label: g.fiscalYear + '年度', value: g.average }; })));
    grades.appendChild(table('年度ごとの評価', ['年度', 'A', 'B', 'C', 'D', '件数', '平均'], d.grades.map(function (g) {
      return [g.fiscalYear + '年度', g.byGrade.A || 0, g.byGrade.B || 0, g.byGrade.C || 0, g.byGrade.D || 0, g.evaluations, g.average];
    }), [false, true, true, true, true, true, true]));
  }).catch(function (e) {
    var status = document.getElementById('status');
    status.textContent = e.message + ' ';
    status.appendChild(el('a', 'Tasklist にログインする', { href: '/camunda/app/tasklist/' }));
  });
})();
