package io.trafficcop.proxy.codec;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestEncoder;

/**
 * Netty's request encoder, with the request line and header block written through {@link HeadBytes}. A request-target
 * in origin form ('/'...) of ASCII characters (what a proxy forwards) is written as is; any other (absolute form without
 * a path, non-ASCII characters, which Netty encodes as UTF-8) is left to Netty.
 */
class Http1RequestEncoder extends HttpRequestEncoder {

    @Override
    protected void encodeInitialLine(ByteBuf buf, HttpRequest request) throws Exception {
        String uri = request.uri();
        if (!isAsciiOriginForm(uri)) {
            super.encodeInitialLine(buf, request);
            return;
        }
        HeadBytes.start()
                .text(request.method().asciiName()).space()
                .text(uri).space()
                .text(request.protocolVersion().text()).crlf()
                .writeTo(buf);
    }

    @Override
    protected void encodeHeaders(HttpHeaders headers, ByteBuf buf) {
        HeadBytes.start().headers(headers).writeTo(buf);
    }

    static boolean isAsciiOriginForm(String uri) {
        int n = uri.length();
        if (n == 0 || uri.charAt(0) != '/') {
            return false;
        }
        for (int i = 1; i < n; i++) {
            if (uri.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
