#!/usr/bin/env python3
"""`gongkai backup` while the server serves writes, `gongkai restore` into a fresh data
directory, a server on the restored data, and a comparison.

  - the backup runs while four writers POST and PATCH (several backups in a row);
  - every write acknowledged before the backup started is in the restored data, at its
    acknowledged version or a later one that was also sent;
  - every restored record is exactly a version the original server acknowledged or was
    sent (nothing torn, nothing invented), and its id exists in the original;
  - every audit entry in the backup refers to a record version present in the backup
    (the audit copy never runs ahead of the records);
  - the restored server starts cleanly, serves the same catalogue, and accepts the old
    tokens (tokens.json restored with mode 0600);
  - a backup into a non-empty directory is refused; a damaged backup is refused by restore
    naming the file, and nothing is created.
"""

import json
import os
import shutil
import stat
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gkcheck as gk  # noqa: E402

checks = gk.Checks("backup-restore")
FIELDS = ("title", "summary", "item_id", "office", "version")


def main():
    base = gk.tmpdir("gk-backup-")
    data = os.path.join(base, "data")
    config = gk.write_config(os.path.join(base, "config.json"))
    admin = gk.make_token(data, "backup-admin", "admin", config=config)
    writers = [(gk.make_token(data, f"backup-{o}", "office", office=o, config=config), o) for o in gk.OFFICES]
    server = gk.Server(data, config=config, log_dir=os.path.join(base, "logs"), name="backup").start()
    port = server.port
    lock = threading.Lock()
    acked = {}      # id -> (fields, time acknowledged)
    sent = {}       # (id, version) -> fields, for every write sent (acked or not)
    stop = threading.Event()

    def fields(rec):
        return {k: rec.get(k) for k in FIELDS}

    def writer(token, office, n0):
        n = n0
        mine = []
        while not stop.is_set():
            n += 1
            title = f"backup {office} #{n}"
            try:
                if mine and n % 3 == 0:
                    rid, etag, version = mine[n % len(mine)]
                    body = {"title": title + " patched"}
                    with lock:
                        prev = dict(acked[rid][0])
                        sent[(rid, version + 1)] = dict(prev, title=body["title"], version=version + 1)
                    r = gk.request(port, "PATCH", f"/api/v1/records/{rid}", token=token,
                                   headers={"If-Match": etag}, json_body=body)
                    if r.status == 200:
                        rec = r.json()
                        with lock:
                            acked[rid] = (fields(rec), time.monotonic())
                        mine[n % len(mine)] = (rid, r.header("ETag"), rec["version"])
                else:
                    r = gk.request(port, "POST", "/api/v1/records", token=token,
                                   json_body={"item_id": "33", "title": title, "summary": f"s{n}",
                                              "formed_on": "2025-04-01"})
                    if r.status == 201:
                        rec = r.json()
                        with lock:
                            acked[rec["id"]] = (fields(rec), time.monotonic())
                            sent[(rec["id"], 1)] = fields(rec)
                        mine.append((rec["id"], r.header("ETag"), 1))
            except OSError:
                pass

    threads = [threading.Thread(target=writer, args=(t, o, i * 100000)) for i, (t, o) in enumerate(writers)]
    for t in threads:
        t.start()
    time.sleep(1.0)
    backups = []
    for i in range(3):
        dest = os.path.join(base, f"backup-{i}")
        started = time.monotonic()
        with lock:
            before = {rid: f for rid, (f, at) in acked.items()}
        p = subprocess.run([gk.BIN, "backup", dest, "--data-dir", data, "--config", config],
                           capture_output=True, text=True, timeout=120)
        took = time.monotonic() - started
        checks.check(f"backup {i} while writing exits 0 ({took:.2f} s)", p.returncode == 0, p.stderr[-500:])
        backups.append((dest, before))
        time.sleep(0.3)
    stop.set()
    for t in threads:
        t.join(timeout=30)
    with lock:
        writes_during = len(acked)
    final = gk.all_records(port, admin)
    catalogue = gk.request(port, "GET", "/api/v1/catalogue").json()
    p = subprocess.run([gk.BIN, "backup", backups[0][0], "--data-dir", data, "--config", config],
                       capture_output=True, text=True, timeout=60)
    checks.check("a backup into a non-empty directory is refused", p.returncode != 0)
    server.stop()

    for i, (dest, before) in enumerate(backups):
        restored = os.path.join(base, f"restored-{i}")
        p = subprocess.run([gk.BIN, "restore", dest, "--data-dir", restored, "--config", config],
                           capture_output=True, text=True, timeout=120)
        checks.check(f"restore {i} into a fresh directory exits 0", p.returncode == 0, p.stderr[-500:])
        problems = gk.json_files_parse(restored)
        checks.check(f"restore {i}: every file parses", not problems, "; ".join(problems[:3]))
        mode = stat.S_IMODE(os.stat(os.path.join(restored, "tokens.json")).st_mode)
        checks.check(f"restore {i}: tokens.json 0600", mode == 0o600, oct(mode))
        rs = gk.Server(restored, config=config, log_dir=os.path.join(base, "logs"), name=f"restored-{i}").start()
        try:
            records = gk.all_records(rs.port, admin)
            missing = [rid for rid, f in before.items()
                       if rid not in records or records[rid]["version"] < f["version"]
                       or (records[rid]["version"] == f["version"] and fields(records[rid]) != f)]
            checks.check(f"restore {i}: all {len(before)} writes acknowledged before the backup are there",
                         not missing, str(missing[:5]))
            invented = [rid for rid, rec in records.items() if sent.get((rid, rec["version"])) != fields(rec)]
            checks.check(f"restore {i}: all {len(records)} restored records are versions that were written",
                         not invented, str(invented[:5]))
            checks.check(f"restore {i}: ids exist in the original", set(records) <= set(final))
            audit = [json.loads(line) for line in open(os.path.join(restored, "audit.jsonl"), encoding="utf-8")
                     if line.strip()]
            # Record writes keep their entry in the record's own line (RELIABILITY.md, "Audit order").
            in_lines = [line["audit"] for line in (json.loads(text) for text in open(
                os.path.join(restored, "records.jsonl"), encoding="utf-8") if text.strip()) if line.get("audit")]
            checks.check(f"restore {i}: record lines carry their audit entries ({len(in_lines)})", len(in_lines) > 0)
            audit += in_lines
            ahead = [e for e in audit if e["action"].startswith("record.")
                     and (e["target"] not in records or records[e["target"]]["version"] < (e.get("after_version") or 0))]
            checks.check(f"restore {i}: the audit copy never runs ahead of the records ({len(audit)} entries)",
                         not ahead, str(ahead[:2]))
            got = gk.request(rs.port, "GET", "/api/v1/catalogue").json()
            checks.check(f"restore {i}: same catalogue", got["items"] == catalogue["items"]
                         and got["version"] == catalogue["version"])
            r = gk.request(rs.port, "GET", "/api/v1/me", token=writers[0][0])
            checks.check(f"restore {i}: the old tokens work", r.status == 200, repr(r))
            gk.log(f"  backup {i}: {len(before)} acknowledged before it, {len(records)} restored, "
                   f"{len(final)} at the end")
        finally:
            checks.check(f"restore {i}: server stops with exit 0", rs.stop() == 0)

    # A damaged backup is refused, naming the file; nothing is created.
    damaged = os.path.join(base, "backup-damaged")
    shutil.copytree(backups[-1][0], damaged)
    path = os.path.join(damaged, "records.jsonl")
    blob = bytearray(open(path, "rb").read())
    blob[len(blob) // 2] ^= 0x20
    open(path, "wb").write(bytes(blob))
    target = os.path.join(base, "restored-damaged")
    p = subprocess.run([gk.BIN, "restore", damaged, "--data-dir", target, "--config", config],
                       capture_output=True, text=True, timeout=60)
    checks.check("a damaged backup is refused naming records.jsonl",
                 p.returncode != 0 and "records.jsonl" in p.stderr + p.stdout, (p.stderr + p.stdout)[-300:])
    checks.check("nothing is created by the refused restore", not os.path.exists(target))
    gk.log(f"{writes_during} records written during the backups")
    gk.finish(base, checks)


if __name__ == "__main__":
    gk.run(main, checks)
