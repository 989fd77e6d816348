package io.trafficcop.proxy.middleware.redirect;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.trafficcop.proxy.http.Exchange;
import io.trafficcop.proxy.http.HeaderNames;

/** How Traefik's redirect middlewares spell the URL of the request they match on. */
public final class RequestUrls {

    /** Traefik's uriRegexp: an absolute-form request-target (proxy requests). */
    private static final Pattern ABSOLUTE_URI =
            Pattern.compile("^(https?):\\/\\/(\\[[\\w:.]+\\]|[\\w\\._-]+)?(:\\d+)?(.*)$");

    private RequestUrls() {
    }

    /**
     * redirectRegex's rawURL: {@code scheme://host[:port]/uri} with the scheme of the connection (https on TLS),
     * the Host header as sent (port included) and the request-target as it is now (after earlier middlewares).
     */
    public static String rawUrl(Exchange exchange) {
        String scheme = "http";
        String host = exchange.request().headers().get(HttpHeaderNames.HOST, "");
        String port = "";
        String uri = exchange.request().uri();
        Matcher m = ABSOLUTE_URI.matcher(uri);
        if (uri.indexOf(':') > 0 && m.matches()) {
            scheme = m.group(1);
            if (m.group(2) != null && !m.group(2).isEmpty()) {
                host = m.group(2);
            }
            if (m.group(3) != null && !m.group(3).isEmpty()) {
                port = m.group(3);
            }
            uri = m.group(4);
        }
        if (exchange.isSecure()) {
            scheme = "https";
        }
        return scheme + "://" + host + port + uri;
    }

    /**
     * redirectScheme's clientRequestURL: as {@link #rawUrl} with the port split from the Host header, the scheme
     * taken from X-Forwarded-Proto when it is http/https (ws/wss count as http/https), and the scheme's default port
     * dropped.
     */
    public static String clientRequestUrl(Exchange exchange) {
        String scheme = "http";
        String hostHeader = exchange.request().headers().get(HttpHeaderNames.HOST, "");
        String host = hostHeader;
        String port = "";
        String[] split = splitHostPort(hostHeader);
        if (split != null) {
            host = split[0];
            port = ":" + split[1];
        }
        String uri = exchange.request().uri();
        Matcher m = ABSOLUTE_URI.matcher(uri);
        if (uri.indexOf(':') > 0 && m.matches()) {
            scheme = m.group(1);
            if (m.group(2) != null && !m.group(2).isEmpty()) {
                host = m.group(2);
            }
            if (m.group(3) != null && !m.group(3).isEmpty()) {
                port = m.group(3);
            }
            uri = m.group(4);
        }
        if (exchange.isSecure()) {
            scheme = "https";
        }
        String proto = exchange.request().headers().get(HeaderNames.X_FORWARDED_PROTO);
        if (proto != null && !proto.isEmpty()) {
            if (proto.equalsIgnoreCase("http") || proto.equalsIgnoreCase("ws")) {
                scheme = "http";
            } else if (proto.equalsIgnoreCase("https") || proto.equalsIgnoreCase("wss")) {
                scheme = "https";
            }
        }
        if ("http".equals(scheme) && ":80".equals(port) || "https".equals(scheme) && ":443".equals(port)) {
            port = "";
        }
        return scheme + "://" + host + port + uri;
    }

    /** Go's net.SplitHostPort; null when it fails (no port, too many colons, bad brackets). */
    static String[] splitHostPort(String hostport) {
        int colon = hostport.lastIndexOf(':');
        if (colon < 0) {
            return null;
        }
        String host;
        if (hostport.startsWith("[")) {
            int end = hostport.indexOf(']');
            if (end < 0 || end + 1 != colon) {
                return null;
            }
            host = hostport.substring(1, end);
            if (hostport.indexOf('[', 1) >= 0 || hostport.indexOf(']', end + 1) >= 0) {
                return null;
            }
        } else {
            host = hostport.substring(0, colon);
            if (host.indexOf(':') >= 0 || host.indexOf('[') >= 0 || host.indexOf(']') >= 0) {
                return null;
            }
        }
        return new String[] {host, hostport.substring(colon + 1)};
    }
}
