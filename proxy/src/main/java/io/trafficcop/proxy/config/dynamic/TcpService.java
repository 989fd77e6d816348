package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;

/**
 * Traefik's {@code tcp.services.<name>} ({@code dynamic.TCPService}).
 */
@NotImplemented("TCP routing not implemented yet")
public record TcpService(
        TcpLoadBalancer loadBalancer,
        TcpWeightedRoundRobin weighted) {
}
