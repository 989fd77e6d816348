package io.trafficcop.proxy.middleware.digestauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trafficcop.proxy.config.dynamic.DigestAuth;
import io.trafficcop.proxy.testing.LeakCheck;
import io.trafficcop.proxy.testing.MiddlewareProbe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Rows mirror Traefik's pkg/middlewares/auth/digest_auth_test.go. */
class DigestAuthMiddlewareTest {

    static final String TEST_USER = "test:traefik:a2688e031edb4be6a3797f3882655c05";

    @TempDir
    static Path dir;

    @BeforeAll
    static void leaks() {
        LeakCheck.paranoid();
    }

    static DigestAuth config(List<String> users, String usersFile, String realm, String headerField,
                             Boolean removeHeader) {
        return new DigestAuth(users, usersFile, removeHeader, realm, headerField);
    }

    /** Traefik's digestRequest.Do: a first request for the challenge, then the authenticated one. */
    static MiddlewareProbe.Result digestRequest(DigestAuthMiddleware middleware, DigestClient client,
                                                Map<String, String> extraHeaders) {
        var challenge = MiddlewareProbe.run(middleware, Map.of());
        assertThat(challenge.status()).isEqualTo(401);
        var parts = DigestClient.challengeParts(challenge.headers().get("WWW-Authenticate"));
        var headers = new java.util.HashMap<>(extraHeaders);
        headers.put("Authorization", client.authorization("GET", "/", parts));
        return MiddlewareProbe.run(middleware, headers);
    }

    @Test
    void rejectsAMalformedUser() {
        assertThatThrownBy(() -> new DigestAuthMiddleware(config(List.of("test"), null, null, null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("error parsing DigestUser: test");
    }

    @Test
    void basicCredentialsAreRefused() {
        var middleware = new DigestAuthMiddleware(config(List.of(TEST_USER), null, null, null, null));
        var result = MiddlewareProbe.run(middleware, Map.of("Authorization",
                "Basic " + Base64.getEncoder().encodeToString("test:test".getBytes(StandardCharsets.UTF_8))));
        assertThat(result.status()).isEqualTo(401);
        assertThat(result.nextCalled()).isFalse();
    }

    @Test
    void challengeIsGoHttpAuths() {
        var middleware = new DigestAuthMiddleware(config(List.of(TEST_USER), null, null, null, null));
        var result = MiddlewareProbe.run(middleware, Map.of());
        assertThat(result.status()).isEqualTo(401);
        assertThat(result.headers().get("WWW-Authenticate")).matches(
                "Digest realm=\"traefik\", nonce=\"[A-Za-z0-9+/=]{16}\", opaque=\"[A-Za-z0-9+/=]{16}\", "
                        + "algorithm=MD5, qop=\"auth\"");
        assertThat(result.headers().get("Content-Type")).isEqualTo("text/plain");
        assertThat(result.body()).isEqualTo("401 Unauthorized\n");
    }

    @Test
    void authenticatesAndForwards() {
        var middleware = new DigestAuthMiddleware(config(List.of(TEST_USER), null, null, null, null));
        var result = digestRequest(middleware, new DigestClient("test", "test"), Map.of());
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.body()).isEqualTo("traefik\n");
        assertThat(result.forwarded().get("Authorization")).startsWith("Digest ");
    }

    @Test
    void userHeaderCanonical() {
        var middleware = new DigestAuthMiddleware(config(List.of(TEST_USER), null, null, "x-user", null));
        var result = digestRequest(middleware, new DigestClient("test", "test"), Map.of("X-User", "admin"));
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.forwarded().getAll("x-user")).containsExactly("test");
    }

    @Test
    void removesTheAuthorizationHeaderWhenAsked() {
        var middleware = new DigestAuthMiddleware(config(List.of(TEST_USER), null, null, null, true));
        var result = digestRequest(middleware, new DigestClient("test", "test"), Map.of());
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.forwarded().get("Authorization")).isNull();
    }

