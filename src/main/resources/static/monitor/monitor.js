// The secretariat's monitor: plain JavaScript over the JSON API (/api/monitor), no build step.
// The browser is logged in through the Camunda webapps; changes carry the session's anti-forgery token.
(function () {
  'use strict';

  var STATES = [
    ['INCIDENT', 'Lỗi hệ thống'], ['OVERDUE', 'Quá hạn'], ['STALLED', 'Đình trệ'], ['IN_PROGRESS', 'Đang thực hiện'],
    ['DONE_LATE', 'Hoàn thành trễ hạn'], ['DONE_ON_TIME', 'Hoàn thành đúng hạn'], ['NOT_STARTED', 'Chưa bắt đầu']
  ];
  var me = null;
  var matrix = null;
  var current = null; // the cell whose panel is open
  var $ = function (id) { return document.getElementById(id); };

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') { node.textContent = attrs[k]; } else if (k === 'className') { node.className = attrs[k]; }
      else { node.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) { if (c) { node.appendChild(c); } });
    return node;
  }

  function problemText(status, body) {
    if (body && body.detail) { return body.detail; }
    if (status === 401) { return 'Phiên đăng nhập đã hết. Vui lòng đăng nhập lại.'; }
    if (status === 403) { return 'Tài khoản không có quyền thực hiện thao tác này.'; }
    return 'Lỗi ' + status + '. Vui lòng thử lại.';
  }

  function api(method, path, body) {
    var headers = { 'Accept': 'application/json' };
    if (method !== 'GET') {
      headers['Content-Type'] = 'application/json';
      if (me && me.csrfToken) { headers['X-XSRF-TOKEN'] = me.csrfToken; }
    }
    return fetch('/api/monitor' + path, {
      method: method, headers: headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (response) {
      return response.text().then(function (text) {
        var json = null;
        try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
        if (!response.ok) {
          var error = new Error(problemText(response.status, json));
          error.status = response.status;
          throw error;
        }
        return json;
      });
    });
  }

  function show(view) {
    ['plans-view', 'matrix-view', 'agencies-view'].forEach(function (id) { $(id).hidden = id !== view; });
  }

  function message(text, isError) {
    var box = $('message');
    box.hidden = !text;
    box.textContent = text || '';
    box.className = 'message' + (isError ? ' error' : '');
  }

  function refused(error) {
    show(null);
    if (error.status === 401) {
      var box = $('message');
      box.hidden = false;
      box.className = 'message error';
      box.innerHTML = 'Vui lòng <a href="/camunda/app/welcome/default/">đăng nhập</a> (cùng tài khoản Tasklist) rồi mở lại trang này.';
    } else {
      message(error.status === 403
        ? 'Không có quyền truy cập: trang theo dõi chỉ dành cho Thường trực và lãnh đạo UBND. ' + error.message
        : error.message, true);
    }
  }

  function date(iso) {
    if (!iso) { return ''; }
    var d = new Date(iso);
    return d.toLocaleDateString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' });
  }

  // --- the plan list ---------------------------------------------------------------------------------------------

  function loadPlans() {
    show('plans-view');
    return api('GET', '/plans').then(function (list) {
      $('plans-time').textContent = 'Số liệu tính lúc ' + new Date(list.generatedAt).toLocaleString('vi-VN',
        { timeZone: 'Asia/Ho_Chi_Minh' }) + ' (tính lại tự động sau mỗi ít giây).';
      var body = $('plans').tBodies[0];
      body.innerHTML = '';
      if (!list.plans.length) {
        body.appendChild(el('tr', {}, [el('td', { colspan: '10', text: 'Chưa có kế hoạch nào đang thực hiện.' })]));
      }
      list.plans.forEach(function (p) {
        var total = Math.max(1, p.obligations);
        var bar = el('div', { className: 'bar', title: p.obligations + ' nhiệm vụ' }, [
          ['DONE_ON_TIME', p.doneOnTime], ['DONE_LATE', p.doneLate], ['IN_PROGRESS', p.inProgress],
          ['STALLED', p.stalled], ['OVERDUE', p.overdue]
        ].map(function (part) {
          return el('span', { className: 'state-' + part[0], style: 'width:' + (100 * part[1] / total) + '%' });
        }));
        var row = el('tr', { className: 'plan', 'data-plan-id': String(p.planId) }, [
          el('td', {}, [el('a', { href: '#plan=' + p.planId, text: p.planNumber })]),
          el('td', { text: p.title }), el('td', { className: 'num', text: String(p.agencies) }),
          el('td', {}, [bar]),
          el('td', { className: 'num', text: String(p.doneOnTime) }), el('td', { className: 'num', text: String(p.doneLate) }),
          el('td', { className: 'num', text: String(p.inProgress) }), el('td', { className: 'num', text: String(p.stalled) }),
          el('td', { className: 'num' + (p.overdue ? ' state-OVERDUE' : ''), text: String(p.overdue) }),
          el('td', { className: 'num' + (p.incidents ? ' state-INCIDENT' : ''), text: String(p.incidents) })
        ]);
        row.addEventListener('click', function () { location.hash = 'plan=' + p.planId; });
        body.appendChild(row);
      });
    });
  }

  // --- one plan's matrix -----------------------------------------------------------------------------------------

  function params() {
    var q = new URLSearchParams();
    if ($('filter-agency').value.trim()) { q.set('agency', $('filter-agency').value.trim()); }
    if ($('filter-step').value) { q.set('step', $('filter-step').value); }
    if ($('filter-state').value) { q.set('state', $('filter-state').value); }
    q.set('sort', $('filter-sort').value || 'worst');
    return q.toString();
  }

  function loadMatrix(planId) {
    show('matrix-view');
    var query = params();
    $('export-xlsx').href = '/api/monitor/plans/' + planId + '/matrix.xlsx?' + query;
    $('export-csv').href = '/api/monitor/plans/' + planId + '/matrix.csv?' + query;
    return api('GET', '/plans/' + planId + '/matrix?' + query).then(function (m) {
      matrix = m;
      renderMatrix(m);
    });
  }

  function renderMatrix(m) {
    $('matrix-title').textContent = 'Kế hoạch ' + m.planNumber + ' – ' + m.title;
    $('matrix-hint').textContent = m.rows.length + ' / ' + m.agencies + ' cơ quan. Ngày ' + date(m.generatedAt)
      + '. Đình trệ: không có hoạt động trong ' + m.stalledAfterWorkingDays + ' ngày làm việc dù chưa đến hạn.'
      + ' Bấm vào ô để mở công việc (Tasklist) hoặc quy trình (Cockpit); bấm ⋯ để nhắc việc, báo lãnh đạo, chuyển cơ quan, ghi chú.';
    var stepSelect = $('filter-step');
    if (stepSelect.options.length === 1 || stepSelect.getAttribute('data-plan') !== String(m.planId)) {
      stepSelect.setAttribute('data-plan', String(m.planId));
      while (stepSelect.options.length > 1) { stepSelect.remove(1); }
      (m.filter.step ? [] : m.steps).forEach(function (s) { stepSelect.appendChild(el('option', { value: s.key, text: s.label })); });
      var sort = $('filter-sort');
      while (sort.options.length > 2) { sort.remove(2); }
      m.steps.forEach(function (s) { sort.appendChild(el('option', { value: s.key, text: 'Theo ' + s.label })); });
    }
    var incidents = $('incidents');
    incidents.hidden = !m.incidents.length;
    incidents.innerHTML = '';
    if (m.incidents.length) {
      incidents.appendChild(el('strong', { text: 'Lỗi hệ thống (' + m.incidents.length + '): ' }));
      m.incidents.forEach(function (i) {
        incidents.appendChild(el('a', { href: i.link, target: '_blank', text: (i.agency || 'kế hoạch') + ' – ' + (i.message || i.type) + ' ' }));
      });
    }
    var head = $('matrix').tHead;
    head.innerHTML = '';
    var headRow = el('tr', {}, [el('th', { text: 'Cơ quan', 'data-sort': 'agency' })]);
    m.steps.forEach(function (s) {
      headRow.appendChild(el('th', { 'data-sort': s.key, title: 'Sắp xếp theo bước này',
        text: s.label + (s.dueDate ? ' (hạn ' + s.dueDate.split('-').reverse().join('/') + ')' : '') }));
    });
    Array.prototype.forEach.call(headRow.children, function (th) {
      if (th.getAttribute('data-sort') === m.filter.sort) { th.className = 'sorted'; }
      th.addEventListener('click', function () {
        $('filter-sort').value = th.getAttribute('data-sort');
        route();
      });
    });
    head.appendChild(headRow);
    var body = $('matrix').tBodies[0];
    body.innerHTML = '';
    m.rows.forEach(function (r) {
      var tr = el('tr', { 'data-agency': r.agency }, [el('td', { className: 'agency', title: r.agency, text: r.agencyName })]);
      r.cells.forEach(function (c) {
        var link = c.linkTarget === 'tasklist' ? m.tasklistUrl + '#/?task=' + c.taskId
          : c.linkTarget === 'cockpit' ? m.cockpitUrl + '#/process-instance/' + c.processInstanceId : null;
        var label = link ? el('a', { href: link, target: '_blank', title: c.taskName || 'Mở quy trình', text: c.text })
          : el('span', { text: c.text });
        var td = el('td', { className: 'cell state-' + c.state, 'data-agency': r.agency, 'data-step': c.step,
          'data-state': c.state, title: c.stateLabel + (c.assignee ? ' – đang xử lý: ' + c.assignee : '') }, [label]);
        if (c.obligationId) {
          var button = el('button', { type: 'button', className: 'cell-actions', title: 'Theo dõi, nhắc việc', text: '⋯' });
          button.addEventListener('click', function () { openPanel(r, c); });
          td.appendChild(button);
        }
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
  }

  function stepLabel(key) {
    var step = (matrix.steps || []).filter(function (s) { return s.key === key; })[0];
    return step ? step.label : key;
  }

  function openPanel(row, cell) {
    current = { row: row, cell: cell };
    $('panel-title').textContent = row.agencyName + ' – ' + stepLabel(cell.step);
    $('panel-state').textContent = (cell.text.indexOf(cell.stateLabel.split(' ')[0]) === 0 ? cell.text : cell.stateLabel + ': ' + cell.text) + (cell.dueAt ? ' (hạn ' + date(cell.dueAt) + ')' : '');
    $('panel-task').textContent = cell.taskId ? 'Công việc: ' + cell.taskName + (cell.assignee ? ', đang xử lý: ' + cell.assignee : ', chưa ai nhận')
      : 'Cơ quan không còn công việc mở ở bước này.';
    ['action-remind', 'action-escalate', 'action-reroute', 'action-note'].forEach(function (id) { $(id).disabled = !cell.taskId; });
    $('action-result').textContent = '';
    $('action-result').className = 'result';
    $('note-text').value = '';
    $('reroute-to').value = '';
    loadHistory(cell.obligationId);
    if (!$('panel').open) { $('panel').showModal(); }
  }

  function loadHistory(obligationId) {
    var list = $('panel-history');
    list.innerHTML = '';
    return api('GET', '/obligations/' + obligationId + '/actions').then(function (actions) {
      if (!actions.length) { list.appendChild(el('li', { text: 'Chưa có.' })); }
      actions.forEach(function (a) {
        list.appendChild(el('li', { text: new Date(a.actedAt).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })
          + ' – ' + a.actedBy + ' – ' + a.kindLabel + (a.detail ? ': ' + a.detail : '') }));
      });
    }).catch(function () { list.appendChild(el('li', { text: 'Không tải được lịch sử.' })); });
  }

  function act(path, body) {
    var result = $('action-result');
    result.className = 'result';
    result.textContent = 'Đang gửi…';
    return api('POST', '/tasks/' + encodeURIComponent(current.cell.taskId) + path, body).then(function (answer) {
      result.textContent = answer.message;
      loadHistory(current.cell.obligationId);
      return answer;
    }).catch(function (error) {
      result.className = 'result error';
      result.textContent = error.message;
    });
  }

  $('action-remind').addEventListener('click', function () { act('/remind', {}); });
  $('action-escalate').addEventListener('click', function () { act('/escalate', {}); });
  $('action-note').addEventListener('click', function () {
    act('/notes', { text: $('note-text').value }).then(function (a) { if (a) { $('note-text').value = ''; } });
  });
  $('action-reroute').addEventListener('click', function () {
    var to = $('reroute-to').value.trim().toUpperCase();
    if (!to || !window.confirm('Chuyển công việc này sang cơ quan ' + to + '? Cơ quan hiện tại sẽ không còn thấy công việc.')) { return; }
    act('/reroute', { toAgency: to }).then(function (a) { if (a) { $('panel').close(); route(); } });
  });
  $('panel').addEventListener('close', function () { if (matrix) { route(); } });

  // --- per agency ------------------------------------------------------------------------------------------------

  function percent(rate) { return rate === null || rate === undefined ? '' : Math.round(rate * 100) + '%'; }

  function loadAgencies() {
    show('agencies-view');
    return api('GET', '/agencies').then(function (list) {
      var body = $('agencies').tBodies[0];
      body.innerHTML = '';
      list.agencies.forEach(function (a) {
        body.appendChild(el('tr', { 'data-agency': a.agency }, [
          el('td', { title: a.agency, text: a.agencyName }), el('td', { className: 'num', text: String(a.due) }),
          el('td', { className: 'num', text: String(a.doneOnTime) }), el('td', { className: 'num', text: String(a.doneLate) }),
          el('td', { className: 'num' + (a.overdueNow ? ' state-OVERDUE' : ''), text: String(a.overdueNow) }),
          el('td', { className: 'num', text: String(a.neverDelivered) }), el('td', { className: 'num', text: percent(a.onTimeRate) }),
          el('td', { className: 'num', text: a.medianDelayWorkingDays === null || a.medianDelayWorkingDays === undefined ? '' : String(a.medianDelayWorkingDays) }),
          el('td', { className: 'num', text: String(a.maxDaysOverdue) }),
          el('td', { className: 'attention-' + (a.attention || ''), text: a.attentionLabel || '' })
        ]));
      });
    });
  }

  // --- routing ---------------------------------------------------------------------------------------------------

  function route() {
    message('');
    var hash = location.hash.replace(/^#/, '');
    var work;
    if (hash.indexOf('plan=') === 0) {
      work = loadMatrix(hash.substring(5));
    } else if (hash === 'agencies') {
      work = loadAgencies();
    } else {
      work = loadPlans();
    }
    return work.catch(function (error) {
      if (error.status === 401 || error.status === 403) { refused(error); } else { message(error.message, true); }
    });
  }

  function init() {
    var legend = $('legend');
    var stateSelect = $('filter-state');
    STATES.forEach(function (s) {
      legend.appendChild(el('li', { className: 'state-' + s[0], text: s[1] }));
      stateSelect.appendChild(el('option', { value: s[0], text: s[1] }));
    });
    ['filter-step', 'filter-state', 'filter-sort'].forEach(function (id) { $(id).addEventListener('change', route); });
    var typing = null;
    $('filter-agency').addEventListener('input', function () { clearTimeout(typing); typing = setTimeout(route, 300); });
    $('filters').addEventListener('submit', function (e) { e.preventDefault(); route(); });
    window.addEventListener('hashchange', function () {
      $('filter-agency').value = ''; $('filter-step').value = ''; $('filter-state').value = ''; $('filter-sort').value = 'worst';
      route();
    });
    api('GET', '/me').then(function (who) {
      me = who;
      $('who').textContent = 'Người dùng: ' + who.userId;
      api('GET', '/directory').then(function (agencies) {
        var list = $('directory');
        agencies.forEach(function (a) { list.appendChild(el('option', { value: a.code, text: a.name })); });
      });
      return route();
    }).catch(refused);
  }

  init();
}());
