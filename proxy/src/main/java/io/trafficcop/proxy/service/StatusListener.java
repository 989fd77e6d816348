package io.trafficcop.proxy.service;

/**
 * Receives a child service's aggregated health (Traefik's {@code RegisterStatusUpdater} callback): {@code up} is
 * true when the child has at least one available server. Called only on changes.
 */
@FunctionalInterface
public interface StatusListener {

    void statusChanged(boolean up);
}
