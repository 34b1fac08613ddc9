"""Contract check: the server's own OpenAPI document, validated and fuzzed (issue 8, issue 7 item 4).

1. GET /api/v1/openapi.json from a server on a fresh data directory; openapi-spec-validator
   must accept it as OpenAPI 3.1.
2. schemathesis runs every operation three times — with an admin token, with an office token
   and anonymously — through its examples, coverage and fuzzing phases. Pass: no 5xx, and every
   status, content type, header and body matches the document (plus schemathesis's auth,
   405/Allow and use-after-free checks). Its data-acceptance heuristics are left out: a
   schema cannot say "formed_on not after today" or "an item id that exists".
3. /metrics still counts no 5xx; the server stops on SIGTERM with exit code 0 within a second.

Env: ST_EXAMPLES (per operation and run, default 30), ST_SEED (default 20260501; "random" for
a new one), ST_REPORTS (a folder to keep the JUnit reports in).
"""

import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(__file__))
from gkcheck import Checks, Server, log, make_token, request, write_config  # noqa: E402

EXAMPLES = os.environ.get("ST_EXAMPLES", "30")
SEED = os.environ.get("ST_SEED", "20260501")
if SEED == "random":
    SEED = str(random.randrange(1, 2**31))
CHECKS_EXCLUDED = "positive_data_acceptance,negative_data_rejection"


def main():
    checks = Checks("openapi")
    work = tempfile.mkdtemp(prefix="gongkai-openapi-")
    reports = os.environ.get("ST_REPORTS") or os.path.join(work, "reports")
    os.makedirs(reports, exist_ok=True)
    data = os.path.join(work, "data")
    os.makedirs(data)
    config = write_config(os.path.join(work, "config.json"))
    admin = make_token(data, "contract-admin", "admin", config=config)
    office = make_token(data, "contract-office", "office", office="中小企业科", config=config)
    server = Server(data, config=config, log_dir=os.path.join(work, "logs")).start()
    base = f"http://127.0.0.1:{server.port}"
    log(f"server on {base}, data in {data}, seed {SEED}, {EXAMPLES} examples per operation")

    # 1. The document validates.
    r = request(server.port, "GET", "/api/v1/openapi.json")
    doc = None
    try:
        doc = json.loads(r.body)
    except ValueError as e:
        checks.check("openapi.json is JSON", False, str(e))
    if doc is not None:
        from openapi_spec_validator import validate
        try:
            validate(doc)
            checks.check("openapi-spec-validator accepts the document", True)
        except Exception as e:  # noqa: BLE001 - the validator raises several types
            checks.check("openapi-spec-validator accepts the document", False, str(e)[:2000])
        operations = sum(1 for item in doc["paths"].values() for m in item if m != "parameters")
        log(f"document: OpenAPI {doc.get('openapi')}, {len(doc['paths'])} paths, {operations} operations")

    # Records for the examples to find (ids YYYY-00001 …), one of them pending.
    for i in range(3):
        body = {"item_id": "35", "title": f"契约测试记录{i}", "formed_on": "2026-01-05"}
        if i == 2:
            body["published_on"] = None
        r = request(server.port, "POST", "/api/v1/records", json_body=body, token=office)
        checks.check(f"seed record {i} created", r.status == 201, f"{r.status} {r.body[:300]!r}")

    # 2. schemathesis, three ways.
    st = shutil.which("st") or shutil.which("schemathesis")
    for name, token in [("admin", admin), ("office", office), ("anonymous", None)]:
        junit = os.path.join(reports, f"schemathesis-{name}.xml")
        args = [st, "run", f"{base}/api/v1/openapi.json", "--url", base,
                "--checks", "all", "--exclude-checks", CHECKS_EXCLUDED,
                "--phases", "examples,coverage,fuzzing", "--max-examples", EXAMPLES, "--seed", SEED,
                "--request-timeout", "10", "--report", "junit", "--report-junit-path", junit,
                "--output-truncate", "true", "--warnings", "off"]
        if token:
            args += ["--header", f"Authorization: Bearer {token}"]
        log(f"== schemathesis as {name}")
        try:
            out = subprocess.run(args, capture_output=True, text=True, timeout=85, cwd=work)
        except subprocess.TimeoutExpired:
            checks.check(f"schemathesis as {name} finished within 85 s", False, "raise the bound or lower ST_EXAMPLES")
            continue
        summary = out.stdout[out.stdout.find("FAILURES") - 40:] if "FAILURES" in out.stdout else out.stdout[-1500:]
        log(summary.rstrip())
        if out.returncode not in (0, 1):
            checks.check(f"schemathesis as {name} ran", False, f"exit {out.returncode}: {out.stderr[-1500:]}")
        judge(checks, name, junit, out)

    # 3. No 5xx counted by the server itself; a clean stop.
    metrics = request(server.port, "GET", "/metrics").body.decode()
    fives = [line for line in metrics.splitlines() if line.startswith("gongkai_errors_total{kind=\"http_5xx\"}")]
    checks.check("the server counted no 5xx", fives == ['gongkai_errors_total{kind="http_5xx"} 0'], "; ".join(fives))
    requests_total = sum(int(float(line.rsplit(" ", 1)[1])) for line in metrics.splitlines()
                         if line.startswith("gongkai_http_requests_total{"))
    log(f"server handled {requests_total} requests")
    started = time.monotonic()
    code = server.stop()
    took = time.monotonic() - started
    checks.check("SIGTERM stops the server with exit code 0 within a second", code == 0 and took < 1.0,
                 f"exit code {code} after {took * 1000:.0f} ms")
    log(f"stopped {took * 1000:.0f} ms after SIGTERM")
    if checks.failed == 0 and not os.environ.get("ST_REPORTS"):
        shutil.rmtree(work, ignore_errors=True)
    else:
        log(f"kept {work} (reports, server logs)")
    checks.finish()


def judge(checks, name, junit, out):
    """One check per operation from the JUnit report (schemathesis's own verdicts)."""
    try:
        root = ET.parse(junit).getroot()
    except (OSError, ET.ParseError) as e:
        checks.check(f"schemathesis as {name} wrote its report", False, f"{e}; {out.stderr[-800:]}")
        return
    cases = root.iter("testcase")
    n = 0
    for case in cases:
        n += 1
        problems = [c for c in case if c.tag in ("failure", "error")]
        detail = "; ".join((p.get("message") or p.text or "")[:400] for p in problems)
        checks.check(f"{name}: {case.get('name')}", not problems, detail)
    checks.check(f"schemathesis as {name} tested operations", n > 0, "no test cases in the report")


if __name__ == "__main__":
    main()
