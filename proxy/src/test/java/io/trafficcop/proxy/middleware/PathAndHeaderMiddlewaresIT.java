package io.trafficcop.proxy.middleware;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.trafficcop.proxy.config.dynamic.AddPrefix;
import io.trafficcop.proxy.config.dynamic.Chain;
import io.trafficcop.proxy.config.dynamic.ContentType;
import io.trafficcop.proxy.config.dynamic.RedirectRegex;
import io.trafficcop.proxy.config.dynamic.RedirectScheme;
import io.trafficcop.proxy.config.dynamic.ReplacePath;
import io.trafficcop.proxy.config.dynamic.ReplacePathRegex;
import io.trafficcop.proxy.config.dynamic.StripPrefix;
import io.trafficcop.proxy.config.dynamic.StripPrefixRegex;
import io.trafficcop.proxy.http.HttpHandler;
import io.trafficcop.proxy.middleware.addprefix.AddPrefixMiddleware;
import io.trafficcop.proxy.middleware.chain.ChainMiddleware;
import io.trafficcop.proxy.middleware.contenttype.ContentTypeMiddleware;
import io.trafficcop.proxy.middleware.headers.HeadersMiddleware;
import io.trafficcop.proxy.middleware.headers.HeadersMiddlewareTest;
import io.trafficcop.proxy.middleware.redirectregex.RedirectRegexMiddleware;
import io.trafficcop.proxy.middleware.redirectscheme.RedirectSchemeMiddleware;
import io.trafficcop.proxy.middleware.replacepath.ReplacePathMiddleware;
import io.trafficcop.proxy.middleware.replacepathregex.ReplacePathRegexMiddleware;
import io.trafficcop.proxy.middleware.stripprefix.StripPrefixMiddleware;
import io.trafficcop.proxy.middleware.stripprefixregex.StripPrefixRegexMiddleware;
import io.trafficcop.proxy.runtime.EntryPointSettings;
import io.trafficcop.proxy.runtime.ForwardedHeadersSettings;
import io.trafficcop.proxy.runtime.Snapshot;
import io.trafficcop.proxy.server.ProxyServer;
import io.trafficcop.proxy.testing.LeakCheck;
import io.trafficcop.proxy.testing.Services;
import io.trafficcop.proxy.testing.TestClients;
import io.trafficcop.proxy.testing.TestRoutes;
import io.trafficcop.proxy.whoami.WhoamiServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every path and header middleware through the real proxy: a ProxyServer on an ephemeral port, a Snapshot whose
 * routers (one per Host) use the middleware, a whoami backend (echoes the request line and headers) and a plain
 * backend that sends no Content-Type, reached with java.net.http.
 */
class PathAndHeaderMiddlewaresIT {

    static WhoamiServer whoami;
    static HttpServer plain;
    static final AtomicInteger plainHits = new AtomicInteger();
    static ProxyServer proxy;
    static HttpClient client;

