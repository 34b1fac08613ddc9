#!/usr/bin/env python3
"""Storage faults: a failing write, fsync, short write and ENOSPC, injected at run time.

The server runs with GONGKAI_FAULTS_FILE=<control file> (FaultInjectingFileSystem, the
storage layer's file-system seam: the real POSIX calls with chosen ones made to fail).
Writing a plan into the control file turns faults on; emptying it turns them off — no
restart. For every fault kind and for records.jsonl (POST, PATCH, concurrent POSTs) and
catalogue.json (admin PUT of an item):
  - the request gets 503 (507 for ENOSPC) with an application/problem+json body;
  - the bytes of records.jsonl, catalogue.json and audit.jsonl are unchanged, and so is
    what the API serves (records list, the record's ETag, the catalogue version);
  - after the control file is emptied, the same writes succeed (a PATCH with the same
    If-Match proves no phantom version was kept in memory);
and at the end a restart finds exactly the acknowledged records.
"""

import json
import os
import shutil
import subprocess
import sys
import threading

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gkcheck as gk  # noqa: E402

checks = gk.Checks("storage-faults")
FAULTS = ["write", "fsync", "short-write", "enospc"]


def expected_status(fault):
    return 507 if fault == "enospc" else 503


def real_enospc(base):
    """The same on a real full filesystem: a 4 MiB tmpfs filled to the last byte.

    Needs root (mount). Skipped with a note, not failed, where mounting is not allowed."""
    mnt = os.path.join(base, "tmpfs")
    os.makedirs(mnt)
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mnt],
                      capture_output=True).returncode != 0:
        gk.log("real ENOSPC on tmpfs: skipped (mount not permitted here)")
        return
    server = None
    try:
        data = os.path.join(mnt, "data")
        config = gk.write_config(os.path.join(base, "tmpfs-config.json"))
        office = gk.make_token(data, "tmpfs-office", "office", office="中小企业科", config=config)
        server = gk.Server(data, config=config, log_dir=os.path.join(base, "logs"), name="tmpfs")
        server.start()
        port = server.port

        def post(title):
            return gk.request(port, "POST", "/api/v1/records", token=office,
                              json_body={"item_id": "35", "title": title, "formed_on": "2025-06-01",
                                         "summary": "x" * 1500})
        r = post("tmpfs first")
        checks.check("tmpfs: POST 201 before the disk fills", r.status == 201, repr(r))
        rid, etag = r.json()["id"], r.header("ETag")
        filler = os.path.join(mnt, "filler")
        with open(filler, "wb", buffering=0) as f:
            for size in (1 << 16, 4096, 512, 1):
                try:
                    while True:
                        f.write(b"\0" * size)
                except OSError:
                    pass
        records_path = os.path.join(data, "records.jsonl")
        before = gk.file_bytes(records_path, os.path.join(data, "audit.jsonl"))
        r = post("tmpfs while full")
        checks.check("tmpfs full: POST 507 problem+json", r.status == 507 and r.is_problem(), repr(r))
        r = gk.request(port, "PATCH", f"/api/v1/records/{rid}", token=office, headers={"If-Match": etag},
                       json_body={"title": "tmpfs patched while full"})
        checks.check("tmpfs full: PATCH 507 problem+json", r.status == 507 and r.is_problem(), repr(r))
        after = gk.file_bytes(records_path, os.path.join(data, "audit.jsonl"))
        checks.check("tmpfs full: records.jsonl and audit.jsonl unchanged (partial writes cut back)",
                     before == after, str({k: (len(v or b""), len(after[k] or b"")) for k, v in before.items()}))
        os.unlink(filler)
        r = gk.request(port, "PATCH", f"/api/v1/records/{rid}", token=office, headers={"If-Match": etag},
                       json_body={"title": "tmpfs patched after space freed"})
        checks.check("tmpfs space freed: PATCH with the old If-Match 200", r.status == 200, repr(r))
        r = post("tmpfs after space freed")
        checks.check("tmpfs space freed: POST 201 without restart", r.status == 201, repr(r))
        checks.check("tmpfs: every line parses", not gk.json_files_parse(data))
    finally:
        if server:
            server.stop()
        subprocess.run(["umount", mnt], capture_output=True)


