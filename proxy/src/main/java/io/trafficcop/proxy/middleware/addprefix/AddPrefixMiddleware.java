package io.trafficcop.proxy.middleware.addprefix;

import io.trafficcop.proxy.config.dynamic.AddPrefix;
import io.trafficcop.proxy.http.HttpHandler;
import io.trafficcop.proxy.http.RequestTarget;
import io.trafficcop.proxy.middleware.Middleware;
import io.trafficcop.proxy.middleware.PathRewrites;

/**
 * Traefik's {@code http.middlewares.<name>.addPrefix} ({@code prefix}, required): the prefix is put in front of the
 * request's path (decoded and raw alike, a leading slash ensured) before it is forwarded.
 */
public final class AddPrefixMiddleware implements Middleware {

    private final String prefix;

    public AddPrefixMiddleware(AddPrefix config) {
        if (config.prefix() == null || config.prefix().isEmpty()) {
            throw new IllegalArgumentException("addPrefix.prefix cannot be empty");
        }
        this.prefix = config.prefix();
    }

    @Override
    public HttpHandler wrap(HttpHandler next) {
        return exchange -> {
            RequestTarget target = PathRewrites.target(exchange);
            if (target == null) {
                return;
            }
            target.path(RequestTarget.ensureLeadingSlash(prefix + target.path()));
            if (!target.rawPath().isEmpty()) {
                target.rawPath(RequestTarget.ensureLeadingSlash(prefix + target.rawPath()));
            }
            exchange.request().setUri(target.requestUri());
            next.handle(exchange);
        };
    }
}
