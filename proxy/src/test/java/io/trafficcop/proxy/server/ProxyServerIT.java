package io.trafficcop.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.trafficcop.proxy.runtime.EntryPointSettings;
import io.trafficcop.proxy.runtime.RespondingTimeouts;
import io.trafficcop.proxy.runtime.ServersTransportSettings;
import io.trafficcop.proxy.runtime.Snapshot;
import io.trafficcop.proxy.runtime.LoadBalancerSettings;
import io.trafficcop.proxy.service.LoadBalancerService;
import io.trafficcop.proxy.service.loadbalancer.wrr.WeightedRoundRobin;
import io.trafficcop.proxy.testing.LeakCheck;
import io.trafficcop.proxy.testing.Services;
import io.trafficcop.proxy.testing.TestRoutes;
import io.trafficcop.proxy.whoami.WhoamiServer;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Routing, status codes and bodies, keep-alive to backends, keepAliveMaxRequests, over real sockets. */
class ProxyServerIT {

    static WhoamiServer alpha;
    static WhoamiServer beta;
    static ProxyServer proxy;
    static HttpClient client;
    static int closedPort;

    @BeforeAll
    static void start() throws Exception {
        LeakCheck.paranoid();
        alpha = new WhoamiServer("alpha").start("127.0.0.1", 0);
        beta = new WhoamiServer("beta").start("127.0.0.1", 0);
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        var slow = new ServersTransportSettings("slow", 0, Duration.ofSeconds(5), Duration.ofMillis(200),
                Duration.ofSeconds(90));
        TestRoutes routes = new TestRoutes()
                .host("alpha.test", "alpha@test", Services.loadBalancer("alpha", alpha.url()))
                .host("beta.test", "beta@test", Services.loadBalancer("beta", beta.url()))
                .host("both.test", "both@test", Services.loadBalancer("both", alpha.url(), beta.url()))
                .host("refused.test", "refused@test", Services.loadBalancer("refused", "http://127.0.0.1:" + closedPort))
                .host("slow.test", "slow@test", Services.loadBalancer("slow", slow, LoadBalancerSettings.DEFAULTS,
                        alpha.url()))
                .host("empty.test", "empty@test", new LoadBalancerService("empty", new WeightedRoundRobin<>(),
                        LoadBalancerSettings.DEFAULTS))
                .host("nohost.test", "nohost@test", Services.loadBalancer("nohost", ServersTransportSettings.DEFAULTS,
                        new LoadBalancerSettings(false, false), beta.url()))
                .host("keepalive.test", "keepalive@test", Services.loadBalancer("keepalive", beta.url() + "/"))
                .host("shortidle.test", "shortidle@test", Services.loadBalancer("shortidle",
                        new ServersTransportSettings("short", 0, null, null, Duration.ofMillis(200)),
                        LoadBalancerSettings.DEFAULTS, alpha.url() + "/short"));
        proxy = new ProxyServer(2);
        proxy.start(List.of(EntryPointSettings.of("web", "127.0.0.1:0"),
                EntryPointSettings.of("limited", "127.0.0.1:0").withKeepAlive(2, null),
                EntryPointSettings.of("strict", "127.0.0.1:0").withRespondingTimeouts(new RespondingTimeouts(
                        Duration.ofMillis(300), Duration.ZERO, Duration.ofMillis(300)))),
                new Snapshot(Map.of("web", routes, "limited", routes, "strict", routes)));
        client = io.trafficcop.proxy.testing.TestClients.http1();
    }

    @AfterAll
    static void stop() {
        proxy.shutdown();
        alpha.close();
        beta.close();
        client.close();
    }

