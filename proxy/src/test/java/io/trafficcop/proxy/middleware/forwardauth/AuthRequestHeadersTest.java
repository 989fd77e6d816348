package io.trafficcop.proxy.middleware.forwardauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Traefik's TestForwardAuth_writeHeader and TestForwardAuth_oldWriteHeader tables. Go's {@code User-Agent: ""} means
 * "send no User-Agent", which is what these wire headers show (the key is then expected absent).
 */
class AuthRequestHeadersTest {

    private static final Map<String, String> HOP = Map.of("Connection", "Connection", "Keep-Alive", "KeepAlive",
            "Proxy-Authenticate", "ProxyAuthenticate", "Proxy-Authorization", "ProxyAuthorization", "Te", "Te",
            "Trailers", "Trailers", "Transfer-Encoding", "TransferEncoding", "Upgrade", "Upgrade",
            "X-CustomHeader", "CustomHeader");
    private static final Map<String, String> FWD = Map.of("X-Forwarded-Proto", "http", "X-Forwarded-Host", "foo.bar",
            "X-Forwarded-Uri", "/path?q=1", "X-Forwarded-Method", "GET", "X-Forwarded-Port", "80");

    static Stream<Arguments> writeHeader() {
        return Stream.of(
                arguments("trust forward header", Map.of("Accept", "application/json", "X-Forwarded-Host", "fii.bir"),
                        List.of(), true, false, Map.of("Accept", "application/json", "X-Forwarded-Host", "fii.bir"), false),
                arguments("not trust forward header", Map.of("Accept", "application/json", "X-Forwarded-Host", "fii.bir"),
                        List.of(), false, false, Map.of("Accept", "application/json", "X-Forwarded-Host", "foo.bar"), false),
                arguments("trust forward header with empty Host",
                        Map.of("Accept", "application/json", "X-Forwarded-Host", "fii.bir"), List.of(), true, true,
                        Map.of("Accept", "application/json", "X-Forwarded-Host", "fii.bir"), false),
                arguments("not trust forward header with empty Host",
                        Map.of("Accept", "application/json", "X-Forwarded-Host", "fii.bir"), List.of(), false, true,
                        Map.of("Accept", "application/json"), false),
                arguments("trust forward header with forwarded URI", Map.of("Accept", "application/json",
                        "X-Forwarded-Host", "fii.bir", "X-Forwarded-Uri", "/forward?q=1"), List.of(), true, false,
                        Map.of("Accept", "application/json", "X-Forwarded-Host", "fii.bir",
                                "X-Forwarded-Uri", "/forward?q=1"), false),
                arguments("not trust forward header with forward requested URI", Map.of("Accept", "application/json",
                        "X-Forwarded-Host", "fii.bir", "X-Forwarded-Uri", "/forward?q=1"), List.of(), false, false,
                        Map.of("Accept", "application/json", "X-Forwarded-Host", "foo.bar",
                                "X-Forwarded-Uri", "/path?q=1"), false),
                arguments("trust forward header with forwarded request Method", Map.of("X-Forwarded-Method", "OPTIONS"),
                        List.of(), true, false, Map.of("X-Forwarded-Method", "OPTIONS"), false),
                arguments("not trust forward header with forward request Method",
                        Map.of("X-Forwarded-Method", "OPTIONS"), List.of(), false, false,
                        Map.of("X-Forwarded-Method", "GET"), false),
                arguments("remove hop-by-hop headers", HOP, List.of(), false, false,
                        with(FWD, Map.of("X-CustomHeader", "CustomHeader", "Proxy-Authenticate", "ProxyAuthenticate",
                                "Proxy-Authorization", "ProxyAuthorization")), true),
                arguments("filter forward request headers", Map.of("X-CustomHeader", "CustomHeader",
                        "Content-Type", "multipart/form-data; boundary=---123456"), List.of("X-CustomHeader"), false,
                        false, with(FWD, Map.of("x-customHeader", "CustomHeader")), true),
                arguments("filter forward request headers doesn't add new headers", Map.of("X-CustomHeader",
                        "CustomHeader", "Content-Type", "multipart/form-data; boundary=---123456"),
                        List.of("X-CustomHeader", "X-Non-Exists-Header"), false, false,
                        with(FWD, Map.of("X-CustomHeader", "CustomHeader")), true),
                arguments("set empty User-Agent header if header is allowed but missing",
                        Map.of("X-CustomHeader", "CustomHeader", "Accept", "application/json"),
                        List.of("X-CustomHeader", "Accept", "User-Agent"), false, false,
                        with(FWD, Map.of("X-CustomHeader", "CustomHeader", "Accept", "application/json")), true),
                arguments("ignore User-Agent header if header is not allowed and missing",
                        Map.of("X-CustomHeader", "CustomHeader", "Accept", "application/json"),
                        List.of("X-CustomHeader", "Accept"), false, false,
                        with(FWD, Map.of("X-CustomHeader", "CustomHeader", "Accept", "application/json")), true),
                arguments("set empty User-Agent header if header is missing",
                        Map.of("X-CustomHeader", "CustomHeader", "Accept", "application/json"), List.of(), false, false,
                        with(FWD, Map.of("X-CustomHeader", "CustomHeader", "Accept", "application/json")), true),
                arguments("authRequestHeaders and XForwarded are kept if trusted",
                        Map.of("X-CustomHeader", "CustomHeader", "X-Forwarded-Uri", "/path?q=2"),
                        List.of("X-CustomHeader"), true, false,
                        with(FWD, Map.of("X-CustomHeader", "CustomHeader", "X-Forwarded-Uri", "/path?q=2")), true),
                arguments("X-Forwarded and X_forwarded headers are removed when not trusted",
                        Map.of("X-CustomHeader", "CustomHeader", "X_forwarded_for", "127.0.0.1",
                                "X-Forwarded-Proto", "xxx"), List.of(), false, false,
                        with(FWD, Map.of("X-CustomHeader", "CustomHeader")), true),
                arguments("X-Forwarded-Proto is not used to calculate X-Forwarded-Port if trustForwardHeader=false",
                        Map.of("X-CustomHeader", "CustomHeader", "X-Forwarded-Proto", "https"), List.of(), false,
                        false, FWD, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void writeHeader(String desc, Map<String, String> headers, List<String> authRequestHeaders, boolean trust,
                     boolean emptyHost, Map<String, String> expected, boolean checkForUnexpected) {
        check(new AuthRequestHeaders(trust, authRequestHeaders), headers, emptyHost, expected, checkForUnexpected);
    }

    static Stream<Arguments> oldWriteHeader() {
        Map<String, String> fwd = Map.of("X-Forwarded-Proto", "http", "X-Forwarded-Host", "foo.bar",
                "X-Forwarded-Uri", "/path?q=1", "X-Forwarded-Method", "GET");
        return Stream.of(
                arguments("not trust forward header", Map.of("Accept", "application/json", "X-Forwarded-Host", "fii.bir"),
                        List.of(), false, Map.of("Accept", "application/json", "X-Forwarded-Host", "foo.bar"), false),
                arguments("not trust forward header with empty Host",
                        Map.of("Accept", "application/json", "X-Forwarded-Host", "fii.bir"), List.of(), true,
                        Map.of("Accept", "application/json", "X-Forwarded-Host", ""), false),
                arguments("not trust forward header with forward requested URI", Map.of("Accept", "application/json",
                        "X-Forwarded-Host", "fii.bir", "X-Forwarded-Uri", "/forward?q=1"), List.of(), false,
                        Map.of("Accept", "application/json", "X-Forwarded-Host", "foo.bar",
                                "X-Forwarded-Uri", "/path?q=1"), false),
                arguments("not trust forward header with forward request Method",
                        Map.of("X-Forwarded-Method", "OPTIONS"), List.of(), false,
                        Map.of("X-Forwarded-Method", "GET"), false),
                arguments("remove hop-by-hop headers", HOP, List.of(), false,
                        with(fwd, Map.of("X-CustomHeader", "CustomHeader", "Proxy-Authenticate", "ProxyAuthenticate",
                                "Proxy-Authorization", "ProxyAuthorization")), true),
                arguments("filter forward request headers", Map.of("X-CustomHeader", "CustomHeader",
                        "Content-Type", "multipart/form-data; boundary=---123456"), List.of("X-CustomHeader"), false,
                        with(fwd, Map.of("x-customHeader", "CustomHeader")), true),
                arguments("filter forward request headers doesn't add new headers", Map.of("X-CustomHeader",
                        "CustomHeader", "Content-Type", "multipart/form-data; boundary=---123456"),
                        List.of("X-CustomHeader", "X-Non-Exists-Header"), false,
                        with(fwd, Map.of("X-CustomHeader", "CustomHeader")), true),
                arguments("X-Forwarded-Prefix is kept for non-breaking behavior",
                        Map.of("X-CustomHeader", "CustomHeader", "X-Forwarded-Prefix", "foo.bar"), List.of(), false,
                        with(fwd, Map.of("X-CustomHeader", "CustomHeader", "X-Forwarded-Prefix", "foo.bar")), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void oldWriteHeader(String desc, Map<String, String> headers, List<String> authRequestHeaders, boolean emptyHost,
                        Map<String, String> expected, boolean checkForUnexpected) {
        check(new AuthRequestHeaders(null, authRequestHeaders), headers, emptyHost, expected, checkForUnexpected);
    }

    @ParameterizedTest(name = "prior {0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "''|true|10.0.0.1", "1.2.3.4|true|1.2.3.4, 10.0.0.1", "1.2.3.4|false|10.0.0.1"})
    void xForwardedForAppendsTheClientIpOnlyWhenTrusted(String prior, boolean trust, String expected) {
        HttpHeaders in = new DefaultHttpHeaders().set("Host", "foo.bar");
        if (!prior.isEmpty()) {
            in.set("X-Forwarded-For", prior);
        }
        HttpHeaders out = new AuthRequestHeaders(trust, List.of()).build(
                new AuthRequestHeaders.ClientRequest(in, "GET", "foo.bar:8443", "/", "10.0.0.1", true));
        assertThat(out.get("X-Forwarded-For")).isEqualTo(expected);
        assertThat(out.get("X-Forwarded-Port")).isEqualTo("8443");
        assertThat(out.get("X-Forwarded-Proto")).isEqualTo("https");
        assertThat(out.contains("Host")).isFalse();
    }

    private static void check(AuthRequestHeaders builder, Map<String, String> headers, boolean emptyHost,
                              Map<String, String> expected, boolean checkForUnexpected) {
        HttpHeaders in = new DefaultHttpHeaders();
        headers.forEach(in::set);
        in.set("Host", emptyHost ? "" : "foo.bar");
        HttpHeaders out = builder.build(new AuthRequestHeaders.ClientRequest(in, "GET", emptyHost ? "" : "foo.bar",
                "/path?q=1", null, false));
        Set<String> seen = new HashSet<>();
        expected.forEach((name, value) -> {
            assertThat(out.get(name)).as(name).isEqualTo(value);
            seen.add(name.toLowerCase(java.util.Locale.ROOT));
        });
        assertThat(out.contains("User-Agent")).isFalse();
        if (checkForUnexpected) {
            assertThat(out.names()).allSatisfy(n -> assertThat(seen).contains(n.toLowerCase(java.util.Locale.ROOT)));
        }
    }

    private static Map<String, String> with(Map<String, String> a, Map<String, String> b) {
        var m = new java.util.HashMap<>(a);
        m.putAll(b);
        return m;
    }
}
