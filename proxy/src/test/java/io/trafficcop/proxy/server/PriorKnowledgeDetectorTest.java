package io.trafficcop.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which protocol a cleartext connection gets from its first bytes, however they are split, and who reads them. */
class PriorKnowledgeDetectorTest {

    private static final String PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";

    static Stream<Arguments> openings() {
        return Stream.of(
                Arguments.of("an HTTP/1.1 request", List.of("GET / HTTP/1.1\r\n\r\n"), "http1"),
                Arguments.of("the HTTP/2 preface", List.of(PREFACE + "frames"), "http2"),
                Arguments.of("the preface in pieces", List.of("PRI * HT", "TP/2.0\r\n\r\nSM", "\r\n\r\nframes"), "http2"),
                Arguments.of("a start like the preface's, then HTTP/1.1", List.of("PR", "OPFIND / HTTP/1.1\r\n\r\n"),
                        "http1"),
                Arguments.of("the preface's first line only, then something else",
                        List.of("PRI * HTTP/2.0\r\n\r\nXX\r\n\r\n"), "http1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("openings")
    void handsTheBytesToTheProtocolTheyOpenWith(String name, List<String> chunks, String protocol) {
        Recorder http1 = new Recorder("http1");
        Recorder upgrade = new Recorder("upgrade");
        Recorder http2 = new Recorder("http2");
        Recorder last = new Recorder("last");
        EmbeddedChannel channel = new EmbeddedChannel(new PriorKnowledgeDetector(List.of(http1, upgrade), http2), last);
        for (String chunk : chunks) {
            channel.writeInbound(Unpooled.copiedBuffer(chunk, StandardCharsets.ISO_8859_1));
        }
        String sent = String.join("", chunks);
        assertThat(channel.pipeline().get(PriorKnowledgeDetector.class)).isNull();
        if (protocol.equals("http2")) {
            assertThat(http2.bytes()).isEqualTo(sent);
            assertThat(channel.pipeline().toMap().values()).contains(http2).doesNotContain(http1, upgrade);
            assertThat(last.events).containsExactly(PriorKnowledgeDetector.UPGRADED);
        } else {
            assertThat(http1.bytes()).isEqualTo(sent);
            assertThat(channel.pipeline().toMap().values()).contains(http1, upgrade).doesNotContain(http2);
            assertThat(last.events).isEmpty();
        }
        channel.finishAndReleaseAll();
    }

    /** Keeps the bytes that reach it (and passes none on) and the user events (passed on). */
    private static final class Recorder extends ChannelInboundHandlerAdapter {
        private final String name;
        private final StringBuilder bytes = new StringBuilder();
        private final List<Object> events = new ArrayList<>();

        Recorder(String name) {
            this.name = name;
        }

        String bytes() {
            return bytes.toString();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf buf = (ByteBuf) msg;
            bytes.append(buf.toString(StandardCharsets.ISO_8859_1));
            buf.release();
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            events.add(evt);
            ctx.fireUserEventTriggered(evt);
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
