package io.trafficcop.proxy.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpHeaders;
import io.trafficcop.proxy.runtime.ForwardedHeadersSettings;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Traefik's pkg/middlewares/forwardedheaders TestServeHTTP and TestConnection tables, ported. */
class ForwardedHeadersTest {

    static final String XFF = "X-Forwarded-For";
    static final String XFURI = "X-Forwarded-Uri";
    static final String XFMETHOD = "X-Forwarded-Method";
    static final String XFCERT = "X-Forwarded-Tls-Client-Cert";
    static final String XFCERTINFO = "X-Forwarded-Tls-Client-Cert-Info";
    static final String XFPREFIX = "X-Forwarded-Prefix";
    static final String XFPROTO = "X-Forwarded-Proto";
    static final String XFPORT = "X-Forwarded-Port";
    static final String XFHOST = "X-Forwarded-Host";
    static final String XFSERVER = "X-Forwarded-Server";
    static final String XFSCHEME = "X-Forwarded-Scheme";
    static final String XSCHEME = "X-Scheme";
    static final String XREALIP = "X-Real-Ip";
    static final String CONNECTION = "Connection";

    static final class Row {
        final String desc;
        boolean insecure;
        List<String> trustedIps = List.of();
        List<String> connectionHeaders = List.of();
        String remoteAddr = "";
        boolean tls;
        boolean websocket;
        boolean addSchemeHeaders;
        String host = "";
        final List<String[]> incoming = new ArrayList<>();
        final Map<String, String> expected = new LinkedHashMap<>();
        final List<String> absent = new ArrayList<>();

        Row(String desc) {
            this.desc = desc;
        }

        Row insecure() {
            insecure = true;
            return this;
        }

        Row trusted(String... ips) {
            trustedIps = List.of(ips);
            return this;
        }

        Row connectionHeaders(String... names) {
            connectionHeaders = List.of(names);
            return this;
        }

        Row remote(String addr) {
            remoteAddr = addr;
            return this;
        }

        Row tls() {
            tls = true;
            return this;
        }

        Row websocket() {
            websocket = true;
            return this;
        }

        Row schemeHeaders() {
            addSchemeHeaders = true;
            return this;
        }

        Row host(String h) {
            host = h;
            return this;
        }

        Row in(String name, String... values) {
            for (String v : values) {
                incoming.add(new String[] {name, v});
            }
            return this;
        }

        Row expect(String name, String value) {
            expected.put(name, value);
            return this;
        }

        Row absent(String... names) {
            absent.addAll(List.of(names));
            return this;
        }

        @Override
        public String toString() {
            return desc;
        }
    }

    static Row row(String desc) {
        return new Row(desc);
    }

    static Row withIncomingXHeaders(Row r) {
        return r.in(XFF, "10.0.1.0, 10.0.1.12").in(XFURI, "/bar").in(XFMETHOD, "GET").in(XFCERT, "Cert")
                .in(XFCERTINFO, "CertInfo").in(XFPREFIX, "/prefix");
    }

    static Row expectXHeaders(Row r, boolean kept) {
        return r.expect(XFF, kept ? "10.0.1.0, 10.0.1.12" : "").expect(XFURI, kept ? "/bar" : "")
                .expect(XFMETHOD, kept ? "GET" : "").expect(XFCERT, kept ? "Cert" : "")
                .expect(XFCERTINFO, kept ? "CertInfo" : "").expect(XFPREFIX, kept ? "/prefix" : "");
    }

