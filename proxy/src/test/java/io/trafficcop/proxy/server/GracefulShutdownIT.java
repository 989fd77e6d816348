package io.trafficcop.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.trafficcop.proxy.http.PingHandler;
import io.trafficcop.proxy.runtime.EntryPointSettings;
import io.trafficcop.proxy.runtime.LifeCycleSettings;
import io.trafficcop.proxy.runtime.Snapshot;
import io.trafficcop.proxy.testing.LeakCheck;
import io.trafficcop.proxy.testing.Services;
import io.trafficcop.proxy.testing.TestClients;
import io.trafficcop.proxy.testing.TestRoutes;
import io.trafficcop.proxy.whoami.WhoamiServer;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Traefik's lifeCycle: during requestAcceptGraceTimeout the proxy keeps serving and ping answers 503; then it stops
 * accepting, in-flight requests finish, idle keep-alive connections are closed, and shutdown returns.
 */
class GracefulShutdownIT {

    @Test
    void finishesInFlightRequestsAndAnswersPingWithTheTerminatingStatus() throws Exception {
        LeakCheck.paranoid();
        try (WhoamiServer backend = new WhoamiServer("slow").start("127.0.0.1", 0);
             HttpClient client = TestClients.http1()) {
            ProxyServer proxy = new ProxyServer(2);
            var lifeCycle = new LifeCycleSettings(Duration.ofSeconds(3), Duration.ofSeconds(20));
            proxy.start(List.of(EntryPointSettings.of("web", "127.0.0.1:0").withLifeCycle(lifeCycle)),
                    new Snapshot(Map.of("web", new TestRoutes()
                            .rule(PingHandler.ROUTER_NAME, PingHandler.RULE, PingHandler.PRIORITY, new PingHandler(0))
                            .any("slow@test", Services.loadBalancer("slow", backend.url())))));
            String base = "http://127.0.0.1:" + proxy.boundPort("web");
            assertThat(client.send(HttpRequest.newBuilder(URI.create(base + "/ping")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("OK");

            // an idle keep-alive connection, which shutdown must close
            Socket idle = new Socket("127.0.0.1", proxy.boundPort("web"));
            idle.getOutputStream().write("GET /ping HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream idleIn = idle.getInputStream();
            assertThat(new String(idleIn.readNBytes(12), StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");

            int before = backend.acceptedConnections();
            List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                inFlight.add(client.sendAsync(HttpRequest.newBuilder(URI.create(base + "/work?wait=5s")).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> backend.acceptedConnections() - before >= 5);

            CompletableFuture<Void> shutdown = CompletableFuture.runAsync(proxy::shutdown);
            await().atMost(Duration.ofSeconds(5)).until(proxy::terminating);
            try (HttpClient fresh = TestClients.http1()) {
                var ping = fresh.send(HttpRequest.newBuilder(URI.create(base + "/ping")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(ping.statusCode()).isEqualTo(503);
                assertThat(ping.body()).isEqualTo("Service Unavailable");
            }

            shutdown.get(30, TimeUnit.SECONDS);
            for (var f : inFlight) {
                assertThat(f.get(1, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            }
            byte[] rest = new byte[4096];
            int n;
            while ((n = idleIn.read(rest)) >= 0) {
                assertThat(n).isNotNegative(); // drain the ping's body until the proxy closes the connection
            }
            idle.close();
            assertThatThrownBy(() -> new Socket("127.0.0.1", URI.create(base).getPort()).close())
                    .isInstanceOf(ConnectException.class);
        }
    }
}
