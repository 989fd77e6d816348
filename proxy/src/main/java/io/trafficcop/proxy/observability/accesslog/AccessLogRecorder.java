package io.trafficcop.proxy.observability.accesslog;

import static io.trafficcop.proxy.observability.accesslog.AccessLogFieldNames.*;

import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.trafficcop.proxy.http.Exchange;
import io.trafficcop.proxy.http.ResponseInterceptor;
import io.trafficcop.proxy.observability.accesslog.AccessLogFieldPolicy.HeaderMode;
import io.trafficcop.proxy.runtime.RouterRuntime;
import io.trafficcop.proxy.upstream.UpstreamTarget;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Records one exchange for the access log: the request as it arrived (Traefik's access log sits at the front of
 * the entry point's chain), the final response head and size (registered first, its interceptor runs last, after
 * every middleware), and at completion turns it into the entry's fields. Event-loop confined until it hands the
 * immutable-from-then-on field map to the writer.
 */
final class AccessLogRecorder implements ResponseInterceptor, Runnable {

    private static final String REDACTED = "REDACTED";

    private final Exchange exchange;
    private final AccessLogFieldPolicy policy;
    private final AccessLogFilter filter;
    private final Consumer<Map<String, Object>> sink;
    private final long startNanos;
    private final Map<String, Object> core = new HashMap<>(48);
    private final Map<String, Object> headerFields = new HashMap<>(8);
    private final boolean addInternals;
    private final boolean entryPointEnabled;
    private long responseSize;

    AccessLogRecorder(Exchange exchange, AccessLogFieldPolicy policy, AccessLogFilter filter, Consumer<Map<String, Object>> sink,
                      long requestCount, boolean addInternals, boolean entryPointEnabled) {
        this.entryPointEnabled = entryPointEnabled;
        this.addInternals = addInternals;
        this.exchange = exchange;
        this.policy = policy;
        this.filter = filter;
        this.sink = sink;
        this.startNanos = System.nanoTime();
        recordRequest(requestCount);
    }

    private void recordRequest(long requestCount) {
        Instant now = Instant.now();
        core.put(START_UTC, ZonedDateTime.ofInstant(now, ZoneOffset.UTC));
        core.put(START_LOCAL, ZonedDateTime.ofInstant(now, ZoneId.systemDefault()));
        core.put(REQUEST_COUNT, requestCount);
        core.put(ENTRY_POINT_NAME, exchange.entryPoint().name());
        String host = exchange.host();
        if (!host.isEmpty()) {
            core.put(REQUEST_ADDR, host);
            putHostPort(host, REQUEST_HOST, REQUEST_PORT);
        }
        core.put(REQUEST_METHOD, exchange.method());
        core.put(REQUEST_PATH, requestPath(exchange.originalUri(), policy.keepQueryParameters()));
        core.put(REQUEST_PROTOCOL, exchange.isHttp2() ? "HTTP/2.0" : exchange.request().protocolVersion().text());
        core.put(REQUEST_SCHEME, exchange.isSecure() ? "https" : "http");
        InetSocketAddress remote = exchange.remoteAddress();
        if (remote != null) {
            String ip = exchange.clientIp() != null ? exchange.clientIp() : remote.getHostString();
            String addr = ip.indexOf(':') >= 0 ? "[" + ip + "]:" + remote.getPort() : ip + ":" + remote.getPort();
            core.put(CLIENT_ADDR, addr);
            core.put(CLIENT_HOST, ip);
            core.put(CLIENT_PORT, Integer.toString(remote.getPort()));
        }
        HttpHeaders headers = exchange.request().headers();
        String forwardedFor = headers.get(io.trafficcop.proxy.http.HeaderNames.X_FORWARDED_FOR);
        if (forwardedFor != null && !forwardedFor.isEmpty()) {
            core.put(CLIENT_HOST, forwardedFor);
        }
        copyHeaders(headers, REQUEST_HEADER_PREFIX, true);
    }

    @Override
    public void onResponseHead(Exchange ex, HttpResponse response) {
        headerFields.keySet().removeIf(k -> k.startsWith(DOWNSTREAM_HEADER_PREFIX)); // a retried response
        copyHeaders(response.headers(), DOWNSTREAM_HEADER_PREFIX, false);
        if (response instanceof HttpContent full) {
            responseSize += full.content().readableBytes();
        }
    }

    @Override
    public HttpContent onResponseContent(Exchange ex, HttpContent content) {
        responseSize += content.content().readableBytes();
        return content;
    }

