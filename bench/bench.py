#!/usr/bin/env python3
"""TrafficCop vs nginx vs HAProxy on one machine, one backend, one load, one run.

Run through bench/run.sh (it installs the peers and builds the jar). Every proxy is pinned to the same core with
one worker; the backend (trafficcop whoami) and the load generators (wrk, h2load) share the other core(s).
Results go to stdout as a markdown table and to bench/results/latest.md (+ latest.json).
"""
import argparse
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
CLK_TCK = os.sysconf("SC_CLK_TCK")
PAGE = os.sysconf("SC_PAGE_SIZE")
PROXIES = ["nginx", "haproxy", "trafficcop"]
IDLE_SECONDS = 10  # from the first proxied response to the idle RSS reading
PATH = "/data?size=128"  # whoami: a 128-byte body, the cheapest backend answer (no interface enumeration)

PROCS = []  # every process we started: (Popen), killed on exit whatever happens


def log(*a):
    print("[bench %s]" % time.strftime("%H:%M:%S"), *a, file=sys.stderr, flush=True)


# ---- processes -------------------------------------------------------------------------------------------------

def spawn(cmd, cpus, env=None, log_file=None, cwd=None):
    out = open(log_file, "ab") if log_file else subprocess.DEVNULL
    p = subprocess.Popen(["taskset", "-c", cpus] + cmd, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=cwd,
                         start_new_session=True)
    PROCS.append(p)
    return p


def stop(p, sig=signal.SIGTERM, wait=10):
    if p is None or p.poll() is not None:
        return
    try:
        os.killpg(p.pid, sig)
    except ProcessLookupError:
        return
    try:
        p.wait(wait)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        p.wait(5)


def stop_all(*_):
    for p in PROCS:
        stop(p, wait=5)


def tree(pid):
    """pid and its descendants (nginx master + worker, haproxy master + worker)."""
    children = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                st = Path("/proc/%s/stat" % d).read_text()
            except OSError:
                continue
            ppid = int(st[st.rindex(")") + 2:].split()[1])
            children.setdefault(ppid, []).append(int(d))
    out, todo = [], [pid]
    while todo:
        x = todo.pop()
        out.append(x)
        todo.extend(children.get(x, []))
    return out


def cpu_seconds(pid):
    total = 0
    for x in tree(pid):
        try:
            st = Path("/proc/%d/stat" % x).read_text()
        except OSError:
            continue
        f = st[st.rindex(")") + 2:].split()
        total += int(f[11]) + int(f[12])  # utime + stime, all threads of the process
    return total / CLK_TCK


def rss_mib(pid):
    total = 0
    for x in tree(pid):
        try:
            for line in Path("/proc/%d/status" % x).read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http_get(port, host="bench.local", path=PATH, timeout=1.0):
    """One HTTP/1.1 request on a fresh connection; the status code or None."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
            s.sendall(("GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n" % (path, host)).encode())
            data = s.recv(64)
            m = re.match(rb"HTTP/1\.[01] (\d{3})", data)
            return int(m.group(1)) if m else None
    except OSError:
        return None


def wait_status(port, host="bench.local", status=200, timeout=60.0, proc=None):
    """Polls until a request answers `status`; the monotonic time it did, or None."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if http_get(port, host) == status:
            return time.monotonic()
        if proc is not None and proc.poll() is not None:
            return None
        time.sleep(0.002)
    return None


# ---- load generators -------------------------------------------------------------------------------------------

WRK_LUA = r"""
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH %d %d %d %d %d %d %d\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99), latency:percentile(99.9), latency.max,
    e.connect + e.read + e.write + e.status + e.timeout))
end
"""


def wrk(port, seconds, conns, cpus, host="bench.local", threads=1, tls=False, close=False):
    """wrk's closed loop; tls: over HTTPS (ALPN-less, so HTTP/1.1); close: `Connection: close`, so every request
    is a new connection (with tls, a full handshake each: wrk resumes no session)."""
    lua = Path(WORK) / "report.lua"
    if not lua.exists():
        lua.write_text(WRK_LUA)
    cmd = ["taskset", "-c", cpus, "wrk", "-t%d" % threads, "-c%d" % conns, "-d%ds" % seconds, "--timeout", "5s",
           "-H", "Host: " + host, "-s", str(lua)]
    if close:
        cmd += ["-H", "Connection: close"]
    cmd.append("%s://127.0.0.1:%d%s" % ("https" if tls else "http", port, PATH))
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=seconds + 60).stdout
    m = re.search(r"^BENCH (\d+) (\d+) (\d+) (\d+) (\d+) (\d+) (\d+)$", out, re.M)
    if not m:
        raise RuntimeError("wrk gave no result: " + out[-500:])
    n, dur_us, p50, p99, p999, mx, errors = map(int, m.groups())
    return {"requests": n, "seconds": dur_us / 1e6, "rps": n / (dur_us / 1e6), "p50_ms": p50 / 1000,
            "p99_ms": p99 / 1000, "p999_ms": p999 / 1000, "max_ms": mx / 1000, "errors": errors}


