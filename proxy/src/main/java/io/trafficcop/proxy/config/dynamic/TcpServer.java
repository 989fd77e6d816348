package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;

/**
 * Traefik's {@code tcp.services.<name>.loadBalancer.servers[]} ({@code dynamic.TCPServer}).
 */
@NotImplemented("TCP routing not implemented yet")
public record TcpServer(
        String address,
        Boolean tls) {

    public static final Boolean DEFAULT_TLS = Boolean.FALSE;

    public TcpServer {
        tls = tls != null ? tls : DEFAULT_TLS;
    }
}
