package io.trafficcop.proxy.middleware.ip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Rows mirror Traefik's pkg/ip/checker_test.go. */
class IpCheckerTest {

    static Stream<Arguments> isAuthorized() {
        return Stream.of(
                Arguments.of("remoteAddr not in range", List.of("1.2.3.4/24"), "10.2.3.1:123", false),
                Arguments.of("remoteAddr in range", List.of("1.2.3.4/24"), "1.2.3.1:123", true),
                Arguments.of("octal ip in remoteAddr", List.of("127.2.3.4/24"), "0127.2.3.1:123", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void isAuthorized(String desc, List<String> allowList, String remoteAddr, boolean authorized) {
        assertThat(IpChecker.of(allowList).unauthorizedReason(remoteAddr) == null).isEqualTo(authorized);
    }

    static Stream<Arguments> invalidLists() {
        return Stream.of(
                Arguments.of("nil trusted IPs", null, "no trusted IPs provided"),
                Arguments.of("empty trusted IPs", List.of(), "no trusted IPs provided"),
                Arguments.of("trusted IPs containing empty string", List.of("1.2.3.4/24", "", "fe80::/16"),
                        "parsing CIDR trusted IPs <nil>: invalid CIDR address: "),
                Arguments.of("trusted IPs containing only an empty string", List.of(""),
                        "parsing CIDR trusted IPs <nil>: invalid CIDR address: "),
                Arguments.of("trusted IPs containing an invalid string", List.of("foo"),
                        "parsing CIDR trusted IPs <nil>: invalid CIDR address: foo"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void invalidLists(String desc, List<String> trusted, String message) {
        assertThatThrownBy(() -> IpChecker.of(trusted)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    static Stream<Arguments> contains() {
        return Stream.of(
                Arguments.of("IPv4", List.of("1.2.3.4/24"),
                        List.of("1.2.3.1", "1.2.3.32", "1.2.3.156", "1.2.3.255"),
                        List.of("1.2.16.1", "1.2.32.1", "127.0.0.1", "8.8.8.8")),
                Arguments.of("IPv4 single IP", List.of("8.8.8.8"), List.of("8.8.8.8"),
                        List.of("8.8.8.7", "8.8.8.9", "8.8.8.0", "8.8.8.255", "4.4.4.4", "127.0.0.1")),
                Arguments.of("IPv4 Net single IP", List.of("8.8.8.8/32"), List.of("8.8.8.8"),
                        List.of("8.8.8.7", "8.8.8.9", "8.8.8.0", "8.8.8.255", "4.4.4.4", "127.0.0.1")),
                Arguments.of("multiple IPv4", List.of("1.2.3.4/24", "8.8.8.8/8"),
                        List.of("1.2.3.1", "1.2.3.32", "1.2.3.156", "1.2.3.255", "8.8.4.4", "8.0.0.1", "8.32.42.128",
                                "8.255.255.255"),
                        List.of("1.2.16.1", "1.2.32.1", "127.0.0.1", "4.4.4.4", "4.8.8.8")),
                Arguments.of("IPv6", List.of("2a03:4000:6:d080::/64"),
                        List.of("2a03:4000:6:d080::", "2a03:4000:6:d080::1", "2a03:4000:6:d080:dead:beef:ffff:ffff",
                                "2a03:4000:6:d080::42"),
                        List.of("2a03:4000:7:d080::", "2a03:4000:7:d080::1", "fe80::", "4242::1")),
                Arguments.of("IPv6 single IP", List.of("2a03:4000:6:d080::42/128"), List.of("2a03:4000:6:d080::42"),
                        List.of("2a03:4000:6:d080::1", "2a03:4000:6:d080:dead:beef:ffff:ffff",
                                "2a03:4000:6:d080::43")),
                Arguments.of("multiple IPv6", List.of("2a03:4000:6:d080::/64", "fe80::/16"),
                        List.of("2a03:4000:6:d080::", "2a03:4000:6:d080::1", "2a03:4000:6:d080:dead:beef:ffff:ffff",
                                "2a03:4000:6:d080::42", "fe80::1", "fe80:aa00:00bb:4232:ff00:eeee:00ff:1111",
                                "fe80::fe80"),
                        List.of("2a03:4000:7:d080::", "2a03:4000:7:d080::1", "4242::1")),
                Arguments.of("multiple IPv6 & IPv4",
                        List.of("2a03:4000:6:d080::/64", "fe80::/16", "1.2.3.4/24", "8.8.8.8/8"),
                        List.of("2a03:4000:6:d080::", "2a03:4000:6:d080::1", "2a03:4000:6:d080:dead:beef:ffff:ffff",
                                "2a03:4000:6:d080::42", "fe80::1", "fe80:aa00:00bb:4232:ff00:eeee:00ff:1111",
                                "fe80:aa00:00bb:4232:ff00:eeee:00ff:1111%vEthernet", "fe80::fe80", "1.2.3.1",
                                "1.2.3.32", "1.2.3.156", "1.2.3.255", "8.8.4.4", "8.0.0.1", "8.32.42.128",
                                "8.255.255.255"),
                        List.of("2a03:4000:7:d080::", "2a03:4000:7:d080::1", "2a03:4000:7:d080::1%vmnet1", "4242::1",
                                "1.2.16.1", "1.2.32.1", "127.0.0.1", "4.4.4.4", "4.8.8.8")),
                Arguments.of("IPv4-mapped IPv6 form of an IPv4 address", List.of("1.2.3.4/24"),
                        List.of("::ffff:1.2.3.9"), List.of("::ffff:1.2.4.9")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void contains(String desc, List<String> trusted, List<String> pass, List<String> reject) {
        IpChecker checker = IpChecker.of(trusted);
        for (String ip : pass) {
            assertThat(checker.contains(ip)).as("%s should have passed", ip).isTrue();
        }
        for (String ip : reject) {
            assertThat(checker.contains(ip)).as("%s should not have passed", ip).isFalse();
        }
    }

    @Test
    void brokenIpsAreErrors() {
        IpChecker checker = IpChecker.of(List.of("1.2.3.4/24"));
        for (String ip : Arrays.asList("foo", "10.0.0.350", "fe:::80", "", "\\&$§&/(", null)) {
            assertThatThrownBy(() -> checker.contains(ip)).as(ip).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