def h2load(port, seconds, conns, streams, cpus, tls=False):
    """h2c by prior knowledge, or (tls) h2 negotiated by ALPN."""
    # no Host header: h2load would send it beside :authority (nginx answers 400)
    cmd = ["taskset", "-c", cpus, "h2load", "-c%d" % conns, "-m%d" % streams, "-t1",
           "-D", str(seconds), "%s://127.0.0.1:%d%s" % ("https" if tls else "http", port, PATH)]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=seconds + 60).stdout
    m = re.search(r"requests: (\d+) total, (\d+) started, (\d+) done, (\d+) succeeded, (\d+) failed", out)
    t = re.search(r"finished in ([\d.]+)s", out)
    if not m or not t:
        raise RuntimeError("h2load gave no result: " + out[-500:])
    ok, failed = int(m.group(4)), int(m.group(5))
    return {"requests": ok, "seconds": float(t.group(1)), "rps": ok / float(t.group(1)), "errors": failed}


def measured(pid, run):
    """Runs a load, returns its result with the proxy's CPU seconds and requests per proxy CPU-second."""
    c0 = cpu_seconds(pid)
    r = run()
    c1 = cpu_seconds(pid)
    r["cpu_s"] = c1 - c0
    r["req_per_cpu_s"] = r["requests"] / r["cpu_s"] if r["cpu_s"] > 0 else float("nan")
    r["cpu_util"] = r["cpu_s"] / r["seconds"]
    return r


def peak_rss_during(pid, run):
    """Runs a load while sampling the proxy's RSS; returns (result, peak MiB)."""
    import threading
    peak = [rss_mib(pid)]
    stop_flag = threading.Event()

    def sample():
        while not stop_flag.is_set():
            peak[0] = max(peak[0], rss_mib(pid))
            time.sleep(0.2)

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    try:
        r = run()
    finally:
        stop_flag.set()
        t.join()
    peak[0] = max(peak[0], rss_mib(pid))
    return r, peak[0]


# ---- configurations --------------------------------------------------------------------------------------------

TLS = None  # {"cert", "key", "pem"} once the tls scenario made them: one ECDSA P-256 certificate for every proxy


def make_certificate(d):
    """A self-signed ECDSA P-256 certificate (what a modern site serves), key and cert, plus both in one file for
    HAProxy. Every proxy serves it to every client, whatever the SNI."""
    cert, key, pem = Path(d) / "cert.pem", Path(d) / "key.pem", Path(d) / "both.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                    "-nodes", "-keyout", str(key), "-out", str(cert), "-days", "2", "-subj", "/CN=bench.local",
                    "-addext", "subjectAltName=DNS:bench.local"], check=True, capture_output=True)
    pem.write_text(cert.read_text() + key.read_text())
    return {"cert": str(cert), "key": str(key), "pem": str(pem)}


FORWARDED_NGINX = """
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Host $http_host;
      proxy_set_header X-Forwarded-Port $server_port;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-Server $hostname;
      proxy_set_header X-Real-Ip $remote_addr;
"""