    /** The exchange is over: builds the entry and queues it unless filtered out. */
    @Override
    public void run() {
        if (!enabled()) {
            return;
        }
        int status = exchange.status();
        Duration duration = Duration.ofNanos(System.nanoTime() - startNanos);
        int retries = exchange.retryAttempts();
        core.put(RETRY_ATTEMPTS, retries);
        core.put(REQUEST_CONTENT_SIZE, exchange.requestContentSize());
        core.put(DOWNSTREAM_STATUS, status);
        core.put(DURATION, duration);
        if (!filter.keep(status, retries, duration)) {
            return;
        }
        core.put(DOWNSTREAM_CONTENT_SIZE, responseSize);
        String user = exchange.clientUsername();
        core.put(CLIENT_USERNAME, user == null || user.isEmpty() ? "-" : user);
        if (exchange.router() != null) {
            core.put(ROUTER_NAME, exchange.router().name());
        }
        Duration overhead = duration;
        UpstreamTarget upstream = exchange.upstream();
        if (upstream != null) {
            if (exchange.serviceName() != null) {
                core.put(SERVICE_NAME, exchange.serviceName());
            }
            core.put(SERVICE_URL, upstream.url());
            core.put(SERVICE_ADDR, upstream.authority());
            int origin = exchange.originStatus();
            // the proxy's own answer (502, 504, 499) when the server did not answer or the client left
            core.put(ORIGIN_STATUS, origin == 0 || status == Exchange.STATUS_CLIENT_CLOSED_REQUEST ? status : origin);
            Duration originDuration = Duration.ofNanos(System.nanoTime() - exchange.upstreamStartNanos());
            core.put(ORIGIN_DURATION, originDuration);
            core.put(ORIGIN_CONTENT_SIZE, responseSize);
            overhead = duration.minus(originDuration);
        }
        core.put(OVERHEAD, overhead);
        Map<String, Object> entry = new HashMap<>(core.size() + headerFields.size());
        for (Map.Entry<String, Object> e : core.entrySet()) {
            if (policy.keep(e.getKey())) {
                entry.put(e.getKey(), e.getValue());
            }
        }
        entry.putAll(headerFields);
        sink.accept(entry);
    }

    /**
     * Traefik's shouldAccessLog: the router's {@code observability.accessLogs} when set, else the entry point's;
     * internal routers only with {@code addInternals}.
     */
    private boolean enabled() {
        RouterRuntime router = exchange.router();
        if (router == null) {
            return entryPointEnabled;
        }
        if (!addInternals && router.name().endsWith("@internal")) {
            return false;
        }
        return router.accessLogs() != null ? router.accessLogs() : entryPointEnabled;
    }

    private void copyHeaders(HttpHeaders headers, String prefix, boolean request) {
        if (!policy.anyHeader() || headers.isEmpty()) {
            return;
        }
        if (policy.headersByDefault()) {
            Iterator<Map.Entry<CharSequence, CharSequence>> it = headers.iteratorCharSequence();
            while (it.hasNext()) {
                String name = it.next().getKey().toString();
                copyHeader(headers, name, prefix, request);
            }
        } else {
            for (String name : policy.namedHeaders()) {
                copyHeader(headers, name, prefix, request);
            }
        }
    }

    private void copyHeader(HttpHeaders headers, String name, String prefix, boolean request) {
        if (request && (name.equalsIgnoreCase("host") || name.startsWith(":") || name.regionMatches(true, 0,
                "x-http2-", 0, 8))) {
            return; // Go keeps Host out of req.Header; HTTP/2 pseudo-headers are not headers
        }
        String key = prefix + CanonicalHeaderKey.of(name);
        if (headerFields.containsKey(key) || !headers.contains(name)) {
            return;
        }
        switch (policy.header(name)) {
            case KEEP -> headerFields.put(key, String.join(",", headers.getAll(name)));
            case REDACT -> headerFields.put(key, REDACTED);
            case DROP -> { }
        }
    }

    private void putHostPort(String value, String hostKey, String portKey) {
        // Go's net.SplitHostPort; Traefik logs the whole value and "-" when it has no port
        int colon = value.lastIndexOf(':');
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            if (close > 0 && colon == close + 1) {
                core.put(hostKey, value.substring(1, close));
                core.put(portKey, value.substring(colon + 1));
                return;
            }
        } else if (colon > 0 && value.indexOf(':') == colon) {
            core.put(hostKey, value.substring(0, colon));
            core.put(portKey, value.substring(colon + 1));
            return;
        }
        core.put(hostKey, value);
        core.put(portKey, "-");
    }

    /** The request target without scheme and authority, with or without its query. */
    static String requestPath(String uri, boolean keepQuery) {
        String path = uri;
        if (!path.isEmpty() && path.charAt(0) != '/') {
            int scheme = path.indexOf("://");
            if (scheme > 0) {
                int slash = path.indexOf('/', scheme + 3);
                int query = path.indexOf('?', scheme + 3);
                int start = slash < 0 ? query : query < 0 ? slash : Math.min(slash, query);
                path = start < 0 ? "" : path.substring(start);
            }
        }
        if (!keepQuery) {
            int q = path.indexOf('?');
            if (q >= 0) {
                path = path.substring(0, q);
            }
        }
        return path;
    }
}
