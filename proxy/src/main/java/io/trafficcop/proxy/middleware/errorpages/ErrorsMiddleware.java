package io.trafficcop.proxy.middleware.errorpages;

import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.trafficcop.proxy.config.dynamic.ErrorPage;
import io.trafficcop.proxy.http.Exchange;
import io.trafficcop.proxy.http.HttpHandler;
import io.trafficcop.proxy.http.ResponseInterceptor;
import io.trafficcop.proxy.middleware.HttpCodeRanges;
import io.trafficcop.proxy.middleware.Middleware;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Traefik's {@code errors} middleware: a response whose status is in {@code status} is replaced by the answer of
 * {@code service} to {@code GET <query>} ({@code {status}}, {@code {originalStatus}} and {@code {url}} substituted),
 * sent with the caught status, or the one {@code statusRewrites} maps it to. The page request carries the client's
 * headers, or only {@code errorRequestHeaders} when set, and the client's Host.
 */
public final class ErrorsMiddleware implements Middleware {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorsMiddleware.class);

    private record StatusRewrite(HttpCodeRanges from, int to) {
    }

    private final String name;
    private final HttpCodeRanges status;
    private final List<StatusRewrite> statusRewrites;
    private final HttpHandler service;
    private final String query;
    private final List<String> errorRequestHeaders;

    private ErrorsMiddleware(String name, ErrorPage config, Function<String, HttpHandler> services) {
        this.name = name;
        this.status = HttpCodeRanges.parse("errors.status", config.status() == null ? List.of() : config.status());
        List<StatusRewrite> rewrites = new ArrayList<>();
        if (config.statusRewrites() != null) {
            for (Map.Entry<String, Integer> e : config.statusRewrites().entrySet()) {
                if (e.getValue() == null || e.getValue() < 100 || e.getValue() > 999) {
                    throw new IllegalArgumentException("invalid errors.statusRewrites \"" + e.getKey() + "\": "
                            + e.getValue() + " is not a status code");
                }
                rewrites.add(new StatusRewrite(HttpCodeRanges.parse("errors.statusRewrites", List.of(e.getKey())),
                        e.getValue()));
            }
        }
        this.statusRewrites = List.copyOf(rewrites);
        if (config.service() == null || config.service().isEmpty()) {
            throw new IllegalArgumentException("errors.service is required");
        }
        this.service = services.apply(config.service());
        if (service == null) {
            throw new IllegalArgumentException("errors.service \"" + config.service() + "\" does not exist");
        }
        this.query = config.query() == null ? "" : config.query();
        this.errorRequestHeaders = config.errorRequestHeaders() == null ? null
                : List.copyOf(config.errorRequestHeaders());
    }

    /**
     * @param services resolves a service name (as written in the configuration, qualified by the compiler as it
     *                 qualifies router services) to its handler; null when there is no such service
     * @throws IllegalArgumentException naming the option when a status range or the service is invalid
     */
    public static ErrorsMiddleware create(String name, ErrorPage config, Function<String, HttpHandler> services) {
        return new ErrorsMiddleware(name, config, services);
    }

    @Override
    public HttpHandler wrap(HttpHandler next) {
        return exchange -> {
            exchange.addResponseGate(new Catcher(exchange));
            next.handle(exchange);
        };
    }

    /** Traefik's codeCatcher: holds back a response with a caught status, then asks the error service. */
    private final class Catcher implements Exchange.ResponseGate {

        private final Exchange exchange;
        private final int interceptors;
        private final int gates;
        private int caught;

        Catcher(Exchange exchange) {
            this.exchange = exchange;
            this.interceptors = exchange.interceptorCount();
            this.gates = exchange.responseGateCount();
        }

        @Override
        public boolean admit(HttpResponse head) {
            int code = head.status().code();
            if (status.contains(code)) {
                caught = code;
                return false;
            }
            return true;
        }

        @Override
        public void discarded() {
            // never re-enter a service from inside the response that just ended
            exchange.channel().eventLoop().execute(this::servePage);
        }

        private void servePage() {
            if (exchange.finished()) {
                return;
            }
            int code = caught;
            for (StatusRewrite rewrite : statusRewrites) {
                if (rewrite.from().contains(code)) {
                    code = rewrite.to();
                    break;
                }
            }
            LOG.debug("middleware {}: caught HTTP status code {}, returning error page", name, caught);
            HttpRequest request = exchange.request();
            String host = exchange.host();
            String pageUri = pageUri(code, caught, exchange.isSecure() ? "https" : "http", host, exchange.rawPath(),
                    exchange.rawQuery());
            HttpHeaders original = request.headers();
            HttpHeaders headers = DefaultHttpHeadersFactory.headersFactory().withValidation(false).newHeaders();
            if (errorRequestHeaders != null) {
                for (String header : errorRequestHeaders) {
                    List<String> values = original.getAll(header);
                    if (!values.isEmpty()) {
                        headers.set(header, values);
                    }
                }
            } else {
                headers.set(original);
                // the page request is a GET without body
                headers.remove(HttpHeaderNames.CONTENT_LENGTH);
                headers.remove(HttpHeaderNames.TRANSFER_ENCODING);
            }
            headers.set(HttpHeaderNames.HOST, host);
            request.setMethod(HttpMethod.GET);
            request.setUri(pageUri);
            request.headers().set(headers);
            exchange.discardRequestBody();
            exchange.resetAttempt(interceptors, gates);
            int sent = code;
            exchange.addResponseInterceptor(new ResponseInterceptor() {
                @Override
                public void onResponseHead(Exchange ex, HttpResponse response) {
                    response.setStatus(HttpResponseStatus.valueOf(sent)); // Traefik's codeModifier
                }
            });
            service.handle(exchange);
        }
    }

    /** The page request's target: Traefik's query with its placeholders, "/" when there is none. */
    String pageUri(int code, int originalCode, String scheme, String host, String rawPath, String rawQuery) {
        if (query.isEmpty()) {
            return "/";
        }
        String q = "/" + (query.startsWith("/") ? query.substring(1) : query);
        String original = scheme + "://" + host + rawPath + (rawQuery.isEmpty() ? "" : "?" + rawQuery);
        return q.replace("{status}", Integer.toString(code))
                .replace("{originalStatus}", Integer.toString(originalCode))
                .replace("{url}", queryEscape(original));
    }

    /** Go's url.QueryEscape: unreserved characters kept, space as '+', everything else %XX. */
    static String queryEscape(String s) {
        StringBuilder sb = new StringBuilder(s.length() * 3 / 2);
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.' || c == '~') {
                sb.append((char) c);
            } else if (c == ' ') {
                sb.append('+');
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }
}
