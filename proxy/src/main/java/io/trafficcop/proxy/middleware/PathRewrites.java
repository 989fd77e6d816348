package io.trafficcop.proxy.middleware;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.trafficcop.proxy.http.Exchange;
import io.trafficcop.proxy.http.RequestTarget;

/** What the path-rewriting middlewares (addPrefix, stripPrefix, replacePath, ...) share. */
public final class PathRewrites {

    /** Traefik's http.Error body for a refused rewrite. */
    public static final String BAD_REQUEST = "Bad Request\n";

    private PathRewrites() {
    }

    /**
     * The exchange's request-target as Go's url.URL; null after answering 400 when its path is not a valid
     * percent-encoding (Go's server refuses such a request before any middleware runs).
     */
    public static RequestTarget target(Exchange exchange) {
        try {
            return RequestTarget.parse(exchange.request().uri());
        } catch (IllegalArgumentException e) {
            badRequest(exchange);
            return null;
        }
    }

    /** Answers Traefik's 400 ("Bad Request"). */
    public static void badRequest(Exchange exchange) {
        exchange.respondError(HttpResponseStatus.BAD_REQUEST, BAD_REQUEST);
    }
}
