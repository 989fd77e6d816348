package io.trafficcop.proxy.middleware.headers;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.AsciiString;
import io.trafficcop.proxy.config.dynamic.Headers;
import io.trafficcop.proxy.http.Exchange;
import io.trafficcop.proxy.http.HeaderNames;
import io.trafficcop.proxy.http.HttpHandler;
import io.trafficcop.proxy.http.ResponseInterceptor;
import io.trafficcop.proxy.middleware.Middleware;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Traefik's {@code http.middlewares.<name>.headers}: {@code customRequestHeaders} / {@code customResponseHeaders}
 * (an empty value removes the header; {@code Host} rewrites the Host; {@code X-Forwarded-For: ""} stops the proxy
 * from setting it), CORS ({@code accessControl*}, {@code addVaryHeader}; preflights answered here) and the security
 * headers ({@code sts*}, {@code forceSTSHeader}, {@code frameDeny}, {@code customFrameOptionsValue},
 * {@code contentTypeNosniff}, {@code browserXssFilter}, {@code customBrowserXSSValue},
 * {@code contentSecurityPolicy[ReportOnly]}, {@code publicKey}, {@code referrerPolicy}, {@code permissionsPolicy},
 * {@code isDevelopment}, {@code allowedHosts}, {@code hostsProxyHeaders}, {@code sslProxyHeaders}).
 *
 * <p>Order as in Traefik: a CORS preflight is answered first (nothing else applies to it), then the custom request
 * headers are set, then the allowed hosts are checked (500 "Bad Host", which still gets the custom and CORS response
 * headers); on the response the security headers are set first, then the custom response headers and CORS ones, so
 * that a custom header may override or remove a security one.
 */
public final class HeadersMiddleware implements Middleware {

    private static final AsciiString X_FORWARDED_FOR_EXACT = HeaderNames.X_FORWARDED_FOR;

    private final RequestHeader[] requestHeaders;
    private final AsciiString[] responseNames;
    /** null removes the header. */
    private final String[] responseValues;
    private final CorsHeaders cors;
    private final SecureHeaders secure;
    private final boolean customOrCors;
    private final ResponseHeaders withoutSecurity;
    private final ResponseHeaders overPlainHttp;
    private final ResponseHeaders overSsl;

    private record RequestHeader(AsciiString name, String value, Kind kind) {
    }

    private enum Kind { SET, REMOVE, OMIT_FORWARDED_FOR, HOST, NONE }

    /**
     * @throws IllegalArgumentException when nothing is configured ("headers configuration not valid") or an
     *                                  accessControlAllowOriginListRegex does not compile
     */
    public HeadersMiddleware(Headers config) {
        boolean custom = notEmpty(config.customRequestHeaders()) || notEmpty(config.customResponseHeaders());
        boolean corsDefined = Boolean.TRUE.equals(config.accessControlAllowCredentials())
                || notEmpty(config.accessControlAllowHeaders()) || notEmpty(config.accessControlAllowMethods())
                || notEmpty(config.accessControlAllowOriginList())
                || notEmpty(config.accessControlAllowOriginListRegex())
                || notEmpty(config.accessControlExposeHeaders()) || config.accessControlMaxAge() != null
                || Boolean.TRUE.equals(config.addVaryHeader());
        boolean secureDefined = notEmpty(config.allowedHosts()) || notEmpty(config.hostsProxyHeaders())
                || Boolean.TRUE.equals(config.sslRedirect()) || Boolean.TRUE.equals(config.sslTemporaryRedirect())
                || Boolean.TRUE.equals(config.sslForceHost()) || notEmpty(config.sslHost())
                || notEmpty(config.sslProxyHeaders()) || config.stsSeconds() != null
                || Boolean.TRUE.equals(config.stsIncludeSubdomains()) || Boolean.TRUE.equals(config.stsPreload())
                || Boolean.TRUE.equals(config.forceSTSHeader()) || Boolean.TRUE.equals(config.frameDeny())
                || notEmpty(config.customFrameOptionsValue()) || Boolean.TRUE.equals(config.contentTypeNosniff())
                || Boolean.TRUE.equals(config.browserXssFilter()) || notEmpty(config.customBrowserXSSValue())
                || notEmpty(config.contentSecurityPolicy()) || notEmpty(config.contentSecurityPolicyReportOnly())
                || notEmpty(config.publicKey()) || notEmpty(config.referrerPolicy())
                || notEmpty(config.featurePolicy()) || notEmpty(config.permissionsPolicy())
                || Boolean.TRUE.equals(config.isDevelopment());
        if (!custom && !corsDefined && !secureDefined) {
            throw new IllegalArgumentException("headers configuration not valid: no header option is set");
        }
        this.requestHeaders = requestHeaders(config.customRequestHeaders());
        Map<String, String> response = config.customResponseHeaders() == null ? Map.of()
                : config.customResponseHeaders();
        this.responseNames = new AsciiString[response.size()];
        this.responseValues = new String[response.size()];
        int i = 0;
        for (var entry : response.entrySet()) {
            responseNames[i] = GoHeaderNames.canonical(entry.getKey());
            String value = entry.getValue();
            responseValues[i] = value == null || value.isEmpty() ? null : value;
            i++;
        }
        this.cors = corsDefined ? new CorsHeaders(config) : null;
        this.secure = secureDefined ? new SecureHeaders(config) : null;
        // Traefik's Header handler (custom + CORS response headers) wraps the response whenever custom or CORS
        // headers are configured; its CORS part then runs even for lists left empty
        this.customOrCors = custom || corsDefined;
        this.withoutSecurity = new ResponseHeaders(null);
        this.overPlainHttp = secure == null ? null : new ResponseHeaders(secure.plainHeaders());
        this.overSsl = secure == null ? null : new ResponseHeaders(secure.sslHeaders());
    }

