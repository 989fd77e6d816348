package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;
import java.util.List;

/**
 * Traefik's {@code udp.services.<name>.loadBalancer} ({@code dynamic.UDPServersLoadBalancer}).
 */
@NotImplemented("UDP routing not implemented yet")
public record UdpLoadBalancer(
        List<UdpServer> servers) {
}
