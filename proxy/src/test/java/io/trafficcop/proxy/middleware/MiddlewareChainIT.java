package io.trafficcop.proxy.middleware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.trafficcop.proxy.http.Exchange;
import io.trafficcop.proxy.http.HttpHandler;
import io.trafficcop.proxy.http.ResponseInterceptor;
import io.trafficcop.proxy.runtime.EntryPointSettings;
import io.trafficcop.proxy.runtime.Snapshot;
import io.trafficcop.proxy.server.ProxyServer;
import io.trafficcop.proxy.testing.LeakCheck;
import io.trafficcop.proxy.testing.Services;
import io.trafficcop.proxy.testing.TestClients;
import io.trafficcop.proxy.testing.TestRoutes;
import io.trafficcop.proxy.whoami.WhoamiServer;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The middleware SPI end to end: order of a chain, request and response header rewriting, short-circuit answers,
 * the entry point redirection, and the completion hook (499 when the client goes away).
 */
class MiddlewareChainIT {

    static WhoamiServer backend;
    static ProxyServer proxy;
    static HttpClient client;
    static final AtomicInteger lastStatus = new AtomicInteger();

    /** Appends its name to X-Order on the request and to X-Order-Response on the response. */
    record Tag(String name) implements Middleware {
        @Override
        public HttpHandler wrap(HttpHandler next) {
            ResponseInterceptor onResponse = (exchange, response) -> {
                String prior = response.headers().get("X-Order-Response");
                response.headers().set("X-Order-Response", prior == null ? name : prior + "," + name);
            };
            return exchange -> {
                String prior = exchange.request().headers().get("X-Order");
                exchange.request().headers().set("X-Order", prior == null ? name : prior + "," + name);
                exchange.addResponseInterceptor(onResponse);
                next.handle(exchange);
            };
        }
    }

    static final Middleware DENY = next -> exchange -> exchange.respond(HttpResponseStatus.FORBIDDEN, "Forbidden");

    static final Middleware RECORD_STATUS = next -> exchange -> {
        exchange.addCompletionListener(() -> lastStatus.set(exchange.status()));
        next.handle(exchange);
    };

    @BeforeAll
    static void start() throws Exception {
        LeakCheck.paranoid();
        backend = new WhoamiServer("mw").start("127.0.0.1", 0);
        HttpHandler service = Services.loadBalancer("mw", backend.url());
        TestRoutes routes = new TestRoutes()
                .host("chain.test", "chain@test", MiddlewareChain.build(List.of(new Tag("A"), new Tag("B")), service))
                .host("deny.test", "deny@test", MiddlewareChain.build(List.of(new Tag("A"), DENY), service))
                .host("record.test", "record@test", MiddlewareChain.build(List.of(RECORD_STATUS), service));
        proxy = new ProxyServer(1);
        proxy.start(List.of(EntryPointSettings.of("inner", "127.0.0.1:0"), EntryPointSettings.of("web", "127.0.0.1:0")),
                new Snapshot(Map.of("inner", routes, "web", new TestRoutes()
                        .rule(EntryPointRedirection.routerName("web", "websecure"), EntryPointRedirection.RULE,
                                EntryPointRedirection.DEFAULT_PRIORITY,
                                MiddlewareChain.build(List.of(new EntryPointRedirection("https", "8443", true)), service))
                        .host("never.test", "user@test", service))));
        client = TestClients.http1();
    }

    @AfterAll
    static void stop() {
        proxy.shutdown();
        backend.close();
        client.close();
    }

    static HttpResponse<String> send(String entryPoint, String host, String method, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.boundPort(entryPoint) + path))
                .header("Host", host).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void runsTheChainInOrderAndRewritesBothHeads() throws Exception {
        var response = send("inner", "chain.test", "GET", "/");
        assertThat(response.body()).contains("X-Order: A,B");
        // response interceptors run innermost first, as Go's nested ResponseWriters in Traefik: B, then A
        assertThat(response.headers().firstValue("X-Order-Response")).hasValue("B,A");
    }

    @Test
    void aMiddlewareCanAnswerItself() throws Exception {
        var response = send("inner", "deny.test", "GET", "/");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("Forbidden");
        assertThat(response.headers().firstValue("X-Order-Response")).hasValue("A");
    }

    @ParameterizedTest
    @CsvSource({"GET,301", "HEAD,308", "POST,308"})
    void redirectsTheEntryPointAboveEveryUserRouter(String method, int status) throws Exception {
        var response = send("web", "never.test", method, "/some/path?q=1");
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Location")).hasValue("https://never.test:8443/some/path?q=1");
    }

    @Test
    void recordsStatus499WhenTheClientGoesAway() throws Exception {
        lastStatus.set(0);
        int before = backend.acceptedConnections();
        try (Socket socket = new Socket("127.0.0.1", proxy.boundPort("inner"))) {
            // no pooled connection is idle on this path yet: the request dials the backend, which we wait for
            socket.getOutputStream().write("GET /?wait=5s HTTP/1.1\r\nHost: record.test\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            await().atMost(Duration.ofSeconds(5)).until(() -> backend.acceptedConnections() > before);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> lastStatus.get() == 499);
        var ok = send("inner", "record.test", "GET", "/");
        assertThat(ok.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> lastStatus.get() == 200);
    }
}