def nginx_conf(d, port, h2port, backend, hosts=None, tls_port=None):
    """Traefik's default forwarding (X-Forwarded-*, X-Real-Ip, keep-alive upstream), one worker."""
    if hosts is None:
        servers = """
    server {
      listen 127.0.0.1:%d default_server;
      listen 127.0.0.1:%d http2 default_server;
      location / { proxy_pass http://backend; %s }
    }""" % (port, h2port, FORWARDED_NGINX)
        if tls_port:
            servers += """
    server {
      listen 127.0.0.1:%d ssl http2 default_server;
      ssl_certificate %s;
      ssl_certificate_key %s;
      ssl_protocols TLSv1.2 TLSv1.3;
      location / { proxy_pass http://backend; %s }
    }""" % (tls_port, TLS["cert"], TLS["key"], FORWARDED_NGINX)
        names = ""
    else:
        servers = "\n".join("""    server { listen 127.0.0.1:%d; server_name %s; location / { proxy_pass http://backend; %s } }"""
                            % (port, h, FORWARDED_NGINX.replace("\n", " ")) for h in hosts)
        servers += "\n    server { listen 127.0.0.1:%d default_server; return 404; }" % port
        names = "server_names_hash_max_size 65536; server_names_hash_bucket_size 128;"
    conf = """
worker_processes 1;
daemon off;
pid %(d)s/nginx.pid;
error_log %(d)s/nginx-error.log warn;
worker_rlimit_nofile 19000;
events { worker_connections 9000; }
http {
  access_log off;
  client_body_temp_path %(d)s/body; proxy_temp_path %(d)s/proxy; fastcgi_temp_path %(d)s/fcgi;
  uwsgi_temp_path %(d)s/uwsgi; scgi_temp_path %(d)s/scgi;
  keepalive_requests 1000000;
  %(names)s
  upstream backend { server 127.0.0.1:%(backend)d; keepalive 256; keepalive_requests 1000000; }
%(servers)s
}
""" % {"d": d, "backend": backend, "servers": servers, "names": names}
    path = Path(d) / "nginx.conf"
    path.write_text(conf)
    return path


def haproxy_conf(d, port, h2port, backend, hosts=None, tls_port=None):
    """The same forwarding as Traefik's defaults, nbthread 1, connection reuse to the backend."""
    head = """
global
  nbthread 1
  maxconn 9000
  log stderr format raw local0 err
defaults
  mode http
  timeout connect 5s
  timeout client 60s
  timeout server 60s
  timeout http-keep-alive 60s
  option http-keep-alive
  http-reuse always
frontend web
  bind 127.0.0.1:%d
  %s
  option forwardfor
  http-request set-header X-Forwarded-Host %%[req.hdr(host)]
  http-request set-header X-Forwarded-Port %%[dst_port]
  http-request set-header X-Forwarded-Proto http
  http-request set-header X-Forwarded-Server %s
  http-request set-header X-Real-Ip %%[src]
""" % (port, ("bind 127.0.0.1:%d proto h2" % h2port if h2port else "")
       + ("\n  bind 127.0.0.1:%d ssl crt %s alpn h2,http/1.1" % (tls_port, TLS["pem"]) if tls_port else ""),
       socket.gethostname())
    if hosts is None:
        cfg = head + "  default_backend be\nbackend be\n  server s1 127.0.0.1:%d\n" % backend
    else:
        mp = Path(d) / "hosts.map"
        mp.write_text("".join("%s be_%d\n" % (h, i) for i, h in enumerate(hosts)))
        cfg = head + "  use_backend %%[req.hdr(host),lower,map(%s)]\n" % mp
        cfg += "".join("backend be_%d\n  server s1 127.0.0.1:%d\n" % (i, backend) for i in range(len(hosts)))
    path = Path(d) / "haproxy.cfg"
    path.write_text(cfg)
    return path


def trafficcop_conf(d, port, backend, hosts=None, throttle="10ms", tls_port=None):
    """A Traefik v3 static file + file provider: one router PathPrefix(`/`), or one Host router + service each;
    with tls_port, a websecure entry point whose router has `tls: {}` and the bench certificate as default."""
    static = Path(d) / "traefik.yml"
    dynamic = Path(d) / "dynamic.yml"
    websecure = '\n  websecure:\n    address: "127.0.0.1:%d"' % tls_port if tls_port else ""
    static.write_text("""entryPoints:
  web:
    address: "127.0.0.1:%d"%s
log:
  level: WARN
providers:
  providersThrottleDuration: %s
  file:
    filename: %s
    watch: true
""" % (port, websecure, throttle, dynamic))
    write_trafficcop_dynamic(dynamic, backend, hosts, tls=bool(tls_port))
    return static, dynamic


