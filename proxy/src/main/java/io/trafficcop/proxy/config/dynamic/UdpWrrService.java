package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;

/**
 * Traefik's {@code udp.services.<name>.weighted.services[]} ({@code dynamic.UDPWRRService}).
 */
@NotImplemented("UDP routing not implemented yet")
public record UdpWrrService(
        String name,
        Integer weight) {

    public static final Integer DEFAULT_WEIGHT = 1;

    public UdpWrrService {
        weight = weight != null ? weight : DEFAULT_WEIGHT;
    }
}
