package io.trafficcop.proxy.middleware.errorpages;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.trafficcop.proxy.config.dynamic.ErrorPage;
import io.trafficcop.proxy.http.Exchange;
import io.trafficcop.proxy.http.HttpHandler;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** errors through the real proxy: Traefik's TestHandler rows with in-process services, and whoami as page service. */
class ErrorsMiddlewareIT {

    static ProxyServer proxy;
    static HttpClient client;
    static WhoamiServer whoami;

    @BeforeAll
    static void start() throws Exception {
        LeakCheck.paranoid();
        client = TestClients.http1();
        whoami = new WhoamiServer("errors").start("127.0.0.1", 0);
        proxy = new ProxyServer(1);
        proxy.start(List.of(EntryPointSettings.of("web", "127.0.0.1:0")), new Snapshot(Map.of("web", new TestRoutes())));
    }

    @AfterAll
    static void stop() {
        proxy.shutdown();
        whoami.close();
        client.close();
    }

    static void answer(Exchange exchange, int code, String body) {
        var response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(code),
                ByteBufUtil.writeUtf8(exchange.context().alloc(), body));
        response.headers().set("X-From", "backend-" + code);
        response.headers().setInt("Content-Length", response.content().readableBytes());
        exchange.respond(response);
    }

    /** The error page service: echoes what Traefik's tests look at. */
    static final HttpHandler PAGE = exchange -> answer(exchange, 200, "page uri=" + exchange.request().uri()
            + " host=" + exchange.request().headers().get("Host")
            + " method=" + exchange.request().method()
            + " id=" + exchange.request().headers().get("X-Request-Id")
            + " auth=" + exchange.request().headers().get("Authorization"));

    private static HttpResponse<String> send(HttpHandler handler, String path, Map<String, String> headers)
            throws Exception {
        proxy.apply(new Snapshot(Map.of("web", new TestRoutes().any("errors@test", handler))));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.boundPort("web") + path))
                .header("Host", "localhost");
        headers.forEach(b::header);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no error|/test|500-501,503-599|200|200|OK",
        "no error, but not a 200|/test|500-501,503-599|206|206|Partial Content",
        "a 304|/test|500-501,503-599|304|304|",
        "in the range|/test|500-501,503-599|500|500|page uri=/test host=localhost method=GET",
        "not in the range|/test|500-501,503-599|502|502|Bad Gateway",
        "query replacement|/{status}|503-503|503|503|page uri=/503 ",
        "single code and query replacement|/{status}|503|503|503|page uri=/503 ",
        "forward request host header|/test|503|503|503|host=localhost",
        "full query replacement|/?status={status}&url={url}|503|503|503|page uri=/?status=503&url=http%3A%2F%2Flocalhost%2Ftest%3Ffoo%3Dbar%26baz%3Dbuz ",
        "original status|{originalStatus}.html|503|503|503|page uri=/503.html ",
        "empty query|''|503|503|503|page uri=/ ",
    })
    void traefikTestHandler(String desc, String query, String status, int backendCode, int wantCode, String wantBody)
            throws Exception {
        HttpHandler backend = exchange -> answer(exchange, backendCode,
                HttpResponseStatus.valueOf(backendCode).reasonPhrase());
        HttpHandler handler = ErrorsMiddleware.create("errors@test",
                new ErrorPage(List.of(status.split(",")), null, "error", query, null),
                name -> name.equals("error") ? PAGE : null).wrap(backend);

        HttpResponse<String> response = send(handler, "/test?foo=bar&baz=buz", Map.of());

        assertThat(response.statusCode()).isEqualTo(wantCode);
        assertThat(response.body()).contains(wantBody == null ? "" : wantBody);
        if (wantCode != backendCode || !response.body().contains("page")) {
            return;
        }
        assertThat(response.headers().firstValue("X-From")).as("the page's headers").hasValue("backend-200");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "forward all headers by default|-|id=trace-abc|auth=Bearer secret",
        "forward only allowlisted headers|X-Request-Id|id=trace-abc|auth=null",
        "forward no headers|''|id=null|auth=null",
    })
    void errorRequestHeaders(String desc, String allowed, String wantId, String wantAuth) throws Exception {
        List<String> headers = allowed.equals("-") ? null : allowed.isEmpty() ? List.of() : List.of(allowed);
        HttpHandler handler = ErrorsMiddleware.create("errors@test",
                new ErrorPage(List.of("503"), null, "error", "/test", headers), name -> PAGE)
                .wrap(exchange -> answer(exchange, 503, "down"));

        HttpResponse<String> response = send(handler, "/", Map.of("X-Request-Id", "trace-abc",
                "Authorization", "Bearer secret"));

        assertThat(response.body()).contains(wantId, wantAuth);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"500,418", "404,200", "503,503"})
    void statusRewrites(int backendCode, int wantCode) throws Exception {
        Map<String, Integer> rewrites = new LinkedHashMap<>();
        rewrites.put("500-502", 418);
        rewrites.put("404", 200);
        HttpHandler handler = ErrorsMiddleware.create("errors@test",
                new ErrorPage(List.of("404", "500-599"), rewrites, "error", "/{status}-{originalStatus}", null),
                name -> PAGE).wrap(exchange -> answer(exchange, backendCode, "x"));

        HttpResponse<String> response = send(handler, "/", Map.of());

        assertThat(response.statusCode()).isEqualTo(wantCode);
        assertThat(response.body()).contains("page uri=/" + wantCode + "-" + backendCode);
    }

    @Test
    void deadBackendIsAnsweredByTheWhoamiErrorService() throws Exception {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
        HttpHandler handler = ErrorsMiddleware.create("errors@test",
                new ErrorPage(List.of("500-599"), null, "whoami", "/errors/{status}.html", null),
                name -> Services.loadBalancer("whoami", whoami.url()))
                .wrap(Services.loadBalancer("dead", "http://127.0.0.1:" + deadPort));

        proxy.apply(new Snapshot(Map.of("web", new TestRoutes().any("errors@test", handler))));
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + proxy.boundPort("web") + "/upload"))
                .header("Host", "localhost")
                .POST(HttpRequest.BodyPublishers.ofString("some body")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).contains("GET /errors/502.html HTTP/1.1", "Host: localhost");
        assertThat(response.body()).doesNotContain("Content-Length: 9");
    }

    @Test
    void unknownServiceIsAConfigurationError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ErrorsMiddleware.create("e",
                        new ErrorPage(List.of("500"), null, "missing", "/", null), name -> null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("errors.service \"missing\"");
    }
}