def write_trafficcop_dynamic(path, backend, hosts, tls=False):
    if hosts is None:
        tls_router = """    bench-tls:
      rule: "PathPrefix(`/`)"
      entryPoints: [websecure]
      service: bench
      tls: {}
""" if tls else ""
        text = """http:
  routers:
    bench:
      rule: "PathPrefix(`/`)"
      entryPoints: [web]
      service: bench
%s  services:
    bench:
      loadBalancer:
        servers:
          - url: "http://127.0.0.1:%d"
""" % (tls_router, backend)
        if tls:
            text += """tls:
  stores:
    default:
      defaultCertificate:
        certFile: %s
        keyFile: %s
""" % (TLS["cert"], TLS["key"])
    else:
        parts = ["http:\n  routers:\n"]
        for i, h in enumerate(hosts):
            parts.append("    r%d:\n      rule: \"Host(`%s`)\"\n      entryPoints: [web]\n      service: s%d\n" % (i, h, i))
        parts.append("  services:\n")
        for i in range(len(hosts)):
            parts.append("    s%d:\n      loadBalancer:\n        servers:\n          - url: \"http://127.0.0.1:%d\"\n"
                         % (i, backend))
        text = "".join(parts)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(text)
    os.replace(tmp, path)  # atomic: the watcher never sees half a file


class Proxy:
    """One proxy under test: started pinned on the proxy core, its main pid, its ports."""

    def __init__(self, name, args, hosts=None):
        self.name, self.args, self.hosts = name, args, hosts
        self.dir = tempfile.mkdtemp(prefix=name + "-", dir=WORK)
        self.port, self.h2port = free_port(), free_port()
        # HTTPS (h2 and HTTP/1.1 by ALPN) on its own port, on the one-router configuration of the tls scenario
        self.tls_port = free_port() if TLS is not None and hosts is None else None
        self.proc = None
        self.dynamic = None

    def command(self):
        a = self.args
        if self.name == "nginx":
            for sub in ("body", "proxy", "fcgi", "uwsgi", "scgi"):
                os.makedirs(os.path.join(self.dir, sub), exist_ok=True)
            conf = nginx_conf(self.dir, self.port, self.h2port, a.backend_port, self.hosts, self.tls_port)
            return ["nginx", "-p", self.dir, "-c", str(conf), "-e", os.path.join(self.dir, "nginx-error.log")], None
        if self.name == "haproxy":
            conf = haproxy_conf(self.dir, self.port, None if self.hosts else self.h2port, a.backend_port, self.hosts,
                                self.tls_port)
            return ["haproxy", "-W", "-db", "-f", str(conf)], None
        static, self.dynamic = trafficcop_conf(self.dir, self.port, a.backend_port, self.hosts,
                                               tls_port=self.tls_port)
        self.h2port = self.port  # h2c by prior knowledge on the same entry point
        env = dict(os.environ, TRAFFICCOP_WORKER_THREADS="1")
        if a.java_opts is not None:
            env["TRAFFICCOP_JAVA_OPTS"] = a.java_opts
        return [str(ROOT / "bin" / "trafficcop"), "--configFile=" + str(static)], env

    def start(self, probe_host="bench.local", timeout=120):
        """Starts and waits for the first proxied response; returns seconds from spawn to it."""
        cmd, env = self.command()
        t0 = time.monotonic()
        self.proc = spawn(cmd, self.args.proxy_cpu, env=env, log_file=os.path.join(self.dir, "out.log"))
        t1 = wait_status(self.port, host=probe_host, timeout=timeout, proc=self.proc)
        if t1 is None:
            tail = Path(self.dir, "out.log").read_text(errors="replace")[-2000:]
            raise RuntimeError("%s did not answer 200 (log tail:\n%s)" % (self.name, tail))
        self.startup_cpu_s = cpu_seconds(self.pid)  # robust to a busy machine, unlike wall time
        return t1 - t0

    @property
    def pid(self):
        return self.proc.pid

    def reload(self, backend, hosts):
        """Applies a new set of routers the proxy's own way; returns when the command was given."""
        self.hosts = hosts
        if self.name == "trafficcop":
            write_trafficcop_dynamic(self.dynamic, backend, hosts)
        elif self.name == "nginx":
            nginx_conf(self.dir, self.port, self.h2port, backend, hosts)
            os.kill(self.pid, signal.SIGHUP)
        else:
            haproxy_conf(self.dir, self.port, None, backend, hosts)
            os.kill(self.pid, signal.SIGUSR2)

    def stop(self):
        stop(self.proc, signal.SIGQUIT if self.name == "nginx" else signal.SIGTERM)


# ---- the run ---------------------------------------------------------------------------------------------------