    static HttpResponse<String> get(String host, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.boundPort("web") + path))
                .header("Host", host).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void routesByHostToEachBackend() throws Exception {
        assertThat(get("alpha.test", "/").body()).contains("Name: alpha");
        assertThat(get("beta.test", "/").body()).contains("Name: beta");
    }

    @Test
    void balancesOverServersInRoundRobin() throws Exception {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String body = get("both.test", "/").body();
            names.add(body.contains("Name: alpha") ? "alpha" : "beta");
        }
        assertThat(names).containsExactly("alpha", "beta", "alpha", "beta");
    }

    @Test
    void answers404PageNotFoundWhenNoRouterMatches() throws Exception {
        var response = get("unknown.test", "/");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("404 page not found\n");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Date")).isPresent();
    }

    @Test
    void answers502BadGatewayWhenTheServerRefuses() throws Exception {
        var response = get("refused.test", "/");
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).isEqualTo("Bad Gateway");
    }

    @Test
    void answers504GatewayTimeoutAfterResponseHeaderTimeout() throws Exception {
        var response = get("slow.test", "/?wait=3s");
        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.body()).isEqualTo("Gateway Timeout");
    }

    @Test
    void answers503WhenTheServiceHasNoServer() throws Exception {
        var response = get("empty.test", "/");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).isEqualTo("no available server\n");
    }

    @Test
    void passHostHeaderFalseSendsTheServersHost() throws Exception {
        assertThat(get("nohost.test", "/").body()).contains("Host: 127.0.0.1:" + beta.port());
        assertThat(get("beta.test", "/").body()).contains("Host: beta.test");
    }

    @Test
    void setsForwardedHeaders() throws Exception {
        String body = get("alpha.test", "/x?a=b").body();
        assertThat(body).contains("GET /x?a=b HTTP/1.1")
                .contains("X-Forwarded-For: 127.0.0.1")
                .contains("X-Forwarded-Proto: http")
                .contains("X-Forwarded-Host: alpha.test")
                .contains("X-Forwarded-Port: 80")
                .contains("X-Forwarded-Server: " + ProxyServer.localHostname())
                .contains("X-Real-Ip: 127.0.0.1");
    }

    @Test
    void reusesUpstreamConnections() throws Exception {
        int before = beta.acceptedConnections();
        for (int i = 0; i < 20; i++) {
            assertThat(get("keepalive.test", "/").statusCode()).isEqualTo(200);
        }
        // sequential requests over one client connection stay on one event loop: one backend connection
        assertThat(beta.acceptedConnections() - before).isEqualTo(1);
    }

    @Test
    void closesTheClientConnectionAfterKeepAliveMaxRequests() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", proxy.boundPort("limited"))) {
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            List<String> first = exchange(out, in);
            assertThat(first).noneMatch(l -> l.equalsIgnoreCase("connection: close"));
            List<String> second = exchange(out, in);
            assertThat(second).anyMatch(l -> l.equalsIgnoreCase("connection: close"));
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    /**
     * The client's own say on the connection (RFC 9112 §9.3, §9.6) is read before forwarding strips its hop-by-hop
     * Connection header: a close request is answered with Connection: close and closed; HTTP/1.0 is closed unless it
     * asked for keep-alive, which is then confirmed.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            HTTP/1.1 | close      | close      | true
            HTTP/1.1 | keep-alive |            | false
            HTTP/1.1 |            |            | false
            HTTP/1.0 |            | close      | true
            HTTP/1.0 | keep-alive | keep-alive | false
            """)
    void honoursTheClientsConnectionHeader(String version, String requested, String answered, boolean closed)
            throws Exception {
        try (Socket socket = new Socket("127.0.0.1", proxy.boundPort("web"))) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET / " + version + "\r\nHost: alpha.test\r\n"
                    + (requested == null ? "" : "Connection: " + requested + "\r\n") + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = new java.io.BufferedInputStream(socket.getInputStream());
            assertThat(StreamingIT.readLine(in)).endsWith(" 200 OK");
            String connection = null;
            int length = -1;
            for (String line; !(line = StreamingIT.readLine(in)).isEmpty(); ) {
                if (line.regionMatches(true, 0, "connection:", 0, 11)) {
                    connection = line.substring(11).trim();
                } else if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
                    length = Integer.parseInt(line.substring(15).trim());
                }
            }
            assertThat(connection).isEqualTo(answered);
            assertThat(in.readNBytes(length)).hasSize(length);
            if (closed) {
                assertThat(in.read()).isEqualTo(-1);
            } else {
                socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: alpha.test\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                assertThat(StreamingIT.readLine(in)).isEqualTo("HTTP/1.1 200 OK");
            }
        }
    }

    @Test
    void closesIdleUpstreamConnectionsAfterIdleConnTimeout() throws Exception {
        int open = alpha.openConnections();
        assertThat(get("shortidle.test", "/").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> alpha.openConnections() <= open);
    }

    @Test
    void closesAClientThatStallsMidBodyAfterReadTimeout() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", proxy.boundPort("strict"))) {
            socket.getOutputStream().write("POST /echo-body HTTP/1.1\r\nHost: alpha.test\r\nContent-Length: 100\r\n\r\nabc"
                    .getBytes(StandardCharsets.US_ASCII));
            socket.setSoTimeout(10_000);
            InputStream in = socket.getInputStream();
            // the backend echoes the head at once; the connection is then closed by the proxy's readTimeout
            while (in.read() >= 0) {
                assertThat(socket.isClosed()).isFalse();
            }
        }
    }

    @Test
    void closesAnIdleClientConnectionAfterIdleTimeout() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", proxy.boundPort("strict"))) {
            socket.setSoTimeout(10_000);
            List<String> head = exchange(socket.getOutputStream(), new BufferedReader(
                    new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1)));
            assertThat(head.get(0)).isEqualTo("HTTP/1.1 200 OK");
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void keepsAtMostMaxIdleConnsPerHostIdleConnections() throws Exception {
        try (WhoamiServer gamma = new WhoamiServer("gamma").start("127.0.0.1", 0)) {
            var transport = new ServersTransportSettings("one", 1, null, null, null);
            ProxyServer single = new ProxyServer(1);
            single.start(List.of(EntryPointSettings.of("web", "127.0.0.1:0")), new Snapshot(Map.of("web",
                    new TestRoutes().any("gamma@test", Services.loadBalancer("gamma", transport,
                            LoadBalancerSettings.DEFAULTS, gamma.url())))));
            try {
                URI uri = URI.create("http://127.0.0.1:" + single.boundPort("web") + "/?wait=300ms");
                List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    all.add(client.sendAsync(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()));
                }
                for (var f : all) {
                    assertThat(f.get(10, java.util.concurrent.TimeUnit.SECONDS).statusCode()).isEqualTo(200);
                }
                assertThat(gamma.acceptedConnections()).isEqualTo(4);
                await().atMost(Duration.ofSeconds(5)).until(() -> gamma.openConnections() == 1);
            } finally {
                single.shutdown();
            }
        }
    }

    @Test
    void closesTheClientConnectionOnceKeepAliveMaxTimeIsReached() throws Exception {
        ProxyServer aged = new ProxyServer(1);
        aged.start(List.of(EntryPointSettings.of("web", "127.0.0.1:0").withKeepAlive(0, Duration.ofNanos(1))),
                proxy.snapshot());
        try (Socket socket = new Socket("127.0.0.1", aged.boundPort("web"))) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            assertThat(exchange(socket.getOutputStream(), in)).anyMatch(l -> l.equalsIgnoreCase("connection: close"));
            assertThat(in.read()).isEqualTo(-1);
        } finally {
            aged.shutdown();
        }
    }

    @Test
    void servesPipelinedRequestsInOrder() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", proxy.boundPort("web"))) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /one HTTP/1.1\r\nHost: alpha.test\r\n\r\n"
                    + "POST /echo-body HTTP/1.1\r\nHost: beta.test\r\nContent-Length: 5\r\n\r\nhello"
                    + "GET /three HTTP/1.1\r\nHost: beta.test\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = new java.io.BufferedInputStream(socket.getInputStream());
            List<String> bodies = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                assertThat(StreamingIT.readLine(in)).isEqualTo("HTTP/1.1 200 OK");
                int length = -1;
                for (String line; !(line = StreamingIT.readLine(in)).isEmpty(); ) {
                    if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
                        length = Integer.parseInt(line.substring(15).trim());
                    }
                }
                bodies.add(new String(in.readNBytes(length), StandardCharsets.UTF_8));
            }
            assertThat(bodies.get(0)).contains("Name: alpha").contains("GET /one ");
            assertThat(bodies.get(1)).isEqualTo("hello");
            assertThat(bodies.get(2)).contains("Name: beta").contains("GET /three ");
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            GET / HTTP/1.1\\r\\nHost: alpha.test\\r\\nBad Header\\r\\n\\r\\n | HTTP/1.1 400 Bad Request
            GET /%zz HTTP/1.1\\r\\nHost: alpha.test\\r\\n\\r\\n          | HTTP/1.1 400 Bad Request
            HUGE                                                              | HTTP/1.1 431 Request Header Fields Too Large
            """)
    void refusesMalformedRequests(String request, String statusLine) throws Exception {
        String raw = request.equals("HUGE")
                ? "GET / HTTP/1.1\r\nHost: alpha.test\r\nX-Big: " + "x".repeat(1100 * 1024) + "\r\n\r\n"
                : request.replace("\\r\\n", "\r\n");
        try (Socket socket = new Socket("127.0.0.1", proxy.boundPort("web"))) {
            socket.setSoTimeout(10_000);
            try {
                socket.getOutputStream().write(raw.getBytes(StandardCharsets.ISO_8859_1));
            } catch (java.io.IOException e) {
                // the proxy may answer and close before the whole oversized request is written
            }
            InputStream in = socket.getInputStream();
            assertThat(StreamingIT.readLine(in)).isEqualTo(statusLine);
        }
    }

    private static List<String> exchange(OutputStream out, BufferedReader in) throws Exception {
        out.write("GET / HTTP/1.1\r\nHost: alpha.test\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        List<String> head = new ArrayList<>();
        String line;
        int length = 0;
        while (!(line = in.readLine()).isEmpty()) {
            head.add(line);
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        char[] body = new char[length];
        int read = 0;
        while (read < length) {
            read += in.read(body, read, length - read);
        }
        return head;
    }
}
