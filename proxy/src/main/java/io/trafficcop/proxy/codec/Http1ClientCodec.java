package io.trafficcop.proxy.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.List;

/**
 * A backend connection's HTTP/1.1 codec: our request encoder and response decoder ({@link Http1RequestEncoder},
 * {@link Http1ResponseDecoder}), paired as Netty's {@code HttpClientCodec} pairs them. Each response is matched with
 * its request's method: a response to HEAD has no body; after a 2xx to CONNECT the connection is a tunnel and its bytes
 * are passed on as they come. An interim response (1xx other than 101) does not use up its request's method.
 *
 * <p>The two are handlers of their own in the pipeline ({@link #handlers()}, named {@link #DECODER} and
 * {@link #ENCODER}), not one combined handler: every message crosses one handler less each way.
 */
public final class Http1ClientCodec {

    public static final String DECODER = "http1-response-decoder";
    public static final String ENCODER = "http1-request-encoder";

    /** The methods of the requests sent and not yet answered, oldest first. */
    private final ArrayDeque<HttpMethod> methods = new ArrayDeque<>(4);
    private final ResponseDecoder decoder;
    private final RequestEncoder encoder;
    private boolean tunnel;

    public Http1ClientCodec(HttpDecoderConfig config) {
        decoder = new ResponseDecoder(config);
        encoder = new RequestEncoder();
    }

    /** The decoder then the encoder, to be added to a pipeline in that order. */
    public ChannelHandler[] handlers() {
        return new ChannelHandler[] {decoder, encoder};
    }

    /** Adds the codec at the end of {@code pipeline}. */
    public void addTo(ChannelPipeline pipeline) {
        pipeline.addLast(DECODER, decoder).addLast(ENCODER, encoder);
    }

    /** Takes the codec out of a pipeline (a connection relaying another protocol after a 101). */
    public static void removeFrom(ChannelPipeline pipeline) {
        pipeline.remove(DECODER);
        pipeline.remove(ENCODER);
    }

    private final class RequestEncoder extends Http1RequestEncoder {

        @Override
        protected void encode(ChannelHandlerContext ctx, Object msg, List<Object> out) throws Exception {
            if (msg instanceof HttpRequest request) {
                methods.add(request.method());
            }
            super.encode(ctx, msg, out);
        }
    }

    private final class ResponseDecoder extends Http1ResponseDecoder {

        ResponseDecoder(HttpDecoderConfig config) {
            super(config);
        }

        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf buffer, List<Object> out) throws Exception {
            if (!tunnel) {
                super.decode(ctx, buffer, out);
            } else if (buffer.isReadable()) {
                out.add(buffer.readRetainedSlice(buffer.readableBytes()));
            }
        }

        @Override
        protected boolean isContentAlwaysEmpty(HttpMessage message) {
            int code = ((HttpResponse) message).status().code();
            if (code >= 100 && code < 200 && code != 101) {
                return super.isContentAlwaysEmpty(message);
            }
            HttpMethod method = methods.poll();
            if (HttpMethod.HEAD.equals(method)) {
                return true;
            }
            if (HttpMethod.CONNECT.equals(method) && code >= 200 && code < 300) {
                tunnel = true;
                methods.clear();
                return true;
            }
            return super.isContentAlwaysEmpty(message);
        }
    }
}
