#!/usr/bin/env python3
"""Limits under abuse, against the real `gongkai serve` binary.

Server A: per_ip_connections 8, connection_timeout_s 3.
  - per-IP limit: 8 idle connections from 127.0.0.3 are held, the 9th and 10th are closed at
    once, 127.0.0.2 still gets 200, and 127.0.0.3 is served again once its sockets close;
  - 431 for a 70 KB header and for 10,000 small headers; 414 for a 9 KB target (problem+json);
  - 413 for a declared 50 MB body before any body byte is sent (with and without
    Expect: 100-continue, no 100 Continue sent); a chunked stream of 64 MiB is cut off early;
  - connection timeout: a half-sent request and an idle keep-alive connection are closed
    by the server after ~3 s;
  - slowhttptest -H (slowloris), -B (slow body) and -X (slow read) from 127.0.0.1 while a
    probe from 127.0.0.2 measures availability (the tool's own verdict is ignored: it probes
    from the attacked address); server-side connections from 127.0.0.1 never exceed the limit.
Server B: per_ip_connections 0, max_connections 4096, timeout 30 s.
  - 2,000 idle keep-alive connections (each made one request): thread count unchanged, fds
    bounded, a new client still answered fast, idle connections still usable, fds released.

Environment: GK_SLOW_SECONDS (default 25: length of the slowloris phase; the two others run
for 3/4 of it), GK_IDLE (2000).
"""

import os
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gkcheck as gk  # noqa: E402

checks = gk.Checks("abuse")
PER_IP = 8
TIMEOUT = 3
SLOW = int(os.environ.get("GK_SLOW_SECONDS", "25"))
IDLE = int(os.environ.get("GK_IDLE", "2000"))


def established_from(port, ip_hex="0100007F"):
    """Server-side ESTABLISHED sockets on `port` whose peer is 127.0.0.1 (from /proc/net/tcp)."""
    count = 0
    with open("/proc/net/tcp") as f:
        next(f)
        for line in f:
            parts = line.split()
            local, remote, st = parts[1], parts[2], parts[3]
            if st == "01" and int(local.split(":")[1], 16) == port and remote.split(":")[0] == ip_hex:
                count += 1
    return count


def closed_quickly(sock, within=2.0):
    """True when the server closes the socket (EOF or reset) within `within` seconds."""
    sock.settimeout(within)
    try:
        return sock.recv(1) == b""
    except (ConnectionResetError, BrokenPipeError):
        return True
    except socket.timeout:
        return False


class Probe:
    """GET /healthz from 127.0.0.2 every 0.2 s; records status and latency."""

    def __init__(self, port, source="127.0.0.2"):
        self.port = port
        self.source = source
        self.results = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)

    def run(self):
        while not self.stop.is_set():
            started = time.monotonic()
            try:
                r = gk.request(self.port, "GET", "/healthz", source=self.source, timeout=2)
                status = r.status
            except OSError:
                status = 0
            self.results.append((status, time.monotonic() - started))
            self.stop.wait(0.2)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join(timeout=5)

    def summary(self):
        ok = [d for s, d in self.results if s == 200]
        ratio = len(ok) / max(1, len(self.results))
        lat = sorted(d for _, d in self.results)
        p99 = lat[min(len(lat) - 1, int(len(lat) * 0.99))] if lat else 99
        return ratio, p99, len(self.results), (statistics.median(lat) if lat else 99)


def per_ip(port):
    held = [gk.connect(port, source="127.0.0.3") for _ in range(PER_IP)]
    time.sleep(0.3)
    extra = [gk.connect(port, source="127.0.0.3") for _ in range(2)]
    checks.check("per-IP: connections 9 and 10 from one address are closed at once",
                 all(closed_quickly(s) for s in extra))
    checks.check("per-IP: 127.0.0.2 still gets 200 meanwhile", gk.healthy(port, source="127.0.0.2"))
    for s in held + extra:
        s.close()
    time.sleep(0.3)
    r = gk.request(port, "GET", "/healthz", source="127.0.0.3")
    checks.check("per-IP: the address is served again once its connections close", r.status == 200, repr(r))


def header_limits(port):
    big = "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + "a" * 70_000 + "\r\n\r\n"
    r, closed = gk.raw(port, big.encode(), source="127.0.0.4")
    checks.check("70 KB header → 431", r is not None and r.status == 431, repr(r))
    many = "GET /healthz HTTP/1.1\r\nHost: x\r\n" + "".join(f"X-H{i}: v\r\n" for i in range(10_000)) + "\r\n"
    r, closed = gk.raw(port, many.encode(), source="127.0.0.4")
    checks.check("10,000 small headers → 431", r is not None and r.status == 431, repr(r))
    r = gk.request(port, "GET", "/api/v1/records?q=" + "a" * 9_000, source="127.0.0.4")
    checks.check("9 KB request target → 414 problem+json", r.status == 414 and r.is_problem(), repr(r))
    r = gk.request(port, "GET", "/" + "b" * 9_000, source="127.0.0.4")
    checks.check("9 KB static path → 414 problem+json", r.status == 414 and r.is_problem(), repr(r))
    checks.check("still healthy after the header limits", gk.healthy(port))


