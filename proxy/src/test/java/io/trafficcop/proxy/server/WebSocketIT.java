package io.trafficcop.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.trafficcop.proxy.runtime.EntryPointSettings;
import io.trafficcop.proxy.runtime.Snapshot;
import io.trafficcop.proxy.testing.LeakCheck;
import io.trafficcop.proxy.testing.Services;
import io.trafficcop.proxy.testing.TestClients;
import io.trafficcop.proxy.testing.TestRoutes;
import io.trafficcop.proxy.whoami.WhoamiServer;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** WebSocket upgrade through the proxy: echo of small and large frames, close from the client and from the server. */
class WebSocketIT {

    static WhoamiServer backend;
    static ProxyServer proxy;
    static HttpClient client;

    @BeforeAll
    static void start() throws Exception {
        LeakCheck.paranoid();
        backend = new WhoamiServer("ws").start("127.0.0.1", 0);
        proxy = new ProxyServer(2);
        proxy.start(List.of(EntryPointSettings.of("web", "127.0.0.1:0")),
                new Snapshot(Map.of("web", new TestRoutes().path("/echo", "ws@test",
                        Services.loadBalancer("ws", backend.url())))));
        client = TestClients.http1();
    }

    @AfterAll
    static void stop() {
        proxy.shutdown();
        backend.close();
        client.close();
    }

    /** Collects binary messages and the close. */
    static final class Collector implements WebSocket.Listener {
        final CompletableFuture<byte[]> message = new CompletableFuture<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        final ByteArrayOutputStream parts = new ByteArrayOutputStream();

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            byte[] b = new byte[data.remaining()];
            data.get(b);
            parts.writeBytes(b);
            if (last) {
                message.complete(parts.toByteArray());
                parts.reset();
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            message.completeExceptionally(error);
            closed.completeExceptionally(error);
        }
    }

    WebSocket connect(Collector collector) throws Exception {
        return client.newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + proxy.boundPort("web") + "/echo"), collector)
                .get(10, TimeUnit.SECONDS);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 125, 126, 65_535, 65_536, 4 * 1024 * 1024})
    void echoesFramesOfAnySizeAndClosesFromTheClient(int size) throws Exception {
        Collector collector = new Collector();
        WebSocket ws = connect(collector);
        byte[] payload = new byte[size];
        new Random(size).nextBytes(payload);
        ws.sendBinary(ByteBuffer.wrap(payload), true).get(10, TimeUnit.SECONDS);
        assertThat(collector.message.get(10, TimeUnit.SECONDS)).isEqualTo(payload);
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
        assertThat(collector.closed.get(10, TimeUnit.SECONDS)).isEqualTo(WebSocket.NORMAL_CLOSURE);
    }

    @Test
    void relaysACloseFromTheServer() throws Exception {
        Collector collector = new Collector();
        WebSocket ws = connect(collector);
        ws.sendText("close", true).get(10, TimeUnit.SECONDS);
        assertThat(collector.closed.get(10, TimeUnit.SECONDS)).isEqualTo(WebSocket.NORMAL_CLOSURE);
    }
}
