#!/usr/bin/env bash
# Smoke run of the benchmark suite (bench/run.sh --smoke: tiny N, 1 s per measurement, one
# round, 3 s soak), so `make bench` never rots. Checks the suite ran end to end and that what
# it drove behaved: every wrk run got answers without errors, the three servers sent the same
# catalogue bytes, each acknowledged POST is in the register. Numbers are not judged here
# (too noisy for pass/fail). Budget: ~1 min (hard 2 min).
source "$(dirname "$0")/lib/common.sh"
ensure_binary
log=$(mktemp)
trap 'rm -f "$log"' EXIT
rc=0
bounded 120 bench/run.sh --smoke >"$log" 2>&1 || rc=$?
python3 - "$rc" "$log" <<'PY'
import json, os, sys
rc, log = int(sys.argv[1]), sys.argv[2]
out = open(log, encoding="utf-8", errors="replace").read()
passed = failed = 0
def check(name, ok, detail=""):
    global passed, failed
    print(("PASS " if ok else "FAIL ") + name + ("" if ok else f": {detail}"))
    if ok: passed += 1
    else: failed += 1
check("bench/run.sh --smoke exits 0", rc == 0, out[-3000:])
path = "bench/.work/smoke/results.json"
res = json.load(open(path)) if os.path.exists(path) and rc == 0 else {"runs": [], "facts": {}}
runs, facts = res["runs"], res["facts"]
check("results.json has runs", len(runs) >= 20, f"{len(runs)} runs")
labels = {r["label"] for r in runs}
for label in ("catalogue", "catalogue-304", "catalogue-gzip", "catalogue-nolog", "records-first", "records-filters",
              "records-search", "post", "mixed-soak"):
    check(f"measured: {label}", label in labels)
check("every wrk run got answers", runs and all(r["requests"] > 0 for r in runs),
      [(r["label"], r["server"]) for r in runs if r["requests"] == 0])
check("no wrk errors (connect/read/write/status/timeout)", runs and all(r["errors"] == 0 for r in runs),
      [(r["label"], r["server"], r["errors"]) for r in runs if r["errors"]])
check("C reference, nginx and Gongkai sent the same catalogue bytes", facts.get("same_bytes") is True)
check("If-None-Match answered 304", facts.get("conditional_status") == 304)
check("gzip variant: Content-Encoding gzip, Vary Accept-Encoding",
      facts.get("gzip_content_encoding") == "gzip" and "Accept-Encoding" in (facts.get("gzip_vary") or ""))
lone = facts.get("lone_post", {})
check("lone POSTs answered 201", lone.get("statuses") == [201], lone)
for key in [k for k in facts if k.startswith("posts_")]:
    p = facts[key]
    # wrk stops with up to 1 + 32 POSTs in flight: those are stored but never counted.
    added = p["records_after"] - p["records_before"]
    check(f"{key}: every acknowledged POST is in the register",
          0 < p["ok_responses"] <= added <= p["ok_responses"] + 33, p)
sizes = facts.get("config", {}).get("sizes", [])
scan, idx = facts.get(f"records_{sizes[-1]}_scan", {}) if sizes else {}, facts.get(f"records_{sizes[-1]}", {}) if sizes else {}
check("q by scan and by index find the same totals", scan.get("search_totals") == idx.get("search_totals") != None,
      (scan.get("search_totals"), idx.get("search_totals")))
check("the table was printed, one row per floor",
      all(f"| {n} |" in out for n in range(1, 8)) and "floor checks met" in out, out[-2000:])
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
