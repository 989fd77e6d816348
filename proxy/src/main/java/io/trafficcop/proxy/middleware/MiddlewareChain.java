package io.trafficcop.proxy.middleware;

import io.trafficcop.proxy.http.HttpHandler;
import java.util.List;

/** A router's {@code middlewares} list in order: the first listed runs first, the service last. */
public final class MiddlewareChain {

    private MiddlewareChain() {
    }

    /** Wraps {@code service} with {@code middlewares}, the first of which sees the request first. */
    public static HttpHandler build(List<? extends Middleware> middlewares, HttpHandler service) {
        HttpHandler handler = service;
        for (int i = middlewares.size() - 1; i >= 0; i--) {
            handler = middlewares.get(i).wrap(handler);
        }
        return handler;
    }
}
