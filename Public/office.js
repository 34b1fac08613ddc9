/* Gongkai office page: an office signs in with its token (sessionStorage only), posts records,
 * sees the API's validation messages next to the fields, and its pending and recent records. */
(function () {
  'use strict';
  var GK = window.GK;
  var el = GK.el;
  var TOKEN_KEY = 'gongkai.token';
  var WHO_KEY = 'gongkai.identity';
  var FIELDS = ['item_id', 'office', 'title', 'document_number', 'formed_on', 'published_on', 'url', 'summary', 'channels'];
  var LABELS = {
    item_id: '目录事项', office: '发布科室', title: '标题', document_number: '文号', formed_on: '成文（形成）日期',
    published_on: '发布日期', url: '原文链接', summary: '摘要', channels: '公开渠道和载体', body: '正文',
    document_type: '文件类型', event_on: '事件日期', related_record_id: '关联记录'
  };

  var catalogue = null;
  var token = null;
  var who = null;          // {name, role, office}
  var recentNext = null;

  function $(id) { return document.getElementById(id); }

  /* ---------- session ---------- */

  function loadSession() {
    try {
      token = sessionStorage.getItem(TOKEN_KEY);
      who = JSON.parse(sessionStorage.getItem(WHO_KEY) || 'null');
    } catch (e) { token = null; who = null; }
    if (!token || !who) { token = null; who = null; }
  }

  function saveSession(t, identity) {
    token = t;
    who = identity;
    try {
      sessionStorage.setItem(TOKEN_KEY, t);
      sessionStorage.setItem(WHO_KEY, JSON.stringify(identity));
    } catch (e) { /* private mode: the session lasts until reload */ }
  }

  function logout(message) {
    token = null;
    who = null;
    try { sessionStorage.removeItem(TOKEN_KEY); sessionStorage.removeItem(WHO_KEY); } catch (e) { /* ignore */ }
    showLogin(message);
  }

  function isAdmin() { return who && who.role === 'admin'; }

  /* ---------- login ---------- */

  function showLogin(message) {
    $('app').hidden = true;
    $('login-panel').hidden = false;
    $('token').value = '';
    setFieldError('token-error', $('token'), message || '');
    $('login-status').textContent = '';
    $('token').focus();
  }

  function setFieldError(errId, input, text) {
    var p = $(errId);
    p.textContent = text || '';
    p.hidden = !text;
    if (input) {
      if (text) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    }
  }

  /* Checks a token without /api/v1/me: a pending-records query needs a valid token. */
  function checkToken(t) {
    return GK.api('/api/v1/records?state=pending&limit=1', { token: t });
  }

  function onLogin(ev) {
    ev.preventDefault();
    var t = $('token').value.trim();
    setFieldError('token-error', $('token'), '');
    setFieldError('login-office-error', $('login-office'), '');
    if (!t) { setFieldError('token-error', $('token'), '请粘贴令牌'); $('token').focus(); return; }
    var choosing = !$('login-office-field').hidden;
    if (choosing && !$('login-office').value) {
      setFieldError('login-office-error', $('login-office'), '请选择令牌所属的科室');
      $('login-office').focus();
      return;
    }
    $('login-button').disabled = true;
    $('login-status').textContent = '正在验证令牌…';
    var done = function () { $('login-button').disabled = false; };
    var fail = function (err) {
      done();
      $('login-status').textContent = '';
      if (err.status === 401) {
        setFieldError('token-error', $('token'), '令牌无效或已被吊销，请检查是否完整粘贴，或联系管理员。');
        $('token').focus();
      } else {
        $('login-status').textContent = '';
        $('login-status').appendChild(el('p', { class: 'alert' }, '无法验证令牌：' + err.message));
      }
    };
    if (choosing) {
      checkToken(t).then(function () {
        done();
        enter(t, { name: null, role: 'unknown', office: $('login-office').value });
      }, fail);
      return;
    }
    GK.api('/api/v1/me', { token: t }).then(function (res) {
      done();
      var me = res.data || {};
      enter(t, identityFrom(me));
    }, function (err) {
      if (err.status === 401 || err.kind === 'network') { fail(err); return; }
      // No /api/v1/me on this server: check the token another way, then ask for the 科室 once.
      checkToken(t).then(function () {
        done();
        $('login-status').textContent = '令牌有效。请选择令牌所属的科室后再点“登录”。';
        $('login-office-field').hidden = false;
        $('login-office').focus();
      }, fail);
    });
  }

  /* GET /api/v1/me → {name, role, office, item_ids?}. */
  function identityFrom(me) {
    me = me || {};
    return { name: me.name || null, role: me.role || 'office', office: me.office || null,
      item_ids: Array.isArray(me.item_ids) ? me.item_ids : null };
  }

  /* On a later visit: refresh who the stored token is (and notice a revoked one). */
  function refreshIdentity() {
    GK.api('/api/v1/me', { token: token }).then(function (res) {
      saveSession(token, identityFrom(res.data));
      showApp();
    }, function (err) {
      if (err.status === 401) logout('登录已失效（令牌无效或已被吊销），请重新登录。');
      else showApp();   // no /api/v1/me here, or offline: keep what the login learnt
    });
  }

  function enter(t, identity) {
    saveSession(t, identity);
    $('token').value = '';
    showApp();
  }

  /* ---------- app ---------- */

  function showApp() {
    $('login-panel').hidden = true;
    $('app').hidden = false;
    $('who-office').textContent = isAdmin() ? '管理员' + (who.office ? '（' + who.office + '）' : '') : (who.office || '（未知科室）');
    $('who-name').textContent = who.name ? '令牌名称：' + who.name : '';
    $('office-field').hidden = !isAdmin();
    fillItems();
    loadPending();
    loadRecent(false);
  }

  function allowedItems() {
    if (!catalogue || !who) return [];
    if (isAdmin()) return catalogue.items.slice();
    if (who.item_ids) {
      return catalogue.items.filter(function (i) { return who.item_ids.indexOf(i.id) >= 0; });
    }
    return catalogue.items.filter(function (i) { return GK.mayPost(who.office || '', i.office); });
  }

  function itemTitle(item) { return item.content || item.subcategory || item.category; }
  function itemNumber(item) { return item.part ? item.seq + '-' + item.part : String(item.seq); }
  function itemById(id) {
    if (!catalogue) return null;
    for (var i = 0; i < catalogue.items.length; i++) if (catalogue.items[i].id === id) return catalogue.items[i];
    return null;
  }

  function shorten(text, n) { text = String(text || ''); return text.length > n ? text.slice(0, n) + '…' : text; }

  function fillItems() {
    var select = $('f-item_id');
    var keep = select.value;
    while (select.options.length > 1) select.remove(1);
    Array.prototype.slice.call(select.querySelectorAll('optgroup')).forEach(function (g) { g.remove(); });
    var items = allowedItems();
    var groups = [];
    var byName = {};
    items.forEach(function (item) {
      var g = byName[item.category];
      if (!g) { g = byName[item.category] = el('optgroup', { label: item.category }); groups.push(g); }
      var label = itemNumber(item) + ' ' + (item.subcategory ? item.subcategory + '：' : '') + shorten(item.content, 40);
      g.appendChild(el('option', { value: item.id }, label));
    });
    groups.forEach(function (g) { select.appendChild(g); });
    if (keep && itemById(keep)) select.value = keep;
    onItemChange();

    var list = GK.clear($('allowed-list'));
    items.forEach(function (item) {
      list.appendChild(el('li', null, el('strong', null, itemNumber(item) + ' ' + item.category + ' › ' + (item.subcategory || '')), '：',
        itemTitle(item), el('span', { class: 'meta' }, '（公开主体：' + item.office + '；' + item.deadline + '）')));
    });
    $('allowed-summary').textContent = (isAdmin() ? '管理员可向全部 ' : '本科室可向 ') + items.length + ' 个事项发布，点此查看';
    if (!items.length) {
      $('allowed-summary').textContent = '目录中没有本科室可发布的事项';
    }

    var officeSel = $('f-office');
    if (officeSel.options.length === 1) GK.OFFICES.forEach(function (o) { officeSel.appendChild(el('option', { value: o }, o)); });
    var loginOffice = $('login-office');
    if (loginOffice.options.length === 1) GK.OFFICES.forEach(function (o) { loginOffice.appendChild(el('option', { value: o }, o)); });
  }

  function onItemChange() {
    var item = itemById($('f-item_id').value);
    var hint = $('item-hint');
    hint.textContent = item ? '公开主体：' + item.office + '；公开时限：' + GK.dash(item.deadline) +
      '；公开渠道：' + GK.dash(GK.channelText(item.channels)) : '';
    renderChannels(item);
  }

  function baseName(label) {
    var m = /^(.*?)\s*[（(]/.exec(label);
    return m && m[1] ? m[1] : label;
  }

  function renderChannels(item) {
    var box = GK.clear($('channel-choices'));
    var names = [];
    (catalogue && catalogue.channels || []).forEach(function (label) {
      var n = baseName(label);
      if (names.indexOf(n) < 0) names.push(n);
    });
    var ticked = item ? (item.channels || []).map(function (c) { return c.name; }) : [];
    ticked.forEach(function (n) { if (names.indexOf(n) < 0) names.push(n); });
    names.forEach(function (n, i) {
      box.appendChild(el('label', { class: 'choice' },
        el('input', { type: 'checkbox', name: 'channels', value: n, id: 'ch-' + i, checked: ticked.indexOf(n) >= 0 }), ' ', n));
    });
  }

  /* ---------- posting ---------- */

  function clearErrors() {
    FIELDS.forEach(function (f) {
      var p = $('err-' + f);
      if (p) { p.textContent = ''; p.hidden = true; }
      var input = $('f-' + f);
      if (input) input.removeAttribute('aria-invalid');
    });
    $('error-summary').hidden = true;
    GK.clear($('error-list'));
  }

  /* Puts each API message next to its field and lists them all at the top of the form. */
  function showErrors(problem, fallbackText) {
    clearErrors();
    var list = $('error-list');
    var errors = (problem && problem.errors) || [];
    var placed = {};
    errors.forEach(function (e) {
      var field = e.field || String(e.pointer || '').split('/')[1] || '';
      var text = GK.zh(e.detail);
      var p = $('err-' + field);
      if (field === 'office') $('office-field').hidden = false;
      if (p) {
        p.textContent = p.textContent ? p.textContent + '；' + text : text;
        p.hidden = false;
        var input = $('f-' + field);
        if (input) input.setAttribute('aria-invalid', 'true');
        placed[field] = true;
        var target = field === 'channels' ? 'ch-0' : (field === 'published_on' ? 'f-published_on' : 'f-' + field);
        list.appendChild(el('li', null, el('a', { href: '#' + target, onclick: focusField(target) }, (LABELS[field] || field) + '：' + text)));
      } else {
        list.appendChild(el('li', null, (LABELS[field] || field || '请求') + '：' + text));
      }
    });
    if (!errors.length) {
      list.appendChild(el('li', null, fallbackText || '提交失败'));
    }
    $('error-summary').hidden = false;
    $('error-summary').focus();
  }

  function focusField(id) {
    return function (ev) {
      var target = $(id);
      if (!target) return;
      ev.preventDefault();
      target.focus();
      target.scrollIntoView({ block: 'center' });
    };
  }

  function formBody() {
    var body = { item_id: $('f-item_id').value, title: $('f-title').value.trim() };
    if (!body.item_id) delete body.item_id;
    var formed = $('f-formed_on').value;
    if (formed) body.formed_on = formed;
    if ($('pub-pending').checked) body.published_on = null;
    else if ($('f-published_on').value) body.published_on = $('f-published_on').value;
    ['document_number', 'summary', 'url'].forEach(function (f) {
      var v = $('f-' + f).value.trim();
      if (v) body[f] = v;
    });
    var channels = Array.prototype.slice.call(document.querySelectorAll('#channel-choices input:checked'))
      .map(function (c) { return c.value; });
    if ($('channel-choices').children.length) body.channels = channels;
    var office = isAdmin() ? $('f-office').value : who.office;
    if (office) body.office = office;
    return body;
  }

  function onSubmit(ev) {
    ev.preventDefault();
    clearErrors();
    var result = GK.clear($('post-result'));
    var body = formBody();
    var button = $('submit-record');
    button.disabled = true;
    button.textContent = '正在提交…';
    var finish = function () { button.disabled = false; button.textContent = '提交'; };
    GK.api('/api/v1/records', { method: 'POST', body: body, token: token }).then(function (res) {
      finish();
      var r = res.data;
      var item = itemById(r.item_id);
      var box = el('div', { class: 'success', tabindex: '-1', id: 'post-success' },
        el('p', null, el('strong', null, r.state === 'pending' ? '已登记（待发布）：' : '已发布：'), '“' + r.title + '”'),
        el('p', null, '索引号：' + r.index_number + (r.due_on ? '；应公开日期：' + r.due_on : '') + '；' + GK.compliance(r).text),
        r.state === 'pending'
          ? el('p', null, '待发布记录不会出现在公开目录中；发布后请及时更新发布日期。')
          : el('p', null, el('a', { href: './?item=' + encodeURIComponent(r.item_id), id: 'view-public' },
            '在公开目录中查看' + (item ? '“' + shorten(itemTitle(item), 20) + '”' : '') + '的记录')));
      result.appendChild(box);
      ['f-title', 'f-document_number', 'f-summary', 'f-url'].forEach(function (id) { $(id).value = ''; });
      box.focus();
      loadPending();
      loadRecent(false);
    }, function (err) {
      finish();
      if (err.status === 401) {
        logout('登录已失效（令牌无效或已被吊销），请重新登录。记录未提交。');
        return;
      }
      if (err.status === 403) {
        showErrors({ errors: [{ field: 'item_id', detail: err.message }] });
        return;
      }
      if (err.kind === 'network') { showErrors(null, err.message + '记录未提交。'); return; }
      showErrors(err.problem, err.message);
    });
  }

  /* ---------- lists ---------- */

  function complianceBadge(r) {
    var c = GK.compliance(r);
    return el('span', { class: 'badge tone-' + c.tone }, c.text);
  }

  function recordTable(records, caption, withPublished) {
    var cols = ['索引号', '标题', '所属事项', '成文日期'];
    if (withPublished) cols.push('发布日期');
    cols.push('应公开日期', '时限情况');
    if (!withPublished) cols.push('登记发布');
    return el('div', { class: 'table-wrap' }, GK.tableRoles(el('table', { class: 'stack' },
      el('caption', null, caption),
      el('thead', null, el('tr', null, cols.map(function (c) { return el('th', { scope: 'col' }, c); }))),
      el('tbody', null, records.map(function (r) {
        var item = itemById(r.item_id);
        var url = GK.safeUrl(r.url);
        var cells = [
          el('td', { class: 'c-index', 'data-label': '索引号' }, r.index_number),
          el('th', { scope: 'row', 'data-label': '标题' }, el('span', null,
            url ? el('a', { href: url, rel: 'noopener noreferrer' }, r.title) : r.title,
            r.document_number ? el('span', { class: 'record-summary' }, r.document_number) : null,
            isAdmin() ? el('span', { class: 'record-summary' }, r.office) : null)),
          el('td', { 'data-label': '所属事项' }, item ? itemNumber(item) + ' ' + shorten(itemTitle(item), 24) : GK.dash(r.item_id)),
          el('td', { class: 'c-date', 'data-label': '成文日期' }, GK.dash(r.formed_on))
        ];
        if (withPublished) cells.push(el('td', { class: 'c-date', 'data-label': '发布日期' }, r.published_on || '待发布'));
        cells.push(el('td', { class: 'c-date', 'data-label': '应公开日期' }, GK.dash(r.due_on)));
        cells.push(el('td', { 'data-label': '时限情况' }, complianceBadge(r)));
        if (!withPublished) cells.push(publishCell(r));
        return el('tr', { 'data-id': r.id }, cells);
      })))));
  }

  /* A pending record is published by setting its published_on (PATCH with If-Match). */
  function publishCell(r) {
    var id = 'pub-' + r.id;
    var input = el('input', { type: 'date', id: id, class: 'publish-date', value: GK.todayChina(), 'aria-describedby': id + '-err' });
    var err = el('p', { class: 'field-error', id: id + '-err', hidden: true });
    var button = el('button', { type: 'button', class: 'btn btn-small publish-button' }, '确认发布');
    button.addEventListener('click', function () { publish(r, input, err, button); });
    return el('td', { 'data-label': '登记发布' }, el('span', { class: 'publish' },
      el('label', { for: id, class: 'visually-hidden' }, '“' + r.title + '”的发布日期'), input, button, err));
  }

  function publish(r, input, err, button) {
    err.hidden = true;
    input.removeAttribute('aria-invalid');
    button.disabled = true;
    var path = '/api/v1/records/' + encodeURIComponent(r.id);
    GK.api(path, { token: token }).then(function (res) {
      var etag = res.headers.get('ETag') || '*';
      return GK.api(path, { method: 'PATCH', token: token, headers: { 'If-Match': etag },
        body: { published_on: input.value || GK.todayChina() } });
    }).then(function (res) {
      var status = GK.clear($('pending-status'));
      var c = GK.compliance(res.data);
      status.appendChild(el('p', { class: 'success' }, '已登记发布：“' + res.data.title + '”，发布日期 ' + res.data.published_on + '，' + c.text + '。'));
      loadPending();
      loadRecent(false);
    }, function (e) {
      button.disabled = false;
      if (e.status === 401) { logout('登录已失效（令牌无效或已被吊销），请重新登录。'); return; }
      var fieldErrors = (e.problem && e.problem.errors) || [];
      err.textContent = fieldErrors.length ? fieldErrors.map(function (f) { return GK.zh(f.detail); }).join('；') : e.message;
      err.hidden = false;
      input.setAttribute('aria-invalid', 'true');
      input.focus();
    });
  }

  function listError(body, err, retry) {
    if (err.status === 401) { logout('登录已失效（令牌无效或已被吊销），请重新登录。'); return; }
    GK.clear(body).appendChild(el('div', { class: 'alert' },
      el('p', null, '无法加载记录：' + err.message),
      el('p', null, el('button', { type: 'button', class: 'btn btn-small', onclick: retry }, '重试'))));
  }

  function officeParam() { return who.office || ''; }

  function loadPending() {
    var body = $('pending-body');
    GK.api('/api/v1/records' + GK.qs({ state: 'pending', office: officeParam(), limit: 100 }), { token: token }).then(function (res) {
      var records = res.data.records || [];
      GK.clear(body);
      if (!records.length) {
        body.appendChild(el('p', { class: 'notice' }, '没有待发布的记录。'));
        return;
      }
      var overdue = records.filter(function (r) { return r.compliance === 'overdue'; }).length;
      if (overdue) body.appendChild(el('p', { class: 'alert' }, '有 ' + overdue + ' 条记录已超过应公开日期仍未发布，请尽快处理。'));
      body.appendChild(recordTable(records, '待发布记录共 ' + res.data.total + ' 条', false));
    }, function (err) { listError(body, err, loadPending); });
  }

  function loadRecent(more) {
    var body = $('recent-body');
    var params = { office: officeParam(), limit: 20 };
    if (more && recentNext) params.cursor = recentNext;
    GK.api('/api/v1/records' + GK.qs(params), { token: token }).then(function (res) {
      var records = res.data.records || [];
      recentNext = res.data.next || null;
      if (!more) {
        GK.clear(body);
        if (!records.length) { body.appendChild(el('p', { class: 'notice' }, '还没有记录。')); return; }
        body.appendChild(recordTable(records, (isAdmin() && !who.office ? '全部科室' : '本科室') + '的记录共 ' + res.data.total + ' 条（含待发布），按发布日期从新到旧排列', true));
      } else {
        var tbody = body.querySelector('tbody');
        var fresh = recordTable(records, '', true).querySelector('tbody');
        var first = fresh.firstChild;
        while (fresh.firstChild) tbody.appendChild(fresh.firstChild);
        if (first) { first.setAttribute('tabindex', '-1'); first.focus(); }
      }
      var old = $('recent-more');
      if (old) old.remove();
      if (recentNext) {
        body.appendChild(el('p', null, el('button', { type: 'button', class: 'btn', id: 'recent-more',
          onclick: function () { loadRecent(true); } }, '加载更多')));
      }
    }, function (err) { listError(body, err, function () { loadRecent(false); }); });
  }

  /* ---------- start ---------- */

  function start() {
    loadSession();
    $('f-published_on').value = GK.todayChina();
    GK.api('/api/v1/catalogue').then(function (res) {
      catalogue = res.data;
      if (catalogue && catalogue.agency) $('agency').textContent = catalogue.agency;
      fillItems();
      if (token) refreshIdentity(); else showLogin('');
    }, function (err) {
      $('page-error').appendChild(el('div', { class: 'alert', role: 'alert' },
        el('h2', null, '页面暂时无法使用'),
        el('p', null, '无法读取目录：' + err.message),
        el('p', null, el('button', { type: 'button', class: 'btn btn-primary', onclick: function () { location.reload(); } }, '重试'))));
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    $('login-form').addEventListener('submit', onLogin);
    $('record-form').addEventListener('submit', onSubmit);
    $('record-form').addEventListener('reset', function () {
      window.setTimeout(function () {
        clearErrors();
        GK.clear($('post-result'));
        $('f-published_on').value = GK.todayChina();
        $('f-published_on').disabled = false;
        onItemChange();
      }, 0);
    });
    $('f-item_id').addEventListener('change', onItemChange);
    $('logout').addEventListener('click', function () { logout(''); });
    ['pub-now', 'pub-pending'].forEach(function (id) {
      $(id).addEventListener('change', function () {
        var pending = $('pub-pending').checked;
        $('f-published_on').disabled = pending;
        $('published-label').textContent = pending ? '发布日期（暂未发布）' : '发布日期';
      });
    });
    start();
  });
})();
