package io.trafficcop.proxy.http;

/**
 * Handles one request: a router's middleware chain ending in a service. Built once per snapshot and shared by
 * every request (and every event loop) that snapshot serves, so implementations are immutable or thread-safe.
 * A handler either answers itself ({@link Exchange#respond}) or forwards the exchange (a service).
 */
@FunctionalInterface
public interface HttpHandler {

    void handle(Exchange exchange);
}
