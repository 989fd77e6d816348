package io.trafficcop.proxy.middleware;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.trafficcop.proxy.http.Exchange;

/**
 * Small text responses as Traefik's middlewares write them. Go's net/http sniffs the type of a body written
 * without a Content-Type ("text/plain; charset=utf-8" for text) and adds no X-Content-Type-Options, unlike
 * {@code http.Error} (which {@link Exchange#respond(HttpResponseStatus, CharSequence)} mirrors).
 */
public final class TextResponses {

    /** What Go's content sniffing yields for a plain text body. */
    public static final String SNIFFED_TEXT = "text/plain; charset=utf-8";

    private TextResponses() {
    }

    /**
     * A response with the given status, Content-Type and body; the caller may add headers before
     * {@link Exchange#respond(FullHttpResponse)}.
     */
    public static FullHttpResponse of(Exchange exchange, HttpResponseStatus status, String contentType,
                                      CharSequence body) {
        var content = body.isEmpty() ? Unpooled.EMPTY_BUFFER : ByteBufUtil.writeUtf8(exchange.context().alloc(), body);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, content);
        if (contentType != null) {
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        }
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
        return response;
    }

    /** Go's {@code rw.WriteHeader(code); rw.Write(body)}: the sniffed text type, no nosniff. */
    public static void written(Exchange exchange, HttpResponseStatus status, CharSequence body) {
        exchange.respond(of(exchange, status, body.isEmpty() ? null : SNIFFED_TEXT, body));
    }
}
