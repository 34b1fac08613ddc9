"""Shared helpers for the out-of-process checks in scripts/checks/ (stdlib only).

- `Server`: starts `gongkai serve` on a data directory and port 0, waits for the
  "gongkai listening on http://HOST:PORT" line, and stops it by its own PID only.
- `make_token`: `gongkai token create …`, returning the secret (the last stdout line).
- `request` / `raw`: HTTP/1.1 over a fresh socket, optionally from another loopback
  address (127.0.0.2 …) so that per-IP limits do not hit the probe.
- `Checks`: counts results and prints the closing `N passed, M failed` line.
"""

import atexit
import json
import os
import shutil
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BIN = os.environ.get("GONGKAI_BIN") or os.path.join(ROOT, ".build", "debug", "gongkai")

OFFICES = ["办公室", "中小企业科", "工业经济科", "节能管理科"]

# Every process a check starts, so that a timeout (SIGTERM from `timeout`) or a crash of the
# check still ends them — each by its own PID, never by name.
_children = []


def track(proc):
    _children.append(proc)
    return proc


def _kill_children():
    for proc in _children:
        try:
            if isinstance(proc, int):
                os.kill(proc, signal.SIGKILL)
            elif proc.poll() is None:
                os.kill(proc.pid, signal.SIGKILL)
                proc.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            pass


def _on_term(signum, frame):
    _kill_children()
    print("terminated by signal", signum, flush=True)
    print("0 passed, 1 failed", flush=True)
    os._exit(1)


atexit.register(_kill_children)
signal.signal(signal.SIGTERM, _on_term)


def log(*parts):
    print(*parts, flush=True)


class Checks:
    """Collects pass/fail results; `finish()` prints the closing line and exits."""

    def __init__(self, name):
        self.name = name
        self.passed = 0
        self.failed = 0
        self.failures = []
        self.started = time.monotonic()
        self._lock = threading.Lock()

    def check(self, label, ok, detail=""):
        with self._lock:
            if ok:
                self.passed += 1
            else:
                self.failed += 1
                self.failures.append(f"{label}: {detail}")
        if not ok:
            log(f"  FAIL {label}" + (f" — {detail}" if detail else ""))
        elif os.environ.get("GK_VERBOSE"):
            log(f"  ok   {label}")
        return ok

    def finish(self):
        seconds = time.monotonic() - self.started
        if self.failures:
            log(f"{self.name}: failures:")
            for f in self.failures[:50]:
                log("  - " + f)
        log(f"{self.name}: {seconds:.1f} s")
        log(f"{self.passed} passed, {self.failed} failed")
        sys.exit(1 if self.failed else 0)


def run(main, checks):
    """Runs a check's main(); an unexpected exception becomes a failure, never a missing summary."""
    try:
        main()
    except SystemExit:
        raise
    except BaseException:
        import traceback
        traceback.print_exc()
        checks.check("the check ran to its end", False, "unexpected exception (traceback above)")
        _kill_children()
        checks.finish()


def write_config(path, **overrides):
    """A config file for a test server: the repo defaults with `limits` and others overridden."""
    config = {
        "host": "127.0.0.1",
        "port": 0,
        "data_dir": "data",
        "public_dir": os.path.join(ROOT, "Public"),
        "threads": 4,
        "limits": {
            "max_body_bytes": 1048576,
            "max_connections": 1024,
            "per_ip_connections": 64,
            "connection_timeout_s": 15,
        },
        "offices": OFFICES,
        "log_level": "info",
        "access_log": True,
    }
    limits = overrides.pop("limits", {})
    config["limits"].update(limits)
    config.update(overrides)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(config, f, ensure_ascii=False, indent=2)
    return path


def make_token(data_dir, name, role, office=None, config=None):
    args = [BIN, "token", "create", "--name", name, "--role", role, "--data-dir", data_dir]
    if office:
        args += ["--office", office]
    if config:
        args += ["--config", config]
    out = subprocess.run(args, check=True, capture_output=True, text=True, timeout=30).stdout
    return out.strip().splitlines()[-1].strip()


