package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;

/**
 * Traefik's {@code tcp.*.proxyProtocol} ({@code dynamic.ProxyProtocol}).
 */
@NotImplemented("TCP routing not implemented yet")
public record ProxyProtocol(
        Integer version) {

    public static final Integer DEFAULT_VERSION = 2;

    public ProxyProtocol {
        version = version != null ? version : DEFAULT_VERSION;
    }
}
