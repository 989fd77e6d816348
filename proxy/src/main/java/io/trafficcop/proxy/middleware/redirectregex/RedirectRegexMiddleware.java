package io.trafficcop.proxy.middleware.redirectregex;

import io.trafficcop.proxy.config.dynamic.RedirectRegex;
import io.trafficcop.proxy.http.HttpHandler;
import io.trafficcop.proxy.middleware.GoRegexp;
import io.trafficcop.proxy.middleware.Middleware;
import io.trafficcop.proxy.middleware.redirect.RegexRedirect;
import io.trafficcop.proxy.middleware.redirect.RequestUrls;

/**
 * Traefik's {@code http.middlewares.<name>.redirectRegex} ({@code regex}, {@code replacement} with Go's
 * {@code $1}/{@code ${1}}/{@code ${name}} references, {@code permanent}). The regex is matched against
 * {@code scheme://host[:port]/path?query} (scheme https on a TLS connection; X-Forwarded-Proto is not consulted);
 * a match that rewrites the URL redirects there: 302 (307 for methods other than GET), or 301 (308) when permanent.
 * A match that leaves the URL unchanged lets the request through.
 */
public final class RedirectRegexMiddleware implements Middleware {

    private final RegexRedirect redirect;

    public RedirectRegexMiddleware(RedirectRegex config) {
        this(config, 0);
    }

    /**
     * @param statusCode a status to answer whatever the method (Traefik's internal {@code StatusCode}, set by the
     *                   ingress-nginx provider), or 0
     */
    public RedirectRegexMiddleware(RedirectRegex config, int statusCode) {
        String regex = config.regex() == null ? "" : config.regex();
        String replacement = config.replacement() == null ? "" : config.replacement();
        this.redirect = new RegexRedirect(GoRegexp.compile("redirectRegex.regex", regex), replacement,
                Boolean.TRUE.equals(config.permanent()), statusCode, RequestUrls::rawUrl);
    }

    @Override
    public HttpHandler wrap(HttpHandler next) {
        return redirect.wrap(next);
    }
}
