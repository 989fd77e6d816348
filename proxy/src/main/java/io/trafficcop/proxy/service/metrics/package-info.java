/** Per-service and per-server live numbers (requests, in flight, latency, health) for the observability work. */
package io.trafficcop.proxy.service.metrics;
