#!/usr/bin/env python3
"""Crash safety: no acknowledged write is lost across kill -9, no file is torn.

One data directory is kept across ROUNDS rounds. Each round:
  1. start `gongkai serve` on it (port 0) and check the start is clean;
  2. verify against the client-side model (see `verify`);
  3. run WORKERS writer threads (four offices and an admin: POST new records, PATCH their
     own with If-Match) for a random 150–900 ms, then SIGKILL the server mid-traffic.
A write counts as acknowledged only once its complete 2xx response has been read. A write
whose connection broke is indeterminate: after restart it may be absent or present, but
never partial. A last round stops the server with SIGTERM instead (exit 0 expected).

Then an fsync-before-ack audit: one server runs under `strace -f`; for every 201/200 write,
the records.jsonl write holding it, then a successful fdatasync/fsync of that file, must
precede the send of its response. kill -9 keeps the page cache, so only this audit can
notice a write acknowledged before its fsync.

Environment: GK_ROUNDS (default 25), GK_WORKERS (6), GK_STRACE_WRITES (40), GK_KEEP=1
keeps the data directory.
"""

import hashlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gkcheck as gk  # noqa: E402

ROUNDS = int(os.environ.get("GK_ROUNDS", "25"))
WORKERS = int(os.environ.get("GK_WORKERS", "6"))
STRACE_WRITES = int(os.environ.get("GK_STRACE_WRITES", "40"))
FIELDS = ("title", "summary", "document_number", "item_id", "office", "formed_on")

checks = gk.Checks("crash-kill9")
rng = random.Random(int(os.environ.get("GK_SEED", str(int(time.time())))))


