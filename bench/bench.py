#!/usr/bin/env python3
"""The Gongkai benchmark (issue 6): every floor measured side by side with a minimal C server on
libmicrohttpd and nginx, in one run, printed as one table with ratios.

Called by bench/run.sh (which installs wrk/nginx, builds, and compiles the C reference):
  bench.py --bin .build/release/gongkai --ref bench/.work/ref_server [--smoke]

Pinning: wrk runs on CPU 0, every server on CPU 1 (2 cores: load generator on one, server on the
other). Servers and data live under bench/.work/ (loopback only; nginx has its own prefix there).
Results: bench/.work/results.json (all raw runs) and the table on stdout (also results.md);
a --smoke run uses bench/.work/smoke/ instead.
"""
import argparse, datetime, gzip, http.client, json, os, re, shutil, signal, socket, statistics
import subprocess, sys, threading, time, urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "bench")
OFFICES = ["办公室", "中小企业科", "工业经济科", "节能管理科"]
NCPU = os.cpu_count() or 1
LOAD_CPU, SERVER_CPU = ("0", "1") if NCPU >= 2 else (None, None)
CLK_TCK = os.sysconf("SC_CLK_TCK")


def log(*a):
    print("[bench %s]" % time.strftime("%H:%M:%S"), *a, file=sys.stderr, flush=True)


def pinned(cmd, cpu):
    return (["taskset", "-c", cpu] + cmd) if cpu is not None else cmd


def china_today():
    return (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=8)).date()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cpu_ticks(pids):
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14, 15)
        except OSError:
            pass
    return total


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def children(pid):
    out = []
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as f:
                    if int(f.read().rsplit(")", 1)[1].split()[1]) == pid:
                        out.append(int(d))
            except OSError:
                pass
    return out


class Server:
    """A server process pinned to SERVER_CPU; ready when its stdout matches `ready`."""

    def __init__(self, name, cmd, ready, work, env=None, cwd=None):
        self.name, self.cmd, self.ready, self.work, self.env, self.cwd = name, cmd, ready, work, env, cwd
        self.proc = None
        self.port = None
        self.startup_s = None

    def start(self, timeout=120):
        out = open(os.path.join(self.work, f"{self.name}.out"), "w")
        err = open(os.path.join(self.work, f"{self.name}.err"), "w")
        env = dict(os.environ, **(self.env or {}))
        t0 = time.monotonic()
        self.proc = subprocess.Popen(pinned(self.cmd, SERVER_CPU), stdout=out, stderr=err, env=env, cwd=self.cwd)
        path = out.name
        while True:
            with open(path) as f:
                m = re.search(self.ready, f.read())
            if m:
                self.startup_s = time.monotonic() - t0
                self.startup_cpu_s = cpu_ticks([self.proc.pid]) / CLK_TCK
                self.port = int(m.group(1)) if m.groups() else None
                return self
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.proc.returncode}: " + open(err.name).read()[-2000:])
            if time.monotonic() - t0 > timeout:
                raise RuntimeError(f"{self.name} not ready after {timeout}s")
            time.sleep(0.005)

    @property
    def pid(self):
        return self.proc.pid

    def pids(self):
        return [self.pid] + children(self.pid)

    def rss(self):
        return sum(rss_kib(p) for p in self.pids())

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None


def http_get(port, path, headers=None, method="GET", body=None):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    c.request(method, path, body=body, headers=headers or {})
    r = c.getresponse()
    data = r.read()
    c.close()
    return r.status, {k.lower(): v for k, v in r.getheaders()}, data


