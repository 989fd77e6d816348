package io.trafficcop.proxy.service.healthcheck;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamChannelBootstrap;
import io.netty.handler.codec.http2.Http2StreamFrame;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * Traefik's gRPC health check ({@code healthCheck.mode: grpc}): the gRPC health-checking protocol's
 * {@code grpc.health.v1.Health/Check} with an empty {@code HealthCheckRequest} (service ""), over HTTP/2 with prior
 * knowledge (schemes http, h2c or none; Traefik dials insecure for those), on the server's port or {@code port}.
 * Healthy when the call ends with grpc-status 0 and the response's {@code status} field is SERVING (1). The two
 * protobuf messages are a few bytes and are encoded by hand.
 */
final class GrpcHealthProbe implements HealthProbe {

    static final String PATH = "/grpc.health.v1.Health/Check";
    static final int SERVING = 1;

    private final HealthCheckSettings settings;
    private final Class<? extends SocketChannel> channelType;

    GrpcHealthProbe(HealthCheckSettings settings, Class<? extends SocketChannel> channelType) {
        this.settings = settings;
        this.channelType = channelType;
    }

    @Override
    public Future<String> check(EventLoop loop, URI server) {
        Promise<String> promise = loop.newPromise();
        int port = settings.port() != 0 ? settings.port() : server.getPort() > 0 ? server.getPort()
                : "https".equalsIgnoreCase(server.getScheme()) ? 443 : 80;
        String host = server.getHost();
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
        }
        String authority = (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
        long timeoutMillis = settings.timeout().toMillis();
        Bootstrap b = new Bootstrap().group(loop).channel(channelType)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.max(1, timeoutMillis))
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(Http2FrameCodecBuilder.forClient().build());
                        ch.pipeline().addLast(new Http2MultiplexHandler(new ChannelInboundHandlerAdapter()));
                    }
                });
        var timeout = loop.schedule(() -> promise.trySuccess("gRPC health check timeout after "
                + settings.timeout()), timeoutMillis, TimeUnit.MILLISECONDS);
        b.connect(new InetSocketAddress(host, port)).addListener(f -> {
            if (!f.isSuccess()) {
                promise.trySuccess("fail to connect to " + authority + ": " + f.cause());
                return;
            }
            Channel parent = ((io.netty.channel.ChannelFuture) f).channel();
            promise.addListener(p -> {
                timeout.cancel(false);
                parent.close();
            });
            new Http2StreamChannelBootstrap(parent).handler(new CallHandler(promise)).open().addListener(s -> {
                if (!s.isSuccess()) {
                    promise.trySuccess("gRPC health check failed: " + s.cause());
                    return;
                }
                Http2StreamChannel stream = (Http2StreamChannel) s.getNow();
                Http2Headers headers = new DefaultHttp2Headers()
                        .method("POST").scheme("http").path(PATH).authority(
                                settings.hostname().isEmpty() ? authority : settings.hostname())
                        .add("content-type", "application/grpc")
                        .add("te", "trailers")
                        .add("user-agent", "trafficcop-health");
                stream.write(new DefaultHttp2HeadersFrame(headers, false));
                // length-prefixed message: not compressed, length 0 (an empty HealthCheckRequest)
                ByteBuf message = stream.alloc().buffer(5).writeByte(0).writeInt(0);
                stream.writeAndFlush(new DefaultHttp2DataFrame(message, true));
            });
        });
        return promise;
    }

    /** Reads the response of the Check call: headers, one length-prefixed message, trailers. */
    private static final class CallHandler extends SimpleChannelInboundHandler<Http2StreamFrame> {

        private final Promise<String> promise;
        private int servingStatus = -1;
        private String grpcStatus;
        private String grpcMessage;

        CallHandler(Promise<String> promise) {
            this.promise = promise;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Http2StreamFrame frame) {
            boolean end = false;
            if (frame instanceof Http2HeadersFrame h) {
                CharSequence st = h.headers().get("grpc-status");
                if (st != null) {
                    grpcStatus = st.toString();
                    CharSequence m = h.headers().get("grpc-message");
                    grpcMessage = m == null ? "" : m.toString();
                }
                CharSequence httpStatus = h.headers().status();
                if (httpStatus != null && !"200".contentEquals(httpStatus)) {
                    promise.trySuccess("gRPC health check failed: HTTP status " + httpStatus);
                    return;
                }
                end = h.isEndStream();
            } else if (frame instanceof Http2DataFrame d) {
                parseMessage(d.content());
                end = d.isEndStream();
            }
            if (end) {
                finish();
            }
        }

        private void parseMessage(ByteBuf buf) {
            if (buf.readableBytes() < 5) {
                return;
            }
            buf.skipBytes(5); // compressed flag + length
            // HealthCheckResponse { ServingStatus status = 1; } — tag 0x08 then a varint
            while (buf.isReadable()) {
                int tag = (int) readVarint(buf);
                int wireType = tag & 7;
                if (tag >>> 3 == 1 && wireType == 0) {
                    servingStatus = (int) readVarint(buf);
                } else if (wireType == 0) {
                    readVarint(buf);
                } else if (wireType == 2) {
                    buf.skipBytes((int) Math.min(readVarint(buf), buf.readableBytes()));
                } else {
                    return;
                }
            }
        }

        private static long readVarint(ByteBuf buf) {
            long value = 0;
            for (int shift = 0; shift < 64 && buf.isReadable(); shift += 7) {
                byte b = buf.readByte();
                value |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    break;
                }
            }
            return value;
        }

        private void finish() {
            if (grpcStatus == null) {
                promise.trySuccess("gRPC health check failed: no grpc-status");
            } else if (grpcStatus.equals("12")) {
                promise.trySuccess("gRPC server does not implement the health protocol: " + grpcMessage);
            } else if (!grpcStatus.equals("0")) {
                promise.trySuccess("gRPC health check failed: grpc-status " + grpcStatus + " " + grpcMessage);
            } else if (servingStatus != SERVING) {
                promise.trySuccess("received gRPC status code: " + servingName(servingStatus));
            } else {
                promise.trySuccess(null);
            }
        }

        private static String servingName(int status) {
            return switch (status) {
                case 0, -1 -> "UNKNOWN";
                case 2 -> "NOT_SERVING";
                case 3 -> "SERVICE_UNKNOWN";
                default -> String.valueOf(status);
            };
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            promise.trySuccess("gRPC health check failed: stream closed");
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            promise.trySuccess("gRPC health check failed: " + cause);
            ctx.close();
        }
    }
}
