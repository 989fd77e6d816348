package io.trafficcop.proxy.http;

import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * Traefik's {@code ping} handler (pkg/ping): answers 200 "OK" on {@code /ping} (GET, HEAD), and
 * {@code terminatingStatusCode} (default 503) with its status text while the proxy shuts down, for any method as
 * Traefik. Routed like any router by the snapshot compiler: {@link #ROUTER_NAME} with {@link #RULE} and
 * {@link #PRIORITY} on {@code ping.entryPoint}.
 */
public final class PingHandler implements HttpHandler {

    public static final int DEFAULT_TERMINATING_STATUS_CODE = 503;
    /** The router Traefik generates on {@code ping.entryPoint} (unless {@code ping.manualRouting}). */
    public static final String ROUTER_NAME = "ping@internal";
    public static final String RULE = "PathPrefix(`/ping`)";
    /** Traefik's math.MaxInt, in the route table's int priorities. */
    public static final int PRIORITY = Integer.MAX_VALUE;

    private final HttpResponseStatus terminatingStatus;

    public PingHandler(int terminatingStatusCode) {
        this.terminatingStatus = HttpResponseStatus.valueOf(
                terminatingStatusCode <= 0 ? DEFAULT_TERMINATING_STATUS_CODE : terminatingStatusCode);
    }

    @Override
    public void handle(Exchange exchange) {
        HttpResponseStatus status = exchange.terminating() ? terminatingStatus : HttpResponseStatus.OK;
        exchange.respond(status, status.reasonPhrase());
    }
}
