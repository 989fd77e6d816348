/**
 * The HTTP middleware SPI ({@link io.trafficcop.proxy.middleware.Middleware}: wraps the next handler, built once
 * per snapshot), router chains, and the entry point redirection Traefik generates for
 * {@code entryPoints.<name>.http.redirections}.
 */
package io.trafficcop.proxy.middleware;