class Bench:
    def __init__(self, a):
        self.a = a
        # A smoke run (CI) keeps to its own folder, so it never overwrites a full run's results.
        self.work = os.path.join(BENCH, ".work", "smoke") if a.smoke else os.path.join(BENCH, ".work")
        self.results = {"runs": [], "facts": {}}
        os.makedirs(self.work, exist_ok=True)
        self.config_path = None
        self.tokens_file = os.path.join(self.work, "tokens.txt")
        self.lua = os.path.join(BENCH, "wrk.lua")

    # --- wrk -------------------------------------------------------------------------------
    def wrk(self, label, server, conns, duration, path="/api/v1/catalogue", headers=(), requests=None, tokens=None,
            extra=None):
        env = dict(os.environ)
        env["BENCH_REQUESTS"] = requests or ""
        env["BENCH_TOKENS"] = tokens or ""
        env["BENCH_FORMED_ON"] = (china_today() - datetime.timedelta(days=1)).isoformat()
        cmd = ["wrk", "-t1", f"-c{conns}", f"-d{duration}s", "--timeout", "5s", "-s", self.lua]
        for h in headers:
            cmd += ["-H", h]
        cmd.append(f"http://127.0.0.1:{server.port}{path}")
        pids = server.pids()
        t0 = cpu_ticks(pids)
        p = subprocess.run(pinned(cmd, LOAD_CPU), capture_output=True, text=True, env=env)
        t1 = cpu_ticks(pids)
        m = re.search(r"^RESULT (\{.*\})$", p.stdout, re.M)
        if not m:
            raise RuntimeError(f"wrk failed for {label}: {p.stdout[-1500:]} {p.stderr[-1500:]}")
        r = json.loads(m.group(1))
        r.update(label=label, server=server.name, conns=conns, duration=duration)
        r["cpu_us_per_req"] = (t1 - t0) / CLK_TCK * 1e6 / r["requests"] if r["requests"] else None
        r["errors"] = r["err_connect"] + r["err_read"] + r["err_write"] + r["err_status"] + r["err_timeout"]
        if extra:
            r.update(extra)
        self.results["runs"].append(r)
        log(f"{label:34s} {server.name:10s} c={conns:<3d} {r['rps']:>9.0f} req/s  p50 {r['p50_us']/1000:7.3f} ms  "
            f"p99 {r['p99_us']/1000:7.3f} ms  cpu {r['cpu_us_per_req'] or 0:6.1f} us/req  errors {r['errors']}")
        return r

    # --- set-up ----------------------------------------------------------------------------
    def write_config(self, name, access_log=True):
        cfg = {"host": "127.0.0.1", "port": 0, "public_dir": os.path.join(ROOT, "Public"), "threads": 0,
               "limits": {"max_body_bytes": 1048576, "max_connections": 2048, "per_ip_connections": 0,
                          "connection_timeout_s": 15},
               "log_level": "info", "access_log": access_log}
        path = os.path.join(self.work, name)
        with open(path, "w") as f:
            json.dump(cfg, f, ensure_ascii=False, indent=1)
        return path

    def gongkai(self, name, data, config, env=None):
        return Server(name, [self.a.bin, "serve", "--config", config, "--data-dir", data, "--port", "0"],
                      r"gongkai listening on http://127\.0\.0\.1:(\d+)", self.work, env=env, cwd=ROOT)

    def seed(self):
        """An empty data directory seeded by the server itself, the catalogue bytes, and tokens."""
        seed = os.path.join(self.work, "seed")
        shutil.rmtree(seed, ignore_errors=True)
        os.makedirs(seed)
        self.config_path = self.write_config("config-log.json", access_log=True)
        self.config_nolog = self.write_config("config-nolog.json", access_log=False)
        s = self.gongkai("gk-seed", seed, self.config_path).start()
        try:
            st, h, body = http_get(s.port, "/api/v1/catalogue")
            assert st == 200, st
            st2, h2, gz = http_get(s.port, "/api/v1/catalogue", {"Accept-Encoding": "gzip"})
            assert gzip.decompress(gz) == body
            self.etag = h["etag"]
            self.results["facts"].update(
                catalogue_bytes=len(body), catalogue_gzip_bytes=len(gz), gzip_content_encoding=h2.get("content-encoding"),
                gzip_vary=h2.get("vary"), catalogue_items=len(json.loads(body)["items"]))
            st3, h3, b3 = http_get(s.port, "/api/v1/catalogue", {"If-None-Match": self.etag})
            self.results["facts"]["conditional_status"] = st3
        finally:
            s.stop()
        self.catalogue_file = os.path.join(self.work, "catalogue.json")
        with open(self.catalogue_file, "wb") as f:
            f.write(body)
        # 32 office tokens (the 32 concurrent offices of floor 4), spread over the 4 offices.
        tokens = []
        for i in range(32):
            office = OFFICES[i % 4]
            p = subprocess.run([self.a.bin, "token", "create", "--name", f"bench-{i:02d}-{office}", "--role", "office",
                                "--office", office, "--config", self.config_path, "--data-dir", seed],
                               capture_output=True, text=True, cwd=ROOT, check=True)
            tokens.append(p.stdout.strip().splitlines()[-1])
        with open(self.tokens_file, "w") as f:
            f.write("\n".join(tokens) + "\n")
        self.seed_dir = seed

    def dataset(self, n, suffix=""):
        d = os.path.join(self.work, f"data-{n}{suffix}")
        shutil.rmtree(d, ignore_errors=True)
        shutil.copytree(self.seed_dir, d)
        t0 = time.monotonic()
        subprocess.run([sys.executable, os.path.join(BENCH, "gen_records.py"), "--catalogue", self.catalogue_file,
                        "--count", str(n), "--out", os.path.join(d, "records.jsonl")], check=True)
        log(f"generated {n} records in {time.monotonic() - t0:.1f}s "
            f"({os.path.getsize(os.path.join(d, 'records.jsonl')) / 1e6:.1f} MB)")
        return d

    def nginx(self):
        prefix = os.path.join(self.work, "nginx")
        shutil.rmtree(prefix, ignore_errors=True)
        os.makedirs(os.path.join(prefix, "html", "api", "v1"))
        os.makedirs(os.path.join(prefix, "tmp"))
        shutil.copy(self.catalogue_file, os.path.join(prefix, "html", "api", "v1", "catalogue"))
        port = free_port()
        with open(os.path.join(BENCH, "nginx.conf")) as f:
            conf = f.read().replace("@PORT@", str(port))
        with open(os.path.join(prefix, "nginx.conf"), "w") as f:
            f.write(conf)
        s = Server("nginx", ["nginx", "-p", prefix + "/", "-c", "nginx.conf", "-e", "error.log"], "", self.work)
        s.proc = subprocess.Popen(pinned(s.cmd, SERVER_CPU), stdout=open(os.path.join(self.work, "nginx.out"), "w"),
                                  stderr=subprocess.STDOUT)
        s.port = port
        for _ in range(500):
            try:
                if http_get(port, "/api/v1/catalogue")[0] == 200:
                    return s
            except OSError:
                time.sleep(0.01)
        raise RuntimeError("nginx did not start: " + open(os.path.join(prefix, "error.log")).read()[-1000:])

    # --- measurements ----------------------------------------------------------------------
    def catalogue_rounds(self):
        """Floors 1, 2 and 7: catalogue at 1/32/256 connections vs C and nginx; 304; gzip; access log."""
        a = self.a
        small = self.sizes[0]
        ref = Server("c-ref", [a.ref, self.catalogue_file], r"ref listening on http://127\.0\.0\.1:(\d+)",
                     self.work).start()
        ngx = self.nginx()
        data_log = self.dataset(small, "-log")
        data_nolog = self.dataset(small, "-nolog")
        gk = self.gongkai("gongkai", data_log, self.config_path).start()
        gk_nolog = self.gongkai("gk-nolog", data_nolog, self.config_nolog).start()
        servers = {"c-ref": ref, "nginx": ngx, "gongkai": gk}
        try:
            st, h, body = http_get(ref.port, "/api/v1/catalogue")
            st2, h2, body2 = http_get(ngx.port, "/api/v1/catalogue")
            st3, h3, body3 = http_get(gk.port, "/api/v1/catalogue")
            self.results["facts"]["same_bytes"] = body == body2 == body3
            for s in list(servers.values()) + [gk_nolog]:
                self.wrk("warm-up", s, 32, 1)
            for r in range(a.rounds):
                log(f"catalogue round {r + 1}/{a.rounds}")
                for c in (1, 32, 256):
                    for name in ("c-ref", "nginx", "gongkai"):
                        self.wrk("catalogue", servers[name], c, a.dur, extra={"round": r})
                    if c == 32:
                        self.wrk("catalogue-304", gk, c, a.dur, headers=[f"If-None-Match: {self.etag}"], extra={"round": r})
                        self.wrk("catalogue-gzip", gk, c, a.dur, headers=["Accept-Encoding: gzip"], extra={"round": r})
                        self.wrk("catalogue-nolog", gk_nolog, c, a.dur, extra={"round": r})
                        self.wrk("catalogue-log", gk, c, a.dur, extra={"round": r})
            self.results["facts"]["rss_kib_after_catalogue"] = {k: s.rss() for k, s in servers.items()}
        finally:
            for s in (ref, ngx, gk_nolog):
                s.stop()
        return gk, small

    def record_reads(self, gk, n, mode="index"):
        """Floor 3: lists with filters and cursors, and q search, at 32 connections. mode "index" is
        the server as shipped (repeated lists come from its page cache), "computed" the same with
        the page cache off (every answer computed), "scan" also answers q by scanning every record."""
        scan = mode == "scan"
        st, h, body = http_get(gk.port, "/api/v1/records?limit=1")
        total = json.loads(body)["total"]
        # A cursor from the middle of the register (deep keyset paging).
        mid = (china_today() - datetime.timedelta(days=(china_today() - datetime.date(2019, 1, 1)).days // 2)).isoformat()
        st, h, body = http_get(gk.port, f"/api/v1/records?to={mid}&limit=1")
        cursor = json.loads(body)["next"] or ""
        q = urllib.parse.quote
        lists = [f"/api/v1/records?office={q('中小企业科')}", f"/api/v1/records?item=33,35&year=2024",
                 f"/api/v1/records?cursor={q(cursor)}", f"/api/v1/records?office={q('节能管理科')}&from=2022-01-01&to=2022-12-31&cursor={q(cursor)}",
                 f"/api/v1/records?item=1&limit=100"]
        terms = ["节能监察", "太平新城", "安工信企〔2024〕", "专精特新企业申报", "2021-00042", "GB"]
        searches = [f"/api/v1/records?q={q(t)}" for t in terms]
        counts = {}
        for t, path in zip(terms, searches):
            counts[t] = json.loads(http_get(gk.port, path)[2])["total"]
        self.results["facts"][f"records_{n}" + ("" if mode == "index" else f"_{mode}")] = {
            "total": total, "search_totals": counts, "cursor": cursor}
        files = {}
        for name, paths in (("first", ["/api/v1/records"]), ("filters", lists), ("search", searches)):
            fn = os.path.join(self.work, f"req-{name}-{n}.txt")
            with open(fn, "w") as f:
                f.write("".join(f"GET\t{p}\n" for p in paths))
            files[name] = fn
        extra = {"n": n, "mode": mode}
        if scan:
            self.wrk("records-search", gk, 32, self.a.dur, requests=files["search"], extra=extra)
            return
        self.wrk("warm-up", gk, 32, 1, requests=files["search"])
        self.wrk("records-first", gk, 32, self.a.dur, requests=files["first"], extra=extra)
        self.wrk("records-filters", gk, 32, self.a.dur, requests=files["filters"], extra=extra)
        self.wrk("records-search", gk, 32, self.a.dur, requests=files["search"], extra=extra)

    def posts(self, gk, n):
        """Floors 4 and 5: durable POSTs from one client and from 32 offices."""
        before = json.loads(http_get(gk.port, "/api/v1/records?limit=1")[2])["total"]
        rss0 = gk.rss()
        self.wrk("post", gk, 1, self.a.dur, tokens=self.tokens_file, extra={"n": n})
        self.wrk("post", gk, 32, self.a.dur, tokens=self.tokens_file, extra={"n": n})
        after = json.loads(http_get(gk.port, "/api/v1/records?limit=1")[2])["total"]
        posted = [r for r in self.results["runs"] if r["label"] == "post" and r.get("n") == n]
        ok = sum(r["requests"] - r["err_status"] for r in posted)
        self.results["facts"][f"posts_{n}"] = {"records_before": before, "records_after": after, "ok_responses": ok,
                                               "rss_kib_before": rss0, "rss_kib_after": gk.rss()}

    def fsync_check(self, gk):
        """One client alone: how many fsyncs answer one POST, and what one fdatasync costs here."""
        token = open(self.tokens_file).read().split()[0]
        formed = (china_today() - datetime.timedelta(days=1)).isoformat()
        body = json.dumps({"item_id": "33", "title": "单客户端测试", "formed_on": formed}, ensure_ascii=False).encode()
        hdr = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        n = 20
        trace = os.path.join(self.work, "strace.txt")
        st = subprocess.Popen(["strace", "-f", "-qq", "-e", "trace=fsync,fdatasync,sync_file_range", "-o", trace,
                               "-p", str(gk.pid)], stderr=subprocess.DEVNULL)
        time.sleep(1.0)
        statuses = []
        for _ in range(n):
            statuses.append(http_get(gk.port, "/api/v1/records", hdr, "POST", body)[0])
        time.sleep(0.3)
        st.send_signal(signal.SIGINT)
        st.wait(10)
        calls = [l for l in open(trace) if re.search(r"\b(fsync|fdatasync|sync_file_range)\(", l)]
        # The raw cost of one append + fdatasync on the same file system, for comparison.
        path = os.path.join(self.work, "fsync-probe")
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_TRUNC, 0o600)
        lat = []
        for _ in range(100 if not self.a.smoke else 20):
            t = time.perf_counter()
            os.write(fd, b"x" * 600 + b"\n")
            os.fdatasync(fd)
            lat.append(time.perf_counter() - t)
        os.close(fd)
        os.unlink(path)
        self.results["facts"]["lone_post"] = {"posts": n, "statuses": sorted(set(statuses)), "sync_calls": len(calls),
                                              "syncs_per_post": len(calls) / n,
                                              "fdatasync_p50_ms": statistics.median(lat) * 1e3}
        log(f"lone POST: {len(calls)} sync calls for {n} POSTs; raw fdatasync p50 {statistics.median(lat) * 1e3:.2f} ms")

    def soak(self, gk, n):
        """Floor 6: RSS over a mixed read load (every public read path, anonymous and with a token)."""
        q = urllib.parse.quote
        token = open(self.tokens_file).read().split()[0]
        rid = "2024-00010"
        lines = ["GET\t/api/v1/catalogue", "GET\t/api/v1/catalogue\tAccept-Encoding: gzip",
                 f"GET\t/api/v1/catalogue\tIf-None-Match: {self.etag}", "GET\t/api/v1/records",
                 f"GET\t/api/v1/records?office={q('工业经济科')}&year=2023", f"GET\t/api/v1/records?q={q('节能监察')}",
                 f"GET\t/api/v1/records?q={q('太平新城')}&limit=50", f"GET\t/api/v1/records/{rid}",
                 "GET\t/api/v1/categories", "GET\t/api/v1/catalogue/items/33",
                 f"GET\t/api/v1/records?state=pending\tAuthorization: Bearer {token}",
                 f"GET\t/api/v1/records?q={q('专精特新')}\tAuthorization: Bearer {token}"]
        fn = os.path.join(self.work, "req-mixed.txt")
        with open(fn, "w") as f:
            f.write("\n".join(lines) + "\n")
        for line in lines:
            parts = line.split("\t")
            hdr = dict(p.split(": ", 1) for p in parts[2:])
            st = http_get(gk.port, parts[1], hdr)[0]
            if st not in (200, 304):
                raise RuntimeError(f"mixed load request {parts[1]} answered {st}")
        samples = []
        stop = threading.Event()
        every = max(1.0, self.a.soak / 30)

        def sample():
            t0 = time.monotonic()
            while not stop.is_set():
                samples.append((round(time.monotonic() - t0, 1), gk.rss()))
                stop.wait(every)

        th = threading.Thread(target=sample)
        th.start()
        try:
            self.wrk("mixed-soak", gk, 32, self.a.soak, requests=fn, extra={"n": n})
        finally:
            stop.set()
            th.join()
        samples.append((self.a.soak, gk.rss()))
        self.results["facts"]["soak"] = {"n": n, "seconds": self.a.soak, "rss_kib": samples}

    # --- the run ---------------------------------------------------------------------------
    def run(self):
        a = self.a
        self.sizes = a.sizes
        started = time.time()
        self.results["facts"]["machine"] = machine()
        self.results["facts"]["config"] = {"smoke": a.smoke, "dur": a.dur, "rounds": a.rounds, "soak": a.soak,
                                           "sizes": a.sizes, "bin": a.bin, "pinning": [LOAD_CPU, SERVER_CPU]}
        self.seed()
        gk, small = self.catalogue_rounds()
        try:
            self.record_reads(gk, small)
            self.fsync_check(gk)
            self.posts(gk, small)
        finally:
            gk.stop()
        for n in self.sizes[1:-1]:
            gk = self.gongkai(f"gongkai-{n}", self.dataset(n), self.config_path).start()
            try:
                self.record_reads(gk, n)
            finally:
                gk.stop()
        big = self.sizes[-1]
        data = self.dataset(big)
        startups, startup_cpus = [], []
        gk = self.gongkai(f"gongkai-{big}", data, self.config_path).start()
        startups.append(gk.startup_s)
        startup_cpus.append(gk.startup_cpu_s)
        try:
            time.sleep(0.5)
            self.results["facts"]["rss_kib_idle_big"] = gk.rss()
            self.record_reads(gk, big)
        finally:
            gk.stop()
        # The same reads with every answer computed (no page cache), and q by full scan: the scan
        # and index rows then compare two servers that both compute every answer.
        computed = self.gongkai(f"gongkai-{big}-computed", data, self.config_path,
                                env={"GONGKAI_BENCH_NO_PAGE_CACHE": "1"}).start()
        startups.append(computed.startup_s)
        startup_cpus.append(computed.startup_cpu_s)
        try:
            self.record_reads(computed, big, mode="computed")
        finally:
            computed.stop()
        scan = self.gongkai(f"gongkai-{big}-scan", data, self.config_path,
                            env={"GONGKAI_BENCH_SEARCH_SCAN": "1", "GONGKAI_BENCH_NO_PAGE_CACHE": "1"}).start()
        try:
            self.wrk("warm-up", scan, 32, 1, requests=os.path.join(self.work, f"req-search-{big}.txt"))
            self.record_reads(scan, big, mode="scan")
        finally:
            scan.stop()
        gk = self.gongkai(f"gongkai-{big}", data, self.config_path).start()
        startups.append(gk.startup_s)
        startup_cpus.append(gk.startup_cpu_s)
        self.results["facts"]["startup_s_big"] = startups
        self.results["facts"]["startup_cpu_s_big"] = startup_cpus
        try:
            self.posts(gk, big)
            self.soak(gk, big)
        finally:
            gk.stop()
        self.results["facts"]["wall_s"] = time.time() - started
        with open(os.path.join(self.work, "results.json"), "w") as f:
            json.dump(self.results, f, ensure_ascii=False, indent=1)
        from report import render  # bench/report.py
        table = render(self.results)
        with open(os.path.join(self.work, "results.md"), "w") as f:
            f.write(table)
        print(table)


def machine():
    model = ""
    try:
        model = re.search(r"Model name:\s*(.*)", subprocess.run(["lscpu"], capture_output=True, text=True).stdout).group(1)
    except Exception:
        pass
    wrk_v = subprocess.run(["wrk", "-v"], capture_output=True, text=True)
    ngx_v = subprocess.run(["nginx", "-v"], capture_output=True, text=True)
    return {"nproc": NCPU, "cpu": model.strip(), "kernel": os.uname().release,
            "wrk": (wrk_v.stdout + wrk_v.stderr).split("\n")[0].strip(), "nginx": ngx_v.stderr.strip(),
            "loadavg_at_start": open("/proc/loadavg").read().split()[:3],
            "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--bin", required=True)
    p.add_argument("--ref", required=True)
    p.add_argument("--smoke", action="store_true", help="tiny N, 1 s per measurement, one round, short soak")
    p.add_argument("--sizes", type=lambda s: [int(x) for x in s.split(",")])
    p.add_argument("--dur", type=int)
    p.add_argument("--rounds", type=int)
    p.add_argument("--soak", type=int)
    a = p.parse_args()
    a.bin = os.path.abspath(a.bin)
    a.ref = os.path.abspath(a.ref)
    if a.smoke:
        a.sizes = a.sizes or [100, 300]
        a.dur = a.dur or 1
        a.rounds = a.rounds or 1
        a.soak = a.soak or 3
    else:
        a.sizes = a.sizes or [1000, 10000, 100000]
        a.dur = a.dur or 5
        a.rounds = a.rounds or 3
        a.soak = a.soak or 300
    sys.path.insert(0, BENCH)
    Bench(a).run()


if __name__ == "__main__":
    main()
