#!/usr/bin/env python3
"""Hostile input corpus against the real server: every case must be refused with a 4xx.

Rules checked for every case:
  - never a 5xx (one documented exception: `HTTP/9.9` gets libmicrohttpd's 505, the status
    RFC 9110 prescribes for an unsupported version), never a crash (same PID serving after);
  - a response produced by gongkai (it carries X-Request-Id) is application/problem+json
    with a `status` equal to the HTTP status; libmicrohttpd's own refusals (bad framing it
    detects itself) are 4xx with its short HTML body, or a clean close where the case says so;
  - no response contains the canary file placed next to the public folder;
  - at the end, records.jsonl, catalogue.json, audit.jsonl, tokens.json and calendar files are
    byte-for-byte unchanged and the API serves the same records.

Cases: invalid UTF-8, NUL bytes, deep nesting, huge numbers, duplicate keys (also spelled
with escapes), wrong types, overlong strings, media-type and date tricks, query tricks,
percent-encoding and `..` on the static route (plus a symlink out of Public/), header and
Transfer-Encoding oddities, CL+TE, hostile catalogue imports.
"""

import json
import os
import random
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gkcheck as gk  # noqa: E402

checks = gk.Checks("hostile")
CASES = []


def case(name, data, source=None, close_ok=False, library=False, allow=()):
    """data: raw request bytes. `library`: libmicrohttpd answers itself (no problem body needed).
    `allow`: extra statuses accepted for this case (documented in RELIABILITY.md)."""
    CASES.append(dict(name=name, data=data, source=source, close_ok=close_ok, library=library, allow=allow))


def req(method, path, body=None, headers=None, version="HTTP/1.1"):
    if isinstance(body, str):
        body = body.encode("utf-8")
    lines = [f"{method} {path} {version}".encode("latin-1") if isinstance(path, str) else
             method.encode() + b" " + path + b" " + version.encode()]
    hdrs = [("Host", "127.0.0.1"), ("Connection", "close")]
    hdrs += list((headers or {}).items())
    if body is not None and not any(k.lower() in ("content-length", "transfer-encoding") for k, _ in hdrs):
        hdrs.append(("Content-Length", str(len(body))))
    for k, v in hdrs:
        kb = k if isinstance(k, bytes) else k.encode("utf-8")
        vb = v if isinstance(v, bytes) else v.encode("utf-8")
        lines.append(kb + b": " + vb)
    return b"\r\n".join(lines) + b"\r\n\r\n" + (body or b"")