class Server:
    """One `gongkai serve` process; stdout/stderr go to files in `log_dir`."""

    def __init__(self, data_dir, config=None, env=None, log_dir=None, name="server"):
        self.data_dir = data_dir
        self.config = config
        self.env = dict(os.environ)
        self.env.update(env or {})
        self.log_dir = log_dir or data_dir + ".logs"
        os.makedirs(self.log_dir, exist_ok=True)
        self.name = name
        self.proc = None
        self.port = None
        self.starts = 0

    @property
    def pid(self):
        return self.proc.pid if self.proc else None

    def start(self, timeout=30):
        self.starts += 1
        args = [BIN, "serve", "--data-dir", self.data_dir, "--port", "0"]
        if self.config:
            args += ["--config", self.config]
        self.stdout_path = os.path.join(self.log_dir, f"{self.name}-{self.starts}.out")
        self.stderr_path = os.path.join(self.log_dir, f"{self.name}-{self.starts}.err")
        out = open(self.stdout_path, "wb")
        err = open(self.stderr_path, "wb")
        self.proc = track(subprocess.Popen(args, stdout=out, stderr=err, cwd=ROOT, env=self.env,
                                           stdin=subprocess.DEVNULL))
        out.close()
        err.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            text = open(self.stdout_path, "rb").read().decode("utf-8", "replace")
            m = re.search(r"gongkai listening on http://[^:]+:(\d+)", text)
            if m:
                self.port = int(m.group(1))
                return self
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited with {self.proc.returncode} before listening:\n{self.stderr()[-3000:]}")
            time.sleep(0.02)
        self.kill()
        raise RuntimeError("server did not start within %ss:\n%s" % (timeout, self.stderr()[-3000:]))

    def stderr(self):
        try:
            return open(self.stderr_path, "rb").read().decode("utf-8", "replace")
        except (OSError, AttributeError):
            return ""

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def kill(self):
        """SIGKILL this server (only this PID) and reap it."""
        if self.proc and self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
        if self.proc:
            self.proc.wait(timeout=10)

    def stop(self, timeout=15):
        """SIGTERM (graceful), then SIGKILL if it does not exit in time. Returns the exit code."""
        if self.proc and self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.kill()
        return self.proc.returncode if self.proc else None

    def threads(self):
        with open(f"/proc/{self.pid}/status") as f:
            for line in f:
                if line.startswith("Threads:"):
                    return int(line.split()[1])
        return -1

    def fds(self):
        return len(os.listdir(f"/proc/{self.pid}/fd"))

    def rss_kb(self):
        with open(f"/proc/{self.pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return -1


class Response:
    def __init__(self, status, reason, headers, body, raw=b""):
        self.status = status
        self.reason = reason
        self.headers = headers  # list of (name, value)
        self.body = body
        self.raw = raw

    def header(self, name):
        for k, v in self.headers:
            if k.lower() == name.lower():
                return v
        return None

    def json(self):
        return json.loads(self.body.decode("utf-8"))

    def is_problem(self):
        ctype = (self.header("Content-Type") or "").lower()
        if not ctype.startswith("application/problem+json"):
            return False
        try:
            body = self.json()
        except ValueError:
            return False
        return isinstance(body, dict) and body.get("status") == self.status and "title" in body and "detail" in body

    def __repr__(self):
        return f"<{self.status} {self.reason} {self.body[:120]!r}>"


def connect(port, source="127.0.0.1", timeout=10.0, host="127.0.0.1"):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.settimeout(timeout)
    if source:
        s.bind((source, 0))
    s.connect((host, port))
    return s


def parse_response(data, head_request=False):
    """Parses one HTTP/1.1 response from `data`; returns (Response, rest) or (None, data)."""
    end = data.find(b"\r\n\r\n")
    if end < 0:
        return None, data
    head = data[:end].decode("latin-1")
    lines = head.split("\r\n")
    parts = lines[0].split(" ", 2)
    if len(parts) < 2 or not parts[0].startswith("HTTP/"):
        raise ValueError(f"not an HTTP response: {lines[0]!r}")
    status = int(parts[1])
    reason = parts[2] if len(parts) > 2 else ""
    headers = []
    for line in lines[1:]:
        if ":" in line:
            k, v = line.split(":", 1)
            headers.append((k.strip(), v.strip()))
    rest = data[end + 4:]
    te = next((v for k, v in headers if k.lower() == "transfer-encoding"), "")
    cl = next((v for k, v in headers if k.lower() == "content-length"), None)
    if head_request or status in (204, 304) or 100 <= status < 200:
        return Response(status, reason, headers, b"", data[:end + 4]), rest
    if "chunked" in te.lower():
        body = b""
        pos = 0
        while True:
            nl = rest.find(b"\r\n", pos)
            if nl < 0:
                return None, data
            size = int(rest[pos:nl].split(b";")[0], 16)
            if size == 0:
                tail = rest.find(b"\r\n\r\n", nl - 2 if nl >= 2 else 0)
                if tail < 0:
                    return None, data
                return Response(status, reason, headers, body, data), rest[tail + 4:]
            if len(rest) < nl + 2 + size + 2:
                return None, data
            body += rest[nl + 2:nl + 2 + size]
            pos = nl + 2 + size + 2
    if cl is not None:
        n = int(cl)
        if len(rest) < n:
            return None, data
        return Response(status, reason, headers, rest[:n], data), rest[n:]
    return Response(status, reason, headers, rest, data), b""  # until close


def read_response(sock, head_request=False, until_close=False, limit=64 << 20):
    """Reads one response; raises ConnectionError if the peer closes before any byte."""
    data = b""
    while True:
        if not until_close:
            try:
                resp, _ = parse_response(data, head_request)
            except ValueError:
                resp = None
                if len(data) > 4096:
                    raise
            if resp is not None and (resp.header("Content-Length") is not None
                                     or "chunked" in (resp.header("Transfer-Encoding") or "").lower()
                                     or head_request or resp.status in (204, 304)):
                return resp
        try:
            chunk = sock.recv(65536)
        except ConnectionResetError:
            chunk = b""
            if not data:
                raise
        if not chunk:
            if not data:
                raise ConnectionError("connection closed without a response")
            resp, _ = parse_response(data, head_request)
            if resp is None:
                raise ConnectionError(f"connection closed mid-response after {len(data)} bytes")
            return resp
        data += chunk
        if len(data) > limit:
            raise ValueError("response too large")


def request(port, method, path, body=None, headers=None, token=None, source="127.0.0.1",
            timeout=15.0, json_body=None):
    """One request on a fresh connection (Connection: close). Returns a Response."""
    hdrs = {"Host": "127.0.0.1", "Connection": "close"}
    if json_body is not None:
        body = json.dumps(json_body, ensure_ascii=False).encode("utf-8")
        hdrs["Content-Type"] = "application/json"
    if token:
        hdrs["Authorization"] = "Bearer " + token
    hdrs.update(headers or {})
    if isinstance(body, str):
        body = body.encode("utf-8")
    if body is not None:
        hdrs["Content-Length"] = str(len(body))
    head = f"{method} {path} HTTP/1.1\r\n" + "".join(f"{k}: {v}\r\n" for k, v in hdrs.items()) + "\r\n"
    s = connect(port, source=source, timeout=timeout)
    try:
        s.sendall(head.encode("utf-8") + (body or b""))
        return read_response(s, head_request=(method == "HEAD"))
    finally:
        s.close()


def raw(port, data, source="127.0.0.1", timeout=10.0, shutdown_write=False):
    """Sends raw bytes; returns (Response or None, closed_without_response: bool)."""
    s = connect(port, source=source, timeout=timeout)
    try:
        try:
            s.sendall(data)
        except (BrokenPipeError, ConnectionResetError):
            pass
        if shutdown_write:
            try:
                s.shutdown(socket.SHUT_WR)
            except OSError:
                pass
        try:
            return read_response(s), False
        except (ConnectionError, ConnectionResetError):
            return None, True
    finally:
        s.close()


def healthy(port, source="127.0.0.2", timeout=3.0):
    try:
        return request(port, "GET", "/healthz", source=source, timeout=timeout).status == 200
    except OSError:
        return False


def all_records(port, token):
    """Every record the admin can see (withdrawn and pending included), by id."""
    out = {}
    for extra in ("include=withdrawn", "state=pending"):
        cursor = None
        while True:
            path = f"/api/v1/records?limit=200&{extra}" + (f"&cursor={cursor}" if cursor else "")
            r = request(port, "GET", path, token=token)
            if r.status != 200:
                raise RuntimeError(f"GET {path} → {r.status} {r.body[:300]!r}")
            page = r.json()
            for rec in page["records"]:
                out[rec["id"]] = rec
            cursor = page.get("next")
            if not cursor:
                break
    return out


def file_bytes(*paths):
    out = {}
    for p in paths:
        try:
            with open(p, "rb") as f:
                out[p] = f.read()
        except FileNotFoundError:
            out[p] = None
    return out


def json_files_parse(directory):
    """Every *.json parses and every *.jsonl line parses; returns a list of problems."""
    problems = []
    for base, dirs, files in os.walk(directory):
        for name in files:
            path = os.path.join(base, name)
            if name.endswith(".json"):
                try:
                    json.load(open(path, encoding="utf-8"))
                except ValueError as e:
                    problems.append(f"{path}: {e}")
            elif name.endswith(".jsonl"):
                data = open(path, "rb").read()
                if not data:
                    continue
                if data and not data.endswith(b"\n"):
                    problems.append(f"{path}: no newline at the end (torn tail)")
                for i, line in enumerate(data.split(b"\n")[:-1] if data.endswith(b"\n") else data.split(b"\n")):
                    try:
                        json.loads(line.decode("utf-8"))
                    except ValueError as e:
                        problems.append(f"{path} line {i + 1}: {e}")
    return problems


def temp_files(directory):
    found = []
    for base, dirs, files in os.walk(directory):
        for name in files:
            if name.startswith(".tmp-") or name.startswith(".dat.nosync"):
                found.append(os.path.join(base, name))
    return found


def finish(base, checks):
    """Removes the check's temporary directory unless something failed or GK_KEEP is set,
    then prints the closing `N passed, M failed` line."""
    if checks.failed == 0 and not os.environ.get("GK_KEEP"):
        shutil.rmtree(base, ignore_errors=True)
    else:
        log(f"data kept in {base}")
    checks.finish()


def tmpdir(prefix):
    return tempfile.mkdtemp(prefix=prefix, dir=os.environ.get("GK_TMP") or None)