def main():
    base = gk.tmpdir("gk-faults-")
    data = os.path.join(base, "data")
    control = os.path.join(base, "faults.ctl")
    open(control, "w").close()
    config = gk.write_config(os.path.join(base, "config.json"))
    admin = gk.make_token(data, "faults-admin", "admin", config=config)
    office = gk.make_token(data, "faults-office", "office", office="中小企业科", config=config)
    server = gk.Server(data, config=config, env={"GONGKAI_FAULTS_FILE": control},
                       log_dir=os.path.join(base, "logs"), name="faults")
    server.start()
    port = server.port
    files = [os.path.join(data, n) for n in ("records.jsonl", "catalogue.json", "audit.jsonl")]
    acked = {}  # id -> (version, title)
    counter = [0]

    def set_plan(text):
        # Replace the file (new inode) so the change is always noticed.
        tmp = control + ".new"
        with open(tmp, "w") as f:
            f.write(text)
        os.replace(tmp, control)

    def post(label):
        counter[0] += 1
        title = f"fault test {label} #{counter[0]}"
        r = gk.request(port, "POST", "/api/v1/records", token=office,
                       json_body={"item_id": "35", "title": title, "formed_on": "2025-06-01"})
        if r.status == 201:
            rec = r.json()
            acked[rec["id"]] = (rec["version"], rec["title"])
        return r

    def patch(rid, etag, label):
        title = f"patched {label}"
        r = gk.request(port, "PATCH", f"/api/v1/records/{rid}", token=office,
                       headers={"If-Match": etag}, json_body={"title": title})
        if r.status == 200:
            rec = r.json()
            acked[rid] = (rec["version"], rec["title"])
        return r

    def state():
        return gk.file_bytes(*files), gk.all_records(port, admin)

    def unchanged(label, before):
        after = state()
        diff = [os.path.basename(p) for p in files if before[0][p] != after[0][p]]
        checks.check(f"{label}: stored files unchanged", not diff, f"changed: {diff}")
        checks.check(f"{label}: records served unchanged", before[1] == after[1],
                     f"{len(before[1])} → {len(after[1])} records")

    def is_fault_answer(label, r, fault):
        checks.check(f"{label}: {expected_status(fault)} problem+json",
                     r.status == expected_status(fault) and r.is_problem(), repr(r))

    # A baseline record to PATCH.
    r = post("baseline")
    checks.check("baseline POST 201", r.status == 201, repr(r))
    base_id = r.json()["id"]
    base_etag = r.header("ETag")

    for fault in FAULTS:
        # 1. POST with a one-shot fault on records.jsonl.
        before = state()
        set_plan(f"{fault}@records.jsonl:once")
        is_fault_answer(f"{fault} POST", post(f"{fault}-fail"), fault)
        unchanged(f"{fault} POST", before)
        # 2. PATCH with a persistent fault: refused, nothing changes, twice in a row.
        set_plan(f"{fault}@records.jsonl:always")
        for attempt in (1, 2):
            is_fault_answer(f"{fault} PATCH #{attempt}", patch(base_id, base_etag, f"{fault}-{attempt}"), fault)
        unchanged(f"{fault} PATCH", before)
        # 3. Eight concurrent POSTs under the persistent fault: all refused.
        results = []
        threads = [threading.Thread(target=lambda: results.append(post(f"{fault}-burst"))) for _ in range(8)]
        [t.start() for t in threads]
        [t.join() for t in threads]
        checks.check(f"{fault} concurrent POSTs all {expected_status(fault)}",
                     len(results) == 8 and all(x.status == expected_status(fault) and x.is_problem() for x in results),
                     str([x.status for x in results]))
        unchanged(f"{fault} concurrent POSTs", before)
        # 4. Clear: the same PATCH (same If-Match) and POSTs succeed, without a restart.
        set_plan("")
        r = patch(base_id, base_etag, f"{fault}-recovered")
        checks.check(f"{fault} cleared: PATCH with the old If-Match is 200", r.status == 200, repr(r))
        base_etag = r.header("ETag") or base_etag
        results = []
        threads = [threading.Thread(target=lambda: results.append(post(f"{fault}-recovered"))) for _ in range(4)]
        [t.start() for t in threads]
        [t.join() for t in threads]
        checks.check(f"{fault} cleared: concurrent POSTs 201", all(x.status == 201 for x in results),
                     str([x.status for x in results]))
        # 5. catalogue.json: an admin PUT of an item under the fault.
        item = gk.request(port, "GET", "/api/v1/catalogue/items/33").json()
        version = gk.request(port, "GET", "/api/v1/catalogue").json()["version"]
        changed = dict(item)
        changed["basis"] = (item.get("basis") or "") + f"（{fault}）"
        before = state()
        set_plan(f"{fault}@catalogue.json:always")
        r = gk.request(port, "PUT", "/api/v1/catalogue/items/33", token=admin, json_body=changed)
        is_fault_answer(f"{fault} catalogue PUT", r, fault)
        unchanged(f"{fault} catalogue PUT", before)
        now = gk.request(port, "GET", "/api/v1/catalogue").json()["version"]
        checks.check(f"{fault} catalogue version unchanged after the failed PUT", now == version, f"{version} → {now}")
        set_plan("")
        r = gk.request(port, "PUT", "/api/v1/catalogue/items/33", token=admin, json_body=changed)
        checks.check(f"{fault} cleared: catalogue PUT 200", r.status == 200, repr(r))
        now = gk.request(port, "GET", "/api/v1/catalogue").json()["version"]
        checks.check(f"{fault} cleared: catalogue version bumped once", now == version + 1, f"{version} → {now}")

    # A fault with no path (the first file written fails: records.jsonl for a POST).
    before = state()
    set_plan("enospc")
    is_fault_answer("unscoped enospc POST", post("unscoped"), "enospc")
    unchanged("unscoped enospc POST", before)
    set_plan("")
    checks.check("unscoped enospc cleared: POST 201", post("after-unscoped").status == 201)

    # A record's audit entry rides in its own line of records.jsonl (RELIABILITY.md, "Audit order"):
    # a fault on audit.jsonl cannot split a record write from its entry. The POST succeeds, once.
    before_records = gk.all_records(port, admin)
    set_plan("enospc@audit.jsonl:once")
    r = post("audit-fault")
    set_plan("")
    after_records = gk.all_records(port, admin)
    checks.check("enospc on audit.jsonl: a POST is not affected (201, stored once)",
                 r.status == 201 and len(after_records) == len(before_records) + 1,
                 f"{r!r}; records {len(before_records)} → {len(after_records)}")
    for rid, rec in after_records.items():
        if rid not in before_records and rid not in acked:
            acked[rid] = (rec["version"], rec["title"])

    injected = server.stderr().count("ignoring fault control file")
    checks.check("control file always parsed", injected == 0)

    # The restart sees exactly the acknowledged state.
    code = server.stop()
    checks.check("SIGTERM exits 0 after the faults", code == 0, f"exit {code}")
    server.env.pop("GONGKAI_FAULTS_FILE", None)
    server.start()
    records = gk.all_records(server.port, admin)
    mismatch = [rid for rid, (v, t) in acked.items() if rid not in records or records[rid]["version"] != v or records[rid]["title"] != t]
    extra = [rid for rid in records if rid not in acked]
    checks.check(f"after restart: all {len(acked)} acknowledged records exactly as acknowledged", not mismatch, str(mismatch[:5]))
    checks.check("after restart: no record that was refused", not extra, str(extra[:5]))
    problems = gk.json_files_parse(data)
    checks.check("after restart: every JSON file and line parses", not problems, "; ".join(problems[:3]))
    server.stop()
    real_enospc(base)
    gk.finish(base, checks)


if __name__ == "__main__":
    gk.run(main, checks)