def median(xs):
    xs = [x for x in xs if x == x]
    return statistics.median(xs) if xs else float("nan")


def run(a):
    global TLS
    results = {p: {} for p in a.proxies}
    rounds = {p: {"h1": [], "h2": [], "h2tls": [], "tls_hs": []} for p in a.proxies}
    if "tls" in a.scenarios:
        TLS = make_certificate(WORK)

    backend = spawn([str(ROOT / "bin" / "trafficcop"), "whoami", "--port", str(a.backend_port)], a.load_cpus,
                    env=dict(os.environ, TRAFFICCOP_JAVA_OPTS=a.backend_java_opts),
                    log_file=os.path.join(WORK, "backend.log"))
    if wait_status(a.backend_port, timeout=60, proc=backend) is None:
        raise RuntimeError("backend did not start")
    log("backend whoami on :%d (cpus %s)" % (a.backend_port, a.load_cpus))
    # the backend's JIT warms up once, before any proxy is measured
    wrk(a.backend_port, a.warmup, a.connections, a.load_cpus)

    # start-up and idle RSS: each proxy alone, from process start to its first proxied response
    proxies = {}
    for name in a.proxies:
        p = Proxy(name, a)
        times, cpus = [], []
        for _ in range(a.startup_rounds):
            times.append(_restart_time(p))
            cpus.append(p.startup_cpu_s)
        startup = median(times)
        results[name]["startup_s"] = startup
        results[name]["startup_cpu_s"] = median(cpus)
        # idle: long enough after start-up for a JVM to return its compiler arenas (its pool of them is trimmed every
        # 5 s); nginx and HAProxy are idle at once, so the wait changes nothing for them
        time.sleep(IDLE_SECONDS)
        results[name]["rss_idle_mib"] = rss_mib(p.pid)
        proxies[name] = p
        log("%s: first proxied response after %.3f s, idle RSS %.1f MiB" % (name, startup,
                                                                             results[name]["rss_idle_mib"]))

    for name, p in proxies.items():
        warm_up(a, name, p)
        if "h2" in a.scenarios:
            # h2c shares code with HTTP/1.1: warm it, then check HTTP/1.1 is steady again (recompilations)
            warm_up(a, name, p, h2=True)
            warm_up(a, name, p, min_requests=0)
        if "tls" in a.scenarios:
            for label, load in tls_loads(a, p).items():
                warm_up(a, name, p, min_requests=0, load=load, label=label)

    # interleaved rounds: noise from the rest of the machine spreads over every proxy alike
    for i in range(a.rounds):
        for name, p in proxies.items():
            r = measured(p.pid, lambda: wrk(p.port, a.duration, a.connections, a.load_cpus))
            rounds[name]["h1"].append(r)
            log("round %d %s h1: %.0f req/s, %.0f req/CPU-s, cpu %.2f, p99 %.2f ms, errors %d"
                % (i + 1, name, r["rps"], r["req_per_cpu_s"], r["cpu_util"], r["p99_ms"], r["errors"]))
            if "h2" in a.scenarios:
                r = measured(p.pid, lambda: h2load(p.h2port, a.duration, a.h2_connections, a.h2_streams,
                                                    a.load_cpus))
                rounds[name]["h2"].append(r)
                log("round %d %s h2c: %.0f req/s, %.0f req/CPU-s, errors %d"
                    % (i + 1, name, r["rps"], r["req_per_cpu_s"], r["errors"]))
            if "tls" in a.scenarios:
                for key, load in tls_loads(a, p).items():
                    r = measured(p.pid, lambda: load(a.duration))
                    rounds[name][key].append(r)
                    log("round %d %s %s: %.0f req/s, %.0f req/CPU-s, errors %d"
                        % (i + 1, name, key, r["rps"], r["req_per_cpu_s"], r["errors"]))

    for name, p in proxies.items():
        h1 = rounds[name]["h1"]
        for k in ("rps", "req_per_cpu_s", "p50_ms", "p99_ms", "p999_ms", "cpu_util"):
            results[name]["h1_" + k] = median([r[k] for r in h1])
        results[name]["h1_errors"] = sum(r["errors"] for r in h1)
        for scenario in ("h2", "h2tls", "tls_hs"):
            if rounds[name][scenario]:
                for k in ("rps", "req_per_cpu_s"):
                    results[name][scenario + "_" + k] = median([r[k] for r in rounds[name][scenario]])

    if "conns" in a.scenarios:
        for name, p in proxies.items():
            r, peak = peak_rss_during(p.pid, lambda: wrk(p.port, a.duration, a.many_connections, a.load_cpus))
            results[name]["rss_1000_mib"] = peak
            results[name]["conns_rps"] = r["rps"]
            log("%s: %d connections: peak RSS %.1f MiB, %.0f req/s, errors %d"
                % (name, a.many_connections, peak, r["rps"], r["errors"]))

    for p in proxies.values():
        p.stop()

    if "routers" in a.scenarios:
        for name in a.proxies:
            routers_scenario(a, name, results[name], results[name].get("h1_req_per_cpu_s"))

    stop(backend)
    return results, rounds


