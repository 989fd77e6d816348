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
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * buffering's retryExpression through the real proxy: a load balancer with a dead and a live server, so that every
 * other attempt fails to connect (502); {@code IsNetworkError() && Attempts() < 2} sends those again, with the
 * buffered body (in memory or spilled to disk), and the live server answers. Without the retry half the requests fail.
 */
class BufferingRetryIT {

    @TempDir
    static Path spillDirectory;

    static ProxyServer proxy;
    static HttpClient client;
    static WhoamiServer whoami;

    @BeforeAll
    static void start() throws Exception {
        LeakCheck.paranoid();
        client = TestClients.http1();
        whoami = new WhoamiServer("live").start("127.0.0.1", 0);
        String dead;
        try (ServerSocket closed = new ServerSocket(0)) {
            dead = "http://127.0.0.1:" + closed.getLocalPort();
        }
        var retrying = BufferingMiddleware.create(new Buffering(null, 1024L, null, null,
                "IsNetworkError() && Attempts() < 2"), spillDirectory);
        var plain = BufferingMiddleware.create(new Buffering(null, 1024L, null, null, null), spillDirectory);
        proxy = new ProxyServer(1);
        proxy.start(List.of(EntryPointSettings.of("retry", "127.0.0.1:0"), EntryPointSettings.of("plain", "127.0.0.1:0")),
                new Snapshot(Map.of(
                        "retry", new TestRoutes().any("b@test",
                                retrying.wrap(Services.loadBalancer("r", dead, whoami.url()))),
                        "plain", new TestRoutes().any("b@test",
                                plain.wrap(Services.loadBalancer("p", dead, whoami.url()))))));
    }

    @AfterAll
    static void stop() {
        proxy.shutdown();
        whoami.close();
        client.close();
    }

    @ParameterizedTest(name = "{0} bytes")
    @CsvSource({"0", "100", "200000"})
    void aNetworkErrorIsRetriedOnTheLiveServerWithTheWholeBody(int size) throws Exception {
        byte[] body = new byte[size];
        new Random(size).nextBytes(body);
        for (int i = 0; i < 4; i++) { // the balancer alternates: two of these first reach the dead server
            HttpResponse<byte[]> response = client.send(post("retry", body), HttpResponse.BodyHandlers.ofByteArray());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(body);
        }
    }

    @ParameterizedTest(name = "{0} bytes")
    @CsvSource({"0", "200000"})
    void withoutRetryExpressionTheDeadServerAnswers502(int size) throws Exception {
        int failed = 0;
        for (int i = 0; i < 4; i++) {
            if (client.send(post("plain", new byte[size]), HttpResponse.BodyHandlers.discarding()).statusCode() == 502) {
                failed++;
            }
        }
        assertThat(failed).isEqualTo(2);
    }

    private static HttpRequest post(String entryPoint, byte[] body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.boundPort(entryPoint) + "/echo-body"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }
}
