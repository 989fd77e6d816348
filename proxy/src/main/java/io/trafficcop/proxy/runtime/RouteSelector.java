package io.trafficcop.proxy.runtime;

import io.trafficcop.proxy.rule.HttpRouteTable;
import io.trafficcop.proxy.rule.RoutingRequest;

/**
 * Chooses the router for a request on one entry point (the compiled rules of the routers attached to it, highest
 * priority first); null when no router matches (Traefik answers "404 page not found").
 */
@FunctionalInterface
public interface RouteSelector {

    RouteSelector NONE = request -> null;

    RouterRuntime select(RoutingRequest request);

    /** The routers of an entry point compiled by the rule engine (Traefik's rules, priorities, host index). */
    static RouteSelector of(HttpRouteTable<RouterRuntime> table) {
        return table::match;
    }
}
