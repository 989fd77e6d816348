package io.trafficcop.proxy.middleware.ipdenylist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trafficcop.proxy.config.dynamic.IpDenyList;
import io.trafficcop.proxy.config.dynamic.IpStrategy;
import io.trafficcop.proxy.testing.LeakCheck;
import io.trafficcop.proxy.testing.MiddlewareProbe;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** ipDenyList (TrafficCop extension): ipAllowList's rows, inverted. */
class IpDenyListMiddlewareTest {

    @BeforeAll
    static void leaks() {
        LeakCheck.paranoid();
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("invalid IP", new IpDenyList(List.of("foo"), null, null), "cannot parse CIDRs"),
                Arguments.of("invalid HTTP status code", new IpDenyList(List.of("10.10.10.10"), null, 600),
                        "invalid HTTP status code 600"),
                Arguments.of("empty sourceRange", new IpDenyList(null, null, null), "sourceRange is empty"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void invalid(String desc, IpDenyList config, String error) {
        assertThatThrownBy(() -> new IpDenyListMiddleware(config)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ipDenyList").hasMessageContaining(error);
    }

    static Stream<Arguments> serveHttp() {
        return Stream.of(
                Arguments.of("denied remote address", new IpDenyList(List.of("20.20.20.20"), null, null),
                        "20.20.20.20", Map.of(), 403, "Forbidden"),
                Arguments.of("other remote address passes", new IpDenyList(List.of("20.20.20.20"), null, null),
                        "20.20.20.21", Map.of(), 200, "traefik\n"),
                Arguments.of("denied by CIDR, custom status", new IpDenyList(List.of("20.20.0.0/16"), null, 404),
                        "20.20.1.1", Map.of(), 404, "Not Found"),
                Arguments.of("depth takes X-Forwarded-For",
                        new IpDenyList(List.of("20.20.20.20"), new IpStrategy(1, null, null), null), "30.30.30.30",
                        Map.of("X-Forwarded-For", "20.20.20.20"), 403, "Forbidden"),
                Arguments.of("no client IP found is denied (fail closed)",
                        new IpDenyList(List.of("20.20.20.20"), new IpStrategy(2, null, null), null), "30.30.30.30",
                        Map.of("X-Forwarded-For", "1.1.1.1"), 403, "Forbidden"),
                Arguments.of("garbled client IP is denied (fail closed)",
                        new IpDenyList(List.of("20.20.20.20"), new IpStrategy(1, null, null), null), "30.30.30.30",
                        Map.of("X-Forwarded-For", "not-an-ip"), 403, "Forbidden"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void serveHttp(String desc, IpDenyList config, String remote, Map<String, String> headers, int status,
                   String body) {
        var result = MiddlewareProbe.run(new IpDenyListMiddleware(config), MiddlewareProbe.request("/", headers),
                remote);
        assertThat(result.status()).isEqualTo(status);
        assertThat(result.body()).isEqualTo(body);
    }
}
