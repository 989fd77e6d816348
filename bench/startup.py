#!/usr/bin/env python3
"""Start-up and idle RSS of TrafficCop alone, several rounds: the two figures bench.py measures first, without the
throughput scenarios (one round of them takes minutes). Same configuration, pinning and probe as bench.py.

  bench/startup.py --rounds 5 [--java-opts '...'] [--nmt] [--threads]

Each round: spawn bin/trafficcop, poll GET until 200 (wall seconds and CPU-seconds at that moment), wait
bench.IDLE_SECONDS (10 s), read VmRSS (bench.py's idle RSS), optionally print NMT's summary (needs -XX:NativeMemoryTracking=summary) and threads.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--java-opts", default=None, help="TRAFFICCOP_JAVA_OPTS (default: bin/trafficcop's)")
    ap.add_argument("--proxy-cpu", default=str(os.cpu_count() - 1))
    ap.add_argument("--load-cpus", default=",".join(str(c) for c in range(os.cpu_count() - 1)) or "0")
    ap.add_argument("--nmt", action="store_true", help="print jcmd VM.native_memory summary after each round")
    ap.add_argument("--threads", action="store_true", help="print the JVM's thread names after each round")
    ap.add_argument("--idle", type=float, default=bench.IDLE_SECONDS, help="seconds between first response and the RSS reading")
    a = ap.parse_args()
    bench.WORK = tempfile.mkdtemp(prefix="startup-")
    a.backend_port = bench.free_port()
    backend = bench.spawn([str(bench.ROOT / "bin" / "trafficcop"), "whoami", "--port", str(a.backend_port)],
                          a.load_cpus, log_file=os.path.join(bench.WORK, "backend.log"))
    try:
        if bench.wait_status(a.backend_port, timeout=60, proc=backend) is None:
            raise RuntimeError("backend did not start")
        rows = []
        for i in range(a.rounds):
            p = bench.Proxy("trafficcop", a)
            wall = p.start()
            cpu = p.startup_cpu_s
            time.sleep(a.idle)
            rss = bench.rss_mib(p.pid)
            java = [x for x in bench.tree(p.pid) if x != p.pid] or [p.pid]
            rows.append((wall, cpu, rss))
            print("round %d: first response %.3f s wall, %.2f CPU-s, idle RSS %.1f MiB" % (i + 1, wall, cpu, rss),
                  flush=True)
            if a.nmt:
                print(subprocess.run(["jcmd", str(java[-1]), "VM.native_memory", "summary"], capture_output=True,
                                     text=True).stdout, flush=True)
            if a.threads:
                names = os.listdir("/proc/%d/task" % java[-1])
                comms = sorted(open("/proc/%d/task/%s/comm" % (java[-1], t)).read().strip() for t in names)
                print("%d threads: %s" % (len(comms), ", ".join(comms)), flush=True)
            p.stop()
        for k, name in enumerate(("wall s", "CPU-s", "idle RSS MiB")):
            xs = [r[k] for r in rows]
            print("%-13s median %.3f  min %.3f  max %.3f" % (name, statistics.median(xs), min(xs), max(xs)))
    finally:
        bench.stop_all()


if __name__ == "__main__":
    main()
