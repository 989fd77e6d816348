package io.trafficcop.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.trafficcop.proxy.runtime.EntryPointSettings;
import io.trafficcop.proxy.runtime.Snapshot;
import io.trafficcop.proxy.testing.LeakCheck;
import io.trafficcop.proxy.testing.Services;
import io.trafficcop.proxy.testing.TestClients;
import io.trafficcop.proxy.testing.TestRoutes;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A backend that closes a kept-alive connection when the next request arrives (the idle-close race): an
 * idempotent request without body is retried once on a new connection, as Go's transport does; a POST is not.
 */
class RetryIT {

    /** Answers the first request of every connection and closes the connection on the second one. */
    static final class OneShotBackend implements AutoCloseable {
        final ServerSocket server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        final AtomicInteger connections = new AtomicInteger();

        OneShotBackend() throws IOException {
            Thread.ofVirtual().start(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket s = server.accept();
                        connections.incrementAndGet();
                        Thread.ofVirtual().start(() -> serve(s));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        private void serve(Socket s) {
            try (s) {
                InputStream in = s.getInputStream();
                skipRequest(in);
                s.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"
                        .getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                skipRequest(in); // the next request on this connection: close without answering
            } catch (IOException ignored) {
                // the proxy may close first
            }
        }

        private static void skipRequest(InputStream in) throws IOException {
            int matched = 0;
            byte[] end = {'\r', '\n', '\r', '\n'};
            int c;
            while (matched < 4 && (c = in.read()) >= 0) {
                matched = c == end[matched] ? matched + 1 : (c == '\r' ? 1 : 0);
            }
        }

        String url() {
            return "http://127.0.0.1:" + server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    @ParameterizedTest
    @CsvSource({"GET,200,2", "POST,502,1"})
    void retriesOnlyIdempotentRequestsWithoutBody(String method, int secondStatus, int newConnections)
            throws Exception {
        LeakCheck.paranoid();
        try (OneShotBackend backend = new OneShotBackend(); HttpClient client = TestClients.http1()) {
            ProxyServer proxy = new ProxyServer(1);
            proxy.start(List.of(EntryPointSettings.of("web", "127.0.0.1:0")), new Snapshot(Map.of("web",
                    new TestRoutes().any("oneshot@test", Services.loadBalancer("oneshot", backend.url())))));
            try {
                URI uri = URI.create("http://127.0.0.1:" + proxy.boundPort("web") + "/");
                assertThat(client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode()).isEqualTo(200);
                int before = backend.connections.get();
                var request = method.equals("GET") ? HttpRequest.newBuilder(uri).build()
                        : HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString("data")).build();
                var second = client.send(request, HttpResponse.BodyHandlers.ofString());
                assertThat(second.statusCode()).isEqualTo(secondStatus);
                assertThat(backend.connections.get() - before).isEqualTo(newConnections - 1);
            } finally {
                proxy.shutdown();
            }
        }
    }
}
