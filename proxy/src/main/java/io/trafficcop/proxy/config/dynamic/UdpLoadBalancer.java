package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Traefik's {@code udp.services.<name>.loadBalancer} ({@code dynamic.UDPServersLoadBalancer}).
 */
@NotImplemented("UDP routing not implemented yet")
public record UdpLoadBalancer(
        List<UdpServer> servers) {

    public UdpLoadBalancer {
        // unmodifiable copies (nulls allowed, order kept): a bound configuration is never mutated
        servers = servers == null ? null : Collections.unmodifiableList(new ArrayList<>(servers));
    }
}
