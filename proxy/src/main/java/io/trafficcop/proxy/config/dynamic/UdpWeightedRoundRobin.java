package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;
import java.util.List;

/**
 * Traefik's {@code udp.services.<name>.weighted} ({@code dynamic.UDPWeightedRoundRobin}).
 */
@NotImplemented("UDP routing not implemented yet")
public record UdpWeightedRoundRobin(
        List<UdpWrrService> services) {
}
