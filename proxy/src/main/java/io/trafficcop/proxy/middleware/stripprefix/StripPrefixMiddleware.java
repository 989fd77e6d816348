package io.trafficcop.proxy.middleware.stripprefix;

import io.netty.util.AsciiString;
import io.trafficcop.proxy.config.dynamic.StripPrefix;
import io.trafficcop.proxy.http.HeaderNames;
import io.trafficcop.proxy.http.HttpHandler;
import io.trafficcop.proxy.http.RequestTarget;
import io.trafficcop.proxy.middleware.Middleware;
import io.trafficcop.proxy.middleware.PathRewrites;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Traefik's {@code http.middlewares.<name>.stripPrefix} ({@code prefixes}, deprecated {@code forceSlash}): the first
 * prefix the decoded path starts with is removed (from the raw path too, escape by escape), the removed prefix is
 * added as X-Forwarded-Prefix, and a stripped path that would change under Go's path cleaning ("/api./x" with prefix
 * "/api") is refused with 400. Without forceSlash a path equal to the prefix becomes empty (forwarded as "/"); with
 * it, the result always starts with exactly one slash.
 */
public final class StripPrefixMiddleware implements Middleware {

    private static final Logger LOG = LoggerFactory.getLogger(StripPrefixMiddleware.class);

    /** Traefik's ForwardedPrefixHeader. */
    public static final AsciiString X_FORWARDED_PREFIX = HeaderNames.X_FORWARDED_PREFIX;

    private final String[] prefixes;
    private final boolean forceSlash;

    public StripPrefixMiddleware(StripPrefix config) {
        this(config, "stripPrefix");
    }

    /** @param name the middleware's name (with {@code @provider}), for the deprecation warning */
    public StripPrefixMiddleware(StripPrefix config, String name) {
        if (config.forceSlash() != null) {
            LOG.warn("middleware {}: `ForceSlash` option is deprecated, please remove any usage of this option.", name);
        }
        List<String> configured = config.prefixes() == null ? List.of() : config.prefixes();
        this.prefixes = configured.stream().map(p -> p == null ? "" : p.strip()).toArray(String[]::new);
        this.forceSlash = Boolean.TRUE.equals(config.forceSlash());
    }

    @Override
    public HttpHandler wrap(HttpHandler next) {
        return exchange -> {
            if (prefixes.length == 0) {
                next.handle(exchange);
                return;
            }
            RequestTarget target = PathRewrites.target(exchange);
            if (target == null) {
                return;
            }
            for (String prefix : prefixes) {
                String path = target.path();
                if (!path.startsWith(prefix)) {
                    continue;
                }
                target.path(stripped(path.substring(prefix.length())));
                String raw = target.rawPath();
                if (!raw.isEmpty()) {
                    target.rawPath(stripped(raw.substring(RequestTarget.encodedPrefixLength(raw, prefix))));
                }
                if (!target.path().isEmpty() && !target.sanitize()) {
                    PathRewrites.badRequest(exchange);
                    return;
                }
                exchange.request().headers().add(X_FORWARDED_PREFIX, prefix);
                exchange.request().setUri(target.requestUri());
                break;
            }
            next.handle(exchange);
        };
    }

    private String stripped(String rest) {
        if (forceSlash) {
            // Traefik keeps this (wrong) behaviour for compatibility only: "/" + rest without its leading slash
            return "/" + (rest.startsWith("/") ? rest.substring(1) : rest);
        }
        return RequestTarget.ensureLeadingSlash(rest);
    }
}
