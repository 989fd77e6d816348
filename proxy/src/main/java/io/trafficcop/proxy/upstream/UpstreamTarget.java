package io.trafficcop.proxy.upstream;

import io.trafficcop.proxy.runtime.ServersTransportSettings;
import java.net.URISyntaxException;

/**
 * A backend server URL (Traefik's {@code loadBalancer.servers[].url}) with the servers transport used to reach it.
 * Equal targets share their idle connections: the record is the key of the per-event-loop pools, so a reload that
 * keeps the URL and the transport settings keeps the warm connections.
 *
 * @param scheme    "http", "https" (TLS, HTTP/2 when ALPN agrees) or "h2c" (HTTP/2 cleartext, prior knowledge)
 * @param host      host name or IP literal (IPv6 without brackets)
 * @param port      port, defaulted from the scheme
 * @param authority the URL's host[:port] as written (Go's URL.Host), the Host header when passHostHeader=false
 * @param rawPath   the URL's path as written ("" when none), joined with the request path when preservePath=true
 */
public record UpstreamTarget(String url, String scheme, String host, int port, String authority, String rawPath,
                             ServersTransportSettings transport) {

    /** Parses a server URL such as "http://10.0.0.1:8080" or "http://[::1]:80/base". */
    public static UpstreamTarget of(String url, ServersTransportSettings transport) {
        ServerUrl parts;
        try {
            parts = ServerUrl.parse(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e.getMessage(), e); // as URI.create
        }
        String scheme = parts.scheme() == null ? "http" : parts.scheme();
        if (!scheme.equals("http") && !scheme.equals("https") && !scheme.equals("h2c")) {
            throw new IllegalArgumentException("unsupported scheme \"" + scheme + "\" (http, https or h2c)");
        }
        String host = parts.host();
        if (host == null) {
            throw new IllegalArgumentException("server URL without host: " + url);
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = parts.port();
        if (port < 0) {
            port = "https".equals(scheme) ? 443 : 80;
        }
        return new UpstreamTarget(url, scheme, host, port, parts.authority(), parts.rawPath(),
                transport == null ? ServersTransportSettings.DEFAULTS : transport);
    }

    /**
     * The URL's hash only: the pools look a target up twice per proxied request (borrow and give back), and the
     * record's generated hashCode hashed every component there, the whole servers transport record (durations,
     * lists) included — ~10 % of the event loop's Java time in the HTTP/1.1 profile. {@code String} caches its hash;
     * equal targets have equal URLs, so this agrees with the generated {@code equals}, and targets that differ by
     * their transport alone are rare enough to share a bucket.
     */
    @Override
    public int hashCode() {
        return url.hashCode();
    }

    /** Whether the connection is TLS ({@code https://}). */
    public boolean isTls() {
        return "https".equals(scheme);
    }

    /** Whether the backend speaks HTTP/2 in cleartext with prior knowledge ({@code h2c://}). */
    public boolean isH2c() {
        return "h2c".equals(scheme);
    }
}
