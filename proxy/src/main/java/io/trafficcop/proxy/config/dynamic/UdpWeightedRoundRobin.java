package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Traefik's {@code udp.services.<name>.weighted} ({@code dynamic.UDPWeightedRoundRobin}).
 */
@NotImplemented("UDP routing not implemented yet")
public record UdpWeightedRoundRobin(
        List<UdpWrrService> services) {

    public UdpWeightedRoundRobin {
        // unmodifiable copies (nulls allowed, order kept): a bound configuration is never mutated
        services = services == null ? null : Collections.unmodifiableList(new ArrayList<>(services));
    }
}
