package io.trafficcop.proxy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real process, as a user or a container runtime runs it: start, serve, SIGTERM, drain, exit 0. */
class TrafficCopProcessIT {

    @TempDir
    Path dir;

    private Process process;

    @AfterEach
    void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void drainsRequestsInFlightOnSigtermAndExitsZero() throws Exception {
        CountDownLatch slowArrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        HttpServer backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        backend.createContext("/", exchange -> {
            if (exchange.getRequestURI().getPath().equals("/slow")) {
                slowArrived.countDown();
                try {
                    // a slow backend: it answers only once the proxy has begun to shut down
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = "hello\n".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        backend.setExecutor(Executors.newCachedThreadPool());
        backend.start();
        String backendUrl = "http://127.0.0.1:" + backend.getAddress().getPort();
        try {
            int web = freePort();
            int ping = freePort();
            Path config = Files.writeString(dir.resolve("traefik.yml"), """
                    entryPoints:
                      web:
                        address: "127.0.0.1:%d"
                        transport:
                          lifeCycle:
                            requestAcceptGraceTimeout: 0s
                            graceTimeOut: 20s
                      traefik:
                        address: "127.0.0.1:%d"
                    ping: {}
                    log:
                      level: INFO
                    http:
                      routers:
                        r:
                          rule: "PathPrefix(`/`)"
                          entryPoints: [web]
                          service: s
                      services:
                        s:
                          loadBalancer:
                            servers:
                              - url: "%s"
                    """.formatted(web, ping, backendUrl));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                    TrafficCopCommand.class.getName(), "--configFile=" + config))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("out.log").toFile()).start();

            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web + "/")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode() == 200);

            CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web + "/slow")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(slowArrived.await(30, TimeUnit.SECONDS)).isTrue();
            process.destroy(); // SIGTERM while the request is in flight
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.readString(dir.resolve("out.log")).contains("stopping"));
            assertThat(inFlight).isNotDone();
            release.countDown();

            assertThat(inFlight.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isZero();
            assertThat(Files.readString(dir.resolve("out.log"))).contains("stopping", "stopped");
        } finally {
            backend.stop(0);
        }
    }
}
