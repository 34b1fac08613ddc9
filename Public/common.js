/* Gongkai: helpers shared by index.html and office.html. No framework, no build step. */
(function () {
  'use strict';

  /* The bureau's own 科室, as in config.json "offices". Kept here until the server exposes them. */
  var OFFICES = ['办公室', '中小企业科', '工业经济科', '节能管理科'];

  /* Builds an element: el('a', {href: '/', class: 'x'}, 'text', child...). Text is always set as text. */
  function el(tag, attrs) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (key) {
        var value = attrs[key];
        if (value === null || value === undefined || value === false) return;
        if (key === 'class') node.className = value;
        else if (key === 'text') node.textContent = value;
        else if (key === 'hidden') node.hidden = !!value;
        else if (key.slice(0, 2) === 'on' && typeof value === 'function') node.addEventListener(key.slice(2), value);
        else node.setAttribute(key, value === true ? '' : String(value));
      });
    }
    for (var i = 2; i < arguments.length; i++) append(node, arguments[i]);
    return node;
  }

  function append(node, child) {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) { child.forEach(function (c) { append(node, c); }); return; }
    node.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }

  /* The problem details carry "中文 (English)"; a Chinese page shows the Chinese half. */
  var CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
  function zh(text) {
    if (!text) return '';
    text = String(text);
    if (text.charAt(text.length - 1) !== ')') return text;
    var at = text.indexOf(' (');
    while (at > 0) {
      var head = text.slice(0, at);
      var tail = text.slice(at + 2, -1);
      if (CJK.test(head) && !CJK.test(tail)) return head;
      at = text.indexOf(' (', at + 1);
    }
    return text;
  }

  /* An error the page can put into words. kind: network | http */
  function ApiError(kind, status, problem, message) {
    this.kind = kind;
    this.status = status;
    this.problem = problem || null;
    this.message = message;
  }

  /* fetch + JSON + problem+json. Resolves {status, data, headers}; rejects with ApiError. */
  function api(path, options) {
    options = options || {};
    var headers = { 'Accept': 'application/json' };
    if (options.token) headers['Authorization'] = 'Bearer ' + options.token;
    if (options.headers) Object.keys(options.headers).forEach(function (k) { headers[k] = options.headers[k]; });
    var init = { method: options.method || 'GET', headers: headers, cache: 'no-cache', credentials: 'same-origin' };
    if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(options.body);
    }
    var controller = typeof AbortController === 'function' ? new AbortController() : null;
    var timer = null;
    if (controller) {
      init.signal = controller.signal;
      timer = setTimeout(function () { controller.abort(); }, options.timeout || 15000);
    }
    return fetch(path, init).then(function (response) {
      if (timer) clearTimeout(timer);
      return response.text().then(function (text) {
        var data = null;
        try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
        if (response.ok) {
          if (data === null && response.status !== 204) {
            throw new ApiError('http', response.status, null, '服务器返回的内容无法识别（不是 JSON），请稍后重试。');
          }
          return { status: response.status, data: data, headers: response.headers };
        }
        throw new ApiError('http', response.status, data, describeStatus(response.status, data));
      });
    }, function (err) {
      if (timer) clearTimeout(timer);
      var timedOut = err && err.name === 'AbortError';
      throw new ApiError('network', 0, null, timedOut
        ? '服务器长时间没有响应，请稍后重试。'
        : '无法连接服务器：可能是网络中断或服务器未运行。请检查网络后重试。');
    });
  }

  function describeStatus(status, problem) {
    var detail = problem && problem.detail ? zh(problem.detail) : '';
    var generic = {
      400: '请求无效', 401: '令牌无效或已被吊销，请重新登录', 403: '无权进行此操作', 404: '没有找到所请求的内容',
      409: '与现有数据冲突', 413: '提交的内容过大', 422: '提交的内容有误，请按提示修改', 429: '请求过于频繁，请稍后再试',
      500: '服务器内部错误，请稍后重试或联系管理员', 502: '服务器暂时不可用，请稍后重试', 503: '服务器暂时不可用，请稍后重试',
      504: '服务器响应超时，请稍后重试', 507: '服务器存储空间不足，请联系管理员'
    }[status] || ('服务器返回错误（' + status + '）');
    var text = detail || generic;
    if (problem && problem.request_id && status >= 500) text += '（请求编号 ' + problem.request_id + '）';
    return text;
  }

  /* 科室 named in a 公开主体 text. */
  function officesNamed(text) {
    return OFFICES.filter(function (o) { return String(text || '').indexOf(o) >= 0; });
  }

  /* Issue 3's rule: an office may post to items naming it, or naming no configured office. */
  function mayPost(office, itemOffice) {
    var named = officesNamed(itemOffice);
    return named.length === 0 || named.indexOf(office) >= 0;
  }

  /* Today in China (the server's "today"), as YYYY-MM-DD. */
  function todayChina() {
    try {
      var parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' })
        .formatToParts(new Date());
      var get = function (t) { return parts.filter(function (p) { return p.type === t; })[0].value; };
      return get('year') + '-' + get('month') + '-' + get('day');
    } catch (e) {
      var d = new Date(Date.now() + 8 * 3600 * 1000);
      return d.toISOString().slice(0, 10);
    }
  }

  function channelText(channels) {
    return (channels || []).map(function (c) {
      return typeof c === 'string' ? c : (c.note ? c.name + '（' + c.note + '）' : c.name);
    }).join('、');
  }

  /* A record's deadline status in words; tone picks the badge colour (never the only signal). */
  function compliance(record) {
    var c = record.compliance;
    var r = { text: '', tone: 'neutral' };
    if (record.state === 'withdrawn') { r.text = '已撤回'; return r; }
    if (c === 'on_time') { r.text = '按时公开'; r.tone = 'good'; }
    else if (c === 'late') {
      r.text = '逾期公开' + (record.late_by_working_days ? '（晚 ' + record.late_by_working_days + ' 个工作日）' : '');
      r.tone = 'warn';
    }
    else if (c === 'pending') { r.text = '待发布（未到期）'; r.tone = 'info'; }
    else if (c === 'overdue') { r.text = '已超期未发布'; r.tone = 'bad'; }
    else if (c === 'no_deadline') { r.text = '无固定时限'; }
    else { r.text = c ? String(c) : '—'; }
    if (record.calendar_missing) r.text += '（该年节假日安排未录入，按周一至周五计算）';
    return r;
  }

  function dash(v) { return v === null || v === undefined || v === '' ? '—' : String(v); }

  function qs(params) {
    var parts = [];
    Object.keys(params).forEach(function (k) {
      var v = params[k];
      if (v === null || v === undefined || v === '') return;
      parts.push(encodeURIComponent(k) + '=' + encodeURIComponent(v));
    });
    return parts.length ? '?' + parts.join('&') : '';
  }

  /* Reads a query string into a plain object (first value wins). */
  function parseQuery(search) {
    var out = {};
    String(search || '').replace(/^\?/, '').split('&').forEach(function (pair) {
      if (!pair) return;
      var i = pair.indexOf('=');
      var k = i < 0 ? pair : pair.slice(0, i);
      var v = i < 0 ? '' : pair.slice(i + 1);
      try {
        k = decodeURIComponent(k.replace(/\+/g, ' '));
        v = decodeURIComponent(v.replace(/\+/g, ' '));
      } catch (e) { return; }
      if (!(k in out)) out[k] = v;
    });
    return out;
  }

  /* Only http(s) links are ever put into href. */
  function safeUrl(url) {
    return /^https?:\/\/[^\s]+$/i.test(String(url || '')) ? String(url) : null;
  }

  /* Text for the catalogue JSON's "updated_at". */
  function formatTimestamp(ts) {
    if (!ts) return '';
    var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(ts));
    return m ? m[1] + '年' + Number(m[2]) + '月' + Number(m[3]) + '日' : String(ts);
  }

  /* Narrow screens restyle table cells as blocks; explicit roles keep the table for screen readers. */
  function tableRoles(table) {
    table.setAttribute('role', 'table');
    Array.prototype.forEach.call(table.querySelectorAll('thead, tbody'), function (n) { n.setAttribute('role', 'rowgroup'); });
    Array.prototype.forEach.call(table.querySelectorAll('tr'), function (n) { n.setAttribute('role', 'row'); });
    Array.prototype.forEach.call(table.querySelectorAll('th'), function (n) {
      n.setAttribute('role', n.getAttribute('scope') === 'row' ? 'rowheader' : 'columnheader');
    });
    Array.prototype.forEach.call(table.querySelectorAll('td'), function (n) { n.setAttribute('role', 'cell'); });
    return table;
  }

  window.GK = {
    tableRoles: tableRoles,
    OFFICES: OFFICES, el: el, clear: clear, zh: zh, api: api, ApiError: ApiError, officesNamed: officesNamed,
    mayPost: mayPost, todayChina: todayChina, channelText: channelText, compliance: compliance, dash: dash, qs: qs,
    parseQuery: parseQuery, safeUrl: safeUrl, formatTimestamp: formatTimestamp
  };
})();
