package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;

/**
 * Traefik's {@code udp.services.<name>} ({@code dynamic.UDPService}).
 */
@NotImplemented("UDP routing not implemented yet")
public record UdpService(
        UdpLoadBalancer loadBalancer,
        UdpWeightedRoundRobin weighted) {
}
