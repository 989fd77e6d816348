package io.trafficcop.proxy.middleware.replacepathregex;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.trafficcop.proxy.config.dynamic.ReplacePathRegex;
import io.trafficcop.proxy.http.HttpHandler;
import io.trafficcop.proxy.http.RequestTarget;
import io.trafficcop.proxy.middleware.GoRegexp;
import io.trafficcop.proxy.middleware.Middleware;
import io.trafficcop.proxy.middleware.PathRewrites;
import io.trafficcop.proxy.middleware.replacepath.ReplacePathMiddleware;

/**
 * Traefik's {@code http.middlewares.<name>.replacePathRegex} ({@code regex}, {@code replacement} with Go's
 * {@code $1}/{@code ${name}} references): when the regex matches the request's raw path, every match is replaced
 * (Go's ReplaceAllString), the old path goes to X-Replaced-Path and the result is the new escaped path. A result
 * with an invalid escape is a 500; one that Go's path cleaning would change ("/foo../bar") a 400.
 */
public final class ReplacePathRegexMiddleware implements Middleware {

    private final GoRegexp regex;
    private final GoRegexp.Template replacement;

    public ReplacePathRegexMiddleware(ReplacePathRegex config) {
        String expr = config.regex() == null ? "" : config.regex().strip();
        this.regex = GoRegexp.compile("replacePathRegex.regex", expr);
        this.replacement = regex.template(config.replacement() == null ? "" : config.replacement().strip());
    }

    @Override
    public HttpHandler wrap(HttpHandler next) {
        return exchange -> {
            RequestTarget target = PathRewrites.target(exchange);
            if (target == null) {
                return;
            }
            String current = target.rawPath().isEmpty() ? target.escapedPath() : target.rawPath();
            if (!regex.matches(current)) {
                next.handle(exchange);
                return;
            }
            exchange.request().headers().add(ReplacePathMiddleware.X_REPLACED_PATH, current);
            String newRaw = regex.replaceAll(current, replacement);
            String path;
            try {
                path = RequestTarget.unescapePath(newRaw);
            } catch (IllegalArgumentException e) {
                exchange.respondError(HttpResponseStatus.INTERNAL_SERVER_ERROR, e.getMessage() + "\n");
                return;
            }
            target.rawPath(newRaw);
            target.path(path);
            String requestUri = target.requestUri(); // Traefik sets RequestURI before sanitizing
            if (!path.isEmpty() && !target.sanitize()) {
                PathRewrites.badRequest(exchange);
                return;
            }
            exchange.request().setUri(requestUri);
            next.handle(exchange);
        };
    }
}
