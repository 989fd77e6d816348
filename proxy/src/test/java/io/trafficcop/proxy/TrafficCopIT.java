package io.trafficcop.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.trafficcop.proxy.config.dynamic.DynamicConfiguration;
import io.trafficcop.proxy.config.install.EffectiveConfiguration;
import io.trafficcop.proxy.config.install.StaticConfiguration;
import io.trafficcop.proxy.config.load.ConfigBinder;
import io.trafficcop.proxy.config.load.StaticConfigFinder;
import io.trafficcop.proxy.config.load.StaticConfigLoader;
import io.trafficcop.proxy.whoami.WhoamiServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TrafficCop assembled as the command line runs it: static file, file provider, reloads, internal routers. */
class TrafficCopIT {

    @TempDir
    Path dir;

    private WhoamiServer alpha;
    private WhoamiServer beta;
    private TrafficCop trafficCop;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void backends() throws Exception {
        alpha = new WhoamiServer("alpha").start("127.0.0.1", 0);
        beta = new WhoamiServer("beta").start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        if (trafficCop != null) {
            trafficCop.stop();
        }
        alpha.close();
        beta.close();
    }

    private void start(String staticYaml) throws Exception {
        Path file = Files.writeString(dir.resolve("traefik.yml"), staticYaml);
        StaticConfigLoader.Loaded loaded = StaticConfigLoader.load(file.toString(), List.of(), Map.of(),
                new StaticConfigFinder(dir, dir, Map.of()), StaticConfiguration.class, DynamicConfiguration.class);
        assertThat(loaded.errors()).isEmpty();
        StaticConfiguration config = EffectiveConfiguration.of(
                ConfigBinder.bind(loaded.document().tree(), StaticConfiguration.class));
        trafficCop = TrafficCop.start(config, loaded, Map.of());
    }

