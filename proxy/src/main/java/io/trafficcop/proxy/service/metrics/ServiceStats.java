package io.trafficcop.proxy.service.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Live numbers of one service: requests, latency, health, and its servers' {@link ServerStats} by URL. */
public final class ServiceStats {

    private final String name;
    private final LongAdder requests = new LongAdder();
    private final LongAdder latencyNanos = new LongAdder();
    private final Map<String, ServerStats> servers = new ConcurrentHashMap<>();
    private volatile boolean up = true;

    public ServiceStats(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** The stats of a server, created on first use and kept across reloads. */
    public ServerStats server(String url) {
        return servers.computeIfAbsent(url, ServerStats::new);
    }

    /** Every server seen (read-only view). */
    public Map<String, ServerStats> servers() {
        return java.util.Collections.unmodifiableMap(servers);
    }

    public void record(long nanos) {
        requests.increment();
        latencyNanos.add(nanos);
    }

    public long requests() {
        return requests.sum();
    }

    public long totalLatencyNanos() {
        return latencyNanos.sum();
    }

    public boolean up() {
        return up;
    }

    public void up(boolean value) {
        this.up = value;
    }
}