def tls_loads(a, p):
    """The tls scenario's two loads, by result key: h2 over TLS on long-lived connections, and a full TLS handshake
    per request (wrk with `Connection: close`: each request a new connection; wrk resumes no session)."""
    return {
        "h2tls": lambda seconds: h2load(p.tls_port, seconds, a.h2_connections, a.h2_streams, a.load_cpus, tls=True),
        "tls_hs": lambda seconds: wrk(p.tls_port, seconds, a.connections, a.load_cpus, tls=True, close=True),
    }


def warm_up(a, name, p, host="bench.local", h2=False, min_requests=None, load=None, label=None):
    """Load in 5 s steps until requests per CPU-second is steady. A JVM's JIT compiles in bursts over its first few
    hundred thousand requests (several CPU-seconds of C2), so time alone is no criterion: at least --warmup seconds
    and --warmup-requests requests, then two consecutive steps within 5 %; at most --max-warmup seconds."""
    step, spent, served, last = 5, 0, 0, None
    min_requests = a.warmup_requests if min_requests is None else min_requests
    while True:
        if load is not None:
            r = measured(p.pid, lambda: load(step))
        elif h2:
            r = measured(p.pid, lambda: h2load(p.h2port, step, a.h2_connections, a.h2_streams, a.load_cpus))
        else:
            r = measured(p.pid, lambda: wrk(p.port, step, a.connections, a.load_cpus, host=host))
        spent += step
        served += r["requests"]
        rate = r["req_per_cpu_s"]
        steady = last is not None and abs(rate - last) <= 0.05 * max(rate, last)
        if (spent >= a.warmup and served >= min_requests and steady) or spent >= a.max_warmup:
            log("%s: %s warmed up in %d s, %d requests (%.0f req/CPU-s%s)"
                % (name, label or ("h2c" if h2 else "HTTP/1.1"), spent, served, rate, "" if steady else ", not steady"))
            return
        last = rate


def _restart_time(p):
    if p.proc is not None:
        p.stop()
    return p.start()


