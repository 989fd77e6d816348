/**
 * The request exchange ({@link io.trafficcop.proxy.http.Exchange}), the handler SPI routers, middlewares and
 * services implement, and Traefik's request rewriting: forwarded headers, hop-by-hop headers, the single-host
 * reverse proxy, ping.
 */
package io.trafficcop.proxy.http;
