#!/usr/bin/env python3
"""Browser tests for Public/: headless Chromium driven over the DevTools protocol.

Usage:
  run.py --base-url http://127.0.0.1:PORT --office-token TOKEN --admin-token TOKEN [--office 中小企业科]
  (or GONGKAI_URL, GONGKAI_OFFICE_TOKEN, GONGKAI_ADMIN_TOKEN, GONGKAI_OFFICE in the environment)

Needs: the Debian package `chromium` and the PyPI package `websocket-client`.
The server must be fresh (no records): the tests post their own records.
Screenshots go to test-artifacts/screenshots/ under the repository root.
Prints one line per check and a last line `N passed, M failed`; exits 1 on any failure.
"""
import argparse
import base64
import datetime
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import urllib.error
import urllib.parse
import urllib.request

try:
    import websocket  # websocket-client
except ImportError:  # pragma: no cover
    print('websocket-client is missing: pip install websocket-client', file=sys.stderr)
    print('0 passed, 1 failed')
    sys.exit(2)

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ASSETS = ['/', '/office.html', '/app.css', '/common.js', '/catalogue.js', '/office.js']


class Failure(Exception):
    pass


def check(cond, message):
    if not cond:
        raise Failure(message)


# ---------------------------------------------------------------- HTTP helpers

def http(method, url, body=None, token=None, timeout=15):
    """Returns (status, headers, parsed JSON or raw bytes)."""
    data = None
    headers = {'Accept': 'application/json'}
    if body is not None:
        data = json.dumps(body, ensure_ascii=False).encode('utf-8')
        headers['Content-Type'] = 'application/json'
    if token:
        headers['Authorization'] = 'Bearer ' + token
    req = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            status, hdrs, raw = r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        status, hdrs, raw = e.code, e.headers, e.read()
    ctype = hdrs.get('Content-Type', '')
    if 'json' in ctype:
        try:
            return status, hdrs, json.loads(raw.decode('utf-8'))
        except ValueError:
            pass
    return status, hdrs, raw


def zh(text):
    """The Chinese half of a "中文 (English)" problem detail (mirrors GK.zh in common.js)."""
    text = str(text or '')
    if not text.endswith(')'):
        return text
    cjk = re.compile(r'[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]')
    at = text.find(' (')
    while at > 0:
        head, tail = text[:at], text[at + 2:-1]
        if cjk.search(head) and not cjk.search(tail):
            return head
        at = text.find(' (', at + 1)
    return text


def today_china():
    return (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=8)).date()


# ---------------------------------------------------------------- Chromium over CDP