def routers_scenario(a, name, res, one_router_req_per_cpu):
    n = a.routers
    hosts = ["h%d.bench.local" % i for i in range(n)]
    p = Proxy(name, a, hosts=hosts)
    probe = hosts[-1]
    res["routers_load_s"] = p.start(probe_host=probe, timeout=600)
    time.sleep(2)
    res["routers_rss_mib"] = rss_mib(p.pid)
    target = hosts[n // 2]
    warm_up(a, name, p, host=target)
    rs = [measured(p.pid, lambda: wrk(p.port, a.duration, a.connections, a.load_cpus, host=target))
          for _ in range(a.rounds)]
    res["routers_req_per_cpu_s"] = median([r["req_per_cpu_s"] for r in rs])
    res["routers_cost_ratio"] = (one_router_req_per_cpu / res["routers_req_per_cpu_s"]
                                 if one_router_req_per_cpu else float("nan"))
    # reload: a whole new set of 10,000 host names; applied when the last new one answers
    reloads = []
    for k in range(a.reload_rounds):
        fresh = ["g%d-%d.bench.local" % (k, i) for i in range(n)]
        t0 = time.monotonic()
        p.reload(a.backend_port, fresh)
        t1 = wait_status(p.port, host=fresh[-1], timeout=30, proc=p.proc)  # a missed reload is NaN
        reloads.append(float("nan") if t1 is None else t1 - t0)
    res["routers_reload_s"] = median(reloads)
    res["routers_reloads_s"] = reloads
    log("%s: %d routers: first response %.2f s, RSS %.1f MiB, %.0f req/CPU-s (x%.2f of one router), reload %.3f s"
        % (name, n, res["routers_load_s"], res["routers_rss_mib"], res["routers_req_per_cpu_s"],
           res["routers_cost_ratio"], res["routers_reload_s"]))
    p.stop()


# ---- the table -------------------------------------------------------------------------------------------------

ROWS = [
    # key, label, format, higher is better
    ("h1_req_per_cpu_s", "HTTP/1.1 requests per proxy CPU-second", "{:,.0f}", True),
    ("h1_rps", "HTTP/1.1 requests/s (%d conns)", "{:,.0f}", True),
    ("h1_cpu_util", "HTTP/1.1 proxy CPU use (cores)", "{:.2f}", None),
    ("h1_p50_ms", "HTTP/1.1 p50 latency (ms)", "{:.2f}", False),
    ("h1_p99_ms", "HTTP/1.1 p99 latency (ms)", "{:.2f}", False),
    ("h1_p999_ms", "HTTP/1.1 p99.9 latency (ms)", "{:.2f}", False),
    ("h2_req_per_cpu_s", "h2c requests per proxy CPU-second", "{:,.0f}", True),
    ("h2_rps", "h2c requests/s", "{:,.0f}", True),
    ("h2tls_req_per_cpu_s", "h2 over TLS requests per proxy CPU-second", "{:,.0f}", True),
    ("h2tls_rps", "h2 over TLS requests/s", "{:,.0f}", True),
    ("tls_hs_req_per_cpu_s", "TLS handshakes per proxy CPU-second (a new connection per request)", "{:,.0f}", True),
    ("tls_hs_rps", "TLS handshakes/s (%d conns)", "{:,.0f}", True),
    ("rss_idle_mib", "RSS idle (MiB)", "{:.1f}", False),
    ("rss_1000_mib", "RSS with %d keep-alive clients (MiB)", "{:.1f}", False),
    ("startup_s", "Start to first proxied response (s)", "{:.3f}", False),
    ("startup_cpu_s", "CPU seconds spent until the first proxied response", "{:.2f}", False),
    ("routers_load_s", "%d Host routers: start to first response (s)", "{:.2f}", False),
    ("routers_reload_s", "%d Host routers: reload applied (s)", "{:.3f}", False),
    ("routers_rss_mib", "%d Host routers: RSS (MiB)", "{:.1f}", False),
    ("routers_req_per_cpu_s", "%d Host routers: requests per proxy CPU-second", "{:,.0f}", True),
    ("routers_cost_ratio", "%d Host routers: cost per request vs 1 router", "x{:.2f}", False),
]


def table(a, results):
    names = [p for p in PROXIES if p in results]
    header = "| figure | " + " | ".join(names) + " | " + " | ".join(
        "%s / nginx" % n for n in names if n != "nginx") + " |"
    lines = [header, "|" + "---|" * (1 + len(names) + len([n for n in names if n != "nginx"]))]
    for key, label, fmt, _ in ROWS:
        if not any(key in results[n] for n in names):
            continue
        if "%d" in label:
            label = label % {"h1_rps": a.connections, "tls_hs_rps": a.connections,
                             "rss_1000_mib": a.many_connections}.get(key, a.routers)
        cells = []
        for n in names:
            v = results[n].get(key)
            cells.append("-" if v is None or v != v else fmt.format(v))
        ratios = []
        base = results.get("nginx", {}).get(key)
        for n in names:
            if n == "nginx":
                continue
            v = results[n].get(key)
            ratios.append("-" if not base or v is None or v != v or base != base else "%.2fx" % (v / base))
        lines.append("| %s | %s | %s |" % (label, " | ".join(cells), " | ".join(ratios)))
    return "\n".join(lines)


def machine():
    cpu = "?"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    load = os.getloadavg()
    versions = []
    for cmd in (["nginx", "-v"], ["haproxy", "-v"], ["wrk", "--version"], ["h2load", "--version"]):
        try:
            out = subprocess.run(cmd, capture_output=True, text=True, timeout=10)
            versions.append((out.stdout + out.stderr).strip().splitlines()[0])
        except (OSError, IndexError):
            pass
    java = subprocess.run([str(ROOT / "bin" / "find-jdk")], capture_output=True, text=True).stdout.strip()
    jv = subprocess.run([java + "/bin/java", "-version"], capture_output=True, text=True).stderr.splitlines()
    return {"cpu": cpu, "cores": os.cpu_count(), "kernel": platform.release(), "loadavg": load,
            "versions": versions, "java": jv[0] if jv else java, "commit": _git("rev-parse", "--short", "HEAD")}


def _git(*args):
    try:
        return subprocess.run(["git", "-C", str(ROOT)] + list(args), capture_output=True, text=True).stdout.strip()
    except OSError:
        return "?"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--proxies", default=",".join(PROXIES), help="comma-separated subset of " + ",".join(PROXIES))
    ap.add_argument("--scenarios", default="h1,h2,tls,conns,routers",
                    help="h1 always; add h2 (h2c), tls (h2 over TLS, handshakes), conns, routers")
    ap.add_argument("--rounds", type=int, default=3, help="measured rounds per proxy (median reported)")
    ap.add_argument("--duration", type=int, default=10, help="seconds per measured round")
    ap.add_argument("--warmup", type=int, default=10, help="seconds of warm-up load per proxy")
    ap.add_argument("--warmup-requests", type=int, default=300000, help="requests of warm-up at least")
    ap.add_argument("--max-warmup", type=int, default=150, help="seconds of warm-up at most (see warm_up)")
    ap.add_argument("--connections", type=int, default=50, help="wrk connections (saturation)")
    ap.add_argument("--many-connections", type=int, default=1000, help="connections for the RSS figure")
    ap.add_argument("--h2-connections", type=int, default=16)
    ap.add_argument("--h2-streams", type=int, default=10, help="concurrent streams per h2c connection")
    ap.add_argument("--routers", type=int, default=10000)
    ap.add_argument("--startup-rounds", type=int, default=3)
    ap.add_argument("--reload-rounds", type=int, default=3)
    ap.add_argument("--proxy-cpu", default=None, help="the core every proxy is pinned to (default: the last)")
    ap.add_argument("--load-cpus", default=None, help="cores of backend and load generators (default: the others)")
    ap.add_argument("--java-opts", default=None, help="TRAFFICCOP_JAVA_OPTS for TrafficCop (default: bin/trafficcop's)")
    ap.add_argument("--backend-java-opts", default="-Xms256m -Xmx256m -XX:+UseParallelGC")
    ap.add_argument("--quick", action="store_true", help="1 round of 5 s, 3 s warm-up, 1,000 routers: a smoke run")
    ap.add_argument("--out", default=str(BENCH / "results"))
    a = ap.parse_args()
    if a.quick:
        a.rounds, a.duration, a.warmup, a.warmup_requests, a.max_warmup = 1, 5, 5, 100000, 40
        a.routers, a.startup_rounds, a.reload_rounds = 1000, 1, 1
    a.proxies = [p for p in a.proxies.split(",") if p]
    a.scenarios = set(a.scenarios.split(","))
    n = os.cpu_count()
    a.proxy_cpu = a.proxy_cpu or str(n - 1)
    a.load_cpus = a.load_cpus or ("0-%d" % (n - 2) if n > 2 else "0")
    a.backend_port = free_port()

    global WORK
    WORK = tempfile.mkdtemp(prefix="trafficcop-bench-")
    for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(s, lambda *_: (stop_all(), sys.exit(130)))
    try:
        started = time.time()
        info = machine()
        results, rounds = run(a)
        info["loadavg_end"] = os.getloadavg()
        info["wall_s"] = time.time() - started
    finally:
        stop_all()
    md = table(a, results)
    head = ("Machine: %s, %d cores, Linux %s; %s; %s. Commit %s. Load average at start %.1f, at end %.1f.\n"
            "Proxy pinned to CPU %s (one worker), backend + load on CPU %s; %d rounds x %d s, median; %s.\n"
            % (info["cpu"], info["cores"], info["kernel"], info["java"], "; ".join(info["versions"]),
               info["commit"], info["loadavg"][0], info["loadavg_end"][0], a.proxy_cpu, a.load_cpus, a.rounds,
               a.duration, time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())))
    print(head)
    print(md)
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "latest.md").write_text(head + "\n" + md + "\n")
    (out / "latest.json").write_text(json.dumps({"machine": info, "args": {k: (sorted(v) if isinstance(v, set) else v)
                                                                          for k, v in vars(a).items()},
                                                 "results": results, "rounds": rounds}, indent=1))
    shutil.rmtree(WORK, ignore_errors=True)


if __name__ == "__main__":
    main()