    @BeforeAll
    static void start() throws Exception {
        LeakCheck.paranoid();
        whoami = new WhoamiServer("whoami").start("127.0.0.1", 0);
        plain = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        plain.createContext("/", exchange -> {
            plainHits.incrementAndGet();
            byte[] body = "<html><body>no type</body></html>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        plain.start();
        HttpHandler toWhoami = Services.loadBalancer("whoami", whoami.url());
        HttpHandler toPlain = Services.loadBalancer("plain", "http://127.0.0.1:" + plain.getAddress().getPort());

        var strip = new StripPrefixMiddleware(new StripPrefix(List.of("/api"), null));
        var add = new AddPrefixMiddleware(new AddPrefix("/v2"));
        var headers = new HeadersMiddleware(HeadersMiddlewareTest.Config.of(c -> {
            c.customRequestHeaders = HeadersMiddlewareTest.map("X-Script-Name", "test", "X-Forwarded-For", "");
            c.customResponseHeaders = HeadersMiddlewareTest.map("X-Custom-Response-Header", "yes", "X-Powered-By", "");
            c.frameDeny = true;
            c.contentTypeNosniff = true;
            c.stsSeconds = 31536000L;
            c.forceSTSHeader = true;
            c.accessControlAllowMethods = List.of("GET", "OPTIONS", "PUT");
            c.accessControlAllowOriginList = List.of("https://foo.bar.org");
            c.accessControlMaxAge = 100L;
            c.addVaryHeader = true;
        }));
        TestRoutes routes = new TestRoutes()
                // HTTP/2 clients send :authority (127.0.0.1:port), so the HTTP/2 test routes by path
                .path("/h2-strip/", "h2strip@test", with(new StripPrefixMiddleware(
                        new StripPrefix(List.of("/h2-strip"), null)), toWhoami))
                .path("/h2-redirect/", "h2redirect@test", with(new RedirectSchemeMiddleware(
                        new RedirectScheme("https", null, false)), toWhoami))
                .path("/h2-headers/", "h2headers@test", with(headers, toWhoami))
                .host("addprefix.test", "addprefix@test", with(add, toWhoami))
                .host("stripprefix.test", "stripprefix@test", with(strip, toWhoami))
                .host("stripprefixregex.test", "stripprefixregex@test", with(new StripPrefixRegexMiddleware(
                        new StripPrefixRegex(List.of("/v[0-9]+"))), toWhoami))
                .host("replacepath.test", "replacepath@test", with(new ReplacePathMiddleware(
                        new ReplacePath("/fixed%2Fpath")), toWhoami))
                .host("replacepathregex.test", "replacepathregex@test", with(new ReplacePathRegexMiddleware(
                        new ReplacePathRegex("^/old/(.*)", "/new/$1")), toWhoami))
                .host("redirectscheme.test", "redirectscheme@test", with(new RedirectSchemeMiddleware(
                        new RedirectScheme("https", "8443", true)), toWhoami))
                .host("redirectregex.test", "redirectregex@test", with(new RedirectRegexMiddleware(
                        new RedirectRegex("^http://redirectregex.test(:[0-9]+)?/(.*)", "https://example.com/${2}", false)),
                        toWhoami))
                .host("headers.test", "headers@test", with(headers, toWhoami))
                .host("contenttype.test", "contenttype@test", with(new ContentTypeMiddleware(new ContentType(null)),
                        toPlain))
                .host("nocontenttype.test", "nocontenttype@test", toPlain)
                .host("twoheaders.test", "twoheaders@test", MiddlewareChain.build(List.of(
                        new HeadersMiddleware(HeadersMiddlewareTest.Config.of(c -> c.customResponseHeaders =
                                HeadersMiddlewareTest.map("X-Layer", "outer"))),
                        new HeadersMiddleware(HeadersMiddlewareTest.Config.of(c -> c.customResponseHeaders =
                                HeadersMiddlewareTest.map("X-Layer", "inner", "X-Inner", "yes")))), toWhoami))
                .host("chain.test", "chain@test", with(ChainMiddleware.of(new Chain(List.of("strip", "add")),
                        Map.of("strip", strip, "add", add)::get), toWhoami));
        proxy = new ProxyServer(2);
        proxy.start(List.of(EntryPointSettings.of("web", "127.0.0.1:0"),
                        EntryPointSettings.of("trusting", "127.0.0.1:0").withForwardedHeaders(
                                new ForwardedHeadersSettings(true, List.of(), List.of(), false, false))),
                new Snapshot(Map.of("web", routes, "trusting", routes)));
        client = TestClients.http1();
    }

    private static HttpHandler with(Middleware middleware, HttpHandler service) {
        return MiddlewareChain.build(List.of(middleware), service);
    }

    @AfterAll
    static void stop() {
        proxy.shutdown();
        whoami.close();
        plain.stop(0);
        client.close();
    }

    static HttpResponse<String> send(String host, String method, String path, String... headers) throws Exception {
        return sendTo("web", host, method, path, headers);
    }

    static HttpResponse<String> sendTo(String entryPoint, String host, String method, String path, String... headers)
            throws Exception {
        var builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.boundPort(entryPoint) + path))
                .header("Host", host).method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String host, String path) throws Exception {
        return send(host, "GET", path);
    }

