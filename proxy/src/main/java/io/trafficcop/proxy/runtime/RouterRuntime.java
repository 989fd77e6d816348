package io.trafficcop.proxy.runtime;

import io.trafficcop.proxy.http.HttpHandler;

/**
 * A compiled Traefik {@code http.routers.<name>}: its name (with {@code @provider}, for logs and the access log)
 * and its handler (the router's middleware chain ending in its service), built once per snapshot.
 *
 * @param accessLogs the router's {@code observability.accessLogs}: null inherits the entry point's setting
 */
public record RouterRuntime(String name, HttpHandler handler, Boolean accessLogs) {

    /** A router inheriting the entry point's observability. */
    public RouterRuntime(String name, HttpHandler handler) {
        this(name, handler, null);
    }
}
