package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;
import java.util.Map;

/**
 * Traefik's {@code tcp} ({@code dynamic.TCPConfiguration}).
 */
@NotImplemented("TCP routing not implemented yet")
public record TcpConfiguration(
        Map<String, TcpRouter> routers,
        Map<String, TcpService> services,
        Map<String, TcpMiddleware> middlewares,
        Map<String, TcpServersTransport> serversTransports) {
}
