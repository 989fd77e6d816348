package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Traefik's {@code udp} ({@code dynamic.UDPConfiguration}).
 */
@NotImplemented("UDP routing not implemented yet")
public record UdpConfiguration(
        Map<String, UdpRouter> routers,
        Map<String, UdpService> services) {

    public UdpConfiguration {
        // unmodifiable copies (nulls allowed, order kept): a bound configuration is never mutated
        routers = routers == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(routers));
        services = services == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(services));
    }
}