def body_limits(port):
    for expect in (False, True):
        s = gk.connect(port, source="127.0.0.5")
        head = ("POST /api/v1/records HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                "Content-Length: 50000000\r\n" + ("Expect: 100-continue\r\n" if expect else "") + "\r\n")
        started = time.monotonic()
        s.sendall(head.encode())
        try:
            r = gk.read_response(s)
        except (ConnectionError, OSError) as e:
            r = e
        elapsed = time.monotonic() - started
        label = "with Expect: 100-continue" if expect else "without Expect"
        checks.check(f"declared 50 MB body {label} → 413 problem+json before any body byte",
                     getattr(r, "status", None) == 413 and r.is_problem() and elapsed < 2, f"{r!r} in {elapsed:.2f}s")
        checks.check(f"413 {label} says Connection: close", getattr(r, "header", lambda _: None)("Connection") == "close")
        s.close()
    # A chunked upload with no declared length: streamed until the server stops it.
    s = gk.connect(port, source="127.0.0.5", timeout=10)
    s.sendall(b"POST /api/v1/records HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
              b"Transfer-Encoding: chunked\r\n\r\n")
    chunk = b"10000\r\n" + b"x" * 0x10000 + b"\r\n"
    sent = 0
    started = time.monotonic()
    try:
        while sent < 64 << 20 and time.monotonic() - started < 20:
            s.sendall(chunk)
            sent += len(chunk)
    except (BrokenPipeError, ConnectionResetError, socket.timeout):
        pass
    try:
        s.settimeout(3)
        r = gk.read_response(s)
    except (ConnectionError, OSError):
        r = None
    s.close()
    checks.check("64 MiB chunked upload is cut off early (limit 1 MiB)", sent < 24 << 20,
                 f"{sent >> 20} MiB accepted before the server stopped reading")
    checks.check("chunked upload over the limit gets 413 or a close", r is None or r.status == 413, repr(r))
    checks.check("still healthy after the body limits", gk.healthy(port))


def timeouts(port):
    s = gk.connect(port, source="127.0.0.6")
    s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
    started = time.monotonic()
    closed = closed_quickly(s, within=TIMEOUT + 3)
    elapsed = time.monotonic() - started
    checks.check(f"half-sent request closed by the {TIMEOUT} s timeout",
                 closed and TIMEOUT - 0.5 <= elapsed <= TIMEOUT + 2.5, f"closed={closed} after {elapsed:.1f}s")
    s.close()
    s = gk.connect(port, source="127.0.0.6")
    s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
    r = gk.read_response(s)
    started = time.monotonic()
    closed = closed_quickly(s, within=TIMEOUT + 3)
    elapsed = time.monotonic() - started
    checks.check("idle keep-alive connection closed by the timeout",
                 r.status == 200 and closed and elapsed <= TIMEOUT + 2.5, f"closed={closed} after {elapsed:.1f}s")
    s.close()


def slow_attacks(server, base):
    port = server.port
    url = f"http://127.0.0.1:{port}"
    long_phase = SLOW
    short = max(5, SLOW * 3 // 4)
    attacks = [
        ("slowloris -H", ["-H", "-c", "400", "-i", "2", "-r", "200", "-l", str(long_phase), "-x", "24", "-p", "3",
                          "-u", url + "/healthz"]),
        ("slow body -B", ["-B", "-c", "400", "-i", "2", "-r", "200", "-s", "8192", "-l", str(short), "-x", "24",
                          "-p", "3", "-u", url + "/api/v1/records"]),
        ("slow read -X", ["-X", "-c", "400", "-r", "200", "-w", "16", "-y", "64", "-n", "2", "-z", "32", "-k", "3",
                          "-l", str(short), "-p", "3", "-u", url + "/api/v1/catalogue"]),
    ]
    for name, args in attacks:
        rss_before = server.rss_kb()
        out = open(os.path.join(base, name.split()[-1].strip("-") + "-slowhttptest.log"), "w")
        with Probe(port) as probe:
            proc = gk.track(subprocess.Popen(["slowhttptest"] + args, stdout=out, stderr=subprocess.STDOUT))
            peak = 0
            while proc.poll() is None:
                peak = max(peak, established_from(port))
                time.sleep(0.1)
        out.close()
        ratio, p99, n, median = probe.summary()
        checks.check(f"{name}: probe from 127.0.0.2 answered (≥ 95 % 200, p99 < 1 s)",
                     ratio >= 0.95 and p99 < 1.0, f"{ratio:.0%} of {n}, p99 {p99 * 1000:.0f} ms")
        checks.check(f"{name}: attacker's server-side connections ≤ per-IP limit {PER_IP} (+2 closing)",
                     peak <= PER_IP + 2, f"peak {peak}")
        checks.check(f"{name}: server alive, RSS < 200 MB", server.alive() and server.rss_kb() < 200_000,
                     f"rss {rss_before} → {server.rss_kb()} kB")
        deadline = time.monotonic() + TIMEOUT + 3
        while established_from(port) and time.monotonic() < deadline:
            time.sleep(0.2)
        checks.check(f"{name}: attack connections gone within timeout + 3 s", established_from(port) == 0,
                     f"{established_from(port)} left")
        gk.log(f"  {name}: {n} probes, {ratio:.0%} ok, median {median * 1000:.1f} ms, p99 {p99 * 1000:.1f} ms, "
               f"peak attacker connections {peak}")


def idle_keepalive(base):
    data = os.path.join(base, "data-idle")
    config = gk.write_config(os.path.join(base, "config-idle.json"), access_log=False,
                             limits={"per_ip_connections": 0, "max_connections": 4096, "connection_timeout_s": 30})
    server = gk.Server(data, config=config, log_dir=os.path.join(base, "logs"), name="idle").start()
    port = server.port
    try:
        threads0, fds0 = server.threads(), server.fds()
        socks = []
        started = time.monotonic()
        try:
            for i in range(IDLE):
                # Spread over 127.0.1.x so the client side never runs out of ephemeral ports.
                s = gk.connect(port, source=f"127.0.{1 + i // 250}.{1 + i % 250}", timeout=10)
                s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
                r = gk.read_response(s)
                if r.status != 200:
                    raise RuntimeError(f"connection {i}: {r!r}")
                socks.append(s)
        except (OSError, RuntimeError) as e:
            checks.check(f"{IDLE} keep-alive connections opened", False, f"stopped at {len(socks)}: {e}")
        opened = time.monotonic() - started
        checks.check(f"{IDLE} keep-alive connections opened and answered", len(socks) == IDLE, f"{len(socks)}")
        threads1, fds1 = server.threads(), server.fds()
        checks.check(f"{IDLE} idle connections: thread count unchanged ({threads0} → {threads1})", threads1 <= threads0 + 2)
        checks.check(f"{IDLE} idle connections: fds bounded ({fds0} → {fds1})", fds1 <= fds0 + IDLE + 20)
        started = time.monotonic()
        ok = gk.healthy(port, source="127.0.0.2", timeout=2)
        elapsed = time.monotonic() - started
        checks.check(f"{IDLE} idle connections: a new client is answered in < 0.5 s", ok and elapsed < 0.5, f"{elapsed:.3f}s")
        reused = 0
        for s in socks[:: max(1, IDLE // 50)]:
            s.sendall(b"GET /api/v1/categories HTTP/1.1\r\nHost: x\r\n\r\n")
            if gk.read_response(s).status == 200:
                reused += 1
        checks.check("idle connections are still usable (keep-alive)", reused == len(socks[:: max(1, IDLE // 50)]), f"{reused}")
        for s in socks:
            s.close()
        deadline = time.monotonic() + 5
        while server.fds() > fds0 + 5 and time.monotonic() < deadline:
            time.sleep(0.1)
        checks.check(f"fds released after closing ({server.fds()} vs {fds0} before)", server.fds() <= fds0 + 5)
        gk.log(f"  {IDLE} idle keep-alive: opened in {opened:.1f}s, threads {threads0}→{threads1}, fds {fds0}→{fds1}, "
               f"rss {server.rss_kb() // 1024} MB, new client {elapsed * 1000:.1f} ms")
    finally:
        code = server.stop()
        checks.check("server B stops with exit 0", code == 0, f"exit {code}")


def main():
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = min(hard, max(soft, 8192))
    resource.setrlimit(resource.RLIMIT_NOFILE, (want, hard))
    base = gk.tmpdir("gk-abuse-")
    data = os.path.join(base, "data")
    config = gk.write_config(os.path.join(base, "config.json"), access_log=False,
                             limits={"per_ip_connections": PER_IP, "connection_timeout_s": TIMEOUT})
    server = gk.Server(data, config=config, log_dir=os.path.join(base, "logs"), name="abuse").start()
    pid = server.pid
    try:
        per_ip(server.port)
        header_limits(server.port)
        body_limits(server.port)
        timeouts(server.port)
        if shutil.which("slowhttptest"):
            slow_attacks(server, base)
        else:
            checks.check("slowhttptest installed", False, "apt-get install slowhttptest")
        checks.check("server A: same PID still serving after everything", server.alive() and server.pid == pid
                     and gk.healthy(server.port))
        code = server.stop()
        checks.check("server A stops with exit 0", code == 0, f"exit {code}")
        idle_keepalive(base)
    finally:
        server.kill()
    if checks.failed == 0 and not os.environ.get("GK_KEEP"):
        shutil.rmtree(base, ignore_errors=True)
    else:
        gk.log(f"logs kept in {base}")
    checks.finish()


if __name__ == "__main__":
    gk.run(main, checks)