def build_corpus(office, admin):
    J = {"Content-Type": "application/json", "Authorization": "Bearer " + office}
    JA = {"Content-Type": "application/json", "Authorization": "Bearer " + admin}

    def post(name, body, headers=None, **kw):
        h = dict(J)
        h.update(headers or {})
        case(name, req("POST", "/api/v1/records", body, h), **kw)

    valid = '"item_id":"35","formed_on":"2025-01-02"'
    # --- encoding
    post("invalid UTF-8 in a string", b'{' + valid.encode() + b',"title":"\xff\xfe bad"}')
    post("overlong UTF-8 (C0 AF)", b'{' + valid.encode() + b',"title":"\xc0\xaf"}')
    post("UTF-8 surrogate bytes (ED A0 80)", b'{' + valid.encode() + b',"title":"\xed\xa0\x80"}')
    post("lone surrogate escape", '{' + valid + ',"title":"\\ud800"}')
    post("raw NUL byte inside a string", b'{' + valid.encode() + b',"title":"a\x00b"}')
    post("raw NUL byte between tokens", b'{' + valid.encode() + b',\x00"title":"ab"}')
    post("escaped NUL in the title", '{' + valid + ',"title":"a\\u0000b"}')
    post("escaped NUL in a key", '{' + valid + ',"ti\\u0000tle":"x"}')
    post("control character in the title", '{' + valid + ',"title":"a\\u0007b"}')
    post("line separator U+2028 in the title", '{' + valid + ',"title":"a\u2028b"}')
    post("BOM before a body with an empty title", b'\xef\xbb\xbf{' + valid.encode() + b',"title":""}')
    post("UTF-16 body", ('{' + valid + ',"title":"x"}').encode("utf-16"))
    post("Latin-1 charset declared", '{' + valid + ',"title":"x"}',
         {"Content-Type": "application/json; charset=latin1"})
    # --- structure
    post("array nesting 100,000 deep", "[" * 100_000 + "]" * 100_000)
    post("object nesting 50,000 deep", '{"a":' * 50_000 + "1" + "}" * 50_000)
    post("nesting 600 deep inside the title", '{' + valid + ',"title":' + "[" * 600 + "]" * 600 + "}")
    post("nesting 500 deep inside the title", '{' + valid + ',"title":' + "[" * 500 + "]" * 500 + "}")
    post("unclosed object", '{' + valid)
    post("trailing garbage", '{' + valid + ',"title":"x"}xyz')
    post("two objects", '{' + valid + ',"title":"x"}{}')
    post("comments", '{' + valid + ',/* c */"title":"x"}')
    post("single quotes", "{'item_id':'35','title':'x','formed_on':'2025-01-02'}")
    post("trailing comma", '{' + valid + ',"title":"x",}')
    post("empty body", "")
    post("whitespace body", "   \n")
    post("top-level array", '[{' + valid + ',"title":"x"}]')
    post("top-level string", '"x"')
    post("top-level null", "null")
    post("top-level number", "1e999")
    # --- numbers
    post("1e999 as item_id", '{"item_id":1e999,"title":"x","formed_on":"2025-01-02"}')
    post("huge integer as item_id", '{"item_id":123456789012345678901234567890,"title":"x","formed_on":"2025-01-02"}')
    post("-0 as title", '{' + valid + ',"title":-0}')
    post("NaN literal", '{' + valid + ',"title":NaN}')
    post("Infinity literal", '{' + valid + ',"title":Infinity}')
    post("hex number", '{' + valid + ',"title":0x10}')
    post("1e308 as title", '{' + valid + ',"title":1e308}')
    post("10,000-digit number", '{' + valid + ',"title":' + "9" * 10_000 + "}")
    # --- duplicate keys
    post("duplicate key", '{' + valid + ',"title":"a","title":"b"}')
    post("duplicate key spelled with an escape", '{' + valid + ',"title":"a","t\\u0069tle":"b"}')
    post("duplicate key, both escaped differently", '{' + valid + ',"\\u0074itle":"a","titl\\u0065":"b"}')
    post("duplicate key with escaped solidus", '{"item_id":"35","formed_on":"2025-01-02","title":"a","ti\\/tle":"b"}')
    post("duplicate key nested", '{' + valid + ',"title":"a","channels":["x"],"channels":["y"]}')
    # --- wrong types
    for field, value in [("item_id", "35"), ("title", '["x"]'), ("title", "true"), ("title", "{}"),
                         ("formed_on", "20250102"), ("formed_on", '{"y":2025}'), ("channels", '"政府网站"'),
                         ("channels", "[1,2]"), ("channels", '[""]'), ("summary", "false"), ("published_on", "[]"),
                         ("document_type", "1"), ("office", "[]")]:
        body = {"item_id": '"35"', "title": '"x"', "formed_on": '"2025-01-02"'}
        body[field] = value
        post(f"wrong type: {field}={value[:12]}", "{" + ",".join(f'"{k}":{v}' for k, v in body.items()) + "}")
    post("null title", '{"item_id":"35","title":null,"formed_on":"2025-01-02"}')
    post("missing every field", "{}")
    post("unknown field", '{' + valid + ',"title":"x","id":"2025-00001"}')
    post("unknown field with a 10 KB name", '{' + valid + ',"title":"x","' + "k" * 10_000 + '":1}')
    post("server-set field version", '{' + valid + ',"title":"x","version":99}')
    post("__proto__ field", '{' + valid + ',"title":"x","__proto__":{"admin":true}}')
    # --- overlong strings
    post("title of 201 characters", '{' + valid + ',"title":"' + "长" * 201 + '"}')
    post("title of 100,000 characters", '{' + valid + ',"title":"' + "x" * 100_000 + '"}')
    post("body of 300,000 characters", '{' + valid + ',"title":"x","body":"' + "y" * 300_000 + '"}')
    post("document_number of 10,000 characters", '{' + valid + ',"title":"x","document_number":"' + "1" * 10_000 + '"}')
    post("31 channels", '{' + valid + ',"title":"x","channels":' + json.dumps([f"c{i}" for i in range(31)]) + "}")
    post("100,000-element array", '{' + valid + ',"title":"x","channels":[' + ",".join(['"a"'] * 100_000) + "]}")
    post("2 MB string (over the body limit)", '{' + valid + ',"title":"' + "z" * 2_000_000 + '"}')
    post("url with a javascript: scheme", '{' + valid + ',"title":"x","url":"javascript:alert(1)"}')
    post("item_id with a path", '{"item_id":"../../etc/passwd","title":"x","formed_on":"2025-01-02"}')
    post("item_id of another office", '{"item_id":"1","title":"x","formed_on":"2025-01-02"}')
    post("office of another office", '{' + valid + ',"title":"x","office":"办公室"}')
    # --- dates
    for d in ["2025-02-30", "2025-13-01", "2025-1-1", "+2025-01-01", "99999-01-01", "2025-01-01T00:00:00Z",
              "２０２５-０１-０１", "2025-01-01\u0000", "0000-01-01", "2999-01-01", ""]:
        post(f"formed_on {d!r}", json.dumps({"item_id": "35", "title": "x", "formed_on": d}))
    post("formed_on after published_on",
         '{"item_id":"35","title":"x","formed_on":"2025-05-01","published_on":"2025-04-01"}')
    # --- media types
    for ct in ["text/json", "application/json, text/plain", "multipart/form-data; boundary=x",
               "application/x-www-form-urlencoded", "application/json; charset=utf-16", "", "application/jsonx"]:
        post(f"Content-Type {ct!r}", '{' + valid + ',"title":"x"}', {"Content-Type": ct})
    case("POST without Content-Type", req("POST", "/api/v1/records", '{' + valid + ',"title":"x"}',
                                          {"Authorization": "Bearer " + office}))
    # --- authentication (own addresses: failures feed the per-address limiter)
    for i, auth in enumerate([b"Bearer " + b"A" * 10_000, b"Bearer \xff\xfe\x00", b"Basic YWRtaW46YWRtaW4=",
                              b"Bearer", b"bearer " + office.encode() + b"x", b"Bearer " + office[:-1].encode(),
                              b"Bearer  " + b" " * 100, b"Bearer " + office.encode() + b"\x00"]):
        # The body is invalid too (empty title): whatever the token does, the answer is a 4xx.
        case(f"Authorization #{i + 1} ({auth[:14]!r}…)",
             req("POST", "/api/v1/records", '{' + valid + ',"title":""}',
                 {"Content-Type": "application/json", "Authorization": auth}), source=f"127.0.3.{i + 1}")
    case("two Authorization headers", req("POST", "/api/v1/records", '{' + valid + ',"title":""}',
                                          {"Content-Type": "application/json", "Authorization": "Bearer x",
                                           "authorization": "Bearer " + office}), source="127.0.3.20")
    case("office token on an admin route", req("PUT", "/api/v1/catalogue/items/33", "{}", J))
    # --- PATCH / withdraw
    case("PATCH with a 5 KB If-Match", req("PATCH", "/api/v1/records/RID", '{"title":"x"}',
                                            dict(J, **{"If-Match": '"' + "x" * 5000 + '"'})))
    case("PATCH with a weak If-Match", req("PATCH", "/api/v1/records/RID", '{"title":"x"}',
                                            dict(J, **{"If-Match": 'W/"rRID-v1"'})))
    case("PATCH without If-Match", req("PATCH", "/api/v1/records/RID", '{"title":"y"}', J))
    case("PATCH with If-Match: * and an empty title", req("PATCH", "/api/v1/records/RID", '{"title":""}',
                                                           dict(J, **{"If-Match": "*"})))
    case("PATCH changing the office", req("PATCH", "/api/v1/records/RID", '{"office":"办公室"}',
                                           dict(J, **{"If-Match": "*"})))
    case("PATCH a record that does not exist", req("PATCH", "/api/v1/records/9999-99999", '{"title":"x"}',
                                                    dict(J, **{"If-Match": "*"})))
    case("PATCH with related_record_id = itself", req("PATCH", "/api/v1/records/RID", '{"related_record_id":"RID"}',
                                                       dict(J, **{"If-Match": "*"})))
    case("withdraw without a reason", req("POST", "/api/v1/records/RID/withdraw", "{}", J))
    case("withdraw with a 10 KB reason", req("POST", "/api/v1/records/RID/withdraw",
                                              '{"reason":"' + "r" * 10_000 + '"}', J))
    case("withdraw with a reason and an extra field", req("POST", "/api/v1/records/RID/withdraw",
                                                           '{"reason":"x","force":true}', J))
    # --- admin bodies
    case("catalogue item PUT with wrong types", req("PUT", "/api/v1/catalogue/items/33",
                                                     '{"id":33,"title":[],"channels":"x"}', JA))
    case("catalogue item POST with an empty object", req("POST", "/api/v1/catalogue/items", "{}", JA))
    case("catalogue item PUT, id differs from the path", req("PUT", "/api/v1/catalogue/items/33", '{"id":"34"}', JA))
    case("calendar PUT with garbage", req("PUT", "/api/v1/calendar/2025", '{"year":"x","days":1e999}', JA))
    case("calendar PUT for year 99999", req("PUT", "/api/v1/calendar/99999", "{}", JA))
    TP = {"Content-Type": "text/plain", "Authorization": "Bearer " + admin}
    rnd = random.Random(7)
    for name, text in [("invalid UTF-8", b"\xff\xfe\xfd" * 1000), ("NUL bytes", b"\x00" * 5000),
                       ("empty", b""), ("random bytes", bytes(rnd.getrandbits(8) for _ in range(20_000))),
                       ("one 900 KB line", b"x" * 900_000), ("10,000 header-like lines", "序号|事项\n".encode() * 10_000),
                       ("a line of 50,000 pipes", b"|" * 50_000)]:
        case(f"catalogue import (real, not dry run): {name}", req("POST", "/api/v1/catalogue/import", text, TP))
        case(f"catalogue import dry run: {name}", req("POST", "/api/v1/catalogue/import?dry_run=true", text, TP))
    # --- query strings
    for q in ["limit=-1", "limit=0", "limit=201", "limit=1e3", "limit=99999999999999999999999", "limit=%ff",
              "cursor=!!!", "cursor=" + "A" * 4000, "cursor=eyJ4IjoxfQ", "from=2025-13-01", "to=x", "year=0",
              "year=99999", "item=%ff", "q=%00", "q=%zz", "unknown=1", "include=everything", "state=deleted",
              "state=pending", "from=2025-01-01&to=2024-01-01&year=abc"]:
        case(f"GET /api/v1/records?{q[:40]}", req("GET", "/api/v1/records?" + q))
    # A repeated single-valued parameter: the first value wins (documented), a read only.
    case("GET /api/v1/records?limit=1&limit=2", req("GET", "/api/v1/records?limit=1&limit=2"), allow=(200,))
    case("GET a record id with %00", req("GET", "/api/v1/records/2025%00"))
    case("GET a record id with an encoded slash", req("GET", "/api/v1/records/..%2f..%2fcanary-secret.txt"))
    case("GET catalogue with an unknown filter", req("GET", "/api/v1/catalogue?evil=%ff%fe"))
    case("GET annual report for year -1", req("GET", "/api/v1/reports/annual/-1", headers={"Authorization": "Bearer " + admin}))
    case("GET annual report for a 30-digit year", req("GET", "/api/v1/reports/annual/" + "9" * 30,
                                                      headers={"Authorization": "Bearer " + admin}))
    # --- static route and traversal
    for path in ["/../canary-secret.txt", "/%2e%2e/canary-secret.txt", "/%2E%2E%2Fcanary-secret.txt",
                 "/..%2fcanary-secret.txt", "/..%5ccanary-secret.txt", "/%252e%252e/canary-secret.txt",
                 "/.%00./canary-secret.txt", "/index.html%00.png", "//canary-secret.txt", "/link-out.txt",
                 "/dir-link/canary-secret.txt", "/Public/../canary-secret.txt", "/./index.html",
                 "/%c0%ae%c0%ae/canary-secret.txt", "/..;/canary-secret.txt", "/\\..\\canary-secret.txt",
                 "/%u002e%u002e/canary-secret.txt", "/%ff", "/%", "/%2", "/a%2fb", "/index.html/",
                 "/canary-secret.txt", "/api/../canary-secret.txt", "/.git/config", "/.%2e/canary-secret.txt"]:
        case(f"GET {path}", req("GET", path.encode("latin-1")))
    case("absolute-form with ..", req("GET", b"http://x/../canary-secret.txt"))
    case("relative target", req("GET", b"../canary-secret.txt"))
    case("asterisk target on GET", req("GET", b"*"))
    case("POST to a static path", req("POST", "/index.html", "x", {"Content-Type": "text/plain"}))
    case("DELETE on a static path", req("DELETE", "/index.html"))
    case("unknown method on an API path", req("FROB", "/api/v1/records"))
    case("lower-case method", req("get", "/api/v1/records/RID"))
    # --- framing and headers (raw)
    body = b'{"item_id":"35","title":"x","formed_on":"2025-01-02"}'
    auth = b"Authorization: Bearer " + office.encode() + b"\r\nContent-Type: application/json\r\n"
    head = b"POST /api/v1/records HTTP/1.1\r\nHost: x\r\n" + auth
    case("CL + TE: chunked", head + b"Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
    case("TE: chunked + CL", head + b"Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n")
    case("two equal Content-Lengths", head + b"Content-Length: 53\r\nContent-Length: 53\r\n\r\n" + body)
    case("two different Content-Lengths", head + b"Content-Length: 53\r\nContent-Length: 3\r\n\r\n" + body)
    case("Content-Length list '53, 53'", head + b"Content-Length: 53, 53\r\n\r\n" + body, library=True, close_ok=True)
    case("Content-Length -1", head + b"Content-Length: -1\r\n\r\n", library=True, close_ok=True)
    case("Content-Length +53", head + b"Content-Length: +53\r\n\r\n" + body, library=True, close_ok=True)
    case("Content-Length 2^64+1", head + b"Content-Length: 18446744073709551617\r\n\r\n", library=True, close_ok=True)
    case("Content-Length in hex", head + b"Content-Length: 0x35\r\n\r\n" + body, library=True, close_ok=True)
    case("TE: gzip, chunked", head + b"Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n")
    case("TE: chunked twice in one header", head + b"Transfer-Encoding: chunked, chunked\r\n\r\n0\r\n\r\n")
    case("TE: two headers", head + b"Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
    case("TE: identity", head + b"Transfer-Encoding: identity\r\n\r\n" + body)
    case("TE: xchunked", head + b"Transfer-Encoding: xchunked\r\n\r\n0\r\n\r\n")
    case("TE with a space before the colon", head + b"Transfer-Encoding : chunked\r\n\r\n0\r\n\r\n",
         library=True, close_ok=True)
    case("TE folded over two lines", head + b"Transfer-Encoding:\r\n chunked\r\n\r\n0\r\n\r\n", library=True, close_ok=True)
    case("TE on HTTP/1.0", head.replace(b"HTTP/1.1", b"HTTP/1.0") + b"Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
    case("chunk size zz", head + b"Transfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n", library=True, close_ok=True)
    case("chunk size overflow", head + b"Transfer-Encoding: chunked\r\n\r\nfffffffffffffffffffff\r\nabc\r\n0\r\n\r\n",
         library=True, close_ok=True)
    case("chunk size -1", head + b"Transfer-Encoding: chunked\r\n\r\n-1\r\nabc\r\n0\r\n\r\n", library=True, close_ok=True)
    case("chunk longer than declared", head + b"Transfer-Encoding: chunked\r\n\r\n2\r\nabcdef\r\n0\r\n\r\n",
         library=True, close_ok=True)
    case("chunked body with the valid JSON split oddly but no final chunk",
         head + b"Transfer-Encoding: chunked\r\n\r\n35\r\n" + body + b"\r\n", close_ok=True)
    case("body shorter than Content-Length, then half-close", head + b"Content-Length: 500\r\n\r\n" + body,
         close_ok=True)
    case("HTTP/9.9", b"GET /healthz HTTP/9.9\r\nHost: x\r\n\r\n", library=True, close_ok=True, allow=(505,))
    case("HTTP/1.1 without a version digit", b"GET /healthz HTTP/1.\r\nHost: x\r\n\r\n", library=True, close_ok=True)
    case("request line GARBAGE", b"GARBAGE\r\n\r\n", library=True, close_ok=True)
    case("random bytes", bytes(rnd.getrandbits(8) for _ in range(2000)), library=True, close_ok=True)
    # libmicrohttpd 0.9.75 cuts a header value at a NUL (it uses strlen): a read, documented.
    case("NUL in a header value", b"GET /api/v1/records HTTP/1.1\r\nHost: x\r\nX-A: a\x00b\r\n\r\n",
         library=True, close_ok=True, allow=(200,))
    case("NUL in a header name", b"GET /api/v1/records HTTP/1.1\r\nHost: x\r\nX-\x00A: b\r\n\r\n", library=True, close_ok=True)
    case("header without a colon", b"GET /api/v1/records HTTP/1.1\r\nHost: x\r\nNoColonHere\r\n\r\n",
         library=True, close_ok=True)
    case("bare LF line endings with a bad target", b"GET /%2e%2e/canary-secret.txt HTTP/1.1\nHost: x\n\n",
         library=True, close_ok=True)
    case("invalid UTF-8 in X-Request-Id and Origin", b"GET /api/v1/nothing HTTP/1.1\r\nHost: x\r\n"
         b"X-Request-Id: \xff\xfe\r\nOrigin: https://\xff\r\n\r\n")
    case("CR LF injection attempt in X-Request-Id", b"GET /api/v1/nothing HTTP/1.1\r\nHost: x\r\n"
         b"X-Request-Id: a\rSet-Cookie: x=y\r\n\r\n", library=True, close_ok=True)
    case("8 KB method name", b"A" * 8000 + b" / HTTP/1.1\r\nHost: x\r\n\r\n", library=True, close_ok=True)
    case("space-padded target", b"GET  /../canary-secret.txt  HTTP/1.1\r\nHost: x\r\n\r\n", library=True, close_ok=True)
    case("tab in target", b"GET /a\tb HTTP/1.1\r\nHost: x\r\n\r\n", library=True, close_ok=True)
    case("fragment in target", b"GET /index.html#x HTTP/1.1\r\nHost: x\r\n\r\n")
    case("pipelined smuggle after CL+TE", head + b"Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n"
         b"0\r\n\r\nGET /canary-secret.txt HTTP/1.1\r\nHost: x\r\n\r\n")


def setup_public(base):
    """A copy of Public/ with a canary file beside it and symlinks pointing out of it."""
    public = os.path.join(base, "site", "Public")
    shutil.copytree(os.path.join(gk.ROOT, "Public"), public)
    canary = "GK-CANARY-%016x" % random.getrandbits(64)
    with open(os.path.join(base, "site", "canary-secret.txt"), "w") as f:
        f.write(canary + "\n")
    os.symlink("../canary-secret.txt", os.path.join(public, "link-out.txt"))
    os.symlink("..", os.path.join(public, "dir-link"))
    return public, canary


def main():
    base = gk.tmpdir("gk-hostile-")
    data = os.path.join(base, "data")
    public, canary = setup_public(base)
    # A 3 s inactivity timeout: cases that leave a request unfinished end in a close quickly.
    config = gk.write_config(os.path.join(base, "config.json"), public_dir=public, access_log=False,
                             limits={"connection_timeout_s": 3})
    admin = gk.make_token(data, "hostile-admin", "admin", config=config)
    office = gk.make_token(data, "hostile-office", "office", office="中小企业科", config=config)
    server = gk.Server(data, config=config, log_dir=os.path.join(base, "logs"), name="hostile").start()
    pid = server.pid
    port = server.port
    # Some real data to protect.
    ids = []
    for i in range(5):
        r = gk.request(port, "POST", "/api/v1/records", token=office,
                       json_body={"item_id": "35", "title": f"真实记录 {i}", "formed_on": "2025-01-0%d" % (i + 1)})
        checks.check(f"seed record {i} created", r.status == 201, repr(r))
        ids.append(r.json()["id"])
    rid = ids[0]
    def data_files():
        return sorted(os.path.join(b, n) for b, _, names in os.walk(data) for n in names)
    files = data_files()
    before_files = gk.file_bytes(*files)
    before_records = gk.all_records(port, admin)
    before_catalogue = gk.request(port, "GET", "/api/v1/catalogue").body

    build_corpus(office, admin)
    statuses = {}
    library_answers = 0
    closes = 0
    sources = {}
    for n, c in enumerate(CASES):
        data_bytes = c["data"].replace(b"RID", rid.encode())
        # Each case from its own 127.0.x.y unless it names one, so the auth limiter and the
        # per-IP limit never mask what is being tested.
        source = c["source"] or f"127.0.{10 + n // 200}.{1 + n % 200}"
        sources[source] = sources.get(source, 0) + 1
        started = time.monotonic()
        try:
            r, closed = gk.raw(port, data_bytes, source=source, timeout=10, shutdown_write=True)
        except OSError as e:
            r, closed = None, True
            checks.check(f"{c['name']}: connection works", False, str(e))
            continue
        label = c["name"]
        if r is None:
            closes += 1
            checks.check(f"{label}: answered (a close is allowed only where the library does that)",
                         c["close_ok"], "connection closed without a response")
        else:
            elapsed = time.monotonic() - started
            checks.check(f"{label}: answered within 2 s", elapsed < 2.0, f"{elapsed:.2f} s")
            statuses[r.status] = statuses.get(r.status, 0) + 1
            ok_status = 400 <= r.status < 500 or r.status in c["allow"]
            checks.check(f"{label}: 4xx", ok_status, repr(r))
            from_app = r.header("X-Request-Id") is not None
            if from_app and r.status >= 400:
                checks.check(f"{label}: problem+json body", r.is_problem(), repr(r))
            elif not from_app:
                library_answers += 1
                checks.check(f"{label}: answered by libmicrohttpd (allowed for this case)", c["library"]
                             or r.status in (413, 431), repr(r))
            checks.check(f"{label}: no canary in the response", canary.encode() not in r.raw)
        if not server.alive() or not gk.healthy(port, source="127.0.0.2"):
            checks.check(f"{label}: server still alive and healthy", False, "server died or stopped answering")
            break
    checks.check(f"same PID {pid} still serving after {len(CASES)} cases", server.alive() and server.pid == pid)
    after_files = gk.file_bytes(*files)
    changed = [os.path.basename(p) for p in files if before_files[p] != after_files[p]]
    checks.check("stored files byte-for-byte unchanged", not changed, f"changed: {changed}")
    new_files = sorted(set(data_files()) - set(files))
    checks.check("no new files in the data directory", not new_files, str(new_files))
    checks.check("records served unchanged", gk.all_records(port, admin) == before_records)
    checks.check("catalogue served unchanged", gk.request(port, "GET", "/api/v1/catalogue").body == before_catalogue)
    errors = [line for line in server.stderr().splitlines() if " critical " in line]
    checks.check("no critical lines in the server log", not errors, " | ".join(errors[:3]))
    code = server.stop()
    checks.check("server stops with exit 0", code == 0, f"exit {code}")
    gk.log(f"{len(CASES)} cases; statuses {dict(sorted(statuses.items()))}; "
           f"{library_answers} answered by libmicrohttpd itself; {closes} closed without a response")
    gk.finish(base, checks)


if __name__ == "__main__":
    gk.run(main, checks)
