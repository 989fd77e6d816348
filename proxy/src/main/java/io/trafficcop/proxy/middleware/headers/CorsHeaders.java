package io.trafficcop.proxy.middleware.headers;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import io.trafficcop.proxy.config.dynamic.Headers;
import io.trafficcop.proxy.http.Exchange;
import io.trafficcop.proxy.http.HttpDate;
import io.trafficcop.proxy.middleware.GoRegexp;
import java.util.List;

/**
 * The CORS part of Traefik's headers middleware: answers preflight requests itself (OPTIONS with Origin and
 * Access-Control-Request-Method) and adds Access-Control-Allow-Origin/-Credentials/-Expose-Headers and Vary to
 * other responses, exactly as pkg/middlewares/headers does (a "*" in the origin list echoes the origin when
 * credentials are allowed; "*" in allowHeaders/allowMethods echoes the request's when credentials are allowed).
 */
final class CorsHeaders {

    static final AsciiString ACCESS_CONTROL_REQUEST_METHOD = AsciiString.cached("Access-Control-Request-Method");
    static final AsciiString ACCESS_CONTROL_REQUEST_HEADERS = AsciiString.cached("Access-Control-Request-Headers");
    static final AsciiString ALLOW_CREDENTIALS = AsciiString.cached("Access-Control-Allow-Credentials");
    static final AsciiString ALLOW_HEADERS = AsciiString.cached("Access-Control-Allow-Headers");
    static final AsciiString ALLOW_METHODS = AsciiString.cached("Access-Control-Allow-Methods");
    static final AsciiString ALLOW_ORIGIN = AsciiString.cached("Access-Control-Allow-Origin");
    static final AsciiString MAX_AGE = AsciiString.cached("Access-Control-Max-Age");
    static final AsciiString EXPOSE_HEADERS = AsciiString.cached("Access-Control-Expose-Headers");
    static final AsciiString ORIGIN = AsciiString.cached("Origin");
    static final AsciiString VARY = AsciiString.cached("Vary");

    private final boolean allowCredentials;
    private final List<String> originList;
    private final GoRegexp[] originRegexes;
    private final String allowHeaders;
    private final boolean allowHeadersWildcard;
    private final String allowMethods;
    private final boolean allowMethodsWildcard;
    private final String maxAge;
    /** null when no expose header is to be set. */
    private final String exposeHeaders;
    private final boolean addVary;

    CorsHeaders(Headers config) {
        this.allowCredentials = Boolean.TRUE.equals(config.accessControlAllowCredentials());
        this.originList = list(config.accessControlAllowOriginList());
        List<String> regexes = list(config.accessControlAllowOriginListRegex());
        this.originRegexes = new GoRegexp[regexes.size()];
        for (int i = 0; i < originRegexes.length; i++) {
            originRegexes[i] = GoRegexp.compile("headers.accessControlAllowOriginListRegex", regexes.get(i));
        }
        List<String> headers = list(config.accessControlAllowHeaders());
        this.allowHeaders = String.join(",", headers);
        this.allowHeadersWildcard = headers.contains("*") && allowCredentials;
        List<String> methods = list(config.accessControlAllowMethods());
        this.allowMethods = String.join(",", methods);
        this.allowMethodsWildcard = methods.contains("*") && allowCredentials;
        this.maxAge = config.accessControlMaxAge() == null ? null : Long.toString(config.accessControlMaxAge());
        List<String> expose = list(config.accessControlExposeHeaders());
        this.exposeHeaders = expose.isEmpty() || expose.contains("*") && allowCredentials ? null
                : String.join(",", expose);
        this.addVary = Boolean.TRUE.equals(config.addVaryHeader());
    }

    /** Answers the request when it is a CORS preflight; whether it did. */
    boolean answerPreflight(Exchange exchange) {
        HttpHeaders request = exchange.request().headers();
        String requestMethod = request.get(ACCESS_CONTROL_REQUEST_METHOD);
        String origin = request.get(ORIGIN);
        if (requestMethod == null || requestMethod.isEmpty() || origin == null || origin.isEmpty()
                || !HttpMethod.OPTIONS.equals(exchange.request().method())) {
            return false;
        }
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                Unpooled.EMPTY_BUFFER);
        HttpHeaders headers = response.headers();
        if (allowCredentials) {
            headers.set(ALLOW_CREDENTIALS, "true");
        }
        if (allowHeadersWildcard) {
            String requested = request.get(ACCESS_CONTROL_REQUEST_HEADERS);
            if (requested != null && !requested.isEmpty()) {
                headers.set(ALLOW_HEADERS, requested);
            }
        } else if (!allowHeaders.isEmpty()) {
            headers.set(ALLOW_HEADERS, allowHeaders);
        }
        if (allowMethodsWildcard) {
            headers.set(ALLOW_METHODS, requestMethod);
        } else if (!allowMethods.isEmpty()) {
            headers.set(ALLOW_METHODS, allowMethods);
        }
        String match = matchOrigin(origin);
        if (match != null) {
            headers.set(ALLOW_ORIGIN, match);
        }
        if (maxAge != null) {
            headers.set(MAX_AGE, maxAge);
        }
        if (exposeHeaders != null) {
            headers.set(EXPOSE_HEADERS, exposeHeaders);
        }
        headers.set(HttpHeaderNames.CONTENT_LENGTH, "0");
        headers.set(HttpHeaderNames.DATE, HttpDate.now());
        exchange.respond(response);
        return true;
    }

    /** Traefik's PostRequestModifyResponseHeaders, CORS part (after the custom response headers). */
    void applyToResponse(Exchange exchange, HttpHeaders response) {
        String origin = exchange.request().headers().get(ORIGIN, "");
        String match = matchOrigin(origin);
        if (match != null) {
            response.set(ALLOW_ORIGIN, match);
        }
        if (allowCredentials) {
            response.set(ALLOW_CREDENTIALS, "true");
        }
        if (exposeHeaders != null) {
            response.set(EXPOSE_HEADERS, exposeHeaders);
        }
        if (!addVary) {
            return;
        }
        String vary = response.get(VARY, "");
        if (vary.equals("Origin")) {
            return;
        }
        response.set(VARY, vary.isEmpty() ? "Origin" : vary + ",Origin");
    }

    private String matchOrigin(String origin) {
        for (int i = 0; i < originList.size(); i++) {
            String item = originList.get(i);
            if (item == null) {
                continue;
            }
            if (item.equals(origin)) {
                return item;
            }
            if (item.equals("*")) {
                return allowCredentials ? origin : item; // no wildcard with credentials
            }
        }
        for (GoRegexp regex : originRegexes) {
            if (regex.matches(origin)) {
                return origin;
            }
        }
        return null;
    }

    private static List<String> list(List<String> values) {
        return values == null ? List.of() : values;
    }
}
