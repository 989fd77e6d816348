package io.trafficcop.proxy.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpServerUpgradeHandler;
import io.netty.handler.codec.http.HttpStatusClass;
import java.util.ArrayDeque;
import java.util.List;

/**
 * An entry point's HTTP/1.1 codec: Netty's request decoder and our response encoder ({@link Http1ResponseEncoder}),
 * paired as Netty's {@code HttpServerCodec} pairs them. Each response is matched with its request's method: a response
 * to HEAD has no body, a 2xx to CONNECT loses its Transfer-Encoding. An interim response (1xx other than 101) belongs
 * to the request still waiting for its final response, so it does not use up that request's method.
 *
 * <p>The two are handlers of their own in the pipeline ({@link #handlers()}), not one combined handler: every message
 * crosses one handler less each way.
 */
public final class Http1ServerCodec implements HttpServerUpgradeHandler.SourceCodec {

    /** The methods of the requests not yet answered, oldest first (pipelined requests queue up). */
    private final ArrayDeque<HttpMethod> methods = new ArrayDeque<>(4);
    private final RequestDecoder decoder;
    private final ResponseEncoder encoder;

    public Http1ServerCodec(HttpDecoderConfig config) {
        decoder = new RequestDecoder(config);
        encoder = new ResponseEncoder();
    }

    /** The decoder then the encoder, to be added to a pipeline in that order. */
    public ChannelHandler[] handlers() {
        return new ChannelHandler[] {decoder, encoder};
    }

    /** Takes the codec out of a pipeline (a connection relaying another protocol after a 101). */
    public static void removeFrom(ChannelPipeline pipeline) {
        pipeline.remove(RequestDecoder.class);
        pipeline.remove(ResponseEncoder.class);
    }

    /** HTTP/2 by upgrade (h2c): the codec goes, as {@link #removeFrom}. */
    @Override
    public void upgradeFrom(ChannelHandlerContext ctx) {
        removeFrom(ctx.pipeline());
    }

    private final class RequestDecoder extends HttpRequestDecoder {

        RequestDecoder(HttpDecoderConfig config) {
            super(config);
        }

        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf buffer, List<Object> out) throws Exception {
            int before = out.size();
            super.decode(ctx, buffer, out);
            for (int i = before; i < out.size(); i++) {
                if (out.get(i) instanceof HttpRequest request) {
                    methods.add(request.method());
                }
            }
        }
    }

    private final class ResponseEncoder extends Http1ResponseEncoder {

        private HttpMethod method;

        @Override
        protected boolean isContentAlwaysEmpty(HttpResponse response) {
            int code = response.status().code();
            method = code >= 100 && code < 200 && code != 101 ? methods.peek() : methods.poll();
            return HttpMethod.HEAD.equals(method) || super.isContentAlwaysEmpty(response);
        }

        @Override
        protected void sanitizeHeadersBeforeEncode(HttpResponse response, boolean isAlwaysEmpty) {
            if (!isAlwaysEmpty && HttpMethod.CONNECT.equals(method)
                    && response.status().codeClass() == HttpStatusClass.SUCCESS) {
                response.headers().remove(HttpHeaderNames.TRANSFER_ENCODING); // RFC 9112 6.1: a tunnel has no framing
                return;
            }
            super.sanitizeHeadersBeforeEncode(response, isAlwaysEmpty);
        }
    }
}
