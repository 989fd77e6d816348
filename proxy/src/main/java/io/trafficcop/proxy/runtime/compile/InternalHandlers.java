package io.trafficcop.proxy.runtime.compile;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.trafficcop.proxy.http.HttpHandler;

/** Traefik's {@code @internal} services that TrafficCop provides. */
final class InternalHandlers {

    /**
     * Traefik's {@code noop@internal}, the service behind routers whose middlewares always answer (entry
     * point redirections). Traefik's noop handler writes nothing, which Go sends as an empty 200.
     */
    static final HttpHandler NOOP = exchange -> exchange.respond(HttpResponseStatus.OK, "");

    private InternalHandlers() {
    }
}
