package io.trafficcop.proxy.middleware;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.trafficcop.proxy.config.GoDuration;
import io.trafficcop.proxy.config.dynamic.BasicAuth;
import io.trafficcop.proxy.config.dynamic.DigestAuth;
import io.trafficcop.proxy.config.dynamic.InFlightReq;
import io.trafficcop.proxy.config.dynamic.IpAllowList;
import io.trafficcop.proxy.config.dynamic.IpDenyList;
import io.trafficcop.proxy.config.dynamic.IpStrategy;
import io.trafficcop.proxy.config.dynamic.IpWhiteList;
import io.trafficcop.proxy.config.dynamic.Jwt;
import io.trafficcop.proxy.config.dynamic.RateLimit;
import io.trafficcop.proxy.config.dynamic.SourceCriterion;
import io.trafficcop.proxy.http.HttpHandler;
import io.trafficcop.proxy.middleware.basicauth.BasicAuthMiddleware;
import io.trafficcop.proxy.middleware.digestauth.DigestAuthMiddleware;
import io.trafficcop.proxy.middleware.inflightreq.InFlightReqMiddleware;
import io.trafficcop.proxy.middleware.ipallowlist.IpAllowListMiddleware;
import io.trafficcop.proxy.middleware.ipdenylist.IpDenyListMiddleware;
import io.trafficcop.proxy.middleware.jwt.JwtMiddleware;
import io.trafficcop.proxy.middleware.ratelimit.RateLimitMiddleware;
import io.trafficcop.proxy.middleware.ratelimit.RateLimitRegistry;
import io.trafficcop.proxy.runtime.EntryPointSettings;
import io.trafficcop.proxy.runtime.ForwardedHeadersSettings;
import io.trafficcop.proxy.runtime.Snapshot;
import io.trafficcop.proxy.server.ProxyServer;
import io.trafficcop.proxy.testing.LeakCheck;
import io.trafficcop.proxy.testing.Services;
import io.trafficcop.proxy.testing.TestClients;
import io.trafficcop.proxy.testing.TestRoutes;
import io.trafficcop.proxy.whoami.WhoamiServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.commons.codec.digest.DigestUtils;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * basicAuth, digestAuth, ipAllowList, ipWhiteList, ipDenyList, rateLimit, inFlightReq and jwt end to end: a real
 * ProxyServer on an ephemeral port, a snapshot whose routers (by Host) use each middleware in front of a whoami
 * backend, and java.net.http clients.
 */
class AccessControlMiddlewaresIT {

    static final String JWT_SECRET = "0123456789abcdef0123456789abcdef";

    static WhoamiServer backend;
    static ProxyServer proxy;
    static HttpClient client;
    static RateLimitRegistry rateLimits = new RateLimitRegistry();
    static InFlightReqMiddleware inFlight;
    static RateLimit rateLimitConfig = new RateLimit(1L, GoDuration.ofSeconds(60), 2L, null, null);

    @BeforeAll
    static void start() throws Exception {
        LeakCheck.paranoid();
        backend = new WhoamiServer("whoami").start("127.0.0.1", 0);
        inFlight = new InFlightReqMiddleware(new InFlightReq(1L, null));
        proxy = new ProxyServer(2);
        // the test client is a trusted proxy: its X-Forwarded-For reaches the middlewares (Traefik drops it otherwise)
        proxy.start(List.of(EntryPointSettings.of("web", "127.0.0.1:0").withForwardedHeaders(
                new ForwardedHeadersSettings(false, List.of("127.0.0.1"), List.of(), false, false))), snapshot());
        client = TestClients.http1();
    }

    /** The routes; rebuilt for the reload test exactly as a new configuration compile would. */
    static Snapshot snapshot() {
        TestRoutes routes = new TestRoutes()
                .host("basic.test", "basic@test", chain(new BasicAuthMiddleware(new BasicAuth(
                        List.of("test:$apr1$H6uskkkW$IgXLP6ewTrSuBkTrqE8wj/"), null, "proxy", null, "X-Webauth-User"))))
                .host("digest.test", "digest@test", chain(new DigestAuthMiddleware(new DigestAuth(
                        List.of("test:traefik:a2688e031edb4be6a3797f3882655c05"), null, true, null, null))))
                .host("allow.test", "allow@test", chain(new IpAllowListMiddleware(new IpAllowList(
                        List.of("127.0.0.1/32"), null, null))))
                .host("allow-xff.test", "allowxff@test", chain(new IpAllowListMiddleware(new IpAllowList(
                        List.of("10.0.0.0/8"), new IpStrategy(1, null, null), 404))))
                .host("whitelist.test", "whitelist@test", chain(IpAllowListMiddleware.whiteList(new IpWhiteList(
                        List.of("192.0.2.0/24"), null))))
                .host("deny.test", "deny@test", chain(new IpDenyListMiddleware(new IpDenyList(
                        List.of("127.0.0.0/8"), null, null))))
                .host("ratelimit.test", "ratelimit@test", chain(new RateLimitMiddleware("ratelimit@test",
                        rateLimitConfig, rateLimits)))
                .host("inflight.test", "inflight@test", chain(inFlight))
                .host("jwt.test", "jwt@test", chain(new JwtMiddleware(new Jwt(JWT_SECRET, null, null, null, null,
                        null, null, "https://issuer.test", null, null, null, null, Map.of("sub", "X-User"), null,
                        null, null, null, null))));
        return new Snapshot(Map.of("web", routes));
    }

