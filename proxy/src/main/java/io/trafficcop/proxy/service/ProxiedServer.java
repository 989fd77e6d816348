package io.trafficcop.proxy.service;

import io.trafficcop.proxy.upstream.UpstreamTarget;

/**
 * One of a load balancer's servers (Traefik's {@code loadBalancer.servers[]}): the URL and transport to reach it,
 * its weight and whether it is fenced (kept for in-flight sticky clients but given no new requests).
 */
public record ProxiedServer(String name, UpstreamTarget target, int weight, boolean fenced) {

    public static ProxiedServer of(String url, int weight) {
        return new ProxiedServer(url, UpstreamTarget.of(url, null), weight, false);
    }
}
