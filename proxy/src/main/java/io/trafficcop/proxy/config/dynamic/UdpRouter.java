package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Traefik's {@code udp.routers.<name>} ({@code dynamic.UDPRouter}).
 */
@NotImplemented("UDP routing not implemented yet")
public record UdpRouter(
        List<String> entryPoints,
        String service) {

    public UdpRouter {
        // unmodifiable copies (nulls allowed, order kept): a bound configuration is never mutated
        entryPoints = entryPoints == null ? null : Collections.unmodifiableList(new ArrayList<>(entryPoints));
    }
}
