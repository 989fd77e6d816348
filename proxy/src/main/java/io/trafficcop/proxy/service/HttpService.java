package io.trafficcop.proxy.service;

import io.trafficcop.proxy.http.Exchange;
import io.trafficcop.proxy.http.HttpHandler;

/**
 * A compiled Traefik {@code http.services.<name>} (loadBalancer, weighted, mirroring, failover,
 * highestRandomWeight): handles exchanges and, when its configuration has a {@code healthCheck}, reports its
 * aggregated health to parents (Traefik's {@code healthcheck.StatusUpdater}).
 */
public interface HttpService extends HttpHandler {

    /** The service's qualified name ({@code name@provider}). */
    String name();

    /**
     * Traefik's {@code RegisterStatusUpdater}: the parent is told when this service goes from "some server up" to
     * "none up" and back.
     *
     * @throws IllegalStateException when the service's configuration has no {@code healthCheck} (Traefik refuses
     *                               the parent with "healthCheck not enabled in config for this ... service")
     */
    void registerStatusListener(StatusListener listener);

    /** Whether the service currently has an available server (for the API and parents). */
    boolean isUp();

    /**
     * The server a detached copy of this request would go to (mirroring sends its copies there), chosen by the
     * service's strategy without sticky cookies; null when none is available.
     */
    BalancedServer selectServer(Exchange exchange);
}
