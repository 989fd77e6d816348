package io.trafficcop.proxy.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.trafficcop.proxy.upstream.UpstreamTarget;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The request target sent to a backend (Traefik's rewriteRequestBuilder with Go's singleJoiningSlash). */
class ReverseProxyTest {

    @ParameterizedTest(name = "{0} + {1} preservePath={2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            http://b:80           | /foo          | false | /foo
            http://b:80/base      | /foo          | false | /foo
            http://b:80/base      | /foo          | true  | /base/foo
            http://b:80/base/     | /foo          | true  | /base/foo
            http://b:80/base/     | foo           | true  | /base/foo
            http://b:80/base      | /             | true  | /base/
            http://b:80           | /foo?a=1;b=2  | false | /foo?a=1&b=2
            http://b:80           | /foo?a=1      | false | /foo?a=1
            http://b:80/base      | /foo?a=1      | false | /foo?a=1
            http://b:80           | /f;o?q        | false | /f;o?q
            http://b:80           | /f;o?a;b      | false | /f;o?a&b
            http://b:80           | /foo?         | false | /foo?
            http://b:80           | /             | false | /
            http://b:80/base      | /f%2Fo?q      | true  | /base/f%2Fo?q
            http://b:80           | http://h/x?y  | false | /x?y
            http://b:80           | http://h?y    | false | /?y
            http://b:80           | http://h      | false | /
            """)
    void buildsTheOutgoingUri(String server, String uri, boolean preservePath, String expected) {
        assertThat(ReverseProxy.outgoingUri(uri, UpstreamTarget.of(server, null), preservePath)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Connection: close, Keep-Alive: timeout=5, Foo: bar                    | Foo: bar
            Connection: X-Custom, X-Custom: 1, Foo: bar                           | Foo: bar
            TE: trailers, Trailer: X, Transfer-Encoding: chunked, Foo: bar        | TE: trailers, Foo: bar
            TE: gzip, Proxy-Authorization: x, Proxy-Connection: keep-alive        | ''
            Connection: Upgrade, Upgrade: websocket, Sec-WebSocket-Key: k         | Sec-WebSocket-Key: k, Connection: upgrade, Upgrade: websocket
            Keep-Alive: timeout=5, Upgrade: websocket, Foo: bar                   | Foo: bar
            Connection: X-A, Connection: X-B, X-A: 1, X-B: 2, Foo: bar            | Foo: bar
            Foo: bar                                                              | Foo: bar
            connection: close, foo: bar                                           | foo: bar
            TRANSFER-ENCODING: chunked, Foo: bar                                  | Foo: bar
            Proxy-Authenticate: Basic, Foo: bar                                   | Foo: bar
            Trailer: X-Sum, Foo: bar                                              | Foo: bar
            te: trailers                                                          | TE: trailers
            X-Custom: 1, Foo: bar                                                 | X-Custom: 1, Foo: bar
            """)
    void stripsHopByHopRequestHeaders(String in, String expected) {
        var headers = new DefaultHttpHeaders();
        for (String h : in.split(", ")) {
            String[] kv = h.split(": ");
            headers.add(kv[0], kv[1]);
        }
        HopByHopHeaders.stripRequest(headers);
        // header names are case-insensitive and their order is irrelevant
        java.util.Set<String> actual = new java.util.TreeSet<>();
        for (var e : headers) {
            actual.add(e.getKey().toLowerCase(java.util.Locale.ROOT) + ": " + e.getValue());
        }
        java.util.Set<String> wanted = new java.util.TreeSet<>();
        if (!expected.isEmpty()) {
            for (String h : expected.split(", ")) {
                String[] kv = h.split(": ");
                wanted.add(kv[0].toLowerCase(java.util.Locale.ROOT) + ": " + kv[1]);
            }
        }
        assertThat(actual).isEqualTo(wanted);
    }

    @ParameterizedTest(name = "{0} (101: {1})")
    @CsvSource(delimiter = '|', textBlock = """
            Content-Type: text/plain, Content-Length: 5          | false | content-length: 5, content-type: text/plain
            Connection: keep-alive, Keep-Alive: timeout=5, X: 1  | false | x: 1
            Connection: Upgrade, Upgrade: websocket, X: 1        | true  | connection: upgrade, upgrade: websocket, x: 1
            Connection: Upgrade, Upgrade: websocket, X: 1        | false | x: 1
            """)
    void stripsHopByHopResponseHeaders(String in, boolean switchingProtocols, String expected) {
        var headers = new DefaultHttpHeaders();
        for (String h : in.split(", ")) {
            String[] kv = h.split(": ");
            headers.add(kv[0], kv[1]);
        }
        HopByHopHeaders.stripResponse(headers, switchingProtocols);
        java.util.Set<String> actual = new java.util.TreeSet<>();
        for (var e : headers) {
            actual.add(e.getKey().toLowerCase(java.util.Locale.ROOT) + ": " + e.getValue().toLowerCase(java.util.Locale.ROOT));
        }
        assertThat(actual).containsExactlyElementsOf(new java.util.TreeSet<>(java.util.List.of(expected.split(", "))));
    }

    @ParameterizedTest(name = "{0} + 10.0.0.9 -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                      | 10.0.0.9
            1.1.1.1                 | 1.1.1.1, 10.0.0.9
            1.1.1.1, 2.2.2.2        | 1.1.1.1, 2.2.2.2, 10.0.0.9
            1.1.1.1;2.2.2.2         | 1.1.1.1, 2.2.2.2, 10.0.0.9
            """)
    void appendsThePeerToXForwardedFor(String prior, String expected) {
        var headers = new DefaultHttpHeaders();
        if (!prior.isEmpty()) {
            for (String value : prior.split(";")) { // ';' separates header lines, ',' is inside one value
                headers.add("X-Forwarded-For", value);
            }
        }
        ForwardedHeaders.appendForwardedFor(headers, "10.0.0.9");
        assertThat(headers.getAll("X-Forwarded-For")).containsExactly(expected);
    }
}
