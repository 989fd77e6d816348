package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;

/**
 * Traefik's {@code tcp.middlewares.<name>.inFlightConn} ({@code dynamic.TCPInFlightConn}).
 */
@NotImplemented("TCP routing not implemented yet")
public record TcpInFlightConn(
        Long amount) {
}
