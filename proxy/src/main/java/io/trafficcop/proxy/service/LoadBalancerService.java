package io.trafficcop.proxy.service;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.trafficcop.proxy.http.Exchange;
import io.trafficcop.proxy.http.HttpHandler;
import io.trafficcop.proxy.http.ReverseProxy;
import io.trafficcop.proxy.runtime.LoadBalancerSettings;

/**
 * Traefik's {@code http.services.<name>.loadBalancer}: picks a server with its {@link ServerSelector} and reverse
 * proxies the exchange to it; with no available server it answers 503 "no available server", as Traefik.
 */
public final class LoadBalancerService implements HttpHandler {

    static final String NO_AVAILABLE_SERVER = "no available server\n";

    private final String name;
    private final ServerSelector<ProxiedServer> selector;
    private final LoadBalancerSettings settings;

    public LoadBalancerService(String name, ServerSelector<ProxiedServer> selector, LoadBalancerSettings settings) {
        this.name = name;
        this.selector = selector;
        this.settings = settings;
    }

    public String name() {
        return name;
    }

    public ServerSelector<ProxiedServer> selector() {
        return selector;
    }

    @Override
    public void handle(Exchange exchange) {
        ProxiedServer server = selector.next(exchange);
        if (server == null) {
            exchange.respondError(HttpResponseStatus.SERVICE_UNAVAILABLE, NO_AVAILABLE_SERVER);
            return;
        }
        exchange.serviceName(name);
        ReverseProxy.forward(exchange, server.target(), settings.passHostHeader(), settings.preservePath());
    }
}
