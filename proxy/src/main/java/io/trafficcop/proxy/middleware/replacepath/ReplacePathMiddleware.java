package io.trafficcop.proxy.middleware.replacepath;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.AsciiString;
import io.trafficcop.proxy.config.dynamic.ReplacePath;
import io.trafficcop.proxy.http.HttpHandler;
import io.trafficcop.proxy.http.RequestTarget;
import io.trafficcop.proxy.middleware.Middleware;
import io.trafficcop.proxy.middleware.PathRewrites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Traefik's {@code http.middlewares.<name>.replacePath} ({@code path}): the request's path (raw form) is recorded in
 * X-Replaced-Path and replaced by {@code path}, taken as an escaped path (so {@code %2F} stays encoded); the query is
 * kept. A {@code path} that is not a valid escape sequence fails every request with 500, as in Traefik.
 */
public final class ReplacePathMiddleware implements Middleware {

    private static final Logger LOG = LoggerFactory.getLogger(ReplacePathMiddleware.class);

    /** Traefik's ReplacedPathHeader. */
    public static final AsciiString X_REPLACED_PATH = AsciiString.cached("X-Replaced-Path");

    private final String rawPath;
    private final String path;
    private final String unescapeError;

    public ReplacePathMiddleware(ReplacePath config) {
        this.rawPath = config.path() == null ? "" : config.path();
        String decoded = null;
        String error = null;
        try {
            decoded = RequestTarget.unescapePath(rawPath);
        } catch (IllegalArgumentException e) {
            error = e.getMessage() + "\n";
            // Traefik accepts the configuration and fails each request with 500: do the same, but say it now
            LOG.warn("replacePath.path \"{}\" is not a valid escaped path ({}): every request will fail with 500",
                    rawPath, e.getMessage());
        }
        this.path = decoded;
        this.unescapeError = error;
    }

    @Override
    public HttpHandler wrap(HttpHandler next) {
        return exchange -> {
            RequestTarget target = PathRewrites.target(exchange);
            if (target == null) {
                return;
            }
            String current = target.rawPath().isEmpty() ? target.escapedPath() : target.rawPath();
            exchange.request().headers().add(X_REPLACED_PATH, current);
            if (unescapeError != null) {
                exchange.respondError(HttpResponseStatus.INTERNAL_SERVER_ERROR, unescapeError);
                return;
            }
            target.rawPath(rawPath);
            target.path(path);
            exchange.request().setUri(target.requestUri());
            next.handle(exchange);
        };
    }
}