    static Stream<Row> serveHttp() {
        String[] managed = {XFPROTO, XFF, XFURI, XFMETHOD, XFHOST, XFPORT, XFCERT, XFCERTINFO, XFPREFIX, XREALIP};
        Row untrustedConnection = row("Untrusted: Connection header has no effect on X- forwarded headers")
                .in(CONNECTION, managed).in(CONNECTION, "X_forwarded_proto").in("X_forwarded_proto", "spoofed");
        Row trustedConnection = row("Trusted (insecure): Connection header has no effect on X- forwarded headers")
                .insecure().in(CONNECTION, managed);
        for (String h : managed) {
            untrustedConnection.in(h, "foo");
            trustedConnection.in(h, "foo").expect(h, "foo");
        }
        untrustedConnection.expect(XFPROTO, "http").expect(XFF, "").expect(XFURI, "").expect(XFMETHOD, "")
                .expect(XFHOST, "").expect(XFPORT, "80").expect(XFCERT, "").expect(XFCERTINFO, "")
                .expect(XFPREFIX, "").expect(XREALIP, "").expect("X_forwarded_proto", "").expect(CONNECTION, "");
        trustedConnection.expect(CONNECTION, "");
        return Stream.of(
                row("all Empty").insecure().expect(XFF, "").expect(XFURI, "").expect(XFMETHOD, "")
                        .expect(XFCERT, "").expect(XFCERTINFO, ""),
                expectXHeaders(withIncomingXHeaders(row("insecure true with incoming X-Forwarded headers").insecure())
                        .in("X_forwarded_proto", "https").in("X_forwarded_for", "10.0.0.1"), true)
                        .expect("X_forwarded_proto", "https").expect("X_forwarded_for", "10.0.0.1"),
                expectXHeaders(withIncomingXHeaders(row("insecure false with incoming X-Forwarded headers"))
                        .in("X_forwarded_proto", "https").in("X_forwarded_for", "10.0.0.1")
                        .in("X_forwarded_host", "evil.example"), false)
                        .expect("X_forwarded_proto", "").expect("X_forwarded_for", "").expect("X_forwarded_host", ""),
                expectXHeaders(withIncomingXHeaders(row("insecure false, valid Trusted Ips").trusted("10.0.1.100")
                        .remote("10.0.1.100:80")).in("X_forwarded_proto", "https"), true)
                        .expect("X_forwarded_proto", "https"),
                expectXHeaders(withIncomingXHeaders(row("insecure false, invalid Trusted Ips").trusted("10.0.1.100")
                        .remote("10.0.1.101:80")), false),
                expectXHeaders(withIncomingXHeaders(row("insecure false, valid Trusted Ips CIDR").trusted("1.2.3.4/24")
                        .remote("1.2.3.156:80")), true),
                expectXHeaders(withIncomingXHeaders(row("insecure false, invalid Trusted Ips CIDR")
                        .trusted("1.2.3.4/24").remote("10.0.1.101:80")), false),
                row("xForwardedFor with multiple header(s) values").insecure()
                        .in(XFF, "10.0.0.4, 10.0.0.3", "10.0.0.2, 10.0.0.1", "10.0.0.0")
                        .expect(XFF, "10.0.0.4, 10.0.0.3, 10.0.0.2, 10.0.0.1, 10.0.0.0"),
                row("xRealIP populated from remote address").remote("10.0.1.101:80").expect(XREALIP, "10.0.1.101"),
                row("xRealIP was already populated from previous headers").insecure().remote("10.0.1.101:80")
                        .in(XREALIP, "10.0.1.12").expect(XREALIP, "10.0.1.12"),
                row("xForwardedProto with no tls").expect(XFPROTO, "http"),
                row("xForwardedProto with tls").tls().expect(XFPROTO, "https"),
                row("xForwardedScheme headers with tls").tls().schemeHeaders().expect(XFPROTO, "https")
                        .expect(XFSCHEME, "https").expect(XSCHEME, "https"),
                row("xForwardedScheme headers disabled keeps legacy headers absent").tls().expect(XFPROTO, "https")
                        .absent(XFSCHEME, XSCHEME),
                row("xForwardedProto with websocket").websocket().expect(XFPROTO, "ws"),
                row("xForwardedScheme headers with websocket").websocket().schemeHeaders().expect(XFPROTO, "ws")
                        .expect(XFSCHEME, "ws").expect(XSCHEME, "ws"),
                row("xForwardedProto with websocket and tls").tls().websocket().expect(XFPROTO, "wss"),
                row("xForwardedProto with websocket and tls and already x-forwarded-proto with wss").tls().websocket()
                        .in(XFPROTO, "wss").expect(XFPROTO, "wss"),
                row("xForwardedScheme headers overwrite in insecure mode").insecure().schemeHeaders()
                        .in(XFPROTO, "https").in(XFSCHEME, "external-https").in(XSCHEME, "external-https")
                        .expect(XFPROTO, "https").expect(XFSCHEME, "https").expect(XSCHEME, "https"),
                row("xForwardedPort with explicit port").host("foo.com:8080").expect(XFPORT, "8080"),
                row("xForwardedPort with implicit tls port from proto header").insecure().in(XFPROTO, "https")
                        .expect(XFPROTO, "https").expect(XFPORT, "443"),
                row("xForwardedPort with implicit tls port from TLS in req").tls().expect(XFPORT, "443"),
                row("xForwardedHost from req host").host("foo.com:8080").expect(XFHOST, "foo.com:8080"),
                row("xForwardedServer from req XForwarded").host("foo.com:8080").expect(XFSERVER, "foo.com:8080"),
                untrustedConnection,
                trustedConnection,
                row("insecure false preserves non-matching underscore headers").remote("10.0.1.101:80")
                        .in("X_custom_header", "value").in("X_forwarded_proto", "spoofed")
                        .expect("X_custom_header", "value").expect("X_forwarded_proto", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serveHttp")
    void rewritesAsTraefik(Row row) throws Exception {
        HttpHeaders headers = DefaultHttpHeadersFactory.headersFactory().withValidation(false).newHeaders();
        if (row.websocket) {
            headers.set(CONNECTION, "upgrade");
            headers.set("Upgrade", "websocket");
        }
        if (!row.host.isEmpty()) {
            headers.set("Host", row.host);
        }
        for (String[] h : row.incoming) {
            headers.add(h[0], h[1]);
        }
        InetSocketAddress peer = null;
        if (!row.remoteAddr.isEmpty()) {
            int colon = row.remoteAddr.lastIndexOf(':');
            peer = new InetSocketAddress(InetAddress.getByName(row.remoteAddr.substring(0, colon)),
                    Integer.parseInt(row.remoteAddr.substring(colon + 1)));
        }
        var settings = new ForwardedHeadersSettings(row.insecure, row.trustedIps, row.connectionHeaders, false,
                row.addSchemeHeaders);
        new ForwardedHeaders(settings, row.host).apply(headers, peer, row.tls);
        for (var e : row.expected.entrySet()) {
            assertThat(headers.get(e.getKey(), "")).as(e.getKey()).isEqualTo(e.getValue());
        }
        for (String name : row.absent) {
            assertThat(headers.contains(name)).as(name).isFalse();
        }
    }

    record ConnectionRow(String desc, Map<String, String> request, List<String> connectionHeaders,
                         Map<String, String> expected) {
        @Override
        public String toString() {
            return desc;
        }
    }

    static Stream<ConnectionRow> connection() {
        return Stream.of(
                new ConnectionRow("simple remove", Map.of("Foo", "bar", CONNECTION, "foo"), List.of(), Map.of()),
                new ConnectionRow("remove and upgrade", Map.of("Upgrade", "test", "Foo", "bar", CONNECTION, "upgrade,foo"),
                        List.of(), Map.of("Upgrade", "test", CONNECTION, "Upgrade")),
                new ConnectionRow("no remove", Map.of("Foo", "bar", CONNECTION, "fii"), List.of(), Map.of("Foo", "bar")),
                new ConnectionRow("no remove because connection header pass through",
                        Map.of("Foo", "bar", CONNECTION, "Foo"), List.of("Foo"), Map.of("Foo", "bar", CONNECTION, "Foo")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("connection")
    void appliesTheConnectionHeaderAsTraefik(ConnectionRow row) {
        HttpHeaders headers = new DefaultHttpHeaders();
        row.request.forEach(headers::set);
        var settings = new ForwardedHeadersSettings(true, List.of(), row.connectionHeaders, false, false);
        new ForwardedHeaders(settings, "").apply(headers, null, false);
        // the test looks only at the headers the Connection handling touches, as Traefik's removeConnectionHeaders
        // header names are case-insensitive: compare them lower-cased
        Map<String, String> actual = new java.util.TreeMap<>();
        for (var e : headers) {
            if (!e.getKey().startsWith("X-")) {
                actual.put(e.getKey().toLowerCase(java.util.Locale.ROOT), e.getValue());
            }
        }
        Map<String, String> expected = new java.util.TreeMap<>();
        row.expected.forEach((k, v) -> expected.put(k.toLowerCase(java.util.Locale.ROOT), v));
        assertThat(actual).isEqualTo(expected);
    }
}
