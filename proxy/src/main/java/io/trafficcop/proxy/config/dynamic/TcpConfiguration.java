package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;
import java.util.Collections;
import java.util.LinkedHashMap;
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

    public TcpConfiguration {
        // unmodifiable copies (nulls allowed, order kept): a bound configuration is never mutated
        routers = routers == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(routers));
        services = services == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(services));
        middlewares = middlewares == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(middlewares));
        serversTransports = serversTransports == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(serversTransports));
    }
}
