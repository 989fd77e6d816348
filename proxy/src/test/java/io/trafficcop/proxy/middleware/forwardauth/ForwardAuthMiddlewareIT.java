package io.trafficcop.proxy.middleware.forwardauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import io.trafficcop.proxy.config.dynamic.ClientTls;
import io.trafficcop.proxy.config.dynamic.ForwardAuth;
import io.trafficcop.proxy.http.HttpHandler;
import io.trafficcop.proxy.runtime.EntryPointSettings;
import io.trafficcop.proxy.runtime.Snapshot;
import io.trafficcop.proxy.server.ProxyServer;
import io.trafficcop.proxy.testing.LeakCheck;
import io.trafficcop.proxy.testing.Services;
import io.trafficcop.proxy.testing.TestClients;
import io.trafficcop.proxy.testing.TestRoutes;
import io.trafficcop.proxy.whoami.WhoamiServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** forwardAuth through the real proxy, a real auth server (JDK HttpServer / HttpsServer) and a whoami backend. */
class ForwardAuthMiddlewareIT {

    record Seen(String method, Headers headers, String body) {
    }

    static final AtomicReference<Seen> SEEN = new AtomicReference<>();
    static HttpServer auth;
    static HttpsServer authTls;
    static WhoamiServer backend;
    static ProxyServer proxy;
    static HttpClient client;

    @BeforeAll
    static void start() throws Exception {
        LeakCheck.paranoid();
        client = TestClients.http1();
        auth = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        auth.createContext("/auth", ForwardAuthMiddlewareIT::authenticate);
        auth.createContext("/big", ex -> answer(ex, 200, "x".repeat(100)));
        auth.start();
        authTls = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        authTls.setHttpsConfigurator(new HttpsConfigurator(selfSigned()));
        authTls.createContext("/auth", ForwardAuthMiddlewareIT::authenticate);
        authTls.start();
        backend = new WhoamiServer("backend").start("127.0.0.1", 0);

        String authUrl = "http://127.0.0.1:" + auth.getAddress().getPort();
        TestRoutes routes = new TestRoutes()
                .host("ok.test", "ok@test", guarded(config(authUrl + "/auth", false, null, null, false, false)))
                .host("preserve.test", "preserve@test", guarded(config(authUrl + "/auth", false, null, null, true,
                        true)))
                .host("body.test", "body@test", guarded(config(authUrl + "/auth", true, 5L, null, false, false)))
                .host("bigresponse.test", "big@test", guarded(config(authUrl + "/big", false, null, 10L, false,
                        false)))
                .host("down.test", "down@test", guarded(config("http://127.0.0.1:1/auth", false, null, null, false,
                        false)))
                .host("tls.test", "tls@test", guarded(new ForwardAuth("https://localhost:"
                        + authTls.getAddress().getPort() + "/auth", new ClientTls(null, null, null, true, null), false,
                        List.of("X-Auth-User"), null, null, null, null, null, null, null, null, null, null)));
        proxy = new ProxyServer(1);
        proxy.start(List.of(EntryPointSettings.of("web", "127.0.0.1:0")), new Snapshot(Map.of("web", routes)));
    }

    @AfterAll
    static void stop() {
        proxy.shutdown();
        backend.close();
        auth.stop(0);
        authTls.stop(0);
        client.close();
    }

    private static ForwardAuth config(String address, boolean forwardBody, Long maxBodySize, Long maxResponseBodySize,
                                      boolean preserveLocation, boolean preserveMethod) {
        return new ForwardAuth(address, null, false, List.of("X-Auth-User"), "^X-Auth-Secret", null,
                List.of("auth"), null, forwardBody, maxBodySize, maxResponseBodySize, preserveLocation, preserveMethod,
                null);
    }

    private static HttpHandler guarded(ForwardAuth config) {
        return ForwardAuthMiddleware.create("fa@test", config).wrap(Services.loadBalancer("backend", backend.url()));
    }

