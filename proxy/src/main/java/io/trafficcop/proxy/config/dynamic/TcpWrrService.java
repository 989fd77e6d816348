package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;

/**
 * Traefik's {@code tcp.services.<name>.weighted.services[]} ({@code dynamic.TCPWRRService}).
 */
@NotImplemented("TCP routing not implemented yet")
public record TcpWrrService(
        String name,
        Integer weight) {

    public static final Integer DEFAULT_WEIGHT = 1;

    public TcpWrrService {
        weight = weight != null ? weight : DEFAULT_WEIGHT;
    }
}