    /** Replaces a file at once, as editors and ConfigMap updates do, so no half-written file is ever read. */
    private static void replace(Path file, String content) throws Exception {
        Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.writeString(temp, content);
        Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private HttpResponse<String> get(String entryPoint, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + trafficCop.boundPort(entryPoint) + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String staticWithDirectory(Path dynamic) {
        return """
                entryPoints:
                  web:
                    address: "127.0.0.1:0"
                  traefik:
                    address: "127.0.0.1:0"
                ping: {}
                providers:
                  providersThrottleDuration: 0s
                  file:
                    directory: %s
                    watch: true
                """.formatted(dynamic);
    }

    private static String routes(String... pathAndUrl) {
        StringBuilder yaml = new StringBuilder("http:\n  routers:\n");
        for (int i = 0; i < pathAndUrl.length; i += 2) {
            yaml.append("    r").append(i).append(":\n      rule: \"PathPrefix(`").append(pathAndUrl[i])
                    .append("`)\"\n      service: s").append(i).append('\n');
        }
        yaml.append("  services:\n");
        for (int i = 0; i < pathAndUrl.length; i += 2) {
            yaml.append("    s").append(i).append(":\n      loadBalancer:\n        servers:\n          - url: \"")
                    .append(pathAndUrl[i + 1]).append("\"\n");
        }
        return yaml.toString();
    }

    @Test
    void writesTheAccessLogOfEveryEntryPointWithAccessLogsOn() throws Exception {
        Path dynamic = Files.createDirectory(dir.resolve("dynamic"));
        replace(dynamic.resolve("routes.yml"), routes("/a", alpha.url()) .replace("      service: s0\n",
                "      service: s0\n    silent:\n      rule: \"PathPrefix(`/silent`)\"\n      service: s0\n"
                        + "      observability:\n        accessLogs: false\n"));
        Path log = dir.resolve("access.log");
        start("""
                entryPoints:
                  web:
                    address: "127.0.0.1:0"
                  quiet:
                    address: "127.0.0.1:0"
                    observability:
                      accessLogs: false
                ping:
                  entryPoint: web
                accessLog:
                  filePath: %s
                  format: json
                  fields:
                    names:
                      StartLocal: drop
                providers:
                  providersThrottleDuration: 0s
                  file:
                    directory: %s
                """.formatted(log, dynamic));
        await().atMost(Duration.ofSeconds(20)).until(() -> get("web", "/a").statusCode() == 200);
        assertThat(get("quiet", "/a/quiet").statusCode()).isEqualTo(200);
        assertThat(get("web", "/silent").statusCode()).isEqualTo(200);
        assertThat(get("web", "/ping").body()).isEqualTo("OK"); // internal: not logged without addInternals
        assertThat(get("web", "/a/last").statusCode()).isEqualTo(200);

        trafficCop.stop(); // writes what is queued and closes the file
        trafficCop = null;
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).noneMatch(l -> l.contains("/quiet") || l.contains("/silent") || l.contains("/ping") || l.contains("StartLocal"));
        assertThat(lines).last().asString().startsWith("{").contains("\"RequestPath\":\"/a/last\"")
                .contains("\"RouterName\":\"r0@file\"").contains("\"entryPointName\":\"web\"")
                .contains("\"DownstreamStatus\":200").contains("\"ServiceName\":\"s0@file\"").contains("\"ServiceURL\":\"" + alpha.url() + "\"");
    }

    @Test
    void servesReloadsAndKeepsTheLastGoodConfiguration() throws Exception {
        Path dynamic = Files.createDirectory(dir.resolve("dynamic"));
        replace(dynamic.resolve("routes.yml"), routes("/a", alpha.url()));
        start(staticWithDirectory(dynamic));

        await().atMost(Duration.ofSeconds(20)).until(() -> get("web", "/a").statusCode() == 200);
        assertThat(get("web", "/a").body()).contains("Name: alpha");
        assertThat(get("web", "/nothing-here").body()).isEqualTo("404 page not found\n");
        assertThat(get("traefik", "/ping").body()).isEqualTo("OK");

        replace(dynamic.resolve("routes.yml"), routes("/a", alpha.url(), "/b", beta.url()));
        await().atMost(Duration.ofSeconds(20)).until(() -> get("web", "/b").statusCode() == 200);
        assertThat(get("web", "/b").body()).contains("Name: beta");

        // an edit that does not parse leaves the last good configuration in force
        replace(dynamic.resolve("routes.yml"), "http:\n  routers: [unclosed\n");
        replace(dynamic.resolve("more.yml"), routes("/c", beta.url()).replace("r0", "rc").replace("s0", "sc"));
        replace(dynamic.resolve("marker.yml"), "http: {}\n");
        assertThat(get("web", "/a").statusCode()).isEqualTo(200);
        assertThat(get("web", "/b").statusCode()).isEqualTo(200);
        assertThat(get("web", "/c").statusCode()).isEqualTo(404);
        // fixed: everything applies
        replace(dynamic.resolve("routes.yml"), routes("/a", alpha.url()));
        await().atMost(Duration.ofSeconds(20)).until(() -> get("web", "/c").statusCode() == 200);
        assertThat(get("web", "/b").statusCode()).isEqualTo(404);
    }

    @Test
    void aBrokenRouterIsDisabledWhileTheOthersServe() throws Exception {
        Path dynamic = Files.createDirectory(dir.resolve("dynamic"));
        Files.writeString(dynamic.resolve("routes.yml"), routes("/a", alpha.url()) + """
                    broken:
                      loadBalancer:
                        servers:
                          - url: "http://127.0.0.1:1"
                """ + """
                  middlewares:
                    unknown-type:
                      plugin:
                        x: {}
                """);
        Files.writeString(dynamic.resolve("more.yml"), """
                http:
                  routers:
                    bad-rule:
                      rule: "PathPrefx(`/bad`)"
                      service: s0
                    missing-service:
                      rule: "PathPrefix(`/missing`)"
                      service: nope
                    bad-middleware:
                      rule: "PathPrefix(`/mw`)"
                      service: s0
                      middlewares: [unknown-type]
                """);
        start(staticWithDirectory(dynamic));
        await().atMost(Duration.ofSeconds(20)).until(() -> get("web", "/a").statusCode() == 200);
        assertThat(get("web", "/bad").statusCode()).isEqualTo(404);
        assertThat(get("web", "/missing").statusCode()).isEqualTo(404);
        assertThat(get("web", "/mw").statusCode()).isEqualTo(404);
    }

    @Test
    void aSingleFileConfigurationWithAnEntryPointRedirection() throws Exception {
        start("""
                entryPoints:
                  web:
                    address: "127.0.0.1:0"
                    http:
                      redirections:
                        entryPoint:
                          to: ":8443"
                          scheme: https
                  other:
                    address: "127.0.0.1:0"
                http:
                  routers:
                    r:
                      rule: "PathPrefix(`/`)"
                      entryPoints: [other]
                      service: s
                  services:
                    s:
                      loadBalancer:
                        servers:
                          - url: "%s"
                """.formatted(alpha.url()));
        await().atMost(Duration.ofSeconds(20)).until(() -> get("other", "/x").statusCode() == 200);
        HttpResponse<String> redirect = get("web", "/path?q=1");
        assertThat(redirect.statusCode()).isEqualTo(301);
        assertThat(redirect.headers().firstValue("Location")).hasValue("https://127.0.0.1:8443/path?q=1");
    }

    @Test
    void routersWithoutEntryPointsGoToTheDefaultOnesButNeverTheInternalOne() throws Exception {
        start("""
                entryPoints:
                  a:
                    address: "127.0.0.1:0"
                    asDefault: true
                  b:
                    address: "127.0.0.1:0"
                  traefik:
                    address: "127.0.0.1:0"
                core:
                  defaultRuleSyntax: v2
                http:
                  routers:
                    r:
                      rule: "Path(`/x`, `/y`)"
                      service: s
                  services:
                    s:
                      loadBalancer:
                        servers:
                          - url: "%s"
                """.formatted(alpha.url()));
        await().atMost(Duration.ofSeconds(20)).until(() -> get("a", "/y").statusCode() == 200);
        assertThat(get("b", "/y").statusCode()).isEqualTo(404);
        assertThat(get("traefik", "/y").statusCode()).isEqualTo(404);
    }

    @Test
    void middlewaresFromTheConfigurationChainsAndEntryPointDefaults() throws Exception {
        start("""
                entryPoints:
                  web:
                    address: "127.0.0.1:0"
                    http:
                      middlewares: [tag@file]
                http:
                  routers:
                    r:
                      rule: "PathPrefix(`/api`)"
                      service: s
                      middlewares: [api-chain]
                  middlewares:
                    tag:
                      headers:
                        customRequestHeaders:
                          X-Entry-Point: web
                    api-chain:
                      chain:
                        middlewares: [strip, add-header]
                    strip:
                      stripPrefix:
                        prefixes: ["/api"]
                    add-header:
                      headers:
                        customResponseHeaders:
                          X-Served-By: trafficcop
                  services:
                    s:
                      loadBalancer:
                        servers:
                          - url: "%s"
                """.formatted(alpha.url()));
        await().atMost(Duration.ofSeconds(20)).until(() -> get("web", "/api/users").statusCode() == 200);
        HttpResponse<String> response = get("web", "/api/users");
        assertThat(response.body()).contains("GET /users HTTP/1.1", "X-Forwarded-Prefix: /api", "X-Entry-Point: web");
        assertThat(response.headers().firstValue("X-Served-By")).hasValue("trafficcop");
    }

    @Test
    void servicesAndAccessMiddlewaresFromTheConfiguration() throws Exception {
        start("""
                entryPoints:
                  web:
                    address: "127.0.0.1:0"
                http:
                  routers:
                    failover:
                      rule: "PathPrefix(`/failover`)"
                      service: primary-or-beta
                    weighted:
                      rule: "PathPrefix(`/weighted`)"
                      service: split
                    denied:
                      rule: "PathPrefix(`/denied`)"
                      service: beta
                      middlewares: [deny-local]
                  middlewares:
                    deny-local:
                      ipDenyList:
                        sourceRange: ["127.0.0.1/32"]
                  services:
                    primary-or-beta:
                      failover:
                        service: down
                        fallback: beta
                    down:
                      loadBalancer:
                        healthCheck:
                          path: /health
                          interval: 100ms
                          timeout: 1s
                        servers:
                          - url: "http://127.0.0.1:1"
                    split:
                      weighted:
                        services:
                          - name: alpha
                            weight: 1
                          - name: beta
                            weight: 1
                    alpha:
                      loadBalancer:
                        servers:
                          - url: "%s"
                    beta:
                      loadBalancer:
                        servers:
                          - url: "%s"
                """.formatted(alpha.url(), beta.url()));
        await().atMost(Duration.ofSeconds(20)).until(() -> get("web", "/failover").statusCode() == 200);
        assertThat(get("web", "/failover").body()).contains("Name: beta");
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < 4; i++) {
            String body = get("web", "/weighted").body();
            names.add(body.contains("Name: alpha") ? "alpha" : body.contains("Name: beta") ? "beta" : body);
        }
        assertThat(names).containsExactlyInAnyOrder("alpha", "beta");
        assertThat(get("web", "/denied").statusCode()).isEqualTo(403);
    }

