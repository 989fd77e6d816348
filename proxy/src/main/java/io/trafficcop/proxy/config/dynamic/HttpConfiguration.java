package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;
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
}