class Browser:
    def __init__(self, binary, timeout):
        self.timeout = timeout
        self.profile = tempfile.mkdtemp(prefix='gongkai-chromium-')
        args = [binary, '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
                '--no-first-run', '--no-default-browser-check', '--disable-extensions', '--disable-sync',
                '--disable-background-networking', '--disable-component-update', '--mute-audio',
                '--hide-scrollbars', '--lang=zh-CN', '--remote-debugging-port=0', '--remote-allow-origins=*',
                '--user-data-dir=' + self.profile, '--window-size=1280,900', 'about:blank']
        env = dict(os.environ, LANG='zh_CN.UTF-8', LANGUAGE='zh_CN:zh', TZ='Asia/Shanghai')
        self.proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE, start_new_session=True, env=env)
        self.ws_url = None
        found = threading.Event()

        def reader():
            for raw in iter(self.proc.stderr.readline, b''):
                line = raw.decode('utf-8', 'replace')
                m = re.search(r'DevTools listening on (ws://\S+)', line)
                if m and not found.is_set():
                    self.ws_url = m.group(1)
                    found.set()
        threading.Thread(target=reader, daemon=True).start()
        if not found.wait(30):
            self.close()
            raise RuntimeError('Chromium did not start within 30 s (is the `chromium` package installed?)')
        port = urllib.parse.urlparse(self.ws_url).port
        page_ws = None
        deadline = time.time() + 10
        while time.time() < deadline and not page_ws:
            with urllib.request.urlopen('http://127.0.0.1:%d/json/list' % port, timeout=5) as r:
                targets = json.loads(r.read().decode())
            pages = [t for t in targets if t.get('type') == 'page']
            if pages:
                page_ws = pages[0]['webSocketDebuggerUrl']
            else:
                time.sleep(0.2)
        if not page_ws:
            self.close()
            raise RuntimeError('Chromium has no page target')
        self.ws = websocket.create_connection(page_ws, timeout=timeout, suppress_origin=True)
        self.msg_id = 0
        self.events = []
        self.send('Page.enable')
        self.send('Runtime.enable')
        self.send('Log.enable')
        self.send('Network.enable')
        try:  # date inputs and number formats as a user in China sees them
            self.send('Emulation.setLocaleOverride', {'locale': 'zh-CN'})
            self.send('Emulation.setTimezoneOverride', {'timezoneId': 'Asia/Shanghai'})
        except Failure:
            pass

    def close(self):
        try:
            if getattr(self, 'ws', None):
                self.ws.close()
        except Exception:
            pass
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                try:
                    os.killpg(self.proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                self.proc.wait(5)
        shutil.rmtree(self.profile, ignore_errors=True)

    # -- protocol
    def send(self, method, params=None, timeout=None):
        self.msg_id += 1
        mid = self.msg_id
        self.ws.send(json.dumps({'id': mid, 'method': method, 'params': params or {}}))
        deadline = time.time() + (timeout or self.timeout)
        while True:
            remaining = deadline - time.time()
            if remaining <= 0:
                raise Failure('DevTools call %s timed out' % method)
            self.ws.settimeout(remaining)
            try:
                msg = json.loads(self.ws.recv())
            except websocket.WebSocketTimeoutException:
                raise Failure('DevTools call %s timed out' % method)
            if msg.get('id') == mid:
                if 'error' in msg:
                    raise Failure('%s failed: %s' % (method, msg['error'].get('message')))
                return msg.get('result', {})
            if 'method' in msg:
                self.events.append(msg)

    def pump(self, seconds=0.05):
        """Collects events for a moment."""
        deadline = time.time() + seconds
        while True:
            remaining = deadline - time.time()
            if remaining <= 0:
                return
            self.ws.settimeout(remaining)
            try:
                msg = json.loads(self.ws.recv())
            except websocket.WebSocketTimeoutException:
                return
            if 'method' in msg:
                self.events.append(msg)

    # -- pages
    def navigate(self, url, timeout=20):
        self.events = [e for e in self.events if e['method'] != 'Page.loadEventFired']
        self.send('Page.navigate', {'url': url})
        deadline = time.time() + timeout
        while time.time() < deadline:
            if any(e['method'] == 'Page.loadEventFired' for e in self.events):
                return
            self.pump(0.1)
        raise Failure('page did not load within %d s: %s' % (timeout, url))

    def js(self, expression):
        r = self.send('Runtime.evaluate', {'expression': expression, 'returnByValue': True, 'awaitPromise': True})
        if 'exceptionDetails' in r:
            d = r['exceptionDetails']
            raise Failure('JS error: %s' % (d.get('exception', {}).get('description') or d.get('text')))
        return r.get('result', {}).get('value')

    def wait(self, expression, what, timeout=10):
        deadline = time.time() + timeout
        last = None
        while time.time() < deadline:
            last = self.js(expression)
            if last:
                return last
            self.pump(0.1)
        raise Failure('timed out after %d s waiting for %s' % (timeout, what))

    def click(self, selector):
        box = self.js('''(function(){var e=document.querySelector(%s); if(!e) return null;
            e.scrollIntoView({block:'center'}); var r=e.getBoundingClientRect();
            return {x:r.left+r.width/2, y:r.top+r.height/2, w:r.width, h:r.height};})()''' % json.dumps(selector))
        check(box and box['w'] > 0 and box['h'] > 0, 'nothing visible to click: %s' % selector)
        for kind in ('mouseMoved', 'mousePressed', 'mouseReleased'):
            self.send('Input.dispatchMouseEvent', {'type': kind, 'x': box['x'], 'y': box['y'], 'button': 'left',
                                                   'clickCount': 1})

    def type(self, selector, text):
        self.js('(function(){var e=document.querySelector(%s); e.focus(); e.select && e.select();})()' % json.dumps(selector))
        self.send('Input.dispatchKeyEvent', {'type': 'keyDown', 'key': 'Backspace', 'code': 'Backspace',
                                             'windowsVirtualKeyCode': 8})
        self.send('Input.dispatchKeyEvent', {'type': 'keyUp', 'key': 'Backspace', 'code': 'Backspace',
                                             'windowsVirtualKeyCode': 8})
        if text:
            self.send('Input.insertText', {'text': text})

    def set_value(self, selector, value):
        """For <select> and <input type=date>: set the value and fire the events a user would."""
        ok = self.js('''(function(){var e=document.querySelector(%s); if(!e) return false; e.focus();
            e.value=%s; e.dispatchEvent(new Event('input',{bubbles:true}));
            e.dispatchEvent(new Event('change',{bubbles:true})); return e.value===%s;})()'''
                     % (json.dumps(selector), json.dumps(value), json.dumps(value)))
        check(ok, 'could not set %s to %r' % (selector, value))

    def key(self, key, code=None, vk=0):
        for kind in ('keyDown', 'keyUp'):
            self.send('Input.dispatchKeyEvent', {'type': kind, 'key': key, 'code': code or key,
                                                 'windowsVirtualKeyCode': vk})

    def viewport(self, width, height, mobile=False):
        self.send('Emulation.setDeviceMetricsOverride', {'width': width, 'height': height, 'deviceScaleFactor': 1,
                                                          'mobile': mobile})
        self.pump(0.3)

    def screenshot(self, path, full=False, max_height=6000):
        params = {'format': 'png'}
        if full:
            size = self.js('({w: document.documentElement.clientWidth, h: document.documentElement.scrollHeight})')
            params['clip'] = {'x': 0, 'y': 0, 'width': size['w'], 'height': min(size['h'], max_height), 'scale': 1}
            params['captureBeyondViewport'] = True
        data = self.send('Page.captureScreenshot', params, timeout=30)['data']
        with open(path, 'wb') as f:
            f.write(base64.b64decode(data))

    def console_errors(self):
        out = []
        for e in self.events:
            if e['method'] == 'Runtime.exceptionThrown':
                d = e['params']['exceptionDetails']
                out.append('exception: ' + (d.get('exception', {}).get('description') or d.get('text', '')))
            elif (e['method'] == 'Log.entryAdded' and e['params']['entry']['level'] == 'error'
                  and e['params']['entry'].get('source') != 'network'):  # 4xx answers the tests provoke
                out.append('log: ' + e['params']['entry'].get('text', ''))
            elif e['method'] == 'Runtime.consoleAPICalled' and e['params']['type'] == 'error':
                out.append('console: ' + ' '.join(str(a.get('value', a.get('description', ''))) for a in e['params']['args']))
        return out


# WCAG 2 contrast of every visible text against the backgrounds composited behind it.
CONTRAST_JS = r'''(function () {
  function parse(c) { var m = /rgba?\(([^)]+)\)/.exec(c || ''); if (!m) return null;
    var p = m[1].split(',').map(parseFloat); return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 }; }
  function blend(t, u) { var a = t.a; return { r: t.r * a + u.r * (1 - a), g: t.g * a + u.g * (1 - a), b: t.b * a + u.b * (1 - a), a: 1 }; }
  function lum(c) { function ch(v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }
    return 0.2126 * ch(c.r) + 0.7152 * ch(c.g) + 0.0722 * ch(c.b); }
  function background(el) { var chain = []; for (var e = el; e; e = e.parentElement) chain.push(e);
    var color = { r: 255, g: 255, b: 255, a: 1 };
    for (var i = chain.length - 1; i >= 0; i--) { var c = parse(getComputedStyle(chain[i]).backgroundColor); if (c && c.a > 0) color = blend(c, color); }
    return color; }
  var bad = [], seen = new Set(), checked = 0;
  var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    var t = walker.currentNode; if (!t.textContent.trim()) continue;
    var el = t.parentElement; if (seen.has(el)) continue; seen.add(el);
    if (el.closest('[hidden], .visually-hidden, noscript, option, [disabled]')) continue;
    var r = el.getBoundingClientRect(); if (r.width === 0 || r.height === 0) continue;
    var cs = getComputedStyle(el); if (cs.visibility === 'hidden' || cs.display === 'none') continue;
    var bg = background(el), fg = blend(parse(cs.color), bg);
    var l1 = lum(fg), l2 = lum(bg), ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    var size = parseFloat(cs.fontSize), weight = parseInt(cs.fontWeight, 10) || 400;
    var need = (size >= 24 || (size >= 18.66 && weight >= 700)) ? 3 : 4.5;
    checked++;
    if (ratio < need) bad.push(t.textContent.trim().slice(0, 24) + ' ' + ratio.toFixed(2) + ':1 < ' + need);
  }
  return { checked: checked, bad: bad };
})()'''


# ---------------------------------------------------------------- the tests

class Suite:
    def __init__(self, args):
        self.args = args
        self.base = args.base_url.rstrip('/')
        self.passed = 0
        self.failed = 0
        self.b = None
        self.shots = os.path.join(REPO, 'test-artifacts', 'screenshots')
        os.makedirs(self.shots, exist_ok=True)
        self.catalogue = None
        self.unique = datetime.datetime.now().strftime('%H%M%S')
        self.posted_title = None

    def run(self, name, fn):
        started = time.time()
        try:
            fn()
            self.passed += 1
            print('ok   %-58s (%.1fs)' % (name, time.time() - started), flush=True)
        except Exception as e:  # a failed check or anything unexpected
            self.failed += 1
            print('FAIL %-58s %s' % (name, e), flush=True)
            if not isinstance(e, Failure):
                traceback.print_exc()
            try:
                safe = re.sub(r'[^a-z0-9]+', '-', name.lower()).strip('-')[:40] or 'failure'
                self.b.screenshot(os.path.join(self.shots, 'FAILED-%s.png' % safe))
            except Exception:
                pass

    def api(self, method, path, body=None, token=None):
        return http(method, self.base + path, body, token)

    def shot(self, name, full=False):
        self.b.screenshot(os.path.join(self.shots, name), full=full)

    def desktop(self):
        self.b.viewport(1280, 900)

    def phone(self, width=390):
        self.b.viewport(width, 844, mobile=True)

    # -- checks
    def t_assets(self):
        total = 0
        for path in ASSETS:
            status, headers, body = self.api('GET', path)
            check(status == 200, '%s answered %s' % (path, status))
            check(isinstance(body, bytes), '%s is not a static file' % path)
            total += len(body)
            if path in ('/', '/office.html'):
                html = body.decode('utf-8')
                check(not re.search(r'<script(?![^>]*\bsrc=)[^>]*>', html), '%s has an inline <script>' % path)
                check('<style' not in html and not re.search(r'\sstyle=', html), '%s has inline styles' % path)
                check(not re.search(r'(src|href)="(https?:)?//', html), '%s loads something from another site' % path)
                check('lang="zh-CN"' in html, '%s is not marked as Chinese' % path)
        check(total < 100 * 1024, 'assets total %d bytes, over 100 KB' % total)
        print('     assets: %d bytes' % total)

    def t_catalogue_renders(self):
        status, _, cat = self.api('GET', '/api/v1/catalogue')
        check(status == 200 and isinstance(cat, dict), 'GET /api/v1/catalogue answered %s' % status)
        self.catalogue = cat
        n = len(cat['items'])
        if self.args.expect_items:
            check(n == self.args.expect_items, 'the API has %d items, expected %d' % (n, self.args.expect_items))
        self.desktop()
        self.b.navigate(self.base + '/')
        self.b.wait('document.querySelectorAll("article.item").length === %d' % n, 'all %d catalogue items' % n)
        cats = []
        for i in cat['items']:
            if i['category'] not in cats:
                cats.append(i['category'])
        got = self.b.js('Array.from(document.querySelectorAll("section.category > h2")).map(h => h.textContent)')
        check(len(got) == len(cats), '%d 一级事项 headings, expected %d' % (len(got), len(cats)))
        for name, text in zip(cats, got):
            count = sum(1 for i in cat['items'] if i['category'] == name)
            check(text.startswith(name) and ('%d 项' % count) in text, 'heading %r should name %s and %d 项' % (text, name, count))
        check(self.b.js('document.querySelectorAll("section.subcategory > h3").length') > 0, 'no 二级事项 headings')
        # every field of the first item is on the page
        first = cat['items'][0]
        card = self.b.js('document.getElementById("item-%s").innerText' % first['id'])
        for label in ('公开依据', '公开主体', '公开时限', '公开渠道和载体', '公开对象', '公开方式'):
            check(label in card, 'item card lacks %s' % label)
        for value in (first['office'], first['deadline']):
            check(value in card, 'item card lacks %r' % value)
        check(self.b.js('document.querySelectorAll("h1").length') == 1, 'the page needs exactly one h1')
        self.b.wait('document.querySelectorAll("article.item").length === %d' % n, 'items still there')
        self.shot('public-catalogue-1280.png')

    def t_keyboard(self):
        self.b.navigate(self.base + '/')
        self.b.wait('document.querySelectorAll("article.item").length > 0', 'catalogue')
        self.b.key('Tab', 'Tab', 9)
        check(self.b.js('document.activeElement.classList.contains("skip-link")'), 'first Tab should reach the skip link')
        outline = self.b.js('getComputedStyle(document.activeElement).outlineStyle')
        check(outline and outline != 'none', 'the focused skip link shows no outline')
        # item links are real links reachable by Tab; focus on one shows an outline
        self.b.js('document.querySelector("a.item-link").focus()')
        check(self.b.js('getComputedStyle(document.activeElement).outlineStyle') != 'none', 'focused item link has no outline')
        check(self.b.js('Array.from(document.querySelectorAll("a.item-link")).every(a => a.getAttribute("href"))'),
              'item links must be real links')
        self.b.key('Enter', 'Enter', 13)
        self.b.wait('location.search.indexOf("item=") >= 0 && !!document.getElementById("item-heading")', 'Enter on an item link opens it')

    def t_search(self):
        self.desktop()
        self.b.navigate(self.base + '/')
        n = len(self.catalogue['items'])
        self.b.wait('document.querySelectorAll("article.item").length === %d' % n, 'catalogue')
        term = self.args.search_term
        self.b.type('#q', term)
        self.b.wait('location.search.indexOf("q=") >= 0', 'the search in the URL')
        count = self.b.wait('(function(){var c=document.querySelectorAll("article.item").length; return c > 0 && c < %d ? c : 0;})()' % n,
                            'the list to narrow', timeout=10)
        texts = self.b.js('Array.from(document.querySelectorAll("article.item")).map(a => a.innerText)')
        check(all(term in t for t in texts), 'every remaining item should mention %s' % term)
        expected = sum(1 for i in self.catalogue['items'] if term in json.dumps(i, ensure_ascii=False))
        check(count == expected, 'search kept %d items, expected %d' % (count, expected))
        check(term in self.b.js('document.getElementById("summary-heading").textContent') or
              ('%d' % count) in self.b.js('document.getElementById("summary-heading").textContent'), 'summary shows the count')
        self.b.wait('!!document.getElementById("records-section")', 'the records part of the search')
        # back button restores the full list, forward the search
        self.b.js('history.back()')
        self.b.wait('document.querySelectorAll("article.item").length === %d && document.getElementById("q").value === ""' % n,
                    'back to the full catalogue')
        self.b.js('history.forward()')
        self.b.wait('document.querySelectorAll("article.item").length === %d' % count, 'forward to the search again')
        # a shared link opens the same view
        self.b.navigate(self.base + '/?q=' + urllib.parse.quote(term))
        self.b.wait('document.querySelectorAll("article.item").length === %d' % count, 'the shared search link')
        # 公开主体 filter
        office = self.args.office
        self.b.navigate(self.base + '/')
        self.b.wait('document.querySelectorAll("article.item").length === %d' % n, 'catalogue')
        self.b.set_value('#office', office)
        expected = sum(1 for i in self.catalogue['items'] if office in i['office'])
        self.b.wait('document.querySelectorAll("article.item").length === %d' % expected, '%d items of %s' % (expected, office))
        check('office=' in self.b.js('location.search'), 'the office filter in the URL')

    def t_no_results(self):
        self.b.navigate(self.base + '/?q=' + urllib.parse.quote('不存在的关键词zz'))
        self.b.wait('!!document.getElementById("no-items")', 'the no-items message')
        self.b.wait('!!document.getElementById("no-records")', 'the no-records message')
        check('没有找到' in self.b.js('document.getElementById("no-items").innerText'), 'no-items message in words')

    def t_server_down(self):
        self.b.send('Network.setBlockedURLs', {'urls': ['*/api/v1/catalogue*']})
        try:
            self.b.navigate(self.base + '/')
            self.b.wait('!!document.getElementById("load-error")', 'an error message when the API is unreachable')
            text = self.b.js('document.getElementById("load-error").innerText')
            check('无法连接服务器' in text or '暂时无法' in text, 'error message should say the server cannot be reached: %r' % text)
            check(self.b.js('!!document.querySelector("#load-error button")'), 'a retry button')
        finally:
            self.b.send('Network.setBlockedURLs', {'urls': []})
        self.b.click('#load-error button')
        self.b.wait('document.querySelectorAll("article.item").length > 0', 'retry loads the catalogue')
        self.b.events = []  # the blocked request is logged as an error on purpose

    def seed_records(self):
        """25 published records under one item of the office, over two years, for paging and years."""
        item = self.paging_item()
        for k in range(25):
            d = today_china() - datetime.timedelta(days=3 + 9 * k)
            body = {'item_id': item['id'], 'title': '企业减负测试记录%02d' % (k + 1), 'formed_on': (d - datetime.timedelta(days=2)).isoformat(),
                    'published_on': d.isoformat(), 'document_number': '安工信测〔%d〕%d号' % (d.year, k + 1),
                    'summary': '测试摘要 %d' % (k + 1), 'url': 'https://example.gov.cn/test/%d.html' % (k + 1)}
            status, _, res = self.api('POST', '/api/v1/records', body, self.args.office_token)
            check(status == 201, 'seeding a record answered %s: %s' % (status, res))
        return item

    def paging_item(self):
        for i in self.catalogue['items']:
            if i['office'] == self.args.office:
                return i
        raise Failure('no item whose 公开主体 is exactly %s' % self.args.office)

    def t_item_records(self):
        item = self.seed_records()
        self.desktop()
        self.b.navigate(self.base + '/')
        self.b.wait('document.querySelectorAll("article.item").length > 0', 'catalogue')
        self.b.click('#item-%s a.item-link' % item['id'])
        self.b.wait('document.querySelectorAll("#records-table tbody tr").length === 20', 'the first 20 records of the item')
        check('item=%s' % urllib.parse.quote(item['id']) in self.b.js('location.search'), 'the item in the URL')
        headers = self.b.js('Array.from(document.querySelectorAll("#records-table thead th")).map(t => t.textContent)')
        for h in ('索引号', '标题', '文号', '发布日期', '链接'):
            check(h in headers, 'records table lacks column %s' % h)
        dates = self.b.js('Array.from(document.querySelectorAll("#records-table tbody td.c-date")).map(t => t.textContent)')
        check(dates == sorted(dates, reverse=True), 'records should be newest first: %s' % dates[:5])
        check(self.b.js('document.querySelector("#records-table tbody td.c-index").textContent').count('/') == 1,
              '索引号 shown')
        check(self.b.js('document.querySelector("#records-table tbody td.c-link a").href').startswith('https://'), 'a link to the original')
        check(self.b.js('document.querySelector("#records-table caption").textContent.length > 0'), 'table caption')
        check(self.b.js('Array.from(document.querySelectorAll("table th")).every(t => t.getAttribute("scope"))'),
              'every th needs a scope')
        self.shot('public-item-1280.png')
        _, _, res = self.api('GET', '/api/v1/records?item=%s&limit=1' % urllib.parse.quote(item['id']))
        rest = min(20, res['total'] - 20)
        self.b.click('#next-page')
        self.b.wait('document.querySelectorAll("#records-table tbody tr").length === %d' % rest, 'page 2 with the next %d records' % rest)
        check('cursor=' in self.b.js('location.search'), 'the page cursor in the URL')
        later = self.b.js('Array.from(document.querySelectorAll("#records-table tbody td.c-date")).map(t => t.textContent)')
        check(max(later) <= min(dates), 'page 2 should continue page 1')
        self.b.click('a[rel="prev"]')
        self.b.wait('document.querySelectorAll("#records-table tbody tr").length === 20', 'back to page 1 by the link')
        self.b.js('history.back()')
        self.b.wait('document.querySelectorAll("#records-table tbody tr").length === %d' % rest, 'the back button returns to page 2')
        # the year filter narrows the records
        year = today_china().year
        self.b.navigate(self.base + '/?item=%s&year=%d' % (urllib.parse.quote(item['id']), year))
        _, _, res = self.api('GET', '/api/v1/records?item=%s&year=%d&limit=1' % (urllib.parse.quote(item['id']), year))
        total = res['total']
        self.b.wait('(document.getElementById("records-heading")||{}).textContent && document.getElementById("records-heading").textContent.indexOf("共 %d 条") >= 0' % total,
                    'the year filter (%d records in %d)' % (total, year))
        # the search box also finds records
        self.b.navigate(self.base + '/?q=' + urllib.parse.quote('企业减负测试记录07'))
        self.b.wait('document.querySelectorAll("#records-table tbody tr").length === 1', 'record search through the API q')
        self.b.navigate(self.base + '/?q=' + urllib.parse.quote('企业减负'))
        self.b.wait('document.querySelectorAll("#records-table tbody tr").length > 0 && document.querySelectorAll("article.item").length > 0',
                    'a search finding both items and records')
        self.shot('public-search-1280.png')

    def signed_out_office_page(self):
        self.b.navigate(self.base + '/office.html')
        state = self.b.wait('!document.getElementById("login-panel").hidden ? "login" : (!document.getElementById("app").hidden ? "app" : "")',
                            'the office page')
        if state == 'app':
            self.b.click('#logout')
        self.b.wait('!document.getElementById("login-panel").hidden', 'the login form')
        check(self.b.js('!sessionStorage.getItem("gongkai.token")'), 'signing out forgets the token')

    def login(self, token, office_if_asked):
        self.signed_out_office_page()
        self.b.type('#token', token)
        self.b.click('#login-button')
        state = self.b.wait('!document.getElementById("app").hidden ? "app" : (!document.getElementById("login-office-field").hidden ? "choose" : "")',
                            'login to finish or to ask for the 科室')
        if state == 'choose':
            self.b.set_value('#login-office', office_if_asked)
            self.b.click('#login-button')
            self.b.wait('!document.getElementById("app").hidden', 'login after choosing the 科室')
        check(self.b.js('location.search.indexOf("token") < 0 && location.hash.indexOf("token") < 0'), 'the token must not be in the URL')
        check(self.b.js('!!sessionStorage.getItem("gongkai.token")'), 'the token should be in sessionStorage')

    def t_office_login(self):
        self.desktop()
        self.signed_out_office_page()
        self.b.type('#token', 'not-a-valid-token')
        self.b.click('#login-button')
        self.b.wait('!document.getElementById("token-error").hidden', 'a message for a bad token')
        self.login(self.args.office_token, self.args.office)
        office = self.args.office
        allowed = [i for i in self.catalogue['items'] if self.may_post(office, i['office'])]
        n = self.b.js('document.querySelectorAll("#f-item_id option[value]:not([value=\\"\\"])").length')
        check(n == len(allowed), 'the office may post to %d items, the form offers %d' % (len(allowed), n))
        check(self.b.js('document.getElementById("who-office").textContent').find(office) >= 0, 'the page names the office')

    def may_post(self, office, item_office):
        named = [o for o in self.args.offices.split(',') if o in item_office]
        return not named or office in named

    def t_post_appears(self):
        item = self.paging_item()
        title = '浏览器发布测试' + self.unique
        self.posted_title = title
        self.b.set_value('#f-item_id', item['id'])
        self.b.type('#f-title', title)
        self.b.type('#f-document_number', '安工信发〔%d〕99号' % today_china().year)
        self.b.set_value('#f-formed_on', (today_china() - datetime.timedelta(days=1)).isoformat())
        self.b.type('#f-url', 'https://example.gov.cn/browser-test.html')
        self.b.type('#f-summary', '通过浏览器表单提交的测试记录。')
        self.b.click('#submit-record')
        self.b.wait('!!document.getElementById("post-success")', 'the success message', timeout=15)
        check(self.b.js('document.getElementById("error-summary").hidden'), 'no errors after a good post')
        self.b.wait('document.getElementById("recent-body").innerText.indexOf(%s) >= 0' % json.dumps(title), 'the record in the recent list')
        self.b.click('#view-public')
        self.b.wait('document.querySelectorAll("#records-table tbody tr").length > 0', 'the public records of the item')
        first = self.b.js('document.querySelector("#records-table tbody tr th").innerText')
        check(title in first, 'the new record should be first on the public page, got %r' % first)
        self.b.navigate(self.base + '/?q=' + urllib.parse.quote(title))
        self.b.wait('document.querySelectorAll("#records-table tbody tr").length === 1', 'the new record found by search')

    def t_bad_date(self):
        self.b.navigate(self.base + '/office.html')
        self.b.wait('!document.getElementById("app").hidden', 'the office form (still signed in)')
        item = self.paging_item()
        today = today_china()
        formed = (today - datetime.timedelta(days=2)).isoformat()
        published = (today - datetime.timedelta(days=5)).isoformat()
        self.b.set_value('#f-item_id', item['id'])
        self.b.type('#f-title', '日期错误的记录')
        self.b.set_value('#f-formed_on', formed)
        self.b.set_value('#f-published_on', published)
        self.b.click('#submit-record')
        self.b.wait('!document.getElementById("err-formed_on").hidden', 'the message next to 成文日期')
        shown = self.b.js('document.getElementById("err-formed_on").textContent')
        status, _, problem = self.api('POST', '/api/v1/records', {'item_id': item['id'], 'title': '日期错误的记录',
                                                                  'formed_on': formed, 'published_on': published,
                                                                  'office': self.args.office}, self.args.office_token)
        check(status == 422, 'the API should answer 422, got %s' % status)
        api_msgs = [zh(e['detail']) for e in problem.get('errors', []) if e.get('field') == 'formed_on']
        check(api_msgs, 'the API names formed_on: %s' % problem)
        check(all(m in shown for m in api_msgs), 'page shows %r, API says %r' % (shown, api_msgs))
        check(self.b.js('document.getElementById("f-formed_on").getAttribute("aria-invalid")') == 'true', 'aria-invalid on the field')
        check(self.b.js('document.activeElement.id') == 'error-summary', 'focus moves to the error summary')
        check(self.b.js('document.getElementById("f-formed_on").getAttribute("aria-describedby").indexOf("err-formed_on") >= 0'),
              'the message is tied to the field')
        self.shot('office-error-1280.png')
        # a date in the future
        future = (today + datetime.timedelta(days=3)).isoformat()
        self.b.set_value('#f-published_on', today.isoformat())
        self.b.set_value('#f-formed_on', future)
        self.b.click('#submit-record')
        self.b.wait('document.getElementById("err-formed_on").textContent.indexOf(%s) >= 0 || document.getElementById("err-formed_on").textContent.indexOf("今天") >= 0' % json.dumps(today.isoformat()),
                    'the future-date message next to 成文日期')

    def t_pending(self):
        item = self.paging_item()
        title = '待发布测试' + self.unique
        self.b.navigate(self.base + '/office.html')
        self.b.wait('!document.getElementById("app").hidden', 'the office form')
        self.b.set_value('#f-item_id', item['id'])
        self.b.type('#f-title', title)
        self.b.set_value('#f-formed_on', (today_china() - datetime.timedelta(days=40)).isoformat())
        self.b.click('#pub-pending')
        check(self.b.js('document.getElementById("f-published_on").disabled'), 'the publication date is off for a pending record')
        self.b.click('#submit-record')
        self.b.wait('!!document.getElementById("post-success")', 'the pending record registered', timeout=15)
        self.b.wait('document.getElementById("pending-body").innerText.indexOf(%s) >= 0' % json.dumps(title), 'the pending list')
        row = self.b.js('''(function(){var rows=document.querySelectorAll("#pending-body tbody tr");
            for (var i=0;i<rows.length;i++) if (rows[i].innerText.indexOf(%s)>=0) return rows[i].innerText; return "";})()''' % json.dumps(title))
        check(re.search(r'\d{4}-\d{2}-\d{2}', row.split(title, 1)[1]), 'the pending row shows its due date: %r' % row)
        check(any(w in row for w in ('已超期未发布', '待发布', '无固定时限')), 'the pending row shows its deadline status: %r' % row)
        self.shot('office-1280.png')
        # pending records stay off the public page
        self.b.navigate(self.base + '/?q=' + urllib.parse.quote(title))
        self.b.wait('!!document.getElementById("no-records")', 'pending records hidden from the public')
        # publishing it from the pending list (PATCH published_on) puts it on the public page
        self.b.navigate(self.base + '/office.html')
        self.b.wait('document.getElementById("pending-body").innerText.indexOf(%s) >= 0' % json.dumps(title), 'the pending list')
        rid = self.b.js('''(function(){var rows=document.querySelectorAll("#pending-body tbody tr");
            for (var i=0;i<rows.length;i++) if (rows[i].innerText.indexOf(%s)>=0) return rows[i].getAttribute("data-id"); return "";})()''' % json.dumps(title))
        check(rid, 'the pending row carries the record id')
        self.b.set_value('#pub-%s' % rid, today_china().isoformat())
        self.b.click('tr[data-id="%s"] .publish-button' % rid)
        self.b.wait('document.getElementById("pending-status").innerText.indexOf(%s) >= 0' % json.dumps(title), 'the publish confirmation')
        self.b.wait('document.getElementById("pending-body").innerText.indexOf(%s) < 0' % json.dumps(title), 'the record leaves the pending list')
        self.b.navigate(self.base + '/?q=' + urllib.parse.quote(title))
        self.b.wait('document.querySelectorAll("#records-table tbody tr").length === 1', 'the published record on the public page')

    def t_admin(self):
        self.login(self.args.admin_token, self.args.office)
        n = self.b.js('document.querySelectorAll("#f-item_id option[value]:not([value=\\"\\"])").length')
        admin = self.b.js('!document.getElementById("office-field").hidden')
        if admin:
            check(n == len(self.catalogue['items']), 'an admin may post to every item, the form offers %d' % n)
        self.signed_out_office_page()

    def t_phone(self):
        for width in (360, 390):
            self.phone(width)
            self.b.navigate(self.base + '/')
            self.b.wait('document.querySelectorAll("article.item").length > 0', 'catalogue on a phone')
            sw = self.b.js('document.documentElement.scrollWidth')
            check(sw <= width, 'the public page is %d px wide at %d px' % (sw, width))
            if width == 390:
                self.shot('public-catalogue-390.png')
            item = self.paging_item()
            self.b.navigate(self.base + '/?item=' + urllib.parse.quote(item['id']))
            self.b.wait('document.querySelectorAll("#records-table tbody tr").length > 0', 'records on a phone')
            sw = self.b.js('document.documentElement.scrollWidth')
            check(sw <= width, 'the item page is %d px wide at %d px' % (sw, width))
            if width == 390:
                self.shot('public-item-390.png')
                self.b.js('document.getElementById("records-section").scrollIntoView()')
                self.b.pump(0.2)
                self.shot('public-records-390.png')
        self.login(self.args.office_token, self.args.office)
        for width in (360, 390):
            self.phone(width)
            self.b.navigate(self.base + '/office.html')
            self.b.wait('!document.getElementById("app").hidden', 'the office page on a phone')
            self.b.wait('document.querySelectorAll("#recent-body tbody tr").length > 0', 'records on the office page')
            sw = self.b.js('document.documentElement.scrollWidth')
            check(sw <= width, 'the office page is %d px wide at %d px' % (sw, width))
        self.shot('office-390.png')
        self.b.js('document.getElementById("pending-heading").scrollIntoView()')
        self.b.pump(0.2)
        self.shot('office-lists-390.png')
        self.desktop()

    def contrast(self, where):
        res = self.b.js(CONTRAST_JS)
        check(res['checked'] > 10, 'contrast: too few texts checked on %s' % where)
        check(not res['bad'], 'contrast below WCAG AA on %s: %s' % (where, res['bad'][:6]))
        return res['checked']

    def t_contrast(self):
        checked = 0
        for width in (1280, 390):
            if width == 1280:
                self.desktop()
            else:
                self.phone(width)
            item = self.paging_item()
            for path in ('/', '/?item=' + urllib.parse.quote(item['id']), '/?q=' + urllib.parse.quote('企业减负')):
                self.b.navigate(self.base + path)
                self.b.wait('document.querySelectorAll("article.item, #records-table").length > 0 && !document.querySelector("[aria-busy=true]")', 'the page %s' % path)
                checked += self.contrast(path)
            self.login(self.args.office_token, self.args.office)
            self.b.wait('document.querySelectorAll("#recent-body tbody tr").length > 0', 'the office lists')
            self.b.set_value('#f-item_id', item['id'])
            self.b.set_value('#f-formed_on', (today_china() + datetime.timedelta(days=5)).isoformat())
            self.b.click('#submit-record')
            self.b.wait('!document.getElementById("error-summary").hidden', 'the error summary')
            checked += self.contrast('office.html with errors')
            if width == 390:
                self.shot('office-error-390.png')
        self.desktop()
        print('     contrast: %d texts checked' % checked)

    def t_no_console_errors(self):
        errors = self.b.console_errors()
        check(not errors, 'console errors or CSP violations: %s' % errors[:5])

    def run_all(self):
        self.b = Browser(self.args.chromium, self.args.step_timeout)
        try:
            self.run('static assets: own files only, no inline code, < 100 KB', self.t_assets)
            self.run('catalogue renders every item, grouped, with counts', self.t_catalogue_renders)
            if self.catalogue is None:
                return
            self.run('keyboard: skip link, focus outline, Enter opens an item', self.t_keyboard)
            self.run('search narrows the list; URL state, back and forward', self.t_search)
            self.run('no results are said in words', self.t_no_results)
            self.run('server unreachable is said in words, retry works', self.t_server_down)
            self.run('an item shows its records newest first, with paging', self.t_item_records)
            self.run('office page: token login, allowed items', self.t_office_login)
            self.run('posting through the form shows on the public page', self.t_post_appears)
            self.run('a bad date shows the API message next to the field', self.t_bad_date)
            self.run('pending records: due date, status, then published', self.t_pending)
            self.run('admin token: every item', self.t_admin)
            self.run('phone widths 360/390: no sideways scrolling', self.t_phone)
            self.run('colour contrast WCAG AA (4.5:1, large text 3:1)', self.t_contrast)
            self.run('no console errors or CSP violations', self.t_no_console_errors)
        finally:
            self.b.close()


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--base-url', default=os.environ.get('GONGKAI_URL'))
    p.add_argument('--office-token', default=os.environ.get('GONGKAI_OFFICE_TOKEN'))
    p.add_argument('--admin-token', default=os.environ.get('GONGKAI_ADMIN_TOKEN'))
    p.add_argument('--office', default=os.environ.get('GONGKAI_OFFICE', '中小企业科'), help="the office token's 科室")
    p.add_argument('--offices', default='办公室,中小企业科,工业经济科,节能管理科', help='configured offices, comma-separated')
    p.add_argument('--expect-items', type=int, default=51, help='items in the catalogue (0: do not check)')
    p.add_argument('--search-term', default='节能')
    p.add_argument('--chromium', default=os.environ.get('CHROMIUM', shutil.which('chromium') or 'chromium'))
    p.add_argument('--step-timeout', type=float, default=20, help='seconds for one DevTools call')
    p.add_argument('--total-timeout', type=int, default=420, help='seconds for the whole run')
    args = p.parse_args()
    if not (args.base_url and args.office_token and args.admin_token):
        p.error('--base-url, --office-token and --admin-token (or their GONGKAI_* variables) are required')

    try:
        fonts = subprocess.run(['fc-list', ':lang=zh'], capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        fonts = 'unknown'
    if not fonts:
        print('warning: no Chinese font installed (apt-get install -y fonts-wqy-microhei); '
              'the tests still run but screenshots will show boxes instead of characters')

    suite = Suite(args)

    def watchdog(signum, frame):
        raise SystemExit('the whole run took longer than %d s' % args.total_timeout)
    signal.signal(signal.SIGALRM, watchdog)
    signal.alarm(args.total_timeout)
    try:
        suite.run_all()
    except SystemExit as e:
        suite.failed += 1
        print('FAIL %s' % e)
    except Exception as e:
        suite.failed += 1
        print('FAIL could not run the browser: %s' % e)
    finally:
        signal.alarm(0)
        if suite.b is not None:
            suite.b.close()
    print('screenshots: %s' % os.path.relpath(suite.shots, REPO))
    print('%d passed, %d failed' % (suite.passed, suite.failed))
    sys.exit(1 if suite.failed else 0)


if __name__ == '__main__':
    main()
