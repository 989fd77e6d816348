package io.trafficcop.proxy.rule;

import java.net.InetAddress;
import java.util.List;

/**
 * What the HTTP router's matchers read from a request (Traefik's {@code http.routers.*.rule} is evaluated
 * against this view). The data plane implements it over Netty's {@code HttpRequest}.
 *
 * <p>The derived views ({@link #canonicalHost()}, {@link #routingPath()}) have default implementations
 * that recompute on every call; they are cheap and allocation-free in the common case (no port, already
 * lower case; no percent-encoding), but an implementation may cache them.
 */
public interface RoutingRequest {

    /**
     * The request's host as received: Host header (HTTP/1.1) or :authority (HTTP/2), may include a port; never
     * null ("" if absent). As Go's {@code req.Host}: for an absolute-form request target
     * ({@code GET http://example.com/ HTTP/1.1}) with a non-empty host, that host wins over the Host header.
     */
    String host();

    /** The request method as received (case-sensitive, as Go's {@code req.Method}). */
    String method();

    /** The path as received on the wire, still percent-encoded, without the query. */
    String rawPath();

    /** The query string without '?', "" if none. */
    String rawQuery();

    /** First value of the header, case-insensitive name, null if absent. */
    String header(String name);

    /** All values of the header, case-insensitive name, empty list if absent. */
    List<String> headers(String name);

    /** The TCP peer's address (what Traefik's ClientIP uses: the connection's remote address, not X-Forwarded-For). */
    InetAddress clientAddress();

    /**
     * The host Traefik's request decorator computes: port stripped, IPv6 brackets removed, trimmed and lower
     * cased ({@code requestdecorator.GetCanonicalHost}). Used by v3 Host/HostRegexp and v2 Host/HostHeader.
     */
    default String canonicalHost() {
        return HostNames.canonicalHost(host());
    }

    /**
     * The path Traefik routes on: the escaped path with every percent-encoded character decoded except the
     * reserved ones ({@code %2F}, {@code %3F}, {@code %25}, ...), which stay encoded. Null when the raw path
     * has an invalid percent-encoding (Traefik answers 400 then and no path matcher matches).
     */
    default String routingPath() {
        return RoutingPath.of(rawPath());
    }
}
