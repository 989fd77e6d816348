package io.trafficcop.proxy.middleware.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.trafficcop.proxy.config.GoDuration;
import io.trafficcop.proxy.config.dynamic.Jwt;
import io.trafficcop.proxy.testing.LeakCheck;
import io.trafficcop.proxy.testing.MiddlewareProbe;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The jwt middleware (TrafficCop extension): key sources, claims, token sources, forwarding, failures. */
class JwtMiddlewareTest {

    static final String SECRET = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    static final long HOUR = 3_600_000L;

    @TempDir
    static Path dir;

    @BeforeAll
    static void leaks() {
        LeakCheck.paranoid();
    }

    /** A jwt configuration with only the given options set (through a mutable map of the record's fields). */
    static Jwt jwt(Consumer<Map<String, Object>> options) {
        Map<String, Object> o = new HashMap<>();
        options.accept(o);
        return new Jwt((String) o.get("secret"), (String) o.get("secretFile"), (String) o.get("jwksUrl"),
                (String) o.get("jwksFile"), (String) o.get("publicKeyFile"), (GoDuration) o.get("jwksRefreshInterval"),
                cast(o.get("algorithms")), (String) o.get("issuer"), cast(o.get("audience")),
                (GoDuration) o.get("clockSkew"), (Boolean) o.get("requireExpiration"), cast(o.get("claims")),
                cast(o.get("forwardClaims")), (String) o.get("tokenHeader"), (String) o.get("tokenQuery"),
                (String) o.get("tokenCookie"), (Boolean) o.get("removeHeader"), (String) o.get("realm"));
    }

    @SuppressWarnings("unchecked")
    static <T> T cast(Object o) {
        return (T) o;
    }

    static Jwt secret(Consumer<Map<String, Object>> more) {
        return jwt(o -> {
            o.put("secret", SECRET);
            more.accept(o);
        });
    }

    static JWTClaimsSet.Builder validClaims() {
        return new JWTClaimsSet.Builder().subject("alice").issuer("https://issuer.test")
                .audience(List.of("api", "web")).expirationTime(new Date(System.currentTimeMillis() + HOUR))
                .claim("role", "admin").claim("groups", List.of("dev", "ops"));
    }

