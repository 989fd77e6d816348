package io.trafficcop.proxy.middleware.forwardauth;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.ssl.SslContext;
import io.trafficcop.proxy.config.dynamic.ForwardAuth;
import io.trafficcop.proxy.http.Exchange;
import io.trafficcop.proxy.http.ExchangeListener;
import io.trafficcop.proxy.http.ForwardedHeaders;
import io.trafficcop.proxy.http.HttpDate;
import io.trafficcop.proxy.http.HttpHandler;
import io.trafficcop.proxy.http.ResponseInterceptor;
import io.trafficcop.proxy.middleware.Middleware;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Traefik's {@code forwardAuth} middleware: asks {@code address} whether the request may pass. A 2xx answer lets the
 * request through with the {@code authResponseHeaders} / {@code authResponseHeadersRegex} headers copied from the
 * answer (and the {@code addAuthCookiesToResponse} cookies added to the final response); any other answer is returned
 * to the client as is (status, headers, body, Location resolved against the address unless
 * {@code preserveLocationHeader}). Also {@code tls}, {@code trustForwardHeader}, {@code authRequestHeaders},
 * {@code forwardBody} + {@code maxBodySize}, {@code maxResponseBodySize}, {@code preserveRequestMethod} and
 * {@code authSigninURL}. {@code headerField} is accepted (it names the access log's ClientUsername source).
 */
public final class ForwardAuthMiddleware implements Middleware {

    private static final Logger LOG = LoggerFactory.getLogger(ForwardAuthMiddleware.class);
    private static final CharSequence[] HOP_HEADERS = {
        HttpHeaderNames.CONNECTION, HttpHeaderNames.KEEP_ALIVE, HttpHeaderNames.TE, HttpHeaderNames.TRAILER,
        "Trailers", HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderNames.UPGRADE,
    };

    private final String name;
    private final URI address;
    private final String addressAuthority;
    private final String addressRequestUri;
    private final AuthClient client;
    private final AuthRequestHeaders requestHeaders;
    private final List<String> authResponseHeaders;
    private final Pattern authResponseHeadersRegex;
    private final Set<String> addAuthCookiesToResponse;
    private final String headerField;
    private final boolean forwardBody;
    private final long maxBodySize;
    private final boolean preserveLocationHeader;
    private final boolean preserveRequestMethod;
    private final String authSigninUrl;

    private ForwardAuthMiddleware(String name, ForwardAuth config, Duration timeout) {
        this.name = name;
        String raw = config.address();
        if (raw == null || raw.isEmpty()) {
            throw new IllegalArgumentException("forwardAuth.address is required");
        }
        try {
            this.address = new URI(raw);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("invalid forwardAuth.address \"" + raw + "\": " + e.getMessage(), e);
        }
        String scheme = address.getScheme() == null ? "" : address.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || address.getHost() == null) {
            throw new IllegalArgumentException("invalid forwardAuth.address \"" + raw
                    + "\": an absolute http or https URL is required");
        }
        boolean https = scheme.equals("https");
        int port = address.getPort() > 0 ? address.getPort() : https ? 443 : 80;
        String host = address.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        this.addressAuthority = address.getRawAuthority();
        String path = address.getRawPath() == null || address.getRawPath().isEmpty() ? "/" : address.getRawPath();
        this.addressRequestUri = address.getRawQuery() == null ? path : path + "?" + address.getRawQuery();
        SslContext ssl = https ? AuthClientTls.clientContext(config.tls()) : null;
        long maxResponse = config.maxResponseBodySize() == null ? -1 : config.maxResponseBodySize();
        this.client = new AuthClient(host, port, ssl, AuthClientTls.verifiesHostname(config.tls()), maxResponse,
                timeout);
        this.requestHeaders = new AuthRequestHeaders(config.trustForwardHeader(), config.authRequestHeaders());
        this.authResponseHeaders = config.authResponseHeaders() == null ? List.of()
                : List.copyOf(config.authResponseHeaders());
        String regex = config.authResponseHeadersRegex();
        if (regex != null && !regex.isEmpty()) {
            try {
                this.authResponseHeadersRegex = Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("error compiling regular expression " + regex + ": "
                        + e.getMessage(), e);
            }
        } else {
            this.authResponseHeadersRegex = null;
        }
        this.addAuthCookiesToResponse = config.addAuthCookiesToResponse() == null ? Set.of()
                : Set.copyOf(config.addAuthCookiesToResponse());
        this.headerField = config.headerField();
        this.forwardBody = Boolean.TRUE.equals(config.forwardBody());
        this.maxBodySize = config.maxBodySize() == null ? -1 : config.maxBodySize();
        this.preserveLocationHeader = Boolean.TRUE.equals(config.preserveLocationHeader());
        this.preserveRequestMethod = Boolean.TRUE.equals(config.preserveRequestMethod());
        this.authSigninUrl = config.authSigninURL() == null || config.authSigninURL().isEmpty() ? null
                : config.authSigninURL();
        if (config.trustForwardHeader() == null) {
            LOG.warn("middleware {}: trustForwardHeader is not configured: some X-Forwarded headers are removed and "
                    + "others forwarded untouched; set it to false or true", name);
        }
        if (config.maxResponseBodySize() == null) {
            LOG.warn("middleware {}: maxResponseBodySize is not configured, allowing unlimited response body size",
                    name);
        }
    }

    /**
     * Builds the middleware for one snapshot.
     *
     * @throws IllegalArgumentException naming the option when the address, TLS files or regex are invalid
     */
    public static ForwardAuthMiddleware create(String name, ForwardAuth config) {
        return new ForwardAuthMiddleware(name, config, AuthClient.TIMEOUT);
    }

    /** As {@link #create(String, ForwardAuth)} with another bound on the whole auth call (tests). */
    public static ForwardAuthMiddleware create(String name, ForwardAuth config, Duration timeout) {
        return new ForwardAuthMiddleware(name, config, timeout);
    }

    /** The header that names the authenticated user for the access log (Traefik's ClientUsername), or null. */
    public String headerField() {
        return headerField == null || headerField.isEmpty() ? null : headerField;
    }

    @Override
    public HttpHandler wrap(HttpHandler next) {
        return exchange -> authenticate(exchange, next);
    }

    private void authenticate(Exchange exchange, HttpHandler next) {
        HttpMethod method = exchange.request().method();
        // a CONNECT body of unknown length is tunnel data, never forwarded to the auth server
        boolean withBody = forwardBody && exchange.hasRequestBody()
                && !(HttpMethod.CONNECT.equals(method) && !HttpUtil.isContentLengthSet(exchange.request()));
        if (!withBody) {
            callAuthServer(exchange, next, null);
            return;
        }
        exchange.consumeRequestBody(new RequestBodyCollector(exchange.context().alloc(), maxBodySize,
                body -> callAuthServer(exchange, next, body),
                () -> {
                    LOG.debug("middleware {}: request body is too large, maxBodySize: {}", name, maxBodySize);
                    respondEmpty(exchange, HttpResponseStatus.UNAUTHORIZED);
                }));
    }

    private void callAuthServer(Exchange exchange, HttpHandler next, LastHttpContent body) {
        if (exchange.finished()) {
            if (body != null) {
                body.release();
            }
            return;
        }
        HttpMethod method = preserveRequestMethod ? exchange.request().method() : HttpMethod.GET;
        ByteBuf content = body == null ? Unpooled.EMPTY_BUFFER : body.content().retainedDuplicate();
        HttpHeaders headers = requestHeaders.build(new AuthRequestHeaders.ClientRequest(exchange.request().headers(),
                exchange.request().method().name(), exchange.host(), requestUri(exchange), exchange.clientIp(),
                exchange.isSecure()));
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, addressRequestUri, content,
                headers, DefaultHttpHeadersFactory.trailersFactory().withValidation(false).newHeaders());
        headers.set(HttpHeaderNames.HOST, addressAuthority);
        if (body != null || HttpMethod.POST.equals(method) || HttpMethod.PUT.equals(method)
                || HttpMethod.PATCH.equals(method)) {
            headers.setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
        }
        var channel = client.send(exchange.channel().eventLoop(), exchange.channel(), request, new AuthClient.Callback() {
            @Override
            public void onResponse(FullHttpResponse response) {
                try {
                    handleAuthResponse(exchange, next, body, response);
                } finally {
                    response.release();
                }
            }

            @Override
            public void onResponseTooLarge() {
                release(body);
                LOG.debug("middleware {}: auth response body is too large", name);
                respondEmpty(exchange, HttpResponseStatus.UNAUTHORIZED);
            }

            @Override
            public void onError(Throwable cause) {
                release(body);
                if (exchange.finished() || cause instanceof CancellationException) {
                    return;
                }
                LOG.error("middleware {}: error calling {}: {}", name, address, cause.toString());
                respondEmpty(exchange, HttpResponseStatus.INTERNAL_SERVER_ERROR);
            }
        });
        exchange.listener(new ExchangeListener() {
            @Override
            public void onClientWritable() {
                // nothing streams to the client yet
            }

            @Override
            public void onClientClosed() {
                channel.close(); // Go cancels the auth request with the client's context
            }
        });
    }

    private static void release(LastHttpContent body) {
        if (body != null) {
            body.release();
        }
    }

    /** Go's req.URL.RequestURI(): the path and query of the (possibly rewritten) request target. */
    private static String requestUri(Exchange exchange) {
        String uri = exchange.request().uri();
        if (!uri.isEmpty() && uri.charAt(0) == '/') {
            return uri;
        }
        String query = exchange.rawQuery();
        return query.isEmpty() ? exchange.rawPath() : exchange.rawPath() + "?" + query;
    }

    private void handleAuthResponse(Exchange exchange, HttpHandler next, LastHttpContent body,
                                    FullHttpResponse auth) {
        if (exchange.finished()) {
            release(body);
            return;
        }
        int code = auth.status().code();
        if (authSigninUrl != null && code == 401) {
            release(body);
            redirectToSignin(exchange);
            return;
        }
        if (code < 200 || code >= 300) {
            release(body);
            LOG.debug("middleware {}: remote error {}. StatusCode: {}", name, address, code);
            respondWithAuthResponse(exchange, auth);
            return;
        }
        HttpHeaders req = exchange.request().headers();
        for (String header : authResponseHeaders) {
            req.remove(header);
            List<String> values = auth.headers().getAll(header);
            if (!values.isEmpty()) {
                req.add(ForwardedHeaders.canonical(header), values);
            }
        }
        if (authResponseHeadersRegex != null) {
            List<String> matching = new ArrayList<>();
            for (String header : req.names()) {
                if (authResponseHeadersRegex.matcher(ForwardedHeaders.canonical(header)).find()) {
                    matching.add(header);
                }
            }
            matching.forEach(req::remove);
            for (String header : auth.headers().names()) {
                String canonical = ForwardedHeaders.canonical(header);
                if (authResponseHeadersRegex.matcher(canonical).find()) {
                    req.set(canonical, auth.headers().getAll(header));
                }
            }
        }
        List<String> authCookies = auth.headers().getAll(HttpHeaderNames.SET_COOKIE);
        if (!authCookies.isEmpty()) {
            exchange.addResponseInterceptor(new AuthCookies(addAuthCookiesToResponse, List.copyOf(authCookies)));
        }
        exchange.listener(null);
        if (body != null) {
            exchange.replayRequestBody(body);
        }
        next.handle(exchange);
    }

    private void respondWithAuthResponse(Exchange exchange, FullHttpResponse auth) {
        HttpHeaders headers = DefaultHttpHeadersFactory.headersFactory().withValidation(false).newHeaders();
        headers.set(auth.headers());
        for (CharSequence hop : HOP_HEADERS) {
            headers.remove(hop);
        }
        String location = auth.headers().get(HttpHeaderNames.LOCATION);
        if (location != null) {
            if (!preserveLocationHeader) {
                try {
                    // Go's Response.Location(): resolved against the auth request's URL
                    location = address.resolve(new URI(location)).toString();
                } catch (URISyntaxException | IllegalArgumentException e) {
                    LOG.debug("middleware {}: error reading response location header {}", name, address);
                    respondEmpty(exchange, HttpResponseStatus.INTERNAL_SERVER_ERROR);
                    return;
                }
            }
            if (location.isEmpty()) {
                headers.remove(HttpHeaderNames.LOCATION);
            } else {
                headers.set(HttpHeaderNames.LOCATION, location);
            }
        }
        ByteBuf content = auth.content().retainedDuplicate();
        headers.setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
        if (!headers.contains(HttpHeaderNames.DATE)) {
            headers.set(HttpHeaderNames.DATE, HttpDate.now());
        }
        exchange.respond(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, auth.status(), content, headers,
                DefaultHttpHeadersFactory.trailersFactory().newHeaders()));
    }

    /** Go's http.Redirect(rw, req, authSigninURL, 302). */
    private void redirectToSignin(Exchange exchange) {
        boolean getOrHead = HttpMethod.GET.equals(exchange.request().method())
                || HttpMethod.HEAD.equals(exchange.request().method());
        ByteBuf content = getOrHead
                ? Unpooled.copiedBuffer("<a href=\"" + htmlEscape(authSigninUrl) + "\">Found</a>.\n\n",
                        StandardCharsets.UTF_8)
                : Unpooled.EMPTY_BUFFER;
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.FOUND, content);
        response.headers().set(HttpHeaderNames.LOCATION, authSigninUrl);
        if (getOrHead) {
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/html; charset=utf-8");
        }
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
        response.headers().set(HttpHeaderNames.DATE, HttpDate.now());
        exchange.respond(response);
    }

    private static String htmlEscape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&#34;")
                .replace("'", "&#39;");
    }

    private static void respondEmpty(Exchange exchange, HttpResponseStatus status) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status);
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
        response.headers().set(HttpHeaderNames.DATE, HttpDate.now());
        exchange.respond(response);
    }

    /**
     * addAuthCookiesToResponse: the response's own cookies with those names are replaced by the auth server's.
     * Traefik installs it whenever the auth answer set any cookie.
     */
    record AuthCookies(Set<String> names, List<String> authSetCookies) implements ResponseInterceptor {

        @Override
        public void onResponseHead(Exchange exchange, HttpResponse response) {
            apply(response.headers());
        }

        void apply(HttpHeaders headers) {
            List<String> own = headers.getAll(HttpHeaderNames.SET_COOKIE);
            headers.remove(HttpHeaderNames.SET_COOKIE);
            for (String cookie : own) {
                String cookieName = cookieName(cookie);
                if (cookieName != null && !names.contains(cookieName)) {
                    headers.add(HttpHeaderNames.SET_COOKIE, cookie);
                }
            }
            for (String cookie : authSetCookies) {
                String cookieName = cookieName(cookie);
                if (cookieName != null && names.contains(cookieName)) {
                    headers.add(HttpHeaderNames.SET_COOKIE, cookie);
                }
            }
        }

        /** The name of a Set-Cookie value, or null when Go would drop it as invalid. */
        static String cookieName(String setCookie) {
            int eq = setCookie.indexOf('=');
            if (eq <= 0) {
                return null;
            }
            String n = setCookie.substring(0, eq).strip();
            return n.isEmpty() ? null : n;
        }
    }

}
