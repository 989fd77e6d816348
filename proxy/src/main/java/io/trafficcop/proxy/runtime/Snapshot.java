package io.trafficcop.proxy.runtime;

import java.util.Map;

/**
 * Everything a request needs, compiled from one dynamic configuration and never mutated: per entry point name,
 * the routes of its routers (with their middleware chains and services). A reload builds a new snapshot and swaps
 * it atomically; a request keeps the snapshot it started on. State that outlives snapshots (upstream connection
 * pools) is keyed by configuration, not held here.
 */
public record Snapshot(Map<String, RouteSelector> entryPoints) {

    public static final Snapshot EMPTY = new Snapshot(Map.of());

    public Snapshot {
        entryPoints = Map.copyOf(entryPoints);
    }

    /** The routes of an entry point; {@link RouteSelector#NONE} when it has no routers. */
    public RouteSelector routes(String entryPoint) {
        RouteSelector selector = entryPoints.get(entryPoint);
        return selector == null ? RouteSelector.NONE : selector;
    }
}
