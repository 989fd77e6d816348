package io.trafficcop.proxy.observability.accesslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.trafficcop.proxy.config.install.AccessLog;
import io.trafficcop.proxy.config.install.AccessLogFields;
import io.trafficcop.proxy.config.install.FieldHeaders;
import io.trafficcop.proxy.runtime.EntryPointSettings;
import io.trafficcop.proxy.runtime.Snapshot;
import io.trafficcop.proxy.server.ProxyServer;
import io.trafficcop.proxy.testing.LeakCheck;
import io.trafficcop.proxy.testing.Services;
import io.trafficcop.proxy.testing.TestRoutes;
import io.trafficcop.proxy.whoami.WhoamiServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The access log of a real {@link ProxyServer} in front of a real backend, written to a file in Traefik's common
 * format: one line per request, whatever its outcome (proxied, no router, backend down, client gone).
 */
class AccessLogIT {

    @TempDir
    static Path dir;

    static WhoamiServer backend;
    static ProxyServer proxy;
    static AccessLogger accessLog;
    static HttpClient client;
    static Path logFile;
    static int closedPort;

    @BeforeAll
    static void start() throws Exception {
        LeakCheck.paranoid();
        backend = new WhoamiServer("backend").start("127.0.0.1", 0);
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        logFile = dir.resolve("logs/access.log"); // the directory is created
        // headers are dropped by default (then the common format shows "-" "-"): keep the two it shows
        var fields = new AccessLogFields(null, null, new FieldHeaders(null, Map.of("User-Agent", "keep",
                "referer", "keep")), null);
        accessLog = AccessLogger.create(new AccessLog(logFile.toString(), "common", null, fields, null, null, null,
                null), Set.of("quiet"));
        TestRoutes routes = new TestRoutes()
                .host("app.test", "app@file", Services.loadBalancer("app", backend.url()))
                .host("down.test", "down@file", Services.loadBalancer("down", "http://127.0.0.1:" + closedPort));
        proxy = new ProxyServer(2).exchangeObserver(accessLog);
        proxy.start(List.of(EntryPointSettings.of("web", "127.0.0.1:0"), EntryPointSettings.of("quiet", "127.0.0.1:0")),
                new Snapshot(Map.of("web", routes, "quiet", routes)));
        client = io.trafficcop.proxy.testing.TestClients.http1();
    }

    @AfterAll
    static void stop() {
        proxy.shutdown();
        accessLog.close();
        backend.close();
        client.close();
    }

    @Test
    void logsAProxiedRequest() throws Exception {
        String path = "/ok/" + UUID.randomUUID();
        assertThat(get("web", "app.test", path).statusCode()).isEqualTo(200);

        assertThat(awaitLine(path)).matches("127\\.0\\.0\\.1 - - \\[\\d{2}/\\w{3}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000] "
                + "\"GET " + path + " HTTP/1\\.1\" 200 \\d+ \"-\" \"Java-http-client/[^\"]+\" \\d+ \"app@file\" "
                + "\"" + backend.url() + "\" \\d+ms");
    }

    @Test
    void logsA404WhenNoRouterMatches() throws Exception {
        String path = "/missing/" + UUID.randomUUID();
        assertThat(get("web", "nowhere.test", path).statusCode()).isEqualTo(404);

        assertThat(awaitLine(path)).matches(".*\"GET " + path + " HTTP/1\\.1\" 404 19 \"-\" \"[^\"]+\" \\d+ \"-\" \"-\" "
                + "\\d+ms");
    }

    @Test
    void logsA502WhenTheBackendIsDown() throws Exception {
        String path = "/down/" + UUID.randomUUID();
        assertThat(get("web", "down.test", path).statusCode()).isEqualTo(502);

        assertThat(awaitLine(path)).matches(".*\"GET " + path + " HTTP/1\\.1\" 502 11 \"-\" \"[^\"]+\" \\d+ "
                + "\"down@file\" \"http://127\\.0\\.0\\.1:" + closedPort + "\" \\d+ms");
    }

    @Test
    void logsHttp2Requests() throws Exception {
        String path = "/h2/" + UUID.randomUUID();
        try (HttpClient h2 = io.trafficcop.proxy.testing.TestClients.http2()) {
            var response = h2.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.boundPort("web")
                    + path)).header("Host", "app.test").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
        }

        assertThat(awaitLine(path)).matches(".*\"GET " + path + " HTTP/2\\.0\" 200 \\d+ .*\"app@file\".*");
    }

    @Test
    void logs499WhenTheClientGoesAwayMidResponse() throws Exception {
        String path = "/data?size=200000000&id=" + UUID.randomUUID();
        try (Socket socket = new Socket("127.0.0.1", proxy.boundPort("web"))) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: app.test\r\nReferer: /from\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            byte[] head = new byte[4096];
            int n = 0;
            while (n < 1024) { // the response has started: status line, headers, some data
                int r = in.read(head, 0, head.length);
                assertThat(r).isPositive();
                n += r;
            }
        }

        String line = awaitLine(path);
        assertThat(line).matches(".*\"GET " + java.util.regex.Pattern.quote(path) + " HTTP/1\\.1\" 499 \\d+ "
                + "\"/from\" \"-\" \\d+ \"app@file\" \"" + backend.url() + "\" \\d+ms");
        long size = Long.parseLong(line.split("\" 499 ")[1].split(" ")[0]);
        assertThat(size).isPositive().isLessThan(200_000_000L);
    }

    @Test
    void skipsEntryPointsWithAccessLogsOff() throws Exception {
        String quiet = "/quiet/" + UUID.randomUUID();
        String loud = "/loud/" + UUID.randomUUID();
        assertThat(get("quiet", "app.test", quiet).statusCode()).isEqualTo(200);
        assertThat(get("web", "app.test", loud).statusCode()).isEqualTo(200);

        awaitLine(loud); // written after the quiet one would have been, by the same single writer
        assertThat(lines()).noneMatch(l -> l.contains(quiet));
    }

    private static HttpResponse<String> get(String entryPoint, String host, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.boundPort(entryPoint) + path))
                .header("Host", host).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String awaitLine(String marker) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> lines().stream()
                .filter(l -> l.contains(" " + marker + " ")).findFirst(), Optional::isPresent).orElseThrow();
    }

    private static List<String> lines() throws IOException {
        return Files.exists(logFile) ? Files.readAllLines(logFile) : List.of();
    }
}
