package io.trafficcop.proxy.middleware.ip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trafficcop.proxy.config.dynamic.IpStrategy;
import io.trafficcop.proxy.config.dynamic.SourceCriterion;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rows mirror Traefik's pkg/ip/strategy_test.go and config/dynamic's IPStrategy.Get. The peer address comes from
 * the socket here (never "ip%zone" nor unbracketed text), so Traefik's RemoteAddr rows about zones and malformed
 * RemoteAddr strings have no equivalent; the zone row keeps its subnet expectation.
 */
class ClientIpStrategyTest {

    static final String IPV6_BASIC = "::abcd:ffff:c0a8:1";

    static Stream<Arguments> remoteAddress() {
        return Stream.of(
                Arguments.of("Use RemoteAddr, ipv4", "192.0.2.1", null, "192.0.2.1"),
                Arguments.of("Use RemoteAddr, ipv6, no IPv6 subnet", IPV6_BASIC, null, "::abcd:ffff:c0a8:1"),
                Arguments.of("Use RemoteAddr, ipv4, ignore subnet", "192.0.2.1", 24, "192.0.2.1"),
                Arguments.of("Use RemoteAddr, ipv6, subnet", IPV6_BASIC, 80, "::abcd:0:0:0"),
                Arguments.of("Use RemoteAddr, ipv6 with zone, subnet", IPV6_BASIC + "%1", 80, "::abcd:0:0:0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void remoteAddress(String desc, String remote, Integer subnet, String expected) {
        assertThat(ClientIpStrategy.remoteAddress(subnet).clientIp(TestInbound.of(remote, Map.of())))
                .isEqualTo(expected);
    }

    static Stream<Arguments> depth() {
        return Stream.of(
                Arguments.of("Use depth", 3, null, "10.0.0.4,10.0.0.3,10.0.0.2,10.0.0.1", "10.0.0.3"),
                Arguments.of("Use nonexistent depth in XForwardedFor", 2, null, "", ""),
                Arguments.of("Use depth that match the first IP in XForwardedFor", 2, null, "10.0.0.2,10.0.0.1",
                        "10.0.0.2"),
                Arguments.of("Use depth with IPv4 subnet", 2, 80, "10.0.0.3,10.0.0.2,10.0.0.1", "10.0.0.2"),
                Arguments.of("Use depth with IPv6 subnet", 2, 80, "10.0.0.3," + IPV6_BASIC + ",10.0.0.1",
                        "::abcd:0:0:0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void depth(String desc, int depth, Integer subnet, String xff, String expected) {
        var request = TestInbound.of("127.0.0.1", Map.of("X-Forwarded-For", xff));
        assertThat(ClientIpStrategy.of(new IpStrategy(depth, null, subnet)).clientIp(request)).isEqualTo(expected);
    }

    static Stream<Arguments> excluded() {
        return Stream.of(
                Arguments.of("Trust all IPs", List.of("10.0.0.4", "10.0.0.3", "10.0.0.2", "10.0.0.1"),
                        "10.0.0.4,10.0.0.3,10.0.0.2,10.0.0.1", ""),
                Arguments.of("Do not trust all IPs", List.of("10.0.0.2", "10.0.0.1"),
                        "10.0.0.4,10.0.0.3,10.0.0.2,10.0.0.1", "10.0.0.3"),
                Arguments.of("Do not trust all IPs with CIDR", List.of("10.0.0.1/24"),
                        "127.0.0.1,10.0.0.4,10.0.0.3,10.0.0.2,10.0.0.1", "127.0.0.1"),
                Arguments.of("Trust all IPs with CIDR", List.of("10.0.0.1/24"), "10.0.0.4,10.0.0.3,10.0.0.2,10.0.0.1",
                        ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void excluded(String desc, List<String> excludedIps, String xff, String expected) {
        var request = TestInbound.of("127.0.0.1", Map.of("X-Forwarded-For", xff));
        assertThat(ClientIpStrategy.of(new IpStrategy(null, excludedIps, null)).clientIp(request))
                .isEqualTo(expected);
    }

    static Stream<Arguments> invalidStrategies() {
        return Stream.of(
                Arguments.of(new IpStrategy(1, null, 0), "invalid IPv6 subnet 0 value"),
                Arguments.of(new IpStrategy(null, null, 500), "invalid IPv6 subnet 500 value"),
                Arguments.of(new IpStrategy(null, List.of("foo"), null), "invalid CIDR address: foo"));
    }

    @ParameterizedTest
    @MethodSource
    void invalidStrategies(IpStrategy config, String message) {
        assertThatThrownBy(() -> ClientIpStrategy.of(config)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    static Stream<Arguments> sourceCriteria() {
        return Stream.of(
                Arguments.of("default is the remote address", null, SourceExtractor.Default.REMOTE_ADDRESS, "10.1.1.1"),
                Arguments.of("empty criterion, inFlightReq's default is the host", new SourceCriterion(null, "", false),
                        SourceExtractor.Default.REQUEST_HOST, "example.com:8080"),
                Arguments.of("request header", new SourceCriterion(null, "Foo", null),
                        SourceExtractor.Default.REMOTE_ADDRESS, "bar"),
                Arguments.of("request host", new SourceCriterion(null, null, true),
                        SourceExtractor.Default.REMOTE_ADDRESS, "example.com:8080"),
                Arguments.of("ip strategy depth", new SourceCriterion(new IpStrategy(1, null, null), null, null),
                        SourceExtractor.Default.REQUEST_HOST, "192.168.0.1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void sourceCriteria(String desc, SourceCriterion criterion, SourceExtractor.Default fallback, String expected) {
        var request = TestInbound.of("10.1.1.1", Map.of("Host", "example.com:8080", "Foo", "bar",
                "X-Forwarded-For", "192.168.0.1"));
        assertThat(SourceExtractor.of(criterion, fallback).source(request)).isEqualTo(expected);
    }

    static Stream<Arguments> exclusiveCriteria() {
        return Stream.of(
                Arguments.of(new SourceCriterion(new IpStrategy(null, null, null), "Foo", null),
                        "iPStrategy and RequestHeaderName are mutually exclusive"),
                Arguments.of(new SourceCriterion(new IpStrategy(null, null, null), null, true),
                        "iPStrategy and RequestHost are mutually exclusive"),
                Arguments.of(new SourceCriterion(null, "Foo", true),
                        "requestHost and RequestHeaderName are mutually exclusive"));
    }

    @ParameterizedTest
    @MethodSource
    void exclusiveCriteria(SourceCriterion criterion, String message) {
        assertThatThrownBy(() -> SourceExtractor.of(criterion, SourceExtractor.Default.REMOTE_ADDRESS))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }
}
