package io.trafficcop.proxy.middleware.ipallowlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trafficcop.proxy.config.dynamic.IpAllowList;
import io.trafficcop.proxy.config.dynamic.IpStrategy;
import io.trafficcop.proxy.config.dynamic.IpWhiteList;
import io.trafficcop.proxy.middleware.Middleware;
import io.trafficcop.proxy.testing.LeakCheck;
import io.trafficcop.proxy.testing.MiddlewareProbe;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Rows mirror Traefik's pkg/middlewares/ipallowlist/ip_allowlist_test.go (and ipwhitelist's). */
class IpAllowListMiddlewareTest {

    @BeforeAll
    static void leaks() {
        LeakCheck.paranoid();
    }

    static Stream<Arguments> newAllowLister() {
        return Stream.of(
                Arguments.of("invalid IP", new IpAllowList(List.of("foo"), null, null), "cannot parse CIDRs"),
                Arguments.of("valid IP", new IpAllowList(List.of("10.10.10.10"), null, null), null),
                Arguments.of("invalid HTTP status code", new IpAllowList(List.of("10.10.10.10"), null, 600),
                        "invalid HTTP status code 600"),
                Arguments.of("empty sourceRange", new IpAllowList(List.of(), null, null), "sourceRange is empty"),
                Arguments.of("invalid ipv6Subnet", new IpAllowList(List.of("10.10.10.10"),
                        new IpStrategy(null, null, 129), null), "invalid IPv6 subnet 129"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void newAllowLister(String desc, IpAllowList config, String error) {
        if (error == null) {
            assertThat(new IpAllowListMiddleware(config)).isNotNull();
        } else {
            assertThatThrownBy(() -> new IpAllowListMiddleware(config)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(error);
        }
    }

    static Stream<Arguments> serveHttp() {
        return Stream.of(
                Arguments.of("authorized with remote address", new IpAllowList(List.of("20.20.20.20"), null, null),
                        "20.20.20.20", Map.of(), 200),
                Arguments.of("non authorized with remote address", new IpAllowList(List.of("20.20.20.20"), null, null),
                        "20.20.20.21", Map.of(), 403),
                Arguments.of("authorized with remote address, reject 404",
                        new IpAllowList(List.of("20.20.20.20"), null, 404), "20.20.20.20", Map.of(), 200),
                Arguments.of("non authorized with remote address, reject 404",
                        new IpAllowList(List.of("20.20.20.20"), null, 404), "20.20.20.21", Map.of(), 404),
                Arguments.of("authorized by CIDR, IPv6", new IpAllowList(List.of("2001:db8::/32"), null, null),
                        "2001:db8::1", Map.of(), 200),
                Arguments.of("depth takes X-Forwarded-For",
                        new IpAllowList(List.of("20.20.20.20"), new IpStrategy(1, null, null), null), "30.30.30.30",
                        Map.of("X-Forwarded-For", "10.0.0.1, 20.20.20.20"), 200),
                Arguments.of("depth beyond X-Forwarded-For rejects",
                        new IpAllowList(List.of("20.20.20.20"), new IpStrategy(3, null, null), null), "20.20.20.20",
                        Map.of("X-Forwarded-For", "20.20.20.20"), 403),
                Arguments.of("excludedIPs skip proxies",
                        new IpAllowList(List.of("20.20.20.20"), new IpStrategy(null, List.of("10.0.0.0/8"), null),
                                null), "10.0.0.9", Map.of("X-Forwarded-For", "20.20.20.20, 10.0.0.2"), 200));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void serveHttp(String desc, IpAllowList config, String remote, Map<String, String> headers, int expected) {
        var result = MiddlewareProbe.run(new IpAllowListMiddleware(config), MiddlewareProbe.request("/", headers),
                remote);
        assertThat(result.status()).isEqualTo(expected);
        assertThat(result.nextCalled()).isEqualTo(expected == 200);
    }

    @Test
    void rejectionIsTheStatusTextWithoutNosniff() {
        var result = MiddlewareProbe.run(new IpAllowListMiddleware(new IpAllowList(List.of("20.20.20.20"), null,
                null)), MiddlewareProbe.request("/", Map.of()), "20.20.20.21");
        assertThat(result.status()).isEqualTo(403);
        assertThat(result.body()).isEqualTo("Forbidden");
        assertThat(result.headers().get("Content-Type")).isEqualTo("text/plain; charset=utf-8");
        assertThat(result.headers().contains("X-Content-Type-Options")).isFalse();
    }

    static Stream<Arguments> whiteList() {
        return Stream.of(
                Arguments.of("authorized with remote address", "20.20.20.20", 200),
                Arguments.of("non authorized with remote address", "20.20.20.21", 403));
    }

    @ParameterizedTest(name = "ipWhiteList: {0}")
    @MethodSource
    void whiteList(String desc, String remote, int expected) {
        Middleware middleware = IpAllowListMiddleware.whiteList(new IpWhiteList(List.of("20.20.20.20"), null));
        var result = MiddlewareProbe.run(middleware, MiddlewareProbe.request("/", Map.of()), remote);
        assertThat(result.status()).isEqualTo(expected);
    }

    @Test
    void whiteListRejectsInvalidRanges() {
        assertThatThrownBy(() -> IpAllowListMiddleware.whiteList(new IpWhiteList(List.of("foo"), null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ipWhiteList.sourceRange");
    }
}
