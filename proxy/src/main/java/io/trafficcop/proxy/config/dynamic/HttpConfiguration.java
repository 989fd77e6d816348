package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Traefik's {@code http} ({@code dynamic.HTTPConfiguration}).
 */
public record HttpConfiguration(
        Map<String, Router> routers,
        Map<String, Service> services,
        Map<String, Middleware> middlewares,
        @NotImplemented("router models (entry-point defaults) not implemented yet") Map<String, Model> models,
        Map<String, ServersTransport> serversTransports) {

    public HttpConfiguration {
        // unmodifiable copies (nulls allowed, order kept): a bound configuration is never mutated
        routers = routers == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(routers));
        services = services == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(services));
        middlewares = middlewares == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(middlewares));
        models = models == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(models));
        serversTransports = serversTransports == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(serversTransports));
    }
}
