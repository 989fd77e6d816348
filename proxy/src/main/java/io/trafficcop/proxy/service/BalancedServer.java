package io.trafficcop.proxy.service;

import io.trafficcop.proxy.service.metrics.ServerStats;

/**
 * A server inside a load balancer: the data plane's {@link ProxiedServer} (URL, transport, weight, fenced) and its
 * live {@link ServerStats} (in-flight count and response times read by p2c, leasttime and leastconn), and Traefik's
 * per-server {@code preservePath} and its balancer's {@code passHostHeader}.
 */
public record BalancedServer(ProxiedServer server, ServerStats stats, boolean preservePath,
                             boolean passHostHeader) {

    /** The server's name: its URL as configured (Traefik names servers by URL: sticky hashes, health status). */
    public String name() {
        return server.name();
    }

    public int weight() {
        return server.weight();
    }

    public boolean fenced() {
        return server.fenced();
    }
}