    static String sign(JWSSigner signer, JWSAlgorithm algorithm, String kid, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(kid).build(), claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    static String hs(JWSAlgorithm algorithm, JWTClaimsSet claims) throws Exception {
        return sign(new MACSigner(SECRET), algorithm, null, claims);
    }

    static MiddlewareProbe.Result bearer(JwtMiddleware middleware, String token) {
        return MiddlewareProbe.run(middleware, Map.of("Authorization", "Bearer " + token));
    }

    static Stream<Arguments> hmacCases() throws Exception {
        long now = System.currentTimeMillis();
        return Stream.of(
                Arguments.of("HS256", secret(o -> { }), hs(JWSAlgorithm.HS256, validClaims().build()), 200, null),
                Arguments.of("HS384", secret(o -> { }), hs(JWSAlgorithm.HS384, validClaims().build()), 200, null),
                Arguments.of("HS512", secret(o -> { }), hs(JWSAlgorithm.HS512, validClaims().build()), 200, null),
                Arguments.of("wrong secret", secret(o -> { }), sign(new MACSigner(SECRET.replace('0', '1')),
                        JWSAlgorithm.HS256, null, validClaims().build()), 401, "invalid_token"),
                Arguments.of("expired", secret(o -> { }), hs(JWSAlgorithm.HS256, validClaims()
                        .expirationTime(new Date(now - HOUR)).build()), 401, "invalid_token"),
                Arguments.of("expired within the clock skew", secret(o -> o.put("clockSkew",
                        GoDuration.ofSeconds(120))), hs(JWSAlgorithm.HS256, validClaims()
                        .expirationTime(new Date(now - 30_000)).build()), 200, null),
                Arguments.of("not yet valid", secret(o -> { }), hs(JWSAlgorithm.HS256, validClaims()
                        .notBeforeTime(new Date(now + HOUR)).build()), 401, "invalid_token"),
                Arguments.of("no exp, required by default", secret(o -> { }), hs(JWSAlgorithm.HS256, validClaims()
                        .expirationTime(null).build()), 401, "invalid_token"),
                Arguments.of("no exp, not required", secret(o -> o.put("requireExpiration", false)),
                        hs(JWSAlgorithm.HS256, validClaims().expirationTime(null).build()), 200, null),
                Arguments.of("issuer matches", secret(o -> o.put("issuer", "https://issuer.test")),
                        hs(JWSAlgorithm.HS256, validClaims().build()), 200, null),
                Arguments.of("issuer differs", secret(o -> o.put("issuer", "https://other.test")),
                        hs(JWSAlgorithm.HS256, validClaims().build()), 401, "invalid_token"),
                Arguments.of("one audience matches", secret(o -> o.put("audience", List.of("web", "mobile"))),
                        hs(JWSAlgorithm.HS256, validClaims().build()), 200, null),
                Arguments.of("no audience matches", secret(o -> o.put("audience", List.of("mobile"))),
                        hs(JWSAlgorithm.HS256, validClaims().build()), 401, "invalid_token"),
                Arguments.of("custom claim equal", secret(o -> o.put("claims", Map.of("role", "admin"))),
                        hs(JWSAlgorithm.HS256, validClaims().build()), 200, null),
                Arguments.of("custom claim differs", secret(o -> o.put("claims", Map.of("role", "user"))),
                        hs(JWSAlgorithm.HS256, validClaims().build()), 401, "invalid_token"),
                Arguments.of("custom claim missing", secret(o -> o.put("claims", Map.of("tenant", "t1"))),
                        hs(JWSAlgorithm.HS256, validClaims().build()), 401, "invalid_token"),
                Arguments.of("array claim contains", secret(o -> o.put("claims", Map.of("groups", "ops"))),
                        hs(JWSAlgorithm.HS256, validClaims().build()), 200, null),
                Arguments.of("algorithm not accepted", secret(o -> o.put("algorithms", List.of("HS512"))),
                        hs(JWSAlgorithm.HS256, validClaims().build()), 401, "invalid_token"),
                Arguments.of("unsigned token (alg none)", secret(o -> { }),
                        new PlainJWT(validClaims().build()).serialize(), 401, "invalid_token"),
                Arguments.of("garbage", secret(o -> { }), "not.a.token", 401, "invalid_token"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void hmacCases(String desc, Jwt config, String token, int status, String error) {
        var result = bearer(new JwtMiddleware(config, Runnable::run), token);
        assertThat(result.status()).isEqualTo(status);
        assertThat(result.nextCalled()).isEqualTo(status == 200);
        if (error != null) {
            assertThat(result.headers().get("WWW-Authenticate"))
                    .startsWith("Bearer realm=\"traefik\", error=\"" + error + "\", error_description=\"");
            assertThat(result.body()).isEqualTo("401 Unauthorized\n");
        }
    }

    @Test
    void missingTokenIsAnInvalidRequest() {
        var result = MiddlewareProbe.run(new JwtMiddleware(secret(o -> o.put("realm", "api")), Runnable::run),
                Map.of());
        assertThat(result.status()).isEqualTo(401);
        assertThat(result.headers().get("WWW-Authenticate"))
                .isEqualTo("Bearer realm=\"api\", error=\"invalid_request\", error_description=\"missing token\"");
        assertThat(MiddlewareProbe.run(new JwtMiddleware(secret(o -> { }), Runnable::run),
                Map.of("Authorization", "Basic dGVzdDp0ZXN0")).status()).isEqualTo(401);
    }

    @Test
    void forwardsClaimsAndDropsSpoofedHeaders() throws Exception {
        var middleware = new JwtMiddleware(secret(o -> {
            o.put("forwardClaims", Map.of("sub", "X-User", "groups", "X-Groups", "tenant", "X-Tenant"));
            o.put("removeHeader", true);
        }), Runnable::run);
        var result = MiddlewareProbe.run(middleware, Map.of("Authorization", "Bearer "
                + hs(JWSAlgorithm.HS256, validClaims().build()), "X-User", "mallory", "X-Tenant", "spoofed"));
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.forwarded().getAll("X-User")).containsExactly("alice");
        assertThat(result.forwarded().get("X-Groups")).isEqualTo("dev,ops");
        assertThat(result.forwarded().contains("X-Tenant")).isFalse();
        assertThat(result.forwarded().contains("Authorization")).isFalse();
    }

    static Stream<Arguments> tokenSources() throws Exception {
        String token = hs(JWSAlgorithm.HS256, validClaims().build());
        return Stream.of(
                Arguments.of("custom header, raw", secret(o -> o.put("tokenHeader", "X-Token")), "/",
                        Map.of("X-Token", token), 200),
                Arguments.of("custom header, Bearer", secret(o -> o.put("tokenHeader", "X-Token")), "/",
                        Map.of("X-Token", "Bearer " + token), 200),
                Arguments.of("query parameter", secret(o -> o.put("tokenQuery", "access_token")),
                        "/?access_token=" + token, Map.of(), 200),
                Arguments.of("cookie", secret(o -> o.put("tokenCookie", "session")), "/",
                        Map.of("Cookie", "theme=dark; session=" + token), 200),
                Arguments.of("query not configured", secret(o -> { }), "/?access_token=" + token, Map.of(), 401));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void tokenSources(String desc, Jwt config, String uri, Map<String, String> headers, int status) {
        var result = MiddlewareProbe.run(new JwtMiddleware(config, Runnable::run), MiddlewareProbe.request(uri,
                headers), "127.0.0.1");
        assertThat(result.status()).isEqualTo(status);
    }

    @Test
    void verifiesRsaWithAJwksFile() throws Exception {
        RSAKey rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        Path jwks = dir.resolve("rsa.json");
        Files.writeString(jwks, new JWKSet(rsa.toPublicJWK()).toString());
        var middleware = new JwtMiddleware(jwt(o -> o.put("jwksFile", jwks.toString())), Runnable::run);
        assertThat(bearer(middleware, sign(new RSASSASigner(rsa), JWSAlgorithm.RS256, "rsa-1",
                validClaims().build())).status()).isEqualTo(200);
        assertThat(bearer(middleware, sign(new RSASSASigner(rsa), JWSAlgorithm.PS384, "rsa-1",
                validClaims().build())).status()).isEqualTo(200);
        RSAKey other = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        assertThat(bearer(middleware, sign(new RSASSASigner(other), JWSAlgorithm.RS256, "rsa-1",
                validClaims().build())).status()).isEqualTo(401);
        // an HMAC token signed with the public key as secret must not pass (algorithm confusion)
        assertThat(bearer(middleware, hs(JWSAlgorithm.HS256, validClaims().build())).status()).isEqualTo(401);
    }

    @Test
    void verifiesEcdsaWithAPemPublicKey() throws Exception {
        ECKey ec = new ECKeyGenerator(Curve.P_256).generate();
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(ec.toECPublicKey().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        Path file = dir.resolve("ec.pem");
        Files.writeString(file, pem);
        var middleware = new JwtMiddleware(jwt(o -> o.put("publicKeyFile", file.toString())), Runnable::run);
        assertThat(bearer(middleware, sign(new ECDSASigner(ec), JWSAlgorithm.ES256, null, validClaims().build()))
                .status()).isEqualTo(200);
        assertThat(bearer(middleware, sign(new ECDSASigner(ec), JWSAlgorithm.ES256, "some-kid",
                validClaims().build())).status()).isEqualTo(200);
        ECKey other = new ECKeyGenerator(Curve.P_256).generate();
        assertThat(bearer(middleware, sign(new ECDSASigner(other), JWSAlgorithm.ES256, null, validClaims().build()))
                .status()).isEqualTo(401);
    }

    @Test
    void verifiesEdDsaWithAJwksFile() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] encoded = pair.getPublic().getEncoded();
        byte[] x = java.util.Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
        OctetKeyPair okp = new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(x)).keyID("ed-1").build();
        Path jwks = dir.resolve("ed.json");
        Files.writeString(jwks, new JWKSet(okp).toString());
        var middleware = new JwtMiddleware(jwt(o -> o.put("jwksFile", jwks.toString())), Runnable::run);

        String header = Base64URL.encode("{\"alg\":\"EdDSA\",\"kid\":\"ed-1\"}").toString();
        String payload = Base64URL.encode(validClaims().build().toString()).toString();
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(pair.getPrivate());
        signer.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        String token = header + "." + payload + "." + Base64URL.encode(signer.sign());
        assertThat(bearer(middleware, token).status()).isEqualTo(200);

        Path pem = dir.resolve("ed.pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n" + Base64.getEncoder().encodeToString(encoded)
                + "\n-----END PUBLIC KEY-----\n");
        var fromPem = new JwtMiddleware(jwt(o -> o.put("publicKeyFile", pem.toString())), Runnable::run);
        assertThat(bearer(fromPem, token).status()).isEqualTo(200);
        String tampered = header + "." + Base64URL.encode(validClaims().subject("mallory").build().toString()) + "."
                + token.substring(token.lastIndexOf('.') + 1);
        assertThat(bearer(middleware, tampered).status()).isEqualTo(401);
    }

    @Test
    void fetchesAndCachesAJwksUrl() throws Exception {
        RSAKey rsa = new RSAKeyGenerator(2048).keyID("k1").generate();
        AtomicInteger fetches = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] body = new JWKSet(rsa.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/jwks", exchange -> {
            fetches.incrementAndGet();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
            var middleware = new JwtMiddleware(jwt(o -> o.put("jwksUrl", url)), Runnable::run);
            String token = sign(new RSASSASigner(rsa), JWSAlgorithm.RS256, "k1", validClaims().build());
            assertThat(bearer(middleware, token).status()).isEqualTo(200);
            assertThat(bearer(middleware, token).status()).isEqualTo(200);
            assertThat(fetches.get()).isEqualTo(1);
        } finally {
            server.stop(0);
        }
    }

    static Stream<Arguments> invalidConfigurations() {
        return Stream.of(
                Arguments.of("no key source", jwt(o -> { }), "exactly one of"),
                Arguments.of("two key sources", jwt(o -> {
                    o.put("secret", SECRET);
                    o.put("jwksUrl", "https://idp.test/jwks");
                }), "exactly one of"),
                Arguments.of("short secret", jwt(o -> o.put("secret", "short")), "at least 32 bytes"),
                Arguments.of("asymmetric algorithm with a secret", secret(o -> o.put("algorithms", List.of("RS256"))),
                        "jwt.algorithms"),
                Arguments.of("bad jwks url", jwt(o -> o.put("jwksUrl", "ftp://x")), "jwt.jwksUrl"),
                Arguments.of("missing jwks file", jwt(o -> o.put("jwksFile", "/nonexistent.json")), "jwt.jwksFile"),
                Arguments.of("negative clock skew", secret(o -> o.put("clockSkew", GoDuration.parse("-1s"))),
                        "jwt.clockSkew"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void invalidConfigurations(String desc, Jwt config, String message) {
        assertThatThrownBy(() -> new JwtMiddleware(config, Runnable::run))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }
}
