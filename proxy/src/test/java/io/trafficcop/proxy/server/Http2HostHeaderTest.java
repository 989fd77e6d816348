package io.trafficcop.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.util.ReferenceCountUtil;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An HTTP/2 request with both {@code :authority} and {@code host} (as h2load sends) is served with the authority. */
class Http2HostHeaderTest {

    @ParameterizedTest
    @CsvSource({"example.com,example.com,example.com", "example.com,,example.com", "example.com,other.com,example.com"})
    void theAuthorityIsTheHost(String authority, String host, String expected) {
        EmbeddedChannel channel = new EmbeddedChannel(Http2HostHeader.INSTANCE,
                new Http2StreamFrameToHttpObjectCodec(true, false));
        DefaultHttp2Headers headers = new DefaultHttp2Headers();
        headers.method("GET").path("/").scheme("http").authority(authority);
        if (host != null) {
            headers.add(HttpHeaderNames.HOST, host);
        }
        channel.writeInbound(new DefaultHttp2HeadersFrame(headers, true));
        Object request = channel.readInbound();
        try {
            assertThat(request).isInstanceOf(HttpRequest.class);
            assertThat(((HttpRequest) request).headers().getAll(HttpHeaderNames.HOST)).containsExactly(expected);
        } finally {
            ReferenceCountUtil.release(request);
            channel.finishAndReleaseAll();
        }
    }
}
