package io.trafficcop.proxy.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What an entry point's codec writes: the bytes of each response to the requests it read, byte for byte (the start
 * line and header block go through {@link HeadBytes}, not through Netty's encoder).
 */
class Http1ServerCodecTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("a response: status line, headers in order, body",
                        "GET / HTTP/1.1\r\nHost: a\r\n\r\n",
                        List.of(full(HttpResponseStatus.OK, "hello", "Content-Type", "text/plain",
                                "Content-Length", "5")),
                        "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello"),
                Arguments.of("names and values given as AsciiString constants",
                        "GET / HTTP/1.1\r\n\r\n",
                        List.of(fullAscii(HttpResponseStatus.NO_CONTENT)),
                        "HTTP/1.1 204 No Content\r\nconnection: keep-alive\r\n\r\n"),
                Arguments.of("a response to HEAD keeps its Content-Length but sends no body",
                        "HEAD / HTTP/1.1\r\n\r\n",
                        List.of(head(HttpResponseStatus.OK, "Content-Length", "5")),
                        "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n"),
                Arguments.of("an interim 100 does not use up HEAD: the final response has no body",
                        "HEAD / HTTP/1.1\r\nExpect: 100-continue\r\n\r\n",
                        List.of(full(HttpResponseStatus.CONTINUE, ""),
                                head(HttpResponseStatus.OK, "Content-Length", "5")),
                        "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n"),
                Arguments.of("pipelined requests: each response pairs with its own method",
                        "HEAD /a HTTP/1.1\r\n\r\nGET /b HTTP/1.1\r\n\r\n",
                        List.of(head(HttpResponseStatus.OK, "Content-Length", "2"),
                                full(HttpResponseStatus.OK, "ok", "Content-Length", "2")),
                        "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"),
                Arguments.of("a 2xx to CONNECT loses its Transfer-Encoding",
                        "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n",
                        List.of(headOnly(HttpResponseStatus.OK, "Transfer-Encoding", "chunked", "X-A", "b")),
                        "HTTP/1.1 200 OK\r\nX-A: b\r\n\r\n"),
                Arguments.of("a character up to 0xFF is written as its byte (what was read goes back unchanged)",
                        "GET / HTTP/1.1\r\n\r\n",
                        List.of(full(HttpResponseStatus.OK, "", "X-Text", "caf\u00e9", "Content-Length", "0")),
                        "HTTP/1.1 200 OK\r\nX-Text: caf\u00e9\r\nContent-Length: 0\r\n\r\n"),
                Arguments.of("a text with a character above 0xFF (configuration's) is written as UTF-8, as Traefik does",
                        "GET / HTTP/1.1\r\n\r\n",
                        List.of(full(HttpResponseStatus.OK, "", "X-Before", "a", "X-Text", "caf\u00e9 \u20ac",
                                "X-After", "b", "Content-Length", "0")),
                        "HTTP/1.1 200 OK\r\nX-Before: a\r\nX-Text: " + latin1Of("caf\u00e9 \u20ac")
                                + "\r\nX-After: b\r\nContent-Length: 0\r\n\r\n"),
                Arguments.of("a header block larger than the usual array grows it",
                        "GET / HTTP/1.1\r\n\r\n",
                        List.of(full(HttpResponseStatus.OK, "", "X-Big", "v".repeat(5000), "Content-Length", "0")),
                        "HTTP/1.1 200 OK\r\nX-Big: " + "v".repeat(5000) + "\r\nContent-Length: 0\r\n\r\n"),
                Arguments.of("a reason phrase of the backend's own",
                        "GET / HTTP/1.1\r\n\r\n",
                        List.of(full(new HttpResponseStatus(299, "Fine Thanks"), "", "Content-Length", "0")),
                        "HTTP/1.1 299 Fine Thanks\r\nContent-Length: 0\r\n\r\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void writesEachResponseForItsRequest(String name, String requests, List<HttpResponse> responses,
                                         String written) {
        EmbeddedChannel channel = new EmbeddedChannel(new Http1ServerCodec(new HttpDecoderConfig()).handlers());
        channel.writeInbound(Unpooled.copiedBuffer(requests, StandardCharsets.ISO_8859_1));
        List<Object> read = new ArrayList<>();
        for (Object message; (message = channel.readInbound()) != null; ) {
            read.add(message);
        }
        assertThat(read.stream().filter(HttpRequest.class::isInstance)).isNotEmpty();
        read.forEach(ReferenceCountUtil::release);

        for (HttpResponse response : responses) {
            channel.writeOutbound(response);
        }
        assertThat(outbound(channel)).isEqualTo(written);
        assertThat(channel.finishAndReleaseAll()).isFalse();
    }

    /** The UTF-8 bytes of {@code text}, one character each (as {@link #outbound} shows what was written). */
    private static String latin1Of(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    static String outbound(EmbeddedChannel channel) {
        StringBuilder text = new StringBuilder();
        for (ByteBuf buf; (buf = channel.readOutbound()) != null; ) {
            text.append(buf.toString(StandardCharsets.ISO_8859_1));
            buf.release();
        }
        return text.toString();
    }

    private static FullHttpResponse full(HttpResponseStatus status, String body, String... headers) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(body, StandardCharsets.ISO_8859_1));
        for (int i = 0; i < headers.length; i += 2) {
            response.headers().add(headers[i], headers[i + 1]);
        }
        return response;
    }

    private static FullHttpResponse fullAscii(HttpResponseStatus status) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status);
        response.headers().add(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        assertThat(response.headers().iteratorCharSequence().next().getValue()).isInstanceOf(AsciiString.class);
        return response;
    }

    /** A head, its body (if any) to follow (a 2xx to CONNECT: the tunnel). */
    private static HttpResponse headOnly(HttpResponseStatus status, String... headers) {
        HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, status);
        for (int i = 0; i < headers.length; i += 2) {
            response.headers().add(headers[i], headers[i + 1]);
        }
        return response;
    }

    /** A complete response without a body of its own (what a proxy writes for HEAD, or for a 2xx to CONNECT). */
    private static HttpResponse head(HttpResponseStatus status, String... headers) {
        HttpResponse response = headOnly(status, headers);
        return new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.EMPTY_BUFFER, response.headers(),
                EmptyHttpHeaders.INSTANCE);
    }
}