    private static RequestHeader[] requestHeaders(Map<String, String> configured) {
        if (configured == null) {
            return new RequestHeader[0];
        }
        List<RequestHeader> headers = new ArrayList<>();
        for (var entry : configured.entrySet()) {
            String name = entry.getKey();
            String value = entry.getValue() == null ? "" : entry.getValue();
            Kind kind;
            if (value.isEmpty() && name.equals(X_FORWARDED_FOR_EXACT.toString())) {
                kind = Kind.OMIT_FORWARDED_FOR;
            } else if (value.isEmpty()) {
                // the Host is not a header in Go's Request: deleting it does nothing
                kind = name.equalsIgnoreCase("Host") ? Kind.NONE : Kind.REMOVE;
            } else if (name.equalsIgnoreCase("Host")) {
                kind = Kind.HOST;
            } else {
                kind = Kind.SET;
            }
            headers.add(new RequestHeader(GoHeaderNames.canonical(name), value, kind));
        }
        return headers.toArray(RequestHeader[]::new);
    }

    @Override
    public HttpHandler wrap(HttpHandler next) {
        return exchange -> handle(exchange, next);
    }

    private void handle(Exchange exchange, HttpHandler next) {
        if (cors != null && cors.answerPreflight(exchange)) {
            return;
        }
        HttpHeaders headers = exchange.request().headers();
        for (RequestHeader header : requestHeaders) {
            switch (header.kind) {
                case SET -> headers.set(header.name, header.value);
                case REMOVE -> headers.remove(header.name);
                case OMIT_FORWARDED_FOR -> {
                    headers.remove(header.name);
                    exchange.omitForwardedFor();
                }
                case HOST -> headers.set(HttpHeaderNames.HOST, header.value);
                case NONE -> {
                }
            }
        }
        if (secure != null && !secure.hostAllowed(exchange)) {
            if (customOrCors) {
                exchange.addResponseInterceptor(withoutSecurity); // Traefik's custom/CORS writer wraps the 500
            }
            exchange.respondError(HttpResponseStatus.INTERNAL_SERVER_ERROR, "Bad Host\n");
            return;
        }
        ResponseHeaders response;
        if (secure == null) {
            response = withoutSecurity;
        } else if (secure.nonce()) {
            response = new ResponseHeaders(secure.responseHeaders(exchange));
        } else {
            response = secure.isSsl(exchange) ? overSsl : overPlainHttp;
        }
        if (response.needed) {
            exchange.addResponseInterceptor(response);
        }
        next.handle(exchange);
    }

    /**
     * The response side: security headers first, then custom and CORS ones. Stateless but for the security headers
     * chosen at request time, so shared by all requests unless the CSP has a per-request nonce.
     */
    private final class ResponseHeaders implements ResponseInterceptor {

        private final Object[] secureHeaders;
        private final boolean needed;

        ResponseHeaders(Object[] secureHeaders) {
            this.secureHeaders = secureHeaders;
            this.needed = secureHeaders != null && secureHeaders.length > 0 || responseNames.length > 0 || cors != null;
        }

        @Override
        public void onResponseHead(Exchange exchange, HttpResponse response) {
            if (response.status().code() < 200) {
                return; // Traefik's ResponseModifier lets informational heads (101 included) through untouched
            }
            HttpHeaders headers = response.headers();
            if (secureHeaders != null) {
                SecureHeaders.apply(headers, secureHeaders);
            }
            if (!customOrCors) {
                return;
            }
            for (int i = 0; i < responseNames.length; i++) {
                if (responseValues[i] == null) {
                    headers.remove(responseNames[i]);
                } else {
                    headers.set(responseNames[i], responseValues[i]);
                }
            }
            if (cors != null) {
                cors.applyToResponse(exchange, headers);
            }
        }
    }

    private static boolean notEmpty(Map<?, ?> map) {
        return map != null && !map.isEmpty();
    }

    private static boolean notEmpty(List<?> list) {
        return list != null && !list.isEmpty();
    }

    private static boolean notEmpty(String s) {
        return s != null && !s.isEmpty();
    }
}
