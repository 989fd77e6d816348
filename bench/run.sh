#!/usr/bin/env bash
# The benchmark: TrafficCop vs nginx vs HAProxy, same backend, same load, one run. See bench/README.md.
#   bench/run.sh            full run (about 15 minutes on 2 cores)
#   bench/run.sh --quick    smoke run (about 3 minutes)
#   bench/run.sh --help     every option
# Never part of the Maven build or CI.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"

missing=()
for tool in nginx:nginx haproxy:haproxy wrk:wrk h2load:nghttp2-client openssl:openssl taskset:util-linux python3:python3; do
  command -v "${tool%%:*}" >/dev/null 2>&1 || [ -x "/usr/sbin/${tool%%:*}" ] || missing+=("${tool##*:}")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}" >&2
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q "${missing[@]}" >&2
fi
export PATH="$PATH:/usr/sbin"

if [ ! -f proxy/target/trafficcop.jar ] || [ "${BENCH_BUILD:-0}" = 1 ]; then
  echo "building proxy/target/trafficcop.jar" >&2
  bin/mvn -q -B package -DskipTests -pl proxy >&2
fi
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
exec python3 bench/bench.py "$@"