    /** 200 with identity headers and cookies when Authorization is "ok"; 401 with a relative Location otherwise. */
    private static void authenticate(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        SEEN.set(new Seen(ex.getRequestMethod(), ex.getRequestHeaders(), body));
        if ("ok".equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            ex.getResponseHeaders().add("X-Auth-User", "alice");
            ex.getResponseHeaders().add("X-Auth-Secret-One", "s1");
            ex.getResponseHeaders().add("Set-Cookie", "auth=token; Path=/");
            ex.getResponseHeaders().add("Set-Cookie", "other=2");
            answer(ex, 200, "");
        } else {
            ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"x\"");
            ex.getResponseHeaders().add("Location", "/login?next=1");
            answer(ex, 401, "Forbidden");
        }
    }

    private static void answer(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    private static SSLContext selfSigned() throws Exception {
        SelfSignedCertificate cert = new SelfSignedCertificate("localhost");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("k", cert.key(), new char[0], new Certificate[] {cert.cert()});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, new char[0]);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
    }

    private static HttpResponse<String> send(String host, String path, String authorization, String postBody)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.boundPort("web") + path))
                .header("Host", host).header("X-Auth-User", "mallory").header("X-Auth-Secret-Two", "spoofed");
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (postBody != null) {
            b.POST(HttpRequest.BodyPublishers.ofString(postBody));
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void allowedRequestCarriesTheAuthServersIdentityHeadersAndCookies() throws Exception {
        HttpResponse<String> response = send("ok.test", "/some/path?x=1", "ok", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("X-Auth-User: alice", "X-Auth-Secret-One: s1")
                .doesNotContain("mallory", "spoofed");
        assertThat(response.headers().allValues("set-cookie")).containsExactly("auth=token; Path=/");
        Seen seen = SEEN.get();
        assertThat(seen.method()).isEqualTo("GET");
        assertThat(seen.headers().getFirst("X-Forwarded-Method")).isEqualTo("GET");
        assertThat(seen.headers().getFirst("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(seen.headers().getFirst("X-Forwarded-Host")).isEqualTo("ok.test");
        assertThat(seen.headers().getFirst("X-Forwarded-Uri")).isEqualTo("/some/path?x=1");
        assertThat(seen.headers().getFirst("X-Forwarded-For")).isEqualTo("127.0.0.1");
        assertThat(seen.headers().getFirst("X-Forwarded-Port")).isEqualTo("80");
        assertThat(seen.headers().getFirst("Host")).isEqualTo("127.0.0.1:" + auth.getAddress().getPort());
    }

    @Test
    void deniedRequestGetsTheAuthAnswerWithAnAbsoluteLocation() throws Exception {
        HttpResponse<String> response = send("ok.test", "/", null, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("Forbidden");
        assertThat(response.headers().firstValue("www-authenticate")).hasValue("Basic realm=\"x\"");
        assertThat(response.headers().firstValue("location"))
                .hasValue("http://127.0.0.1:" + auth.getAddress().getPort() + "/login?next=1");
    }

    @Test
    void preserveLocationHeaderAndRequestMethod() throws Exception {
        HttpResponse<String> response = send("preserve.test", "/", null, "data");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("location")).hasValue("/login?next=1");
        assertThat(SEEN.get().method()).isEqualTo("POST");
        assertThat(SEEN.get().body()).isEmpty(); // forwardBody is off
    }

    @Test
    void forwardBodySendsTheBodyToBothTheAuthServerAndTheBackend() throws Exception {
        HttpResponse<String> response = send("body.test", "/echo-body", "ok", "hello");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("hello");
        assertThat(SEEN.get().body()).isEqualTo("hello");
        assertThat(SEEN.get().method()).isEqualTo("GET");
    }

    @Test
    void bodyOverMaxBodySizeIsUnauthorized() throws Exception {
        assertThat(send("body.test", "/echo-body", "ok", "hello!").statusCode()).isEqualTo(401);
    }

    @Test
    void authResponseOverMaxResponseBodySizeIsUnauthorized() throws Exception {
        assertThat(send("bigresponse.test", "/", "ok", null).statusCode()).isEqualTo(401);
    }

    @Test
    void unreachableAuthServerIsInternalServerError() throws Exception {
        HttpResponse<String> response = send("down.test", "/", "ok", null);
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void tlsAuthServer() throws Exception {
        HttpResponse<String> response = send("tls.test", "/", "ok", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("X-Auth-User: alice");
    }
}
