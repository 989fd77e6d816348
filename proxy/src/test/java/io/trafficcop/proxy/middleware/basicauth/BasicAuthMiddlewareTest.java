package io.trafficcop.proxy.middleware.basicauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.trafficcop.proxy.config.dynamic.BasicAuth;
import io.trafficcop.proxy.testing.LeakCheck;
import io.trafficcop.proxy.testing.MiddlewareProbe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Rows mirror Traefik's pkg/middlewares/auth/basic_auth_test.go. */
class BasicAuthMiddlewareTest {

    static final String TEST_APR1 = "test:$apr1$H6uskkkW$IgXLP6ewTrSuBkTrqE8wj/";
    static final Executor INLINE = Runnable::run;

    @TempDir
    static Path dir;

    @BeforeAll
    static void leaks() {
        LeakCheck.paranoid();
    }

    static BasicAuth config(List<String> users, String usersFile, String realm, Boolean removeHeader,
                            String headerField) {
        return new BasicAuth(users, usersFile, realm, removeHeader, headerField);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static MiddlewareProbe.Result call(BasicAuthMiddleware middleware, String user, String password) {
        return MiddlewareProbe.run(middleware, user == null ? Map.of() : Map.of("Authorization", basic(user, password)));
    }

    static Stream<Arguments> invalidConfigurations() {
        return Stream.of(
                Arguments.of("no users", List.of(), "no users found in"),
                Arguments.of("user without hash", List.of("test"), "error parsing BasicUser: test"),
                Arguments.of("too many colons", List.of("a:b:c"), "error parsing BasicUser: a:b:c"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidConfigurations")
    void rejectsInvalidConfiguration(String desc, List<String> users, String message) {
        assertThatThrownBy(() -> new BasicAuthMiddleware(config(users, null, null, null, null), INLINE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @Test
    void rejectsAnUnreadableUsersFile() {
        assertThatThrownBy(() -> new BasicAuthMiddleware(config(null, "/nonexistent/users", null, null, null), INLINE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("basicAuth.usersFile");
    }

    static Stream<Arguments> hashes() {
        String bcrypt2a = BCrypt.with(BCrypt.Version.VERSION_2A).hashToString(4, "test".toCharArray());
        String bcrypt2y = BCrypt.with(BCrypt.Version.VERSION_2Y).hashToString(4, "test".toCharArray());
        String bcrypt2b = BCrypt.with(BCrypt.Version.VERSION_2B).hashToString(4, "test".toCharArray());
        return Stream.of(
                Arguments.of("apr1", "$apr1$H6uskkkW$IgXLP6ewTrSuBkTrqE8wj/", "test", 200),
                Arguments.of("apr1, wrong password", "$apr1$H6uskkkW$IgXLP6ewTrSuBkTrqE8wj/", "nope", 401),
                Arguments.of("MD5 crypt $1$", "$1$dlPL2MqE$oQmn16q49SqdmhenQuNgs1", "hello", 200),
                Arguments.of("SHA1", "{SHA}qUqP5cyxm6YcTAhz05Hph5gvu9M=", "test", 200),
                Arguments.of("SHA1, wrong password", "{SHA}qUqP5cyxm6YcTAhz05Hph5gvu9M=", "test2", 401),
                Arguments.of("bcrypt 2a", bcrypt2a, "test", 200),
                Arguments.of("bcrypt 2y", bcrypt2y, "test", 200),
                Arguments.of("bcrypt 2b", bcrypt2b, "test", 200),
                Arguments.of("bcrypt, wrong password", bcrypt2y, "tset", 401),
                Arguments.of("plain text never matches (TestBasicAuthFail)", "test", "test", 401));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hashes")
    void checksEachHashFormat(String desc, String hash, String password, int status) {
        var middleware = new BasicAuthMiddleware(config(List.of("test:" + hash), null, null, null, null), INLINE);
        var result = call(middleware, "test", password);
        assertThat(result.status()).isEqualTo(status);
        assertThat(result.nextCalled()).isEqualTo(status == 200);
        if (status == 200) {
            assertThat(result.body()).isEqualTo("traefik\n");
        }
    }

    @Test
    void answersTraefiks401WithTheChallenge() {
        var middleware = new BasicAuthMiddleware(config(List.of(TEST_APR1), null, null, null, null), INLINE);
        for (var result : List.of(call(middleware, null, null), call(middleware, "test", "bad"),
                call(middleware, "unknown", "test"))) {
            assertThat(result.status()).isEqualTo(401);
            assertThat(result.headers().get("WWW-Authenticate")).isEqualTo("Basic realm=\"traefik\"");
            assertThat(result.headers().get("Content-Type")).isEqualTo("text/plain");
            assertThat(result.body()).isEqualTo("401 Unauthorized\n");
            assertThat(result.nextCalled()).isFalse();
        }
    }

    @Test
    void malformedAuthorizationHeadersAreUnauthorized() {
        var middleware = new BasicAuthMiddleware(config(List.of(TEST_APR1), null, null, null, null), INLINE);
        for (String header : List.of("Basic", "Basic !!!", "Bearer abc",
                "Basic " + Base64.getEncoder().encodeToString("testtest".getBytes(StandardCharsets.UTF_8)))) {
            assertThat(MiddlewareProbe.run(middleware, Map.of("Authorization", header)).status()).isEqualTo(401);
        }
        // the scheme is case-insensitive, as Go's Request.BasicAuth
        String lower = "basic " + Base64.getEncoder().encodeToString("test:test".getBytes(StandardCharsets.UTF_8));
        assertThat(MiddlewareProbe.run(middleware, Map.of("Authorization", lower)).status()).isEqualTo(200);
    }

    @Test
    void userHeaderIsSet() {
        var middleware = new BasicAuthMiddleware(config(List.of(TEST_APR1), null, null, null, "X-Webauth-User"),
                INLINE);
        var result = call(middleware, "test", "test");
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.forwarded().get("X-Webauth-User")).isEqualTo("test");
    }

    @Test
    void userHeaderReplacesAnyClientValue() {
        var middleware = new BasicAuthMiddleware(config(List.of(TEST_APR1), null, null, null, "x-user"), INLINE);
        var result = MiddlewareProbe.run(middleware, Map.of("Authorization", basic("test", "test"), "X-User", "admin"));
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.forwarded().getAll("x-user")).containsExactly("test");
    }

    @Test
    void authorizationHeaderRemovedWhenAsked() {
        var middleware = new BasicAuthMiddleware(config(List.of(TEST_APR1), null, null, true, null), INLINE);
        var result = call(middleware, "test", "test");
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.forwarded().get("Authorization")).isNull();
    }

    @Test
    void authorizationHeaderKeptByDefault() {
        var middleware = new BasicAuthMiddleware(config(List.of(TEST_APR1), null, null, null, null), INLINE);
        var result = call(middleware, "test", "test");
        assertThat(result.forwarded().get("Authorization")).isEqualTo(basic("test", "test"));
    }

    @Test
    void concurrentIdenticalChecksHashOnce() {
        String hash = BCrypt.withDefaults().hashToString(4, "test".toCharArray());
        List<Runnable> queued = new ArrayList<>();
        var middleware = new BasicAuthMiddleware(config(List.of("test:" + hash), null, null, null, null),
                queued::add);
        var probe = new MiddlewareProbe();
        try {
            var first = probe.start(middleware, MiddlewareProbe.request("/", Map.of("Authorization",
                    basic("test", "test"))), "127.0.0.1", null);
            var second = probe.start(middleware, MiddlewareProbe.request("/", Map.of("Authorization",
                    basic("test", "test"))), "127.0.0.1", null);
            assertThat(queued).hasSize(1);
            queued.get(0).run();
            assertThat(first.result().status()).isEqualTo(200);
            assertThat(second.result().status()).isEqualTo(200);
        } finally {
            probe.close();
        }
    }

    static Stream<Arguments> usersFiles() {
        return Stream.of(
                Arguments.of("Finds the users in the file",
                        "test:$apr1$H6uskkkW$IgXLP6ewTrSuBkTrqE8wj/\ntest2:$apr1$d9hr9HBB$4HxwgUir3HP4EsggP/QNo0\n",
                        List.of(), Map.of("test", "test", "test2", "test2"), null),
                Arguments.of("Merges given users with users from the file",
                        "test:$apr1$H6uskkkW$IgXLP6ewTrSuBkTrqE8wj/\n",
                        List.of("test2:$apr1$d9hr9HBB$4HxwgUir3HP4EsggP/QNo0",
                                "test3:$apr1$3rJbDP0q$RfzJiorTk78jQ1EcKqWso0"),
                        Map.of("test", "test", "test2", "test2", "test3", "test3"), null),
                Arguments.of("Given users have priority over users in the file",
                        "test:$apr1$H6uskkkW$IgXLP6ewTrSuBkTrqE8wj/\ntest2:$apr1$d9hr9HBB$4HxwgUir3HP4EsggP/QNo0\n",
                        List.of("test2:$apr1$mK.GtItK$ncnLYvNLek0weXdxo68690"),
                        Map.of("test", "test", "test2", "overridden"), null),
                Arguments.of("Should authenticate the correct user based on the realm",
                        "test:$apr1$H6uskkkW$IgXLP6ewTrSuBkTrqE8wj/\ntest2:$apr1$d9hr9HBB$4HxwgUir3HP4EsggP/QNo0\n",
                        List.of("test2:$apr1$mK.GtItK$ncnLYvNLek0weXdxo68690"),
                        Map.of("test", "test", "test2", "overridden"), "traefik"),
                Arguments.of("Should skip comments",
                        "#Comment\ntest:$apr1$H6uskkkW$IgXLP6ewTrSuBkTrqE8wj/\ntest2:$apr1$d9hr9HBB$4HxwgUir3HP4EsggP/QNo0\n",
                        List.of(), Map.of("test", "test", "test2", "test2"), "traefiker"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("usersFiles")
    void usersFromFile(String desc, String content, List<String> given, Map<String, String> expected, String realm)
            throws Exception {
        Path file = Files.createTempFile(dir, "auth-users", "");
        Files.writeString(file, content);
        var middleware = new BasicAuthMiddleware(config(given, file.toString(), realm, null, null), INLINE);
        expected.forEach((user, password) -> {
            var result = call(middleware, user, password);
            assertThat(result.status()).as("user %s", user).isEqualTo(200);
            assertThat(result.body()).isEqualTo("traefik\n");
        });
        var refused = call(middleware, "foo", "foo");
        assertThat(refused.status()).isEqualTo(401);
        if (realm != null) {
            assertThat(refused.headers().get("WWW-Authenticate")).isEqualTo("Basic realm=\"" + realm + "\"");
        }
        assertThat(refused.body()).doesNotContain("traefik");
    }
}
