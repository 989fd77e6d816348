package io.trafficcop.proxy.middleware.redirectscheme;

import io.trafficcop.proxy.config.dynamic.RedirectScheme;
import io.trafficcop.proxy.http.HttpHandler;
import io.trafficcop.proxy.middleware.GoRegexp;
import io.trafficcop.proxy.middleware.Middleware;
import io.trafficcop.proxy.middleware.redirect.RegexRedirect;
import io.trafficcop.proxy.middleware.redirect.RequestUrls;

/**
 * Traefik's {@code http.middlewares.<name>.redirectScheme} ({@code scheme} required, {@code port},
 * {@code permanent}). The request's URL (scheme from the connection or X-Forwarded-Proto, Host header with its
 * port, the scheme's default port dropped) is rewritten to {@code scheme://host[:port]/path?query} (no port when it
 * is the target scheme's default); a different URL is a redirect (302, 307 for non-GET; 301, 308 when permanent),
 * the same URL (already on that scheme and port) lets the request through to the next handler.
 */
public final class RedirectSchemeMiddleware implements Middleware {

    /** Traefik's uriPattern, matched against the request's URL. */
    private static final String URI_PATTERN = "^(https?:\\/\\/)?(\\[[\\w:.]+\\]|[\\w\\._-]+)?(:\\d+)?(.*)$";

    private final RegexRedirect redirect;

    public RedirectSchemeMiddleware(RedirectScheme config) {
        this(config, false);
    }

    /**
     * @param forcePermanentRedirect Traefik's internal {@code ForcePermanentRedirect} (ingress-nginx provider): 308
     *                               whatever the method
     */
    public RedirectSchemeMiddleware(RedirectScheme config, boolean forcePermanentRedirect) {
        String scheme = config.scheme() == null ? "" : config.scheme();
        if (scheme.isEmpty()) {
            throw new IllegalArgumentException("redirectScheme.scheme: you must provide a target scheme");
        }
        String configPort = config.port() == null ? "" : config.port();
        String port = "";
        if (!configPort.isEmpty() && !("http".equals(scheme) && "80".equals(configPort)
                || "https".equals(scheme) && "443".equals(configPort))) {
            port = ":" + configPort;
        }
        this.redirect = new RegexRedirect(GoRegexp.compile("redirectScheme", URI_PATTERN),
                scheme + "://${2}" + port + "${4}", Boolean.TRUE.equals(config.permanent()),
                forcePermanentRedirect ? 308 : 0, RequestUrls::clientRequestUrl);
    }

    @Override
    public HttpHandler wrap(HttpHandler next) {
        return redirect.wrap(next);
    }
}
