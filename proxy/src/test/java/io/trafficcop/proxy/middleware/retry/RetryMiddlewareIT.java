package io.trafficcop.proxy.middleware.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.trafficcop.proxy.config.GoDuration;
import io.trafficcop.proxy.config.dynamic.Retry;
import io.trafficcop.proxy.http.Exchange;
import io.trafficcop.proxy.http.HttpHandler;
import io.trafficcop.proxy.http.RequestBodyConsumer;
import io.trafficcop.proxy.runtime.EntryPointSettings;
import io.trafficcop.proxy.runtime.Snapshot;
import io.trafficcop.proxy.server.ProxyServer;
import io.trafficcop.proxy.testing.LeakCheck;
import io.trafficcop.proxy.testing.Services;
import io.trafficcop.proxy.testing.TestClients;
import io.trafficcop.proxy.testing.TestRoutes;
import io.trafficcop.proxy.whoami.WhoamiServer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * retry through the real proxy. Traefik's TestRetry and TestRetryHTTPStatusCodes tables run against an in-process
 * service that plays the backend: a "TCP failure" reaches the proxy but writes no request (then answers 502/504),
 * a success marks the request written; the clock is injected so timeouts need no waiting. One case uses real
 * backends: a dead server and a whoami in round robin.
 */
class RetryMiddlewareIT {

    static ProxyServer proxy;
    static HttpClient client;
    static WhoamiServer whoami;

    @BeforeAll
    static void start() throws Exception {
        LeakCheck.paranoid();
        client = TestClients.http1();
        whoami = new WhoamiServer("retry").start("127.0.0.1", 0);
        proxy = new ProxyServer(1);
        proxy.start(List.of(EntryPointSettings.of("web", "127.0.0.1:0")), new Snapshot(Map.of("web", new TestRoutes())));
    }

    @AfterAll
    static void stop() {
        proxy.shutdown();
        whoami.close();
        client.close();
    }

    /** Plays Traefik's test backend: attempts below tcpFailures fail before writing; then the listed statuses. */
    static final class ScriptedService implements HttpHandler {
        final int tcpFailures;
        final HttpResponseStatus tcpFailureStatus;
        final List<Integer> statuses;
        final String expectedBody;
        final AtomicLong clock;
        final long delayNanos;
        final AtomicInteger calls = new AtomicInteger();
        volatile boolean bodyMismatch;

        ScriptedService(int tcpFailures, HttpResponseStatus tcpFailureStatus, List<Integer> statuses,
                        String expectedBody, AtomicLong clock, long delayNanos) {
            this.tcpFailures = tcpFailures;
            this.tcpFailureStatus = tcpFailureStatus;
            this.statuses = statuses;
            this.expectedBody = expectedBody;
            this.clock = clock;
            this.delayNanos = delayNanos;
        }

        @Override
        public void handle(Exchange exchange) {
            clock.addAndGet(delayNanos);
            int call = calls.getAndIncrement();
            exchange.markUpstreamReached();
            if (call < tcpFailures) {
                exchange.respond(tcpFailureStatus, tcpFailureStatus.reasonPhrase());
                return;
            }
            exchange.markUpstreamRequestWritten();
            if (!exchange.hasRequestBody()) {
                answer(exchange, call, "");
                return;
            }
            exchange.consumeRequestBody(new RequestBodyConsumer() {
                final StringBuilder body = new StringBuilder();

                @Override
                public void onRequestContent(HttpContent content) {
                    body.append(content.content().toString(StandardCharsets.UTF_8));
                    boolean last = content instanceof LastHttpContent;
                    content.release();
                    if (last) {
                        answer(exchange, call, body.toString());
                    }
                }

                @Override
                public void flushRequestBody() {
                }

                @Override
                public boolean isWritable() {
                    return true;
                }
            });
        }

