package io.trafficcop.proxy.middleware.forwardauth;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.TooLongHttpContentException;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * A non-blocking HTTP/1.1 client for the authentication server: one connection per auth request, opened on the
 * client exchange's event loop (so the answer is handled on that loop), the response aggregated up to
 * {@code maxResponseBodySize}. Redirects are never followed (Traefik's CheckRedirect returns ErrUseLastResponse);
 * the whole call is bounded by Traefik's 30 s client timeout.
 */
final class AuthClient {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** What becomes of one auth call; exactly one method is called, on the event loop. */
    interface Callback {

        /** Ownership of the response passes to the callback. */
        void onResponse(FullHttpResponse response);

        void onResponseTooLarge();

        void onError(Throwable cause);
    }

    private final String host;
    private final int port;
    private final SslContext ssl;
    private final boolean verifyHostname;
    private final int maxResponseBody;
    private final Duration timeout;

    /**
     * @param maxResponseBodySize negative for unlimited
     */
    AuthClient(String host, int port, SslContext ssl, boolean verifyHostname, long maxResponseBodySize,
               Duration timeout) {
        this.host = host;
        this.port = port;
        this.ssl = ssl;
        this.verifyHostname = verifyHostname;
        this.maxResponseBody = maxResponseBodySize < 0 ? Integer.MAX_VALUE
                : (int) Math.min(maxResponseBodySize, Integer.MAX_VALUE);
        this.timeout = timeout;
    }

    /** Sends {@code request} (ownership passes here) and returns the connection, to close when the client leaves. */
    Channel send(EventLoop loop, Channel inbound, FullHttpRequest request, Callback callback) {
        Channel root = inbound.parent() != null && !(inbound instanceof SocketChannel) ? inbound.parent() : inbound;
        Class<? extends Channel> type = root instanceof EpollSocketChannel ? EpollSocketChannel.class
                : NioSocketChannel.class;
        Call call = new Call(callback);
        Bootstrap bootstrap = new Bootstrap()
                .group(loop)
                .channel(type)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout.toMillis())
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        var p = ch.pipeline();
                        if (ssl != null) {
                            SslHandler handler = ssl.newHandler(ch.alloc(), host, port);
                            if (verifyHostname) {
                                SSLEngine engine = handler.engine();
                                SSLParameters params = engine.getSSLParameters();
                                params.setEndpointIdentificationAlgorithm("HTTPS");
                                engine.setSSLParameters(params);
                            }
                            p.addLast(handler);
                        }
                        p.addLast(new HttpClientCodec());
                        p.addLast(new HttpObjectAggregator(maxResponseBody));
                        p.addLast(call);
                    }
                });
        ChannelFuture connect = bootstrap.connect(new InetSocketAddress(host, port));
        Channel channel = connect.channel();
        call.timer = loop.schedule(() -> {
            call.fail(new TimeoutException("auth request timed out after " + timeout));
            channel.close();
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        connect.addListener(f -> {
            if (!f.isSuccess()) {
                request.release();
                call.fail(f.cause());
                return;
            }
            channel.writeAndFlush(request).addListener(w -> {
                if (!w.isSuccess()) {
                    call.fail(w.cause());
                    channel.close();
                }
            });
        });
        return channel;
    }

    private static final class Call extends SimpleChannelInboundHandler<FullHttpResponse> {

        private final Callback callback;
        private ScheduledFuture<?> timer;
        private boolean done;

        Call(Callback callback) {
            super(false);
            this.callback = callback;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
            if (done) {
                response.release();
                return;
            }
            finish();
            ctx.close();
            callback.onResponse(response);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (cause instanceof TooLongHttpContentException) {
                if (!done) {
                    finish();
                    callback.onResponseTooLarge();
                }
            } else {
                fail(cause);
            }
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            fail(new ClosedChannelException());
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            if (done) {
                ReferenceCountUtil.release(msg);
                return;
            }
            super.channelRead(ctx, msg);
        }

        void fail(Throwable cause) {
            if (done) {
                return;
            }
            finish();
            callback.onError(cause instanceof IOException || cause instanceof TimeoutException ? cause
                    : new IOException(cause));
        }

        private void finish() {
            done = true;
            if (timer != null) {
                timer.cancel(false);
            }
        }
    }
}
