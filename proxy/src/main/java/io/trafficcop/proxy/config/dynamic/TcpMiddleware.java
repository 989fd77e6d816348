package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;

/**
 * Traefik's {@code tcp.middlewares.<name>} ({@code dynamic.TCPMiddleware}).
 */
@NotImplemented("TCP routing not implemented yet")
public record TcpMiddleware(
        TcpInFlightConn inFlightConn,
        TcpIpWhiteList ipWhiteList,
        TcpIpAllowList ipAllowList) {
}
