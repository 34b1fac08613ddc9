/* Gongkai public page: the 政府信息公开基本目录 and its publication records.
 * One unfiltered catalogue request; catalogue filtering happens here; records come from the API.
 * State lives in the query string: q, office, year, item, cursor, page. */
(function () {
  'use strict';
  var GK = window.GK;
  var el = GK.el;
  var PAGE_SIZE = 20;
  var YEARS_BACK = 10;

  var catalogue = null;   // the catalogue document
  var state = readState();
  var generation = 0;     // discards responses that arrive after a newer render
  var typingTimer = null;

  function $(id) { return document.getElementById(id); }

  /* ---------- state and URL ---------- */

  function readState() {
    var p = GK.parseQuery(location.search);
    return {
      q: String(p.q || '').trim().slice(0, 100),
      office: String(p.office || ''),
      year: /^\d{4}$/.test(p.year || '') ? p.year : '',
      item: String(p.item || ''),
      cursor: String(p.cursor || ''),
      page: Math.max(1, parseInt(p.page, 10) || 1)
    };
  }

  function urlFor(s) {
    return location.pathname + GK.qs({
      q: s.q, office: s.office, year: s.year, item: s.item,
      cursor: s.cursor, page: s.cursor && s.page > 1 ? s.page : ''
    });
  }

  function sameState(a, b) {
    return a.q === b.q && a.office === b.office && a.year === b.year && a.item === b.item && a.cursor === b.cursor;
  }

  function with_(changes) {
    var s = {};
    Object.keys(state).forEach(function (k) { s[k] = state[k]; });
    Object.keys(changes).forEach(function (k) { s[k] = changes[k]; });
    if (!('cursor' in changes)) { s.cursor = ''; s.page = 1; }
    return s;
  }

  /* Moves to a new state. mode: push | replace | typing (one history entry per typing burst). */
  function go(next, mode, extra) {
    var histState = { trail: (extra && extra.trail) || [], typing: mode === 'typing' };
    var url = urlFor(next);
    var replace = mode === 'replace' || (mode === 'typing' && history.state && history.state.typing);
    if (replace) history.replaceState(histState, '', url);
    else history.pushState(histState, '', url);
    state = next;
    render({ focus: extra && extra.focus, focusRecords: extra && extra.records });
  }

  /* An in-page link that changes state without a reload (still a real link: new tab, copy link work). */
  function navLink(next, text, attrs, extra) {
    attrs = attrs || {};
    attrs.href = urlFor(next);
    attrs.onclick = function (ev) {
      if (ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
      ev.preventDefault();
      go(next, 'push', extra || { focus: true });
    };
    return el('a', attrs, text);
  }

  /* ---------- catalogue filtering ---------- */

  function itemText(item) {
    var parts = [item.id, item.category, item.subcategory, item.content, item.basis, item.office, item.deadline,
      GK.channelText(item.channels), (item.audience || []).join(' '), (item.method || []).join(' '), item.level || ''];
    var extra = item.extra || {};
    Object.keys(extra).forEach(function (k) { parts.push(k, extra[k]); });
    return parts.join('\n').toLowerCase();
  }

  function officeMatches(item, office) {
    if (!office) return true;
    if (GK.OFFICES.indexOf(office) >= 0) return String(item.office || '').indexOf(office) >= 0;
    return item.office === office;
  }

  function filteredItems() {
    var terms = state.q.toLowerCase().split(/\s+/).filter(Boolean);
    return catalogue.items.filter(function (item) {
      if (!officeMatches(item, state.office)) return false;
      if (!terms.length) return true;
      var text = item._text || (item._text = itemText(item));
      return terms.every(function (t) { return text.indexOf(t) >= 0; });
    });
  }

  /* 一级事项 → 二级事项 → items, in catalogue order. */
  function group(items) {
    var cats = [];
    var byCat = {};
    items.forEach(function (item) {
      var c = byCat[item.category];
      if (!c) { c = byCat[item.category] = { name: item.category, subs: [], bySub: {}, count: 0 }; cats.push(c); }
      var key = item.subcategory || '';
      var s = c.bySub[key];
      if (!s) { s = c.bySub[key] = { name: key, items: [] }; c.subs.push(s); }
      s.items.push(item);
      c.count++;
    });
    return cats;
  }

  function totalsByCategory() {
    var t = {};
    catalogue.items.forEach(function (i) {
      var key = i.category;
      t[key] = t[key] || { count: 0, subs: {} };
      t[key].count++;
      t[key].subs[i.subcategory || ''] = (t[key].subs[i.subcategory || ''] || 0) + 1;
    });
    return t;
  }

  function itemTitle(item) { return item.content || item.subcategory || item.category; }
  function itemNumber(item) { return item.part ? item.seq + '-' + item.part : String(item.seq); }

  /* ---------- rendering ---------- */

  function announce(text) {
    var s = $('status');
    s.textContent = '';
    window.setTimeout(function () { s.textContent = text; }, 50);
  }

  function setupFilters() {
    var officeSel = $('office');
    var generic = [];
    var seen = {};
    catalogue.items.forEach(function (i) {
      var o = i.office || '';
      if (!o || seen[o] || GK.officesNamed(o).length) return;
      seen[o] = true;
      generic.push(o);
    });
    var named = GK.OFFICES.filter(function (o) {
      return catalogue.items.some(function (i) { return String(i.office || '').indexOf(o) >= 0; });
    });
    var g1 = el('optgroup', { label: '本局科室' }, named.map(function (o) { return el('option', { value: o }, o); }));
    officeSel.appendChild(g1);
    if (generic.length) {
      officeSel.appendChild(el('optgroup', { label: '目录中的其他公开主体' },
        generic.map(function (o) { return el('option', { value: o }, o); })));
    }
    var yearSel = $('year');
    var thisYear = parseInt(GK.todayChina().slice(0, 4), 10);
    for (var y = thisYear; y > thisYear - YEARS_BACK; y--) yearSel.appendChild(el('option', { value: String(y) }, y + '年'));
  }

  function syncForm() {
    $('q').value = state.q;
    var officeSel = $('office');
    if (state.office && !Array.prototype.some.call(officeSel.options, function (o) { return o.value === state.office; })) {
      officeSel.appendChild(el('option', { value: state.office }, state.office));
    }
    officeSel.value = state.office;
    var yearSel = $('year');
    if (state.year && !Array.prototype.some.call(yearSel.options, function (o) { return o.value === state.year; })) {
      yearSel.appendChild(el('option', { value: state.year }, state.year + '年'));
    }
    yearSel.value = state.year;
  }

  function render(opts) {
    generation++;
    syncForm();
    var view = GK.clear($('view'));
    if (!catalogue) return;
    if (state.item) renderItem(view);
    else renderCatalogue(view);
    var target = null;
    if (opts && opts.focusRecords) target = view.querySelector('#records-heading');
    else if (opts && opts.focus) target = view.querySelector('[data-focus]');
    if (target) target.focus();
  }

  function filterDescription() {
    var parts = [];
    if (state.q) parts.push('关键词“' + state.q + '”');
    if (state.office) parts.push('公开主体：' + state.office);
    if (state.year) parts.push(state.year + '年发布');
    return parts.join('，');
  }

  function renderCatalogue(view) {
    var items = filteredItems();
    var total = catalogue.items.length;
    var filtering = !!(state.q || state.office);
    var recordQuery = !!(state.q || state.office || state.year);
    document.title = (filtering ? '搜索结果 - ' : '') + catalogue.title;

    var summary = el('div', { class: 'summary' },
      el('h2', { class: 'summary-title', id: 'summary-heading', tabindex: '-1', 'data-focus': true },
        filtering ? '找到 ' + items.length + ' 项目录事项' : '目录共 ' + total + ' 项',
        recordQuery ? el('span', { id: 'summary-records' }, '，正在查找发布记录…') : null),
      recordQuery ? el('p', null, '条件：' + filterDescription() + '。',
        ' ', el('a', { href: '#records-section' }, '跳到发布记录'), ' ',
        navLink({ q: '', office: '', year: '', item: '', cursor: '', page: 1 }, '清除全部条件', { class: 'clear-link' })) : null);
    view.appendChild(summary);

    var records = recordQuery ? recordsSection({ title: '发布记录', global: true }) : null;
    if (records && !filtering) view.appendChild(records);   // only a year: the records are the answer
    if (!items.length) {
      view.appendChild(el('div', { class: 'notice', id: 'no-items' },
        el('p', null, '没有找到符合条件的目录事项。'),
        el('p', null, '请换一个关键词，或', navLink(with_({ q: '', office: '' }), '查看全部目录事项'), '。')));
    } else {
      view.appendChild(catalogueList(items, filtering));
    }
    if (records && filtering) view.appendChild(records);
    if (!recordQuery) announce('目录共 ' + total + ' 项');
  }

  function catalogueList(items, filtering) {
    var groups = group(items);
    var totals = totalsByCategory();
    var layout = el('div', { class: 'layout' });
    var toc = el('nav', { class: 'toc', 'aria-label': '一级事项导航' },
      el('p', { class: 'toc-title', id: 'toc-title' }, '一级事项'),
      el('ol', null, groups.map(function (c, i) {
        return el('li', null, el('a', { href: '#cat-' + (i + 1) }, c.name, ' ', el('span', { class: 'count' }, '（' + c.count + '）')));
      })));
    layout.appendChild(toc);
    var list = el('div', { class: 'catalogue', id: 'catalogue' });
    groups.forEach(function (c, i) {
      var all = totals[c.name] ? totals[c.name].count : c.count;
      var section = el('section', { class: 'category', id: 'cat-' + (i + 1), 'aria-labelledby': 'cat-h-' + (i + 1) },
        el('h2', { id: 'cat-h-' + (i + 1) }, c.name, ' ',
          el('span', { class: 'count' }, filtering && all !== c.count ? '（' + c.count + ' / ' + all + ' 项）' : '（' + c.count + ' 项）')));
      c.subs.forEach(function (s) {
        var subAll = totals[c.name] ? totals[c.name].subs[s.name] : s.items.length;
        var sub = el('section', { class: 'subcategory' },
          el('h3', null, s.name || '（未分二级事项）', ' ',
            el('span', { class: 'count' }, filtering && subAll !== s.items.length ? '（' + s.items.length + ' / ' + subAll + ' 项）' : '（' + s.items.length + ' 项）')));
        s.items.forEach(function (item) { sub.appendChild(itemCard(item)); });
        section.appendChild(sub);
      });
      list.appendChild(section);
    });
    layout.appendChild(list);
    return layout;
  }

  function fieldRows(item, full) {
    var rows = [];
    if (full) {
      rows.push(['序号', itemNumber(item)], ['一级事项', item.category], ['二级事项', item.subcategory], ['公开内容', item.content]);
    }
    rows.push(
      ['公开依据', item.basis],
      ['公开主体', item.office],
      ['公开时限', item.deadline],
      ['公开渠道和载体', GK.channelText(item.channels)],
      ['公开对象', (item.audience || []).join('、')],
      ['公开方式', (item.method || []).join('、')]);
    if (item.level) rows.push(['公开层级', item.level]);
    var extra = item.extra || {};
    Object.keys(extra).forEach(function (k) { rows.push([k, extra[k]]); });
    var wide = { '公开内容': 1, '公开依据': 1, '公开渠道和载体': 1 };
    return el('dl', { class: 'fields' }, rows.map(function (r) {
      return el('div', { class: wide[r[0]] ? 'field-row wide' : 'field-row' }, el('dt', null, r[0]), el('dd', null, GK.dash(r[1])));
    }));
  }

  function itemCard(item) {
    var title = itemTitle(item);
    return el('article', { class: 'item', id: 'item-' + item.id, 'aria-labelledby': 'item-h-' + item.id },
      el('h4', { id: 'item-h-' + item.id, class: 'item-title' },
        el('span', { class: 'seq' }, itemNumber(item)), ' ',
        navLink(with_({ item: item.id }), title, { class: 'item-link', 'data-item': item.id })),
      fieldRows(item, false));
  }

  function renderItem(view) {
    var item = null;
    catalogue.items.forEach(function (i) { if (i.id === state.item) item = i; });
    var back = navLink(with_({ item: '' }), '返回公开目录', { class: 'back-link' });
    if (!item) {
      document.title = '未找到事项 - ' + catalogue.title;
      view.appendChild(el('div', { class: 'alert', role: 'alert' },
        el('h2', { tabindex: '-1', 'data-focus': true }, '目录中没有编号为“' + state.item + '”的事项'),
        el('p', null, '该事项可能已被调整。', back)));
      return;
    }
    var title = itemTitle(item);
    document.title = title + ' - ' + catalogue.title;
    view.appendChild(el('nav', { class: 'breadcrumb', 'aria-label': '当前位置' },
      el('ol', null,
        el('li', null, back),
        el('li', null, item.category),
        el('li', { 'aria-current': 'page' }, item.subcategory || title))));
    view.appendChild(el('article', { class: 'item-detail', 'aria-labelledby': 'item-heading' },
      el('h2', { id: 'item-heading', tabindex: '-1', 'data-focus': true }, el('span', { class: 'seq' }, itemNumber(item)), ' ', title),
      fieldRows(item, true)));
    view.appendChild(recordsSection({ title: '发布记录', item: item }));
    announce('事项：' + title);
  }

  /* ---------- records ---------- */

  function recordsSection(opts) {
    var section = el('section', { class: 'records', id: 'records-section', 'aria-labelledby': 'records-heading' });
    var heading = el('h2', { id: 'records-heading', tabindex: '-1' }, opts.title);
    if (opts.item) heading = el('h3', { id: 'records-heading', tabindex: '-1' }, opts.title);
    var body = el('div', { class: 'records-body', 'aria-busy': 'true' }, el('p', { class: 'loading' }, '正在加载发布记录…'));
    section.appendChild(heading);
    var desc = filterDescription();
    if (desc && !opts.global) section.appendChild(el('p', { class: 'meta' }, '筛选条件：' + desc + '。'));
    section.appendChild(body);
    loadRecords(section, body, opts);
    return section;
  }

  function recordParams(opts) {
    var p = { limit: PAGE_SIZE, q: state.q, year: state.year, cursor: state.cursor };
    if (opts.item) p.item = opts.item.id;
    if (state.office) {
      if (GK.OFFICES.indexOf(state.office) >= 0) p.office = state.office;
      else if (!opts.item) {
        p.item = catalogue.items.filter(function (i) { return i.office === state.office; })
          .map(function (i) { return i.id; }).join(',');
      }
    }
    return p;
  }

  function loadRecords(section, body, opts) {
    var mine = generation;
    var params = recordParams(opts);
    if (params.item === '') { showRecords(section, body, opts, { records: [], total: 0, next: null }); return; }
    GK.api('/api/v1/records' + GK.qs(params)).then(function (res) {
      if (mine !== generation) return;
      showRecords(section, body, opts, res.data);
    }, function (err) {
      if (mine !== generation) return;
      body.setAttribute('aria-busy', 'false');
      var sr = document.getElementById('summary-records');
      if (sr) sr.textContent = '（发布记录暂时无法查询）';
      GK.clear(body).appendChild(el('div', { class: 'alert', role: 'alert' },
        el('p', null, '发布记录暂时无法显示：' + err.message),
        el('p', null, el('button', { type: 'button', class: 'btn', onclick: function () { render({}); } }, '重试'))));
    });
  }

  function itemById(id) {
    for (var i = 0; i < catalogue.items.length; i++) if (catalogue.items[i].id === id) return catalogue.items[i];
    return null;
  }

  function showRecords(section, body, opts, data) {
    body.setAttribute('aria-busy', 'false');
    GK.clear(body);
    var records = data.records || [];
    var total = typeof data.total === 'number' ? data.total : records.length;
    var countText = '共 ' + total + ' 条';
    var heading = section.querySelector('#records-heading');
    heading.appendChild(el('span', { class: 'count' }, '（' + countText + '）'));
    if (opts.global) {
      var sr = document.getElementById('summary-records');
      if (sr) sr.textContent = '、' + total + ' 条发布记录';
      announce(document.getElementById('summary-heading').textContent);
    }
    if (!records.length) {
      var filtered = state.q || state.office || state.year;
      body.appendChild(el('p', { class: 'notice', id: 'no-records' },
        state.page > 1 ? '这一页没有记录。' :
          filtered ? '没有找到符合条件的发布记录。' : '该事项暂无发布记录。'));
      if (!opts.global) announce('该事项' + (filtered ? '没有符合条件的' : '暂无') + '发布记录');
      return;
    }
    var captionText = (opts.item ? '“' + itemTitle(opts.item) + '”的发布记录' : '符合条件的发布记录') +
      '，' + countText + (total > records.length || state.page > 1 ? '，第 ' + state.page + ' 页' : '') + '，按发布日期从新到旧排列';
    var cols = ['索引号', '标题', '文号', '发布日期'];
    if (opts.global) cols.push('所属事项');
    cols.push('链接');
    var table = el('table', { class: 'records-table', id: 'records-table' },
      el('caption', null, captionText),
      el('thead', null, el('tr', null, cols.map(function (c) { return el('th', { scope: 'col' }, c); }))),
      el('tbody', null, records.map(function (r) { return recordRow(r, opts); })));
    body.appendChild(el('div', { class: 'table-wrap' }, GK.tableRoles(table)));
    body.appendChild(pager(data, section));
    if (!opts.global) announce('共 ' + total + ' 条发布记录');
  }

  function recordRow(r, opts) {
    var url = GK.safeUrl(r.url);
    var cells = [
      el('td', { class: 'c-index', 'data-label': '索引号' }, r.index_number),
      el('th', { scope: 'row', class: 'c-title', 'data-label': '标题' }, el('span', null,
        el('span', { class: 'record-title' }, r.title),
        r.summary ? el('span', { class: 'record-summary' }, r.summary) : null)),
      el('td', { class: 'c-docno', 'data-label': '文号' }, GK.dash(r.document_number)),
      el('td', { class: 'c-date', 'data-label': '发布日期' }, GK.dash(r.published_on))
    ];
    if (opts.global) {
      var item = itemById(r.item_id);
      cells.push(el('td', { class: 'c-item', 'data-label': '所属事项' },
        item ? navLink(with_({ item: item.id, q: '', office: '', year: '' }), itemTitle(item)) : GK.dash(r.item_id)));
    }
    cells.push(el('td', { class: 'c-link', 'data-label': '链接' },
      url ? el('a', { href: url, rel: 'noopener noreferrer', 'aria-label': '查看原文：' + r.title }, '查看原文') : '—'));
    return el('tr', null, cells);
  }

  function pager(data, section) {
    var trail = (history.state && history.state.trail) || [];
    var nav = el('nav', { class: 'pager', 'aria-label': '记录分页' });
    if (state.page > 1) {
      if (trail.length === state.page - 1) {
        var prevCursor = trail[trail.length - 1];
        nav.appendChild(navLink(with_({ cursor: prevCursor, page: state.page - 1 }), '上一页',
          { class: 'btn', rel: 'prev' }, { trail: trail.slice(0, -1), focus: false, records: true }));
      } else {
        nav.appendChild(navLink(with_({ cursor: '', page: 1 }), '回到第一页', { class: 'btn' }));
      }
    }
    if (state.page > 1 || data.next) nav.appendChild(el('span', { class: 'page-no' }, '第 ' + state.page + ' 页'));
    if (data.next) {
      nav.appendChild(navLink(with_({ cursor: data.next, page: state.page + 1 }), '下一页',
        { class: 'btn', rel: 'next', id: 'next-page' }, { trail: trail.concat([state.cursor]), focus: false, records: true }));
    }
    return nav;
  }

  /* ---------- start ---------- */

  function showLoadError(err) {
    var view = GK.clear($('view'));
    view.appendChild(el('div', { class: 'alert', role: 'alert', id: 'load-error' },
      el('h2', null, '目录暂时无法显示'),
      el('p', null, err.message || '无法连接服务器。'),
      el('p', null, '请稍后刷新页面重试；如果问题持续，请联系本局办公室。'),
      el('p', null, el('button', { type: 'button', class: 'btn btn-primary', onclick: start }, '重试'))));
    announce('目录暂时无法显示');
  }

  function start() {
    var view = GK.clear($('view'));
    view.appendChild(el('p', { class: 'loading' }, '正在加载目录…'));
    GK.api('/api/v1/catalogue').then(function (res) {
      var doc = res.data;
      if (!doc || !Array.isArray(doc.items)) throw new GK.ApiError('http', 200, null, '服务器返回的目录格式不正确。');
      catalogue = doc;
      if (!$('office').querySelector('optgroup')) setupFilters();
      if (doc.title) { $('page-heading').textContent = doc.title; $('site-title').textContent = '政府信息公开'; }
      if (doc.agency) $('agency').textContent = doc.agency;
      var meta = [];
      if (doc.updated_at) meta.push('目录更新：' + GK.formatTimestamp(doc.updated_at));
      if (doc.version !== undefined && doc.version !== null) meta.push('版本 ' + doc.version);
      $('catalogue-meta').textContent = meta.join(' · ');
      render({});
      if (location.hash) {
        var target = document.getElementById(location.hash.slice(1));
        if (target) target.scrollIntoView();
      }
    }).catch(showLoadError);
  }

  document.addEventListener('DOMContentLoaded', function () {
    $('filters').addEventListener('submit', function (ev) {
      ev.preventDefault();
      if (!catalogue) return;
      window.clearTimeout(typingTimer);
      var next = with_({ q: $('q').value.trim().slice(0, 100), office: $('office').value, year: $('year').value, item: '' });
      go(next, sameState(next, state) ? 'replace' : 'push', { focus: true });
    });
    $('q').addEventListener('input', function () {
      if (!catalogue || state.item) return;
      window.clearTimeout(typingTimer);
      typingTimer = window.setTimeout(function () {
        var next = with_({ q: $('q').value.trim().slice(0, 100) });
        if (!sameState(next, state)) go(next, 'typing');
      }, 300);
    });
    ['office', 'year'].forEach(function (id) {
      $(id).addEventListener('change', function () {
        if (!catalogue) return;
        var changes = {};
        changes[id] = $(id).value;
        go(with_(changes), 'push');
      });
    });
    $('clear-filters').addEventListener('click', function () {
      if (!catalogue) return;
      go({ q: '', office: '', year: '', item: '', cursor: '', page: 1 }, 'push', { focus: true });
    });
    window.addEventListener('popstate', function () {
      var next = readState();
      if (sameState(next, state) && next.page === state.page) return; // only the #hash changed
      state = next;
      render({});
    });
    start();
  });
})();
