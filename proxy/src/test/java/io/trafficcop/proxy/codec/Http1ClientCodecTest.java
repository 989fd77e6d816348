package io.trafficcop.proxy.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a backend connection's codec sends and reads: request lines and header blocks byte for byte, and each response
 * read as its request's method says (HEAD: no body; a 2xx to CONNECT: a tunnel).
 */
class Http1ClientCodecTest {

    static Stream<Arguments> requestLines() {
        return Stream.of(
                Arguments.of("origin form, sent as it is", "/a/b?c=d&e", "GET /a/b?c=d&e HTTP/1.1\r\n"),
                Arguments.of("absolute form without a path: Netty's encoder adds '/'", "http://host",
                        "GET http://host/ HTTP/1.1\r\n"),
                Arguments.of("a non-ASCII character: Netty's encoder writes UTF-8", "/caf\u00e9",
                        "GET /caf\u00c3\u00a9 HTTP/1.1\r\n"),
                Arguments.of("asterisk form", "*", "GET * HTTP/1.1\r\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requestLines")
    void writesTheRequestLine(String name, String uri, String line) {
        EmbeddedChannel channel = new EmbeddedChannel(new Http1ClientCodec(new HttpDecoderConfig()).handlers());
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, uri);
        request.headers().add(HttpHeaderNames.HOST, "backend");
        request.headers().add("X-Forwarded-For", "10.0.0.1");
        channel.writeOutbound(request);
        assertThat(Http1ServerCodecTest.outbound(channel))
                .isEqualTo(line + "host: backend\r\nX-Forwarded-For: 10.0.0.1\r\n\r\n");
        assertThat(channel.finishAndReleaseAll()).isFalse();
    }

    static Stream<Arguments> responses() {
        return Stream.of(
                Arguments.of("a body framed by its length", List.of(HttpMethod.GET),
                        "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", List.of("200 OK", "ok")),
                Arguments.of("HEAD: the Content-Length is not followed by a body",
                        List.of(HttpMethod.HEAD, HttpMethod.GET),
                        "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 1\r\n\r\nx",
                        List.of("200 OK", "", "201 Created", "x")),
                Arguments.of("an interim 100 does not use up HEAD", List.of(HttpMethod.HEAD),
                        "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n",
                        List.of("100 Continue", "", "200 OK", "")),
                Arguments.of("a 2xx to CONNECT: what follows is tunnel bytes", List.of(HttpMethod.CONNECT),
                        "HTTP/1.1 200 Connection Established\r\n\r\nnot HTTP at all",
                        List.of("200 Connection Established", "", "bytes:not HTTP at all")),
                Arguments.of("a status line with words of its own", List.of(HttpMethod.GET),
                        "HTTP/1.0 200 Fine\r\nContent-Length: 0\r\n\r\n", List.of("200 Fine", "")),
                Arguments.of("a refused CONNECT stays HTTP", List.of(HttpMethod.CONNECT),
                        "HTTP/1.1 403 Forbidden\r\nContent-Length: 2\r\n\r\nno", List.of("403 Forbidden", "no")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("responses")
    void readsEachResponseAsItsRequestSays(String name, List<HttpMethod> methods, String received,
                                           List<String> read) {
        EmbeddedChannel channel = new EmbeddedChannel(new Http1ClientCodec(new HttpDecoderConfig()).handlers());
        for (HttpMethod method : methods) {
            channel.writeOutbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, "/"));
        }
        Http1ServerCodecTest.outbound(channel);
        channel.writeInbound(Unpooled.copiedBuffer(received, StandardCharsets.ISO_8859_1));
        assertThat(inbound(channel)).isEqualTo(read);
        channel.finishAndReleaseAll();
    }

    @Test
    void sharesTheNamesBackendsUsuallySendAndKeepsTheirCase() {
        EmbeddedChannel channel = new EmbeddedChannel(new Http1ClientCodec(new HttpDecoderConfig()).handlers());
        channel.writeOutbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/"));
        Http1ServerCodecTest.outbound(channel);
        channel.writeInbound(Unpooled.copiedBuffer("HTTP/1.1 200 OK\r\nContent-Type: a\r\ncontent-length: 0\r\n"
                + "CONTENT-TYPE: b\r\nX-Own: c\r\n\r\n", StandardCharsets.ISO_8859_1));
        HttpResponse response = channel.readInbound();
        List<Map.Entry<CharSequence, CharSequence>> headers = new ArrayList<>();
        response.headers().iteratorCharSequence().forEachRemaining(headers::add);
        assertThat(headers).extracting(h -> h.getKey().toString())
                .containsExactly("Content-Type", "content-length", "CONTENT-TYPE", "X-Own");
        AsciiString known = AsciiString.of("Content-Type");
        assertThat(headers.get(0).getKey()).isSameAs(KnownHeaderNames.find(known.array(), 0, known.length()));
        assertThat((Object) KnownHeaderNames.find("CONTENT-TYPE".getBytes(StandardCharsets.US_ASCII), 0, 12)).isNull();
        assertThat(response.protocolVersion()).isSameAs(HttpVersion.HTTP_1_1);
        assertThat(response.status()).isSameAs(HttpResponseStatus.OK);
        assertThat(response.headers().get("content-type")).isEqualTo("a"); // lookups stay case-insensitive
        ReferenceCountUtil.release(response);
        channel.finishAndReleaseAll();
    }

    private static List<String> inbound(EmbeddedChannel channel) {
        List<String> read = new ArrayList<>();
        for (Object message; (message = channel.readInbound()) != null; ) {
            if (message instanceof HttpResponse response) {
                read.add(response.status().code() + " " + response.status().reasonPhrase());
            }
            if (message instanceof HttpContent content) {
                read.add(content.content().toString(StandardCharsets.ISO_8859_1));
            } else if (message instanceof ByteBuf bytes) {
                read.add("bytes:" + bytes.toString(StandardCharsets.ISO_8859_1));
            }
            ReferenceCountUtil.release(message);
        }
        return read;
    }
}
