#!/usr/bin/env python3
"""TrafficCop alone with N Host routers (file provider, watch): start to first response and a few reloads, each as
wall time until the last new host answers and CPU-seconds of the process over the same span.

    bench/reload_probe.py [--routers 10000] [--reloads 5] [--java-opts '...'] [--keep]

The same configuration and measurement as bench.py's routers scenario, without the load rounds, to compare changes of
the configuration pipeline quickly (and to attach JFR through --java-opts)."""
import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench  # noqa: E402


def thread_cpu(pid):
    """CPU-seconds per thread name (threads of the same name summed): where a reload's CPU went."""
    out = {}
    for task in Path("/proc/%d/task" % pid).iterdir():
        try:
            st = (task / "stat").read_text()
        except OSError:
            continue
        name = st[st.index("(") + 1:st.rindex(")")]
        name = name.rstrip("0123456789#") or name  # C2 CompilerThre0, C1 CompilerThre1 -> one line each kind
        f = st[st.rindex(")") + 2:].split()
        out[name] = out.get(name, 0) + (int(f[11]) + int(f[12])) / bench.CLK_TCK
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--routers", type=int, default=10000)
    ap.add_argument("--reloads", type=int, default=5)
    ap.add_argument("--java-opts", default=None, help="replaces bin/trafficcop's JVM flags (TRAFFICCOP_JAVA_OPTS)")
    ap.add_argument("--proxy-cpu", default="1")
    ap.add_argument("--load-cpus", default="0")
    ap.add_argument("--log-level", default=None, help="e.g. INFO, to see 'configuration applied ... in N ms' in the log")
    ap.add_argument("--threads", action="store_true", help="also show each reload's CPU by thread")
    ap.add_argument("--histogram", action="store_true", help="print the live heap's top classes after start-up")
    ap.add_argument("--settle", type=float, default=1.0, help="seconds to wait between reloads")
    a = ap.parse_args()
    a.backend_port = bench.free_port()
    bench.WORK = tempfile.mkdtemp(prefix="trafficcop-reload-")
    if a.log_level:
        conf = bench.trafficcop_conf

        def with_level(*args, **kwargs):
            static, dynamic = conf(*args, **kwargs)
            static.write_text(static.read_text().replace("level: WARN", "level: " + a.log_level))
            return static, dynamic
        bench.trafficcop_conf = with_level
    backend = bench.spawn([str(bench.ROOT / "bin" / "trafficcop"), "whoami", "--port", str(a.backend_port)],
                          a.load_cpus)
    try:
        bench.wait_status(a.backend_port, timeout=60)
        n = a.routers
        hosts = ["h%d.bench.local" % i for i in range(n)]
        p = bench.Proxy("trafficcop", a, hosts=hosts)
        start_s = p.start(probe_host=hosts[-1], timeout=600)
        print("start to first response %.2f s, %.2f CPU-s" % (start_s, p.startup_cpu_s), flush=True)
        if a.threads:
            spent = sorted(((c, n) for n, c in thread_cpu(p.pid).items()), reverse=True)
            print("    " + ", ".join("%s %.2f" % (n, c) for c, n in spent if c >= 0.01), flush=True)
        time.sleep(a.settle)
        rss = bench.rss_mib(p.pid)
        if a.histogram:
            java = Path(os.environ.get("JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64")) / "bin" / "jcmd"
            jvm = [x for x in bench.tree(p.pid) if "java" in Path("/proc/%d/comm" % x).read_text()]
            out = subprocess.run([str(java), str(jvm[0]), "GC.class_histogram"], capture_output=True, text=True).stdout
            print("\n".join(out.splitlines()[:40]), flush=True)
        for k in range(a.reloads):
            fresh = ["g%d-%d.bench.local" % (k, i) for i in range(n)]
            c0 = bench.cpu_seconds(p.pid)
            th0 = thread_cpu(p.pid)
            t0 = time.monotonic()
            p.reload(a.backend_port, fresh)
            t1 = bench.wait_status(p.port, host=fresh[-1], timeout=60, proc=p.proc)
            c1 = bench.cpu_seconds(p.pid)
            time.sleep(a.settle)
            c2 = bench.cpu_seconds(p.pid)
            print("reload %d: applied %.3f s, %.2f CPU-s until applied, %.2f CPU-s with the %.0f s after"
                  % (k, (t1 - t0) if t1 else float("nan"), c1 - c0, c2 - c0, a.settle), flush=True)
            if a.threads:
                th1 = thread_cpu(p.pid)
                spent = sorted(((th1[n] - th0.get(n, 0), n) for n in th1), reverse=True)
                print("    " + ", ".join("%s %.2f" % (n, c) for c, n in spent if c >= 0.01), flush=True)
        print("RSS %.1f MiB after start, %.1f MiB after the reloads; logs in %s"
              % (rss, bench.rss_mib(p.pid), p.dir), flush=True)
        p.stop()
    finally:
        bench.stop(backend)


if __name__ == "__main__":
    main()
