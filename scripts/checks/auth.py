#!/usr/bin/env python3
"""Authentication and log hygiene against the real binary.

  - `gongkai token create` stores only a SHA-256 (tokens.json mode 0600, no secret in it);
    `token list` and `token revoke` never print a secret or a hash; data files are not
    world-readable;
  - 10 failed authentications from one address → the next gets 429 with Retry-After (a
    positive integer), even with a valid token; another address is unaffected;
  - a revoked token stops working in the running server;
  - with log_level trace and the access log on, the server's stderr never contains a secret,
    a wrong token that was tried, a stored hash, or any record title, summary or body sent;
  - every write (create, patch, withdraw, catalogue change, calendar) has an audit entry
    naming its token, and `GET /api/v1/audit` needs the admin token.
"""

import json
import os
import shutil
import stat
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gkcheck as gk  # noqa: E402

checks = gk.Checks("auth")


def main():
    base = gk.tmpdir("gk-auth-")
    data = os.path.join(base, "data")
    config = gk.write_config(os.path.join(base, "config.json"), log_level="trace", access_log=True)
    admin = gk.make_token(data, "auth-admin", "admin", config=config)
    office = gk.make_token(data, "auth-sme", "office", office="中小企业科", config=config)
    other = gk.make_token(data, "auth-energy", "office", office="节能管理科", config=config)
    secrets = [admin, office, other]
    tokens_path = os.path.join(data, "tokens.json")
    mode = stat.S_IMODE(os.stat(tokens_path).st_mode)
    checks.check("tokens.json is mode 0600", mode == 0o600, oct(mode))
    stored = open(tokens_path, encoding="utf-8").read()
    hashes = [t["sha256"] for t in json.loads(stored)["tokens"]]
    checks.check("tokens.json holds a 64-hex sha256 per token", len(hashes) == 3 and all(len(h) == 64 for h in hashes))
    checks.check("tokens.json holds no secret", not any(s in stored for s in secrets))
    listing = subprocess.run([gk.BIN, "token", "list", "--data-dir", data, "--config", config],
                             capture_output=True, text=True, timeout=30)
    checks.check("token list names the tokens", "auth-sme" in listing.stdout, listing.stderr[-300:])
    checks.check("token list prints no secret or hash",
                 not any(x in listing.stdout + listing.stderr for x in secrets + hashes))

    server = gk.Server(data, config=config, log_dir=os.path.join(base, "logs"), name="auth").start()
    port = server.port
    markers = []
    writes = []

    def mark(kind):
        m = f"SECRET-{kind}-{os.urandom(6).hex()}"
        markers.append(m)
        return m

    # Writes of every kind, each with text that must never reach the log.
    r = gk.request(port, "POST", "/api/v1/records", token=office,
                   json_body={"item_id": "35", "title": mark("title"), "summary": mark("summary"),
                              "body": mark("body"), "document_number": mark("docno"), "formed_on": "2025-02-03"})
    checks.check("office POST 201", r.status == 201, repr(r))
    rid, etag = r.json()["id"], r.header("ETag")
    writes.append(("record.create", "auth-sme", rid))
    r = gk.request(port, "PATCH", f"/api/v1/records/{rid}", token=office, headers={"If-Match": etag},
                   json_body={"title": mark("patched"), "body": mark("body2")})
    checks.check("office PATCH 200", r.status == 200, repr(r))
    writes.append(("record.update", "auth-sme", rid))
    r = gk.request(port, "POST", f"/api/v1/records/{rid}/withdraw", token=admin, json_body={"reason": "撤回测试"})
    checks.check("admin withdraw 200", r.status == 200, repr(r))
    writes.append(("record.withdraw", "auth-admin", rid))
    r = gk.request(port, "POST", "/api/v1/records", token=other,
                   json_body={"item_id": "33", "title": mark("title2"), "formed_on": "2025-02-04"})
    checks.check("second office POST 201", r.status == 201, repr(r))
    writes.append(("record.create", "auth-energy", r.json()["id"]))
    item = gk.request(port, "GET", "/api/v1/catalogue/items/33").json()
    item["basis"] = (item.get("basis") or "") + "（审计测试）"
    r = gk.request(port, "PUT", "/api/v1/catalogue/items/33", token=admin, json_body=item)
    checks.check("admin PUT item 200", r.status == 200, repr(r))
    writes.append(("catalogue.item.replace", "auth-admin", "33"))
    r = gk.request(port, "GET", "/api/v1/calendar/2025")
    if r.status == 200:
        calendar = {k: v for k, v in r.json().items() if k != "calendar_missing"}  # read-only in GET
        r2 = gk.request(port, "PUT", "/api/v1/calendar/2025", token=admin, json_body=calendar)
        checks.check("admin PUT calendar 2xx", r2.status in (200, 204), repr(r2))
        if r2.status in (200, 204):
            writes.append(("calendar", "auth-admin", "2025"))

    # Wrong tokens (never to be logged either) from 127.0.0.9: 10 failures, then 429.
    wrong = [f"gk_wrong-{os.urandom(16).hex()}" for _ in range(10)]
    statuses = [gk.request(port, "GET", "/api/v1/me", token=w, source="127.0.0.9").status for w in wrong]
    checks.check("10 wrong tokens → 401 each", statuses == [401] * 10, str(statuses))
    r = gk.request(port, "GET", "/api/v1/me", token="gk_wrong-again", source="127.0.0.9")
    retry = r.header("Retry-After") or ""
    checks.check("11th attempt → 429 problem+json with Retry-After", r.status == 429 and r.is_problem()
                 and retry.isdigit() and 0 < int(retry) <= 60, f"{r!r} Retry-After={retry!r}")
    r = gk.request(port, "GET", "/api/v1/me", token=admin, source="127.0.0.9")
    checks.check("while limited, even a valid token from that address → 429", r.status == 429, repr(r))
    r = gk.request(port, "GET", "/api/v1/me", token=admin, source="127.0.0.10")
    checks.check("another address is unaffected", r.status == 200, repr(r))
    r = gk.request(port, "POST", "/api/v1/records", token=admin, source="127.0.0.9",
                   json_body={"item_id": "33", "title": "x", "formed_on": "2025-01-01", "office": "办公室"})
    checks.check("a write from the limited address is refused (429), nothing stored", r.status == 429, repr(r))

    # Audit.
    r = gk.request(port, "GET", "/api/v1/audit", token=office)
    checks.check("GET /api/v1/audit with an office token → 403", r.status == 403, repr(r))
    r = gk.request(port, "GET", "/api/v1/audit")
    checks.check("GET /api/v1/audit without a token → 401", r.status == 401, repr(r))
    # Record writes keep their entry in the record's line (RELIABILITY.md, "Audit order"); others in audit.jsonl.
    entries = [json.loads(line) for line in open(os.path.join(data, "audit.jsonl"), encoding="utf-8") if line.strip()]
    entries += [line["audit"] for line in (json.loads(text) for text in open(os.path.join(data, "records.jsonl"),
                                                                             encoding="utf-8") if text.strip())
                if line.get("audit")]
    checks.check(f"one audit entry per write ({len(writes)} writes)", len(entries) == len(writes),
                 f"{len(entries)} entries")
    for action, token_name, target in writes:
        found = [e for e in entries if e.get("token") == token_name and (e.get("action") or "").startswith(action)
                 and (e.get("target") == target or action == "calendar")]
        checks.check(f"audit names token {token_name} for {action} {target}", len(found) >= 1)
    r = gk.request(port, "GET", "/api/v1/audit", token=admin)
    checks.check("GET /api/v1/audit (admin) 200", r.status == 200, repr(r))

    # Revocation takes effect without a restart.
    subprocess.run([gk.BIN, "token", "revoke", "auth-energy", "--data-dir", data, "--config", config],
                   check=True, capture_output=True, timeout=30)
    import time
    time.sleep(1.2)
    r = gk.request(port, "GET", "/api/v1/me", token=other, source="127.0.0.11")
    checks.check("a revoked token → 401 in the running server", r.status == 401, repr(r))
    mode = stat.S_IMODE(os.stat(tokens_path).st_mode)
    checks.check("tokens.json still 0600 after a revoke", mode == 0o600, oct(mode))

    code = server.stop()
    checks.check("server stops with exit 0", code == 0, f"exit {code}")
    log = server.stderr() + open(server.stdout_path, encoding="utf-8", errors="replace").read()
    checks.check("the log is not empty (trace level, access log on)", log.count("access") >= 10, f"{len(log)} bytes")
    for label, values in [("secret", secrets), ("wrong token tried", wrong), ("stored hash", hashes),
                          ("record text", markers)]:
        leaked = [v for v in values if v in log]
        checks.check(f"no {label} in the server log ({len(values)} checked)", not leaked, str(leaked[:2]))
    for base_dir, _, names in os.walk(data):
        for name in names:
            m = stat.S_IMODE(os.stat(os.path.join(base_dir, name)).st_mode)
            checks.check(f"{name} not world-readable ({oct(m)})", m & 0o007 == 0)
    gk.finish(base, checks)


if __name__ == "__main__":
    gk.run(main, checks)
