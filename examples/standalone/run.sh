#!/usr/bin/env bash
# Starts the built-in whoami demo backend on 127.0.0.1:8081, then TrafficCop on :8080 routing to it.
# Try: curl http://localhost:8080/   and   curl http://127.0.0.1:8082/ping
set -euo pipefail
cd "$(dirname "$0")/../.."
bin/trafficcop whoami --host 127.0.0.1 --port 8081 --name demo &
whoami=$!
trap 'kill $whoami 2>/dev/null' EXIT
bin/trafficcop --configFile=examples/standalone/traefik.yml