    @Test
    void addPrefix() throws Exception {
        assertThat(get("addprefix.test", "/users?id=1").body()).contains("GET /v2/users?id=1 HTTP/1.1");
    }

    @Test
    void stripPrefix() throws Exception {
        String body = get("stripprefix.test", "/api/users/a%2Fb").body();

        assertThat(body).contains("GET /users/a%2Fb HTTP/1.1").contains("X-Forwarded-Prefix: /api");
    }

    @Test
    void stripPrefixRefusesDotSegments() throws Exception {
        var response = get("stripprefix.test", "/api../secret");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("Bad Request\n");
    }

    @Test
    void stripPrefixRegex() throws Exception {
        assertThat(get("stripprefixregex.test", "/v12/items").body())
                .contains("GET /items HTTP/1.1").contains("X-Forwarded-Prefix: /v12");
    }

    @Test
    void replacePath() throws Exception {
        assertThat(get("replacepath.test", "/anything?q=1").body())
                .contains("GET /fixed%2Fpath?q=1 HTTP/1.1").contains("X-Replaced-Path: /anything");
    }

    @Test
    void replacePathRegex() throws Exception {
        assertThat(get("replacepathregex.test", "/old/a/b").body())
                .contains("GET /new/a/b HTTP/1.1").contains("X-Replaced-Path: /old/a/b");
    }

