package io.trafficcop.proxy.service;

import io.trafficcop.proxy.http.Exchange;

/**
 * A load-balancing strategy over a service's servers (Traefik's {@code loadBalancer.strategy}: wrr today;
 * p2c, hrw, leasttime and sticky sessions plug in here). Health checks mark servers up or down through
 * {@link #setStatus}. Implementations are shared by all event loops and must be thread-safe.
 *
 * @param <T> what is selected (a server target, or a child service for weighted services)
 */
public interface ServerSelector<T> {

    /** The next server for this exchange, or null when none is available (Traefik answers 503). */
    T next(Exchange exchange);

    /** Marks a server (by name) up or down; a no-op for selectors without health checking. */
    default void setStatus(String name, boolean up) {
    }
}
