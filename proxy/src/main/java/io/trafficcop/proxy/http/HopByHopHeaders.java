package io.trafficcop.proxy.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;
import java.util.List;

/**
 * Hop-by-hop header removal as Go's httputil.ReverseProxy does it for Traefik, on requests and responses:
 * Connection, Proxy-Connection, Keep-Alive, Proxy-Authenticate, Proxy-Authorization, TE (kept as "trailers" when
 * the client asked for trailers), Trailer, Transfer-Encoding, Upgrade, and every header the Connection header
 * names. A protocol upgrade (WebSocket) keeps {@code Connection: Upgrade} and its {@code Upgrade} header.
 */
public final class HopByHopHeaders {

    private static final AsciiString[] HOP_HEADERS = {
        HttpHeaderNames.CONNECTION, HeaderNames.PROXY_CONNECTION, HttpHeaderNames.KEEP_ALIVE,
        HttpHeaderNames.PROXY_AUTHENTICATE, HttpHeaderNames.PROXY_AUTHORIZATION, HttpHeaderNames.TE,
        HttpHeaderNames.TRAILER, HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderNames.UPGRADE,
    };

    private HopByHopHeaders() {
    }

    /** Strips a request's hop-by-hop headers before it is forwarded; returns the upgrade type kept, or null. */
    public static String stripRequest(HttpHeaders headers) {
        String upgrade = upgradeType(headers);
        boolean teTrailers = ForwardedHeaders.containsToken(headers.get(HttpHeaderNames.TE), HttpHeaderValues.TRAILERS);
        strip(headers);
        if (teTrailers) {
            headers.set(HttpHeaderNames.TE, HttpHeaderValues.TRAILERS);
        }
        if (upgrade != null) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE);
            headers.set(HttpHeaderNames.UPGRADE, upgrade);
        }
        return upgrade;
    }

    /** Strips a backend response's hop-by-hop headers; a 101 keeps its upgrade headers. */
    public static void stripResponse(HttpHeaders headers, boolean switchingProtocols) {
        String upgrade = switchingProtocols ? upgradeType(headers) : null;
        strip(headers);
        if (upgrade != null) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE);
            headers.set(HttpHeaderNames.UPGRADE, upgrade);
        }
    }

    /** The Upgrade header's value when the Connection header contains the "upgrade" token. */
    public static String upgradeType(HttpHeaders headers) {
        if (!headers.contains(HttpHeaderNames.CONNECTION)) {
            return null; // without getAll's list, on every request and response
        }
        List<String> connection = headers.getAll(HttpHeaderNames.CONNECTION);
        for (int i = 0; i < connection.size(); i++) {
            if (ForwardedHeaders.containsToken(connection.get(i), HttpHeaderNames.UPGRADE)) {
                return headers.get(HttpHeaderNames.UPGRADE);
            }
        }
        return null;
    }

    private static void strip(HttpHeaders headers) {
        List<String> connection = headers.contains(HttpHeaderNames.CONNECTION)
                ? headers.getAll(HttpHeaderNames.CONNECTION) : List.of();
        for (int i = 0; i < connection.size(); i++) {
            String value = connection.get(i);
            int start = 0;
            while (start < value.length()) {
                int comma = value.indexOf(',', start);
                int end = comma < 0 ? value.length() : comma;
                String token = value.substring(start, end).trim();
                if (!token.isEmpty()) {
                    headers.remove(token);
                }
                start = end + 1;
            }
        }
        for (AsciiString name : HOP_HEADERS) {
            headers.remove(name);
        }
    }
}
