package io.trafficcop.proxy.runtime;

import io.trafficcop.proxy.tls.SniSslContexts;
import io.trafficcop.proxy.tls.TlsTermination;
import java.util.Map;

/**
 * Everything a request needs, compiled from one dynamic configuration and never mutated: per entry point name,
 * the routes of its routers (with their middleware chains and services). A reload builds a new snapshot and swaps
 * it atomically; a request keeps the snapshot it started on. State that outlives snapshots (upstream connection
 * pools) is keyed by configuration, not held here.
 */
public record Snapshot(Map<String, RouteSelector> entryPoints, Map<String, SniSslContexts> tls) {

    public static final Snapshot EMPTY = new Snapshot(Map.of());

    public Snapshot {
        entryPoints = Map.copyOf(entryPoints);
        tls = tls == null ? Map.of() : Map.copyOf(tls);
    }

    /** A snapshot whose entry points terminate TLS with defaults only (the generated default certificate). */
    public Snapshot(Map<String, RouteSelector> entryPoints) {
        this(entryPoints, Map.of());
    }

    /**
     * The TLS contexts of an entry point (its certificates and per-SNI options, built by
     * {@link io.trafficcop.proxy.tls.TlsTermination#forEntryPoint}); Traefik's defaults when none were compiled.
     */
    public SniSslContexts tls(String entryPoint) {
        SniSslContexts contexts = tls.get(entryPoint);
        return contexts == null ? DefaultTls.CONTEXTS : contexts;
    }

    /** Built on first use: generating the default certificate costs an RSA key generation. */
    private static final class DefaultTls {
        static final SniSslContexts CONTEXTS = TlsTermination.empty().forEntryPoint(java.util.List.of());
    }

    /** The routes of an entry point; {@link RouteSelector#NONE} when it has no routers. */
    public RouteSelector routes(String entryPoint) {
        RouteSelector selector = entryPoints.get(entryPoint);
        return selector == null ? RouteSelector.NONE : selector;
    }
}
