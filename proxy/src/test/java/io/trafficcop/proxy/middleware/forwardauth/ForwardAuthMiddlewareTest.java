package io.trafficcop.proxy.middleware.forwardauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.trafficcop.proxy.config.dynamic.ClientTls;
import io.trafficcop.proxy.config.dynamic.ForwardAuth;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ForwardAuthMiddlewareTest {

    private static ForwardAuth config(String address, String regex, ClientTls tls) {
        return new ForwardAuth(address, tls, false, null, regex, null, null, null, null, null, null, null, null, null);
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
        "''|''|forwardAuth.address is required",
        "ftp://auth/|''|invalid forwardAuth.address \"ftp://auth/\"",
        "/relative|''|invalid forwardAuth.address \"/relative\"",
        "http://auth/|(|error compiling regular expression (",
    })
    void invalidConfigurationNamesTheOption(String address, String regex, String message) {
        assertThatThrownBy(() -> ForwardAuthMiddleware.create("fa", config(address, regex, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "http://auth.example.com/verify?x=1",
        "https://auth.example.com:8443/",
        "http://[::1]:9000",
    })
    void validAddresses(String address) {
        assertThat(ForwardAuthMiddleware.create("fa", config(address, "^X-", null))).isNotNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"not-a-pem|''|''", "''|cert-without-key|''"})
    void invalidTlsIsRejected(String ca, String cert, String key) {
        assertThatThrownBy(() -> ForwardAuthMiddleware.create("fa",
                config("https://auth/", null, new ClientTls(ca, cert, key, false, null))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unable to create client TLS configuration");
    }

    /** Traefik's buildModifier: the backend's cookies named in addAuthCookiesToResponse give way to the auth ones. */
    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "''|auth=1,other=2|auth=1",
        "auth=backend,keep=1|auth=1,other=2|keep=1,auth=1",
        "keep=1|other=2|keep=1",
        "a=1,b=2|a=x,b=y|a=x,b=y",
    })
    void authCookies(String backend, String auth, String expected) {
        var cookies = new ForwardAuthMiddleware.AuthCookies(Set.of("auth", "a", "b"), split(auth));
        HttpHeaders headers = new DefaultHttpHeaders();
        split(backend).forEach(c -> headers.add("Set-Cookie", c));
        cookies.apply(headers);
        assertThat(headers.getAll("Set-Cookie")).containsExactlyElementsOf(split(expected));
    }

    private static List<String> split(String s) {
        return s.isEmpty() ? List.of() : Arrays.asList(s.split(","));
    }
}