    static HttpHandler chain(Middleware middleware) {
        return MiddlewareChain.build(List.of(middleware), Services.loadBalancer("whoami", backend.url()));
    }

    @AfterAll
    static void stop() {
        proxy.shutdown();
        backend.close();
        client.close();
    }

    static HttpResponse<String> get(String host, String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.boundPort("web")
                + path)).header("Host", host);
        headers.forEach(builder::header);
        return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void basicAuth() throws Exception {
        var refused = get("basic.test", "/", Map.of());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"proxy\"");
        assertThat(refused.body()).isEqualTo("401 Unauthorized\n");
        assertThat(get("basic.test", "/", Map.of("Authorization", basic("test", "nope"))).statusCode())
                .isEqualTo(401);
        var ok = get("basic.test", "/", Map.of("Authorization", basic("test", "test")));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("Name: whoami").contains("X-Webauth-User: test");
    }

    @Test
    void digestAuth() throws Exception {
        var challenge = get("digest.test", "/", Map.of());
        assertThat(challenge.statusCode()).isEqualTo(401);
        String header = challenge.headers().firstValue("WWW-Authenticate").orElseThrow();
        Map<String, String> parts = new HashMap<>();
        for (String piece : header.substring("Digest ".length()).split(", ")) {
            String[] kv = piece.split("=", 2);
            parts.put(kv[0], kv[1].replace("\"", ""));
        }
        String ha1 = DigestUtils.md5Hex("test:traefik:test");
        String ha2 = DigestUtils.md5Hex("GET:/");
        String response = DigestUtils.md5Hex(ha1 + ":" + parts.get("nonce") + ":00000001:0a4f113b:auth:" + ha2);
        String authorization = "Digest username=\"test\", realm=\"traefik\", nonce=\"" + parts.get("nonce")
                + "\", uri=\"/\", algorithm=MD5, qop=auth, nc=00000001, cnonce=\"0a4f113b\", response=\"" + response
                + "\", opaque=\"" + parts.get("opaque") + "\"";
        var ok = get("digest.test", "/", Map.of("Authorization", authorization));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("Name: whoami").doesNotContain("Authorization:");
        var replay = get("digest.test", "/", Map.of("Authorization", authorization));
        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(replay.headers().firstValue("WWW-Authenticate").orElseThrow()).endsWith("stale=true");
    }

    @Test
    void ipAllowListAndWhiteList() throws Exception {
        assertThat(get("allow.test", "/", Map.of()).statusCode()).isEqualTo(200);
        var forbidden = get("whitelist.test", "/", Map.of());
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).isEqualTo("Forbidden");
        assertThat(get("allow-xff.test", "/", Map.of("X-Forwarded-For", "10.1.2.3")).statusCode()).isEqualTo(200);
        var rejected = get("allow-xff.test", "/", Map.of("X-Forwarded-For", "10.1.2.3, 192.0.2.1"));
        assertThat(rejected.statusCode()).isEqualTo(404);
        assertThat(rejected.body()).isEqualTo("Not Found");
    }

    @Test
    void ipDenyList() throws Exception {
        var denied = get("deny.test", "/", Map.of());
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.body()).isEqualTo("Forbidden");
    }

    @Test
    void rateLimitSurvivesAReloadOfAnUnchangedConfiguration() throws Exception {
        assertThat(get("ratelimit.test", "/", Map.of()).statusCode()).isEqualTo(200);
        assertThat(get("ratelimit.test", "/", Map.of()).statusCode()).isEqualTo(200);
        var limited = get("ratelimit.test", "/", Map.of());
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.body()).isEqualTo("Too Many Requests");
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(limited.headers().firstValue("X-Retry-In")).isPresent();

        proxy.apply(snapshot()); // a reload: same name, same configuration, same buckets
        assertThat(get("ratelimit.test", "/", Map.of()).statusCode()).isEqualTo(429);
        rateLimits.retainOnly(List.of(new RateLimitRegistry.Key("ratelimit@test", rateLimitConfig)));
        assertThat(rateLimits.keys()).hasSize(1);
    }

    @Test
    void inFlightReq() throws Exception {
        HttpRequest slow = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.boundPort("web")
                + "/?wait=2s")).header("Host", "inflight.test").build();
        HttpClient other = TestClients.http1();
        try {
            CompletableFuture<HttpResponse<String>> first = other.sendAsync(slow, HttpResponse.BodyHandlers.ofString());
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> inFlight.inFlight("inflight.test") == 1);
            var refused = get("inflight.test", "/", Map.of());
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.body()).isEqualTo("max connections reached: 1");
            assertThat(first.get().statusCode()).isEqualTo(200);
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> inFlight.inFlight("inflight.test") == 0);
            assertThat(get("inflight.test", "/", Map.of()).statusCode()).isEqualTo(200);
        } finally {
            other.close();
        }
    }

    @Test
    void jwt() throws Exception {
        SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
                .subject("alice").issuer("https://issuer.test")
                .expirationTime(new Date(System.currentTimeMillis() + 3_600_000L)).build());
        token.sign(new MACSigner(JWT_SECRET));
        var ok = get("jwt.test", "/", Map.of("Authorization", "Bearer " + token.serialize(), "X-User", "mallory"));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("X-User: alice").doesNotContain("mallory");
        var refused = get("jwt.test", "/", Map.of());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Bearer ");
    }
}