    @Test
    void aReplayedNonceCountIsStale() {
        var middleware = new DigestAuthMiddleware(config(List.of(TEST_USER), null, null, null, null));
        var challenge = MiddlewareProbe.run(middleware, Map.of());
        var parts = DigestClient.challengeParts(challenge.headers().get("WWW-Authenticate"));
        var client = new DigestClient("test", "test");
        assertThat(MiddlewareProbe.run(middleware, Map.of("Authorization",
                client.authorization("GET", "/", parts, 2))).status()).isEqualTo(200);
        assertThat(MiddlewareProbe.run(middleware, Map.of("Authorization",
                client.authorization("GET", "/", parts, 3))).status()).isEqualTo(200);
        var replay = MiddlewareProbe.run(middleware, Map.of("Authorization",
                client.authorization("GET", "/", parts, 3)));
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.headers().get("WWW-Authenticate")).endsWith(", stale=true");
    }

    @Test
    void anUnknownNonceOrOpaqueIsRefused() {
        var middleware = new DigestAuthMiddleware(config(List.of(TEST_USER), null, null, null, null));
        var parts = DigestClient.challengeParts(MiddlewareProbe.run(middleware, Map.of()).headers()
                .get("WWW-Authenticate"));
        var client = new DigestClient("test", "test");
        var wrongNonce = new java.util.HashMap<>(parts);
        wrongNonce.put("nonce", "AAAAAAAAAAAAAAAA");
        assertThat(MiddlewareProbe.run(middleware, Map.of("Authorization",
                client.authorization("GET", "/", wrongNonce))).status()).isEqualTo(401);
        var wrongOpaque = new java.util.HashMap<>(parts);
        wrongOpaque.put("opaque", "AAAAAAAAAAAAAAAA");
        assertThat(MiddlewareProbe.run(middleware, Map.of("Authorization",
                client.authorization("GET", "/", wrongOpaque))).status()).isEqualTo(401);
    }

    static Stream<Arguments> usersFiles() {
        return Stream.of(
                Arguments.of("Finds the users in the file",
                        "test:traefik:a2688e031edb4be6a3797f3882655c05\ntest2:traefik:518845800f9e2bfb1f1f740ec24f074e\n",
                        List.of(), Map.of("test", "test", "test2", "test2"), null),
                Arguments.of("Merges given users with users from the file",
                        "test:traefik:a2688e031edb4be6a3797f3882655c05\n",
                        List.of("test2:traefik:518845800f9e2bfb1f1f740ec24f074e",
                                "test3:traefik:c8e9f57ce58ecb4424407f665a91646c"),
                        Map.of("test", "test", "test2", "test2", "test3", "test3"), null),
                Arguments.of("Given users have priority over users in the file",
                        "test:traefik:a2688e031edb4be6a3797f3882655c05\ntest2:traefik:518845800f9e2bfb1f1f740ec24f074e\n",
                        List.of("test2:traefik:8de60a1c52da68ccf41f0c0ffb7c51a0"),
                        Map.of("test", "test", "test2", "overridden"), null),
                Arguments.of("Should authenticate the correct user based on the realm",
                        "test:traefik:a2688e031edb4be6a3797f3882655c05\ntest:traefiker:a3d334dff2645b914918de78bec50bf4\n",
                        List.of(), Map.of("test", "test2"), "traefiker"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("usersFiles")
    void usersFromFile(String desc, String content, List<String> given, Map<String, String> expected, String realm)
            throws Exception {
        Path file = Files.createTempFile(dir, "auth-users", "");
        Files.writeString(file, content);
        var middleware = new DigestAuthMiddleware(config(given, file.toString(), realm, null, null));
        expected.forEach((user, password) -> {
            var result = digestRequest(middleware, new DigestClient(user, password), Map.of());
            assertThat(result.status()).as("user %s", user).isEqualTo(200);
            assertThat(result.body()).isEqualTo("traefik\n");
        });
        var refused = digestRequest(middleware, new DigestClient("foo", "foo"), Map.of());
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body()).doesNotContain("traefik");
    }
}
