package io.trafficcop.proxy.http;

import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * Traefik's {@code ping} handler (pkg/ping): answers 200 "OK" on {@code /ping} (GET, HEAD), and
 * {@code terminatingStatusCode} (default 503) with its status text while the proxy shuts down. Routed like any
 * router by the snapshot compiler (Traefik's {@code ping@internal} router on {@code ping.entryPoint}).
 */
public final class PingHandler implements HttpHandler {

    public static final int DEFAULT_TERMINATING_STATUS_CODE = 503;

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
