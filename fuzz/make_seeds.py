#!/usr/bin/env python3
"""Regenerates the checked-in seed corpora in fuzz/*/corpus (deterministic). Run from anywhere:
    python3 fuzz/make_seeds.py
Seeds: the importer fixtures and slices of them; valid and hostile record bodies (the cases of
scripts/checks/hostile.py); real records.jsonl lines and damaged variants; request targets."""
import hashlib
import json
import os
import glob

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
FUZZ = os.path.join(ROOT, "fuzz")


def put(name, data):
    d = os.path.join(FUZZ, name, "corpus")
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(d, hashlib.sha1(data).hexdigest()[:16]), "wb") as f:
        f.write(data)


# importer
for path in sorted(glob.glob(os.path.join(ROOT, "Tests/GongkaiImportTests/Fixtures/*"))):
    if path.endswith(".json"):
        continue
    data = open(path, "rb").read()
    put("importer", data)
    lines = data.split(b"\n")
    if len(lines) > 12:
        put("importer", b"\n".join(lines[:12]))   # title + header + a few rows
        put("importer", b"\n".join(lines[:6]))
put("importer", "序号\t公开事项\t\t公开内容（要素）\t公开依据\t公开主体\t公开时限\t公开渠道和载体\n\t一级事项\t二级事项\n1\t机构职能\t机构职能\t内设机构\t条例\t办公室\t20个工作日\t☑政府网站\n")
put("importer", "| 序号 | 公开事项 | 公开主体 |\n|---|---|---|\n| 1 | 机构 | 办公室 |\n")
put("importer", b"\xef\xbb\xbf\xe5\xba\x8f\xe5\x8f\xb7\r\n\r\n")
put("importer", b"\xff\xfe" + "序号".encode("utf-16-le"))

# record-input
valid = {"item_id": "35", "title": "关于减轻企业负担的通知", "formed_on": "2025-01-02"}
full = dict(valid, published_on="2025-01-05", document_number="安工信〔2025〕1号", summary="摘要\n第二行",
            body="正文", url="https://example.gov.cn/a", channels=["政府网站"], document_type="其他",
            repealed_on=None, related_record_id="2025-00001", event_on="2025-01-01", office="中小企业科")
for body in [valid, full, {}, {"title": ""}, {"title": None}, dict(valid, channels=None), dict(valid, extra=1)]:
    put("record-input", json.dumps(body, ensure_ascii=False))
for raw in ['{"title":"a","t\\u0069tle":"b"}', '{"a":1,}', '[' * 40 + ']' * 40, '{"item_id":1e308}',
            '{"formed_on":"2025-02-30","title":"x"}', '{"title":"a\\u0000b"}', '{"title":"\\ud83d\\ude00"}',
            '{"channels":["a","a","b"]}', '{"document_type":"规章","url":"ftp://x"}']:
    put("record-input", raw)

# record-decode
if True:
    rec = {"body": None, "channels": [{"name": "政府网站", "note": None}], "created_at": "2026-01-01T08:00:00.000+08:00",
           "created_by": "t", "document_number": None, "document_type": None, "event_on": None, "formed_on": "2025-01-02",
           "id": "2026-00001", "index_number": "X/2026-00001", "item_id": "35", "office": "中小企业科",
           "published_on": "2026-01-01", "related_record_id": None, "repealed_on": None, "summary": None,
           "title": "t", "updated_at": "2026-01-01T08:00:00.000+08:00", "url": None, "version": 1, "withdrawn": None}
    patched = dict(rec, title="关于减轻企业负担的通知（修订）", version=3, summary="摘要", body="正文\n第二段",
                   withdrawn={"reason": "重复", "at": "2026-02-01T08:00:00.000+08:00", "by": "admin"})
    # Since issue 6 a record line carries the audit entry of its write under "audit".
    audited = dict(patched, audit={"action": "record.update", "after_version": 3, "at": "2026-02-01T08:00:00.000+08:00",
                                   "before_version": 2, "detail": None, "role": "office", "target": "2026-00001",
                                   "token": "中小企业科-1"})
    lines = [json.dumps(r, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
             for r in (rec, patched, audited)]
for line in lines:
    put("record-decode", line)
    put("record-decode", line[: len(line) // 2])            # a torn tail
    put("record-decode", line.replace(b'"version":1', b'"version":1.0'))
    put("record-decode", line.replace(b'"version":1', b'"version":-0'))
    put("record-decode", line.replace(b'"withdrawn":null', b'"withdrawn":{"reason":"r","at":"2026-01-01","by":"t"}'))
put("record-decode", "{}")
put("record-decode", '{"id":"\\u0031"}')

# raw-target
for t in ["/", "/api/v1/records?limit=20&cursor=abc", "/api/v1/records/2025-00001", "/index.html",
          "/%2e%2e/x", "/..%2fx", "/%252e%252e/", "/a/./b", "/a//b", "/%00", "/%ff", "/%e4%b8%ad",
          "http://host/a?b=c", "/a?q=%e4%b8%ad+x&x", "*", "/a\\b", "/a#b", "/a/b/"]:
    put("raw-target", t)
print("seeds written")
