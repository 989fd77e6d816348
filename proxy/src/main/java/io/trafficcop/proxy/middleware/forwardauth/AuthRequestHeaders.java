package io.trafficcop.proxy.middleware.forwardauth;

import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.trafficcop.proxy.http.ForwardedHeaders;
import io.trafficcop.proxy.http.HeaderNames;
import io.trafficcop.proxy.http.HostPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The headers of the request forwardAuth sends to the authentication server, as Traefik's writeHeader
 * ({@code trustForwardHeader} set) and oldWriteHeader ({@code trustForwardHeader} unset): the client's headers minus
 * hop-by-hop ones, filtered by {@code authRequestHeaders}, plus X-Forwarded-For, -Method, -Proto, -Port (only with
 * trustForwardHeader set), -Host and -Uri.
 */
final class AuthRequestHeaders {

    /** Traefik's hopHeaders of forward.go (Proxy-Authorization is forwarded on purpose). */
    private static final CharSequence[] HOP_HEADERS = {
        HttpHeaderNames.CONNECTION, HttpHeaderNames.KEEP_ALIVE, HttpHeaderNames.TE, HttpHeaderNames.TRAILER,
        "Trailers", HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderNames.UPGRADE,
    };

    /** Traefik's forwardedheaders.XHeadersSet, appended to authRequestHeaders when trustForwardHeader is true. */
    static final List<String> X_HEADERS = List.of("X-Forwarded-Proto", "X-Forwarded-Scheme", "X-Forwarded-For",
            "X-Forwarded-Host", "X-Forwarded-Port", "X-Forwarded-Server", "X-Forwarded-Uri", "X-Forwarded-Method",
            "X-Forwarded-Prefix", "X-Forwarded-Tls-Client-Cert", "X-Forwarded-Tls-Client-Cert-Info", "X-Scheme",
            "X-Real-Ip");

    /** The parts of the client request the auth request is built from. */
    record ClientRequest(HttpHeaders headers, String method, String host, String requestUri, String clientIp,
                         boolean tls) {
    }

    private final Boolean trustForwardHeader;
    private final List<String> allowedHeaders;

    /**
     * @param trustForwardHeader null selects Traefik's legacy behaviour (X-Forwarded-* overwritten, other
     *                           X-Forwarded headers passed through)
     * @param authRequestHeaders empty or null forwards every header
     */
    AuthRequestHeaders(Boolean trustForwardHeader, List<String> authRequestHeaders) {
        this.trustForwardHeader = trustForwardHeader;
        List<String> allowed = authRequestHeaders == null ? List.of() : new ArrayList<>(authRequestHeaders);
        if (Boolean.TRUE.equals(trustForwardHeader) && !allowed.isEmpty()) {
            allowed.addAll(X_HEADERS);
        }
        this.allowedHeaders = List.copyOf(allowed);
    }

    HttpHeaders build(ClientRequest req) {
        HttpHeaders out = DefaultHttpHeadersFactory.headersFactory().withValidation(false).newHeaders();
        for (Map.Entry<String, String> e : req.headers()) {
            String name = e.getKey();
            // Go keeps Host and the body framing outside of Request.Header; the client writes its own
            if (HttpHeaderNames.HOST.contentEqualsIgnoreCase(name)
                    || HttpHeaderNames.CONTENT_LENGTH.contentEqualsIgnoreCase(name)) {
                continue;
            }
            out.add(name, e.getValue());
        }
        removeConnectionHeaders(out);
        for (CharSequence hop : HOP_HEADERS) {
            out.remove(hop);
        }
        boolean trusted = Boolean.TRUE.equals(trustForwardHeader);
        if (trustForwardHeader != null && !trusted) {
            List<String> managed = new ArrayList<>();
            for (String name : out.names()) {
                if (ForwardedHeaders.isManagedXHeader(name)) {
                    managed.add(name);
                }
            }
            managed.forEach(out::remove);
        }
        out = filter(out);
        String proto = req.tls() ? "https" : "http";
        if (trustForwardHeader == null) {
            if (req.clientIp() != null) {
                out.set(HeaderNames.X_FORWARDED_FOR, req.clientIp());
            }
            out.set(HeaderNames.X_FORWARDED_PROTO, proto);
            out.set(HeaderNames.X_FORWARDED_METHOD, req.method());
            out.set(HeaderNames.X_FORWARDED_HOST, req.host());
            out.set(HeaderNames.X_FORWARDED_URI, req.requestUri());
            return out;
        }
        if (req.clientIp() != null) {
            List<String> prior = out.getAll(HeaderNames.X_FORWARDED_FOR);
            String value = prior.isEmpty() ? req.clientIp() : String.join(", ", prior) + ", " + req.clientIp();
            out.set(HeaderNames.X_FORWARDED_FOR, value);
        }
        setIfAbsent(out, HeaderNames.X_FORWARDED_METHOD, req.method());
        setIfAbsent(out, HeaderNames.X_FORWARDED_PROTO, proto);
        setIfAbsent(out, HeaderNames.X_FORWARDED_PORT, forwardedPort(req, out));
        setIfAbsent(out, HeaderNames.X_FORWARDED_HOST, req.host());
        setIfAbsent(out, HeaderNames.X_FORWARDED_URI, req.requestUri());
        return out;
    }

    private static void setIfAbsent(HttpHeaders headers, CharSequence name, String value) {
        if (!headers.contains(name)) {
            headers.set(name, value);
        }
    }

    private HttpHeaders filter(HttpHeaders headers) {
        if (allowedHeaders.isEmpty()) {
            return headers;
        }
        HttpHeaders filtered = DefaultHttpHeadersFactory.headersFactory().withValidation(false).newHeaders();
        for (String name : allowedHeaders) {
            if (!filtered.contains(name)) {
                List<String> values = headers.getAll(name);
                if (!values.isEmpty()) {
                    filtered.add(name, values);
                }
            }
        }
        return filtered;
    }

    /** Traefik's RemoveConnectionHeaders: drops the headers the Connection header names (RFC 7230 6.1). */
    private static void removeConnectionHeaders(HttpHeaders headers) {
        List<String> connection = headers.getAll(HttpHeaderNames.CONNECTION);
        String upgrade = null;
        for (String value : connection) {
            if (ForwardedHeaders.containsToken(value, HttpHeaderNames.UPGRADE)) {
                upgrade = headers.get(HttpHeaderNames.UPGRADE);
            }
        }
        for (String value : connection) {
            for (String token : value.split(",")) {
                String name = token.strip();
                if (!name.isEmpty()) {
                    headers.remove(name);
                }
            }
        }
        if (upgrade != null && !upgrade.isEmpty()) {
            headers.set(HttpHeaderNames.CONNECTION, "Upgrade");
            headers.set(HttpHeaderNames.UPGRADE, upgrade);
        } else {
            headers.remove(HttpHeaderNames.CONNECTION);
        }
    }

    /** Traefik's forwardedPort: the Host's port, else 443 for https/wss or TLS, else 80. */
    private static String forwardedPort(ClientRequest req, HttpHeaders out) {
        String port = HostPort.port(req.host());
        if (port != null && !port.isEmpty()) {
            return port;
        }
        String proto = out.get(HeaderNames.X_FORWARDED_PROTO);
        if ("https".equals(proto) || "wss".equals(proto) || req.tls()) {
            return "443";
        }
        return "80";
    }
}