    @Test
    void tlsRoutersServeOnlyTlsConnectionsWithTheConfiguredCertificate() throws Exception {
        io.trafficcop.proxy.tls.TestPki.Issued ca = io.trafficcop.proxy.tls.TestPki.ca("Test CA");
        io.trafficcop.proxy.tls.TestPki.Issued server = io.trafficcop.proxy.tls.TestPki.server(ca, "localhost", "localhost");
        Path cert = Files.writeString(dir.resolve("server.crt"), server.certPem());
        Path key = Files.writeString(dir.resolve("server.key"), server.keyPem());
        start("""
                entryPoints:
                  websecure:
                    address: "127.0.0.1:0"
                http:
                  routers:
                    secure:
                      rule: "Host(`localhost`) && PathPrefix(`/secure`)"
                      service: s
                      tls: {}
                    plain:
                      rule: "PathPrefix(`/plain`)"
                      service: s
                  services:
                    s:
                      loadBalancer:
                        servers:
                          - url: "%s"
                tls:
                  certificates:
                    - certFile: %s
                      keyFile: %s
                  options:
                    default:
                      minVersion: VersionTLS12
                """.formatted(alpha.url(), cert, key));
        int port = trafficCop.boundPort("websecure");
        try (HttpClient tlsClient = HttpClient.newBuilder().sslContext(io.trafficcop.proxy.tls.TestPki.trusting(ca.certificate()))
                .version(HttpClient.Version.HTTP_2).build()) {
            await().atMost(Duration.ofSeconds(20)).until(() -> tlsClient.send(HttpRequest.newBuilder(
                    URI.create("https://localhost:" + port + "/secure")).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode() == 200);
            HttpResponse<String> secure = tlsClient.send(HttpRequest.newBuilder(
                    URI.create("https://localhost:" + port + "/secure")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(secure.version()).isEqualTo(HttpClient.Version.HTTP_2);
            assertThat(secure.body()).contains("Name: alpha", "X-Forwarded-Proto: https");
            assertThat(tlsClient.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/plain")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
        }
        assertThat(get("websecure", "/plain").statusCode()).isEqualTo(200);
        assertThat(get("websecure", "/secure").statusCode()).isEqualTo(404);
    }

    @Test
    void backendsNamedByHostNameAreResolvedOffTheEventLoop() throws Exception {
        start("""
                entryPoints:
                  web:
                    address: "127.0.0.1:0"
                http:
                  routers:
                    r:
                      rule: "PathPrefix(`/`)"
                      service: s
                  services:
                    s:
                      loadBalancer:
                        servers:
                          - url: "http://localhost:%d"
                    unknown:
                      loadBalancer:
                        servers:
                          - url: "http://no-such-host.invalid"
                """.formatted(java.net.URI.create(alpha.url()).getPort()));
        await().atMost(Duration.ofSeconds(20)).until(() -> get("web", "/by-name").statusCode() == 200);
        assertThat(get("web", "/by-name").body()).contains("Name: alpha");
    }

    @Test
    void bodyAndResilienceMiddlewaresFromTheConfiguration() throws Exception {
        start("""
                entryPoints:
                  web:
                    address: "127.0.0.1:0"
                http:
                  routers:
                    broken:
                      rule: "PathPrefix(`/broken`)"
                      service: dead
                      middlewares: [retry-twice, error-pages]
                    big:
                      rule: "PathPrefix(`/data`)"
                      service: alpha
                      middlewares: [gzip]
                  middlewares:
                    retry-twice:
                      retry:
                        attempts: 2
                    error-pages:
                      errors:
                        status: ["500-599"]
                        service: alpha
                        query: "/error-{status}"
                    gzip:
                      compress: {}
                  services:
                    dead:
                      loadBalancer:
                        servers:
                          - url: "http://127.0.0.1:1"
                    alpha:
                      loadBalancer:
                        servers:
                          - url: "%s"
                """.formatted(alpha.url()));
        await().atMost(Duration.ofSeconds(20)).until(() -> get("web", "/broken").statusCode() == 502);
        assertThat(get("web", "/broken").body()).contains("GET /error-502 HTTP/1.1", "Name: alpha");
        HttpResponse<byte[]> compressed = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + trafficCop.boundPort("web") + "/data?size=4096")).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(compressed.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(compressed.body()))
                .readAllBytes()).hasSize(4096);
    }
}
