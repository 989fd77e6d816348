package io.trafficcop.proxy.codec;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpResponseStatus;

/** Netty's response encoder, with the status line and header block written through {@link HeadBytes}. */
class Http1ResponseEncoder extends HttpResponseEncoder {

    @Override
    protected void encodeInitialLine(ByteBuf buf, HttpResponse response) {
        HttpResponseStatus status = response.status();
        HeadBytes.start()
                .text(response.protocolVersion().text()).space()
                .text(status.codeAsText()).space()
                .text(status.reasonPhrase()).crlf()
                .writeTo(buf);
    }

    @Override
    protected void encodeHeaders(HttpHeaders headers, ByteBuf buf) {
        HeadBytes.start().headers(headers).writeTo(buf);
    }
}
