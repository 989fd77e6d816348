package io.trafficcop.proxy.middleware.buffering;

import static org.assertj.core.api.Assertions.assertThat;

import io.trafficcop.proxy.config.dynamic.Buffering;
import io.trafficcop.proxy.runtime.EntryPointSettings;
import io.trafficcop.proxy.runtime.Snapshot;
import io.trafficcop.proxy.server.ProxyServer;
import io.trafficcop.proxy.testing.LeakCheck;
import io.trafficcop.proxy.testing.Services;
import io.trafficcop.proxy.testing.TestClients;
import io.trafficcop.proxy.testing.TestRoutes;
import io.trafficcop.proxy.whoami.WhoamiServer;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** buffering through the real proxy to a whoami backend (echo-body and data endpoints). */
class BufferingMiddlewareIT {

    static ProxyServer proxy;
    static HttpClient client;
    static WhoamiServer whoami;

    @BeforeAll
    static void start() throws Exception {
        LeakCheck.paranoid();
        client = TestClients.http1();
        whoami = new WhoamiServer("buffering").start("127.0.0.1", 0);
        var middleware = BufferingMiddleware.create("b", new Buffering(100L, null, 1000L, null, null));
        proxy = new ProxyServer(1);
        proxy.start(List.of(EntryPointSettings.of("web", "127.0.0.1:0")), new Snapshot(Map.of("web",
                new TestRoutes().any("b@test", middleware.wrap(Services.loadBalancer("w", whoami.url()))))));
    }

    @AfterAll
    static void stop() {
        proxy.shutdown();
        whoami.close();
        client.close();
    }

    @ParameterizedTest(name = "{0} bytes, chunked {1}")
    @CsvSource({"10,false,200", "100,false,200", "101,false,413", "10,true,200", "100,true,200", "5000,true,413"})
    void requestBodyLimit(int size, boolean chunked, int status) throws Exception {
        byte[] body = "x".repeat(size).getBytes();
        HttpRequest.BodyPublisher publisher = chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + proxy.boundPort("web") + "/echo-body")).POST(publisher).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(status);
        if (status == 200) {
            assertThat(response.body()).hasSize(size);
            assertThat(response.headers().firstValue("transfer-encoding")).isEmpty(); // re-framed with a length
        } else {
            assertThat(response.body()).isEqualTo("Request Entity Too Large");
        }
    }

    @ParameterizedTest(name = "{0} bytes")
    @CsvSource({"1000,200", "1001,500"})
    void responseBodyLimit(int size, int status) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + proxy.boundPort("web") + "/data?size=" + size)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.body()).hasSize(status == 200 ? size : "Internal Server Error".length());
    }
}
