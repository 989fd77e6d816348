package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;

/**
 * Traefik's {@code udp.services.<name>.loadBalancer.servers[]} ({@code dynamic.UDPServer}).
 */
@NotImplemented("UDP routing not implemented yet")
public record UdpServer(
        String address) {
}
