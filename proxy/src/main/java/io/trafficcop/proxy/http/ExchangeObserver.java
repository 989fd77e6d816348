package io.trafficcop.proxy.http;

/**
 * Sees every exchange of an entry point as it starts, after the forwarded headers were applied and before routing:
 * the access log (Traefik's {@code accessLog}) and metrics hook in here, registering a
 * {@link Exchange#addCompletionListener completion listener} or a {@link ResponseInterceptor} as they need. Runs on
 * the exchange's event loop: it must not block.
 */
@FunctionalInterface
public interface ExchangeObserver {

    /** Observes nothing. */
    ExchangeObserver NONE = exchange -> { };

    void onExchange(Exchange exchange);
}