        private void answer(Exchange exchange, int call, String body) {
            if (expectedBody != null && !expectedBody.equals(body)) {
                bodyMismatch = true;
            }
            int index = call; // as Traefik's test: TCP failures use up their slot in the list
            int code = index < statuses.size() ? statuses.get(index) : 403;
            ByteBuf content = Unpooled.copiedBuffer("attempt " + call, StandardCharsets.UTF_8);
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.valueOf(code), content);
            response.headers().set("X-Attempt-" + call, "value");
            if (code == 200) {
                response.headers().set("X-Final", "success");
            }
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
            exchange.respond(response);
        }
    }

    private static HttpResponse<String> send(HttpHandler handler, String method, String body) throws Exception {
        proxy.apply(new Snapshot(Map.of("web", new TestRoutes().any("retry@test", handler))));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.boundPort("web") + "/ok"));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Retry retry(int attempts, Duration initialInterval, Duration timeout, Long maxBody,
                               List<String> status, boolean disableNetwork, boolean nonIdempotent) {
        return new Retry(attempts, timeout == null ? null : new GoDuration(timeout),
                initialInterval == null ? null : new GoDuration(initialInterval), maxBody, status, disableNetwork,
                nonIdempotent);
    }

    static Stream<Arguments> traefikTestRetry() {
        Duration backoff = Duration.ofNanos(50_000);
        return Stream.of(
                arguments("no retry on success", 5, null, 0, 200, 1),
                arguments("no retry on success with backoff", 5, backoff, 0, 200, 1),
                arguments("no retry when max request attempts is one", 1, null, 1, 502, 1),
                arguments("no retry when max request attempts is one with backoff", 1, backoff, 1, 502, 1),
                arguments("one retry when one server is faulty", 2, null, 1, 200, 2),
                arguments("one retry when one server is faulty with backoff", 2, backoff, 1, 200, 2),
                arguments("two retries when two servers are faulty", 3, null, 2, 200, 3),
                arguments("two retries when two servers are faulty with backoff", 3, backoff, 2, 200, 3),
                arguments("max attempts exhausted delivers the 5xx response", 3, null, 3, 502, 3),
                arguments("max attempts exhausted delivers the 5xx response with backoff", 3, backoff, 3, 502, 3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void traefikTestRetry(String desc, int attempts, Duration initialInterval, int faulty, int wantStatus,
                          int wantCalls) throws Exception {
        List<Integer> statuses = new java.util.ArrayList<>(java.util.Collections.nCopies(faulty, 502));
        statuses.add(200);
        ScriptedService service = new ScriptedService(faulty, HttpResponseStatus.BAD_GATEWAY, statuses, null,
                new AtomicLong(), 0);
        HttpHandler handler = RetryMiddleware.create("retry@test",
                retry(attempts, initialInterval, null, null, null, false, false)).wrap(service);

        HttpResponse<String> response = send(handler, "GET", null);

        assertThat(response.statusCode()).isEqualTo(wantStatus);
        assertThat(service.calls.get()).isEqualTo(wantCalls);
    }

    static Stream<Arguments> traefikTestRetryHttpStatusCodes() {
        long ms50 = Duration.ofMillis(50).toNanos();
        Duration t50 = Duration.ofMillis(50);
        String body = "test request body";
        return Stream.of(
                arguments("retry on single 503 status code", retry(3, null, null, 1024L, List.of("503"), false, false),
                        List.of(503, 200), "GET", body, 0L, 0, 1, 200),
                arguments("retry on range of 5xx status codes",
                        retry(4, null, null, 1024L, List.of("500-599"), false, false),
                        List.of(500, 502, 503, 200), "GET", body, 0L, 0, 3, 200),
                arguments("retry on multiple specific status codes",
                        retry(3, null, null, 1024L, List.of("502", "503", "504"), false, false),
                        List.of(502, 200), "GET", body, 0L, 0, 1, 200),
                arguments("no retry on non-matching status code",
                        retry(3, null, null, 1024L, List.of("503"), false, false),
                        List.of(500), "GET", null, 0L, 0, 0, 500),
                arguments("exhaust all attempts with matching status codes",
                        retry(3, null, null, null, List.of("503"), false, false),
                        List.of(503, 503, 503), "GET", null, 0L, 0, 2, 503),
                arguments("retry with body lower than maxRequestBodyBytes",
                        retry(3, null, null, 1024L, List.of("502"), false, false),
                        List.of(502, 200), "GET", body, 0L, 0, 1, 200),
                arguments("retry with body greater than maxRequestBodyBytes",
                        retry(3, null, null, 8L, List.of("502"), false, false),
                        List.of(502, 200), "GET", body, 0L, 0, 0, 502),
                arguments("retry with timeout stops retries early",
                        retry(5, null, t50, null, List.of("503"), false, false),
                        List.of(503, 503, 503, 503, 503), "GET", null, ms50, 0, 0, 503),
                arguments("retry with timeout stops TCP retries early",
                        retry(5, null, t50, null, List.of("503"), false, false),
                        List.of(503, 503, 503, 503, 503), "GET", null, ms50, 5, 0, 504),
                arguments("retry on TCP failure and 503 status code",
                        retry(3, null, null, 1024L, List.of("503"), false, false),
                        List.of(502, 503, 200), "GET", body, 0L, 1, 2, 200),
                arguments("retry failure on 503 status code with method POST",
                        retry(3, null, null, 1024L, List.of("503"), false, false),
                        List.of(503, 200), "POST", body, 0L, 0, 0, 503),
                arguments("retry success on 503 status code with method POST",
                        retry(3, null, null, 1024L, List.of("503"), false, true),
                        List.of(503, 200), "POST", body, 0L, 0, 1, 200),
                arguments("no retry on TCP failure when disableRetryOnNetworkError is set",
                        retry(3, null, null, 1024L, List.of("503"), true, false),
                        List.of(200, 200), "GET", null, 0L, 1, 0, 504));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void traefikTestRetryHttpStatusCodes(String desc, Retry config, List<Integer> statuses, String method,
                                         String body, long delayNanos, int tcpFailures, int wantRetries,
                                         int wantStatus) throws Exception {
        AtomicLong clock = new AtomicLong();
        ScriptedService service = new ScriptedService(tcpFailures, HttpResponseStatus.GATEWAY_TIMEOUT, statuses, body,
                clock, delayNanos);
        HttpHandler handler = RetryMiddleware.create("retry@test", config, clock::get).wrap(service);

        HttpResponse<String> response = send(handler, method, body);

        assertThat(response.statusCode()).isEqualTo(wantStatus);
        assertThat(service.calls.get() - 1).as("retries").isEqualTo(wantRetries);
        assertThat(service.bodyMismatch).as("body replayed on every attempt").isFalse();
        if (wantStatus == 200) {
            int last = service.calls.get() - 1;
            assertThat(response.headers().firstValue("X-Final")).hasValue("success");
            assertThat(response.headers().firstValue("X-Attempt-" + last)).hasValue("value");
            for (int i = 0; i < last; i++) {
                assertThat(response.headers().firstValue("X-Attempt-" + i)).isEmpty();
            }
            assertThat(response.body()).isEqualTo("attempt " + last);
        }
    }

    @Test
    void deadServerInRoundRobinIsRetriedOnTheLiveOne() throws Exception {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
        HttpHandler handler = RetryMiddleware.create("retry@test", retry(2, null, null, null, null, false, false))
                .wrap(Services.loadBalancer("pair", "http://127.0.0.1:" + deadPort, whoami.url()));
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> response = send(handler, "GET", null);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("GET /ok");
        }
        HttpResponse<String> post = send(handler, "POST", "payload");
        assertThat(post.statusCode()).isEqualTo(200); // a connection refused is retried for any method
    }
}