def digest(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


class Model:
    """What the clients know: acknowledged versions, and every attempt (for indeterminate ones)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.acked = {}        # id -> (version, fields)
        self.attempts = {}     # id -> {version: fields}  (every PATCH sent, acked or not)
        self.posts = {}        # title -> fields  (every POST sent; the id is known only if acked)
        self.observed = {}     # id -> version seen after the last restart
        self.current = {}      # id -> (version, etag) the writers may PATCH from
        self.stats = {"requests": 0, "acked": 0, "indeterminate": 0, "rejected": 0, "kills": 0,
                      "posts_acked": 0, "patches_acked": 0}

    def fields_of(self, rec):
        return {k: rec.get(k) for k in FIELDS}


model = Model()


def worker(port, token, office, item_ids, wid, round_no, stop):
    n = 0
    while not stop.is_set():
        n += 1
        rid = None
        with model.lock:
            mine = [i for i in model.current if model.acked.get(i, (0, {}))[1].get("office") == office]
            if mine and rng.random() < 0.45:
                rid = rng.choice(mine)
                version, etag = model.current.pop(rid)  # in flight: nobody else patches it meanwhile
                base = dict(model.acked[rid][1])
                title = f"patched r{round_no} w{wid} n{n} {rng.getrandbits(48):012x}"
                new_fields = dict(base, title=title, summary=digest(title))
                model.attempts.setdefault(rid, {})[version + 1] = new_fields
                model.stats["requests"] += 1
        try:
            if rid is not None:
                body = {"title": title, "summary": digest(title)}
                r = gk.request(port, "PATCH", f"/api/v1/records/{rid}", json_body=body, token=token,
                               headers={"If-Match": etag}, timeout=10)
                with model.lock:
                    if r.status == 200:
                        rec = r.json()
                        ok = rec["version"] == version + 1 and model.fields_of(rec) == new_fields
                        checks.check(f"PATCH {rid} answer matches what was sent", ok, f"{rec} vs {new_fields}")
                        model.acked[rid] = (rec["version"], model.fields_of(rec))
                        model.current[rid] = (rec["version"], r.header("ETag"))
                        model.stats["acked"] += 1
                        model.stats["patches_acked"] += 1
                    else:
                        # 412 when an earlier indeterminate PATCH landed: refreshed after restart.
                        model.stats["rejected"] += 1
                        checks.check(f"PATCH {rid} is 200 or 412", r.status == 412, repr(r))
            else:
                title = f"post r{round_no} w{wid} n{n} {rng.getrandbits(48):012x}"
                item = rng.choice(item_ids)
                body = {"item_id": item, "title": title, "summary": digest(title),
                        "document_number": f"gk-{round_no}-{wid}-{n}",
                        "formed_on": f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"}
                if office and token_roles[token] == "admin":
                    body["office"] = office
                fields = {"title": title, "summary": body["summary"], "document_number": body["document_number"],
                          "item_id": item, "office": office, "formed_on": body["formed_on"]}
                with model.lock:
                    model.posts[title] = fields
                    model.stats["requests"] += 1
                r = gk.request(port, "POST", "/api/v1/records", json_body=body, token=token, timeout=10)
                with model.lock:
                    if r.status == 201:
                        rec = r.json()
                        rid = rec["id"]
                        checks.check(f"POST {rid} answer matches what was sent",
                                     model.fields_of(rec) == fields and rec["version"] == 1, f"{rec} vs {fields}")
                        checks.check(f"POST {rid} id is new", rid not in model.acked, rid)
                        model.acked[rid] = (1, fields)
                        model.attempts.setdefault(rid, {})[1] = fields
                        model.current[rid] = (1, r.header("ETag"))
                        model.stats["acked"] += 1
                        model.stats["posts_acked"] += 1
                    else:
                        model.stats["rejected"] += 1
                        checks.check("POST is 201", False, repr(r))
        except (OSError, ValueError, ConnectionError):
            with model.lock:
                model.stats["indeterminate"] += 1
            return


token_roles = {}


def verify(port, admin, data_dir, label):
    problems = gk.json_files_parse(data_dir)
    checks.check(f"{label}: every JSON file and JSON line parses", not problems, "; ".join(problems[:5]))
    leftovers = gk.temp_files(data_dir)
    checks.check(f"{label}: no temp files after start", not leftovers, ", ".join(leftovers[:5]))
    records = gk.all_records(port, admin)
    lost, torn, backwards = [], [], []
    with model.lock:
        for rid, (version, fields) in model.acked.items():
            rec = records.get(rid)
            if rec is None:
                lost.append(f"{rid} v{version} missing")
                continue
            got = model.fields_of(rec)
            if rec["version"] < version:
                lost.append(f"{rid}: acked v{version}, found v{rec['version']}")
            elif rec["version"] == version and got != fields:
                lost.append(f"{rid} v{version}: {got} != acked {fields}")
            elif rec["version"] > version and model.attempts.get(rid, {}).get(rec["version"]) != got:
                torn.append(f"{rid} v{rec['version']}: {got} is no attempted version")
        for rid, rec in records.items():
            got = model.fields_of(rec)
            if got.get("summary") != digest(got.get("title") or ""):
                torn.append(f"{rid}: summary does not match its title")
            if rid not in model.acked:
                attempt = model.posts.get(rec["title"]) if rec["version"] == 1 else model.attempts.get(rid, {}).get(rec["version"])
                if attempt != got:
                    torn.append(f"{rid} v{rec['version']} is no attempted write: {got}")
            if rec["version"] < model.observed.get(rid, 0):
                backwards.append(f"{rid}: v{model.observed[rid]} seen before, now v{rec['version']}")
        index_numbers = [r["index_number"] for r in records.values()]
        checks.check(f"{label}: 索引号 unique", len(set(index_numbers)) == len(index_numbers))
        checks.check(f"{label}: no acknowledged write lost ({len(model.acked)} acked ids)", not lost, "; ".join(lost[:5]))
        checks.check(f"{label}: every record is a complete attempted version", not torn, "; ".join(torn[:5]))
        checks.check(f"{label}: versions never go backwards", not backwards, "; ".join(backwards[:5]))
        # The server's state is the new baseline: what it read back from disk must stay.
        for rid, rec in records.items():
            model.observed[rid] = rec["version"]
            model.current[rid] = (rec["version"], f"\"r{rid}-v{rec['version']}\"")
            if rid not in model.acked or model.acked[rid][0] < rec["version"]:
                model.acked[rid] = (rec["version"], model.fields_of(rec))
                model.attempts.setdefault(rid, {})[rec["version"]] = model.fields_of(rec)
    return records


def clean_start(server, label):
    text = server.stderr()
    bad = [line for line in text.splitlines() if re.search(r"\b(critical|error)\b", line)]
    checks.check(f"{label}: clean start (no error lines)", not bad, " | ".join(bad[:3]))


def kill_rounds(base):
    data = os.path.join(base, "data")
    config = gk.write_config(os.path.join(base, "config.json"))
    admin = gk.make_token(data, "crash-admin", "admin", config=config)
    token_roles[admin] = "admin"
    writers = []
    for office in gk.OFFICES:
        t = gk.make_token(data, f"crash-{office}", "office", office=office, config=config)
        token_roles[t] = "office"
        writers.append((t, office, ["33", "35"] if office == "中小企业科" else ["33"]))
    writers.append((admin, "工业经济科", ["33"]))
    while len(writers) < WORKERS:
        writers.append(writers[len(writers) % 4])
    writers = writers[:WORKERS]

    server = gk.Server(data, config=config, log_dir=os.path.join(base, "logs"), name="kill9")
    for round_no in range(1, ROUNDS + 2):
        label = f"round {round_no}"
        try:
            server.start()
        except RuntimeError as e:
            checks.check(f"{label}: server starts after kill -9", False, str(e)[-500:])
            return server
        clean_start(server, label)
        records = verify(server.port, admin, data, label)
        if round_no == ROUNDS + 1:
            gk.log(f"after {ROUNDS} kill -9 rounds: {len(records)} records, stats {model.stats}")
            # Last: a graceful stop must exit 0 and lose nothing either.
            stop = threading.Event()
            threads = [threading.Thread(target=worker, args=(server.port, t, o, items, i, round_no, stop))
                       for i, (t, o, items) in enumerate(writers)]
            for t in threads:
                t.start()
            time.sleep(0.4)
            stop.set()
            for t in threads:
                t.join(timeout=30)
            code = server.stop()
            checks.check("SIGTERM after traffic exits 0", code == 0, f"exit {code}")
            server.start()
            clean_start(server, "after SIGTERM")
            verify(server.port, admin, data, "after SIGTERM")
            server.stop()
            return server
        stop = threading.Event()
        threads = [threading.Thread(target=worker, args=(server.port, t, o, items, i, round_no, stop))
                   for i, (t, o, items) in enumerate(writers)]
        for t in threads:
            t.start()
        time.sleep(rng.uniform(0.15, 0.9))
        server.kill()
        model.stats["kills"] += 1
        stop.set()
        for t in threads:
            t.join(timeout=30)
    return server


# ---------------------------------------------------------------- fsync-before-ack audit

SYSCALL = re.compile(r"^(?:\[pid\s+)?(\d+)\]?\s+(\d+\.\d+)\s+(.*)$")


def strace_audit(base):
    if not shutil.which("strace"):
        checks.check("strace available for the fsync audit", False, "install strace")
        return
    data = os.path.join(base, "strace-data")
    config = gk.write_config(os.path.join(base, "strace-config.json"), access_log=False)
    token = gk.make_token(data, "strace-office", "office", office="中小企业科", config=config)
    trace = os.path.join(base, "strace.txt")
    args = ["strace", "-f", "-ttt", "-s", "4096", "-o", trace,
            "-e", "trace=openat,open,close,write,writev,pwrite64,fsync,fdatasync,sendto,sendmsg,send"]
    proc = gk.track(subprocess.Popen(args + [gk.BIN, "serve", "--data-dir", data, "--port", "0", "--config", config],
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=gk.ROOT))
    line = proc.stdout.readline().decode()
    m = re.search(r":(\d+)\s*$", line)
    if not m:
        proc.kill()
        checks.check("server under strace starts", False, line)
        return
    port = int(m.group(1))
    server_pids = [int(c) for c in open(f"/proc/{proc.pid}/task/{proc.pid}/children").read().split()]
    for pid in server_pids:
        gk.track(pid)
    acked = {}   # marker -> id
    lock = threading.Lock()

    def post(i):
        marker = f"straceaudit{i:04d}x{rng.getrandbits(32):08x}"
        r = gk.request(port, "POST", "/api/v1/records", token=token,
                       json_body={"item_id": "35", "title": marker, "formed_on": "2025-03-01"})
        if r.status == 201:
            with lock:
                acked[marker] = r.json()["id"]

    threads = [threading.Thread(target=lambda k=k: [post(k * 1000 + j) for j in range(STRACE_WRITES // 4)])
               for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    # SIGTERM the traced server (strace's child, found by PID), not strace itself.
    for pid in server_pids:
        os.kill(pid, 15)
    proc.wait(timeout=30)
    gk._children[:] = [c for c in gk._children if c not in server_pids]
    checks.check(f"strace: {len(acked)} of {STRACE_WRITES} writes acknowledged",
                 len(acked) >= STRACE_WRITES // 4 * 4 * 0.9, str(len(acked)))

    fds = {}         # (pid-independent) fd -> path  (fds are process-wide)
    line_write = {}  # marker -> event index of the write(2) holding its line
    synced_upto = -1  # event index of the last completed successful fsync of records.jsonl
    sync_events = []  # (event index of completion)
    pending_sync = {}  # pid -> (fd) for unfinished fsyncs
    sends = {}       # marker -> event index of the first send carrying its 201
    writes_before = []  # (index, markers)
    events = open(trace, encoding="latin-1").read().splitlines()
    for index, raw_line in enumerate(events):
        m = SYSCALL.match(raw_line)
        if not m:
            continue
        pid, _, rest = m.groups()
        om = re.match(r'(?:openat\(AT_FDCWD, |open\()"([^"]+)".*\)\s+=\s+(\d+)', rest)
        if om:
            fds[int(om.group(2))] = om.group(1)
            continue
        cm = re.match(r"close\((\d+)\)", rest)
        if cm:
            fds.pop(int(cm.group(1)), None)
            continue
        wm = re.match(r"(write|pwrite64|writev)\((\d+), (.*)", rest)
        if wm and fds.get(int(wm.group(2)), "").endswith("records.jsonl"):
            for marker in re.findall(r"straceaudit\d{4}x[0-9a-f]{8}", wm.group(3)):
                line_write.setdefault(marker, index)
            continue
        sm = re.match(r"(fsync|fdatasync)\((\d+)\s*(<unfinished \.\.\.>|\)\s+=\s+(-?\d+))", rest)
        if sm:
            fd = int(sm.group(2))
            if sm.group(3).startswith("<unfinished"):
                pending_sync[pid] = fd
            elif sm.group(4) == "0" and fds.get(fd, "").endswith("records.jsonl"):
                sync_events.append(index)
            continue
        rm = re.match(r"<\.\.\. (fsync|fdatasync) resumed>.*=\s+(-?\d+)", rest)
        if rm:
            fd = pending_sync.pop(pid, None)
            if rm.group(2) == "0" and fd is not None and fds.get(fd, "").endswith("records.jsonl"):
                sync_events.append(index)
            continue
        nm = re.match(r"(sendto|sendmsg|send|writev|write)\((\d+), (.*)", rest)
        if nm and "HTTP/1.1 201" in nm.group(3) or (nm and "straceaudit" in nm.group(3) and not fds.get(int(nm.group(2)), "").endswith(".jsonl")):
            for marker in re.findall(r"straceaudit\d{4}x[0-9a-f]{8}", nm.group(3)):
                sends.setdefault(marker, index)
            # a header-only send: the marker is in the body sent next; match by Location id
            for rid in re.findall(r"Location: /api/v1/records/([0-9-]+)", nm.group(3)):
                for marker, mid in acked.items():
                    if mid == rid:
                        sends.setdefault(marker, index)
    bad = []
    for marker in acked:
        w = line_write.get(marker)
        s = sends.get(marker)
        if w is None or s is None:
            bad.append(f"{marker}: write at {w}, send at {s} (not found in the trace)")
            continue
        if not any(w < e < s for e in sync_events):
            bad.append(f"{marker}: no successful fsync of records.jsonl between its write (event {w}) and its 201 (event {s})")
    checks.check(f"strace: every acknowledged write was fsync'd before its response ({len(acked)} checked, "
                 f"{len(sync_events)} fsyncs for {len(line_write)} lines: group commit)", not bad, "; ".join(bad[:3]))


def main():
    base = gk.tmpdir("gk-crash-")
    gk.log(f"crash-kill9: {ROUNDS} rounds, {WORKERS} writers, data in {base}")
    server = None
    try:
        server = kill_rounds(base)
        gk.log(f"kill -9 phase: {model.stats}")
        strace_audit(base)
    finally:
        if server:
            server.kill()
    gk.finish(base, checks)


if __name__ == "__main__":
    gk.run(main, checks)
