package io.trafficcop.proxy.tls;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.trafficcop.proxy.http.HttpHandler;
import io.trafficcop.proxy.middleware.Middleware;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Traefik's SNI check (its {@code snicheck} handler, first in the chain of every router with {@code tls}): a request
 * on a TLS connection whose handshake used other {@code tls.options} than the router's resolved options (domain
 * fronting: SNI of one host, {@code Host} header of another) is answered {@code 421 Misdirected Request}.
 */
public final class SniCheck implements Middleware {

    private static final Logger LOG = LoggerFactory.getLogger(SniCheck.class);

    private final String routerName;
    private final String optionsName;

    /** @param optionsName the router's resolved options ({@link TlsRouterHosts#resolve}; "default" when none) */
    public SniCheck(String routerName, String optionsName) {
        this.routerName = routerName;
        this.optionsName = optionsName == null || optionsName.isEmpty() ? ServerTlsOptions.DEFAULT_NAME : optionsName;
    }

    @Override
    public HttpHandler wrap(HttpHandler next) {
        return exchange -> {
            String used = exchange.isSecure() ? TlsConnection.optionsName(exchange.channel()) : null;
            if (used != null && !used.equals(optionsName)) {
                LOG.debug("router {}: TLS options difference: SNI:{}, Header:{} (host {}, SNI {})", routerName, used,
                        optionsName, exchange.host(), TlsConnection.serverName(exchange.channel()));
                exchange.respond(HttpResponseStatus.MISDIRECTED_REQUEST, "Misdirected Request\n");
                return;
            }
            next.handle(exchange);
        };
    }
}
