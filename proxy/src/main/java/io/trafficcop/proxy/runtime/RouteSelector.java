package io.trafficcop.proxy.runtime;

import io.trafficcop.proxy.http.InboundRequest;

/**
 * Chooses the router for a request on one entry point (the compiled rules of the routers attached to it, highest
 * priority first); null when no router matches (Traefik answers "404 page not found").
 */
@FunctionalInterface
public interface RouteSelector {

    RouteSelector NONE = request -> null;

    RouterRuntime select(InboundRequest request);
}