    @Test
    void redirectScheme() throws Exception {
        var response = get("redirectscheme.test", "/a?b=c");
        var post = send("redirectscheme.test", "POST", "/a");

        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("Location")).hasValue("https://redirectscheme.test:8443/a?b=c");
        assertThat(response.body()).isEqualTo("Moved Permanently");
        assertThat(post.statusCode()).isEqualTo(308);
    }

    @Test
    void redirectSchemeSeesTheEntryPointsXForwardedProto() throws Exception {
        var response = send("redirectscheme.test:8443", "GET", "/a", "X-Forwarded-Proto", "https");

        // the entry point does not trust forwarded headers by default: X-Forwarded-Proto becomes "http"
        assertThat(response.statusCode()).isEqualTo(301);
    }

    @Test
    void redirectSchemeLetsThroughWhatIsAlreadyOnTheTargetSchemeAndPort() throws Exception {
        var response = sendTo("trusting", "redirectscheme.test:8443", "GET", "/a", "X-Forwarded-Proto", "https");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("GET /a HTTP/1.1");
    }

    @Test
    void aRedirectKeepsTheClientConnectionAlive() throws Exception {
        try (var socket = new java.net.Socket("127.0.0.1", proxy.boundPort("web"))) {
            socket.setSoTimeout(5000);
            var out = socket.getOutputStream();
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1));
            for (int i = 0; i < 2; i++) {
                out.write("GET /x HTTP/1.1\r\nHost: redirectscheme.test\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                assertThat(in.readLine()).isEqualTo("HTTP/1.1 301 Moved Permanently");
                int length = 0;
                for (String line = in.readLine(); !line.isEmpty(); line = in.readLine()) {
                    if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                        length = Integer.parseInt(line.substring(15).trim());
                    }
                }
                assertThat(in.skip(length)).isEqualTo(length);
            }
        }
    }

    @Test
    void redirectRegex() throws Exception {
        var response = get("redirectregex.test", "/some/page");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue("https://example.com/some/page");
    }

    @Test
    void headersOnRequestAndResponse() throws Exception {
        var response = send("headers.test", "GET", "/", "Origin", "https://foo.bar.org");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("X-Script-Name: test").doesNotContain("X-Forwarded-For");
        assertThat(response.headers().firstValue("X-Custom-Response-Header")).hasValue("yes");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://foo.bar.org");
        assertThat(response.headers().firstValue("Vary")).hasValue("Origin");
    }

    @Test
    void corsPreflightIsAnsweredByTheProxy() throws Exception {
        var response = send("headers.test", "OPTIONS", "/", "Origin", "https://foo.bar.org",
                "Access-Control-Request-Method", "PUT");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValue("GET,OPTIONS,PUT");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://foo.bar.org");
        assertThat(response.headers().firstValue("Access-Control-Max-Age")).hasValue("100");
        assertThat(response.headers().firstValue("X-Frame-Options")).isEmpty();
    }

    @Test
    void contentTypeIsSniffedOnlyBehindTheMiddleware() throws Exception {
        var sniffed = get("contenttype.test", "/");
        var untouched = get("nocontenttype.test", "/");

        assertThat(sniffed.body()).isEqualTo("<html><body>no type</body></html>");
        assertThat(sniffed.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(untouched.body()).isEqualTo("<html><body>no type</body></html>");
        assertThat(untouched.headers().firstValue("Content-Type")).isEmpty();
    }

    @Test
    void theFirstListedMiddlewareHasTheLastWordOnTheResponse() throws Exception {
        var response = get("twoheaders.test", "/");

        assertThat(response.headers().allValues("X-Layer")).containsExactly("outer");
        assertThat(response.headers().firstValue("X-Inner")).hasValue("yes");
    }

    @Test
    void overHttp2() throws Exception {
        try (HttpClient h2 = TestClients.http2()) {
            URI base = URI.create("http://127.0.0.1:" + proxy.boundPort("web"));
            String authority = base.getAuthority();
            // the first request upgrades the connection (h2c), the next ones are HTTP/2 streams
            h2.send(HttpRequest.newBuilder(base.resolve("/h2-strip/")).build(), HttpResponse.BodyHandlers.ofString());
            var stripped = h2.send(HttpRequest.newBuilder(base.resolve("/h2-strip/x%2Fy?z=1")).build(),
                    HttpResponse.BodyHandlers.ofString());
            var redirected = h2.send(HttpRequest.newBuilder(base.resolve("/h2-redirect/a")).build(),
                    HttpResponse.BodyHandlers.ofString());
            var preflight = h2.send(HttpRequest.newBuilder(base.resolve("/h2-headers/"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://foo.bar.org")
                    .header("Access-Control-Request-Method", "PUT").build(), HttpResponse.BodyHandlers.ofString());
            var headers = h2.send(HttpRequest.newBuilder(base.resolve("/h2-headers/"))
                    .header("Origin", "https://foo.bar.org").build(), HttpResponse.BodyHandlers.ofString());

            assertThat(stripped.version()).isEqualTo(HttpClient.Version.HTTP_2);
            assertThat(stripped.body()).contains("GET /x%2Fy?z=1 HTTP/1.1").contains("X-Forwarded-Prefix: /h2-strip");
            assertThat(redirected.version()).isEqualTo(HttpClient.Version.HTTP_2);
            assertThat(redirected.statusCode()).isEqualTo(302);
            assertThat(redirected.headers().firstValue("location")).hasValue("https://127.0.0.1/h2-redirect/a");
            assertThat(preflight.statusCode()).isEqualTo(200);
            assertThat(preflight.headers().firstValue("access-control-allow-methods")).hasValue("GET,OPTIONS,PUT");
            assertThat(headers.headers().firstValue("x-frame-options")).hasValue("DENY");
            assertThat(headers.headers().firstValue("access-control-allow-origin")).hasValue("https://foo.bar.org");
            assertThat(authority).isNotEmpty();
        }
    }

    @Test
    void chain() throws Exception {
        assertThat(get("chain.test", "/api/users").body()).contains("GET /v2/users HTTP/1.1");
    }
}
