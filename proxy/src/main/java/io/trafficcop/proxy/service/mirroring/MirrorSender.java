package io.trafficcop.proxy.service.mirroring;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.trafficcop.proxy.service.BalancedServer;
import io.trafficcop.proxy.upstream.UpstreamConnector;
import io.trafficcop.proxy.upstream.UpstreamTarget;
import java.util.concurrent.TimeUnit;

/**
 * Sends one mirrored request to one server and discards the answer (Traefik's black-hole response writer): a
 * connection of its own on the client's event loop, dialled as proxied requests are (the servers transport's TLS
 * settings for {@code https://}, its dial timeout, host names resolved off the event loop), closed after the response,
 * and bounded by {@code timeout} overall. Counted in the server's stats like any request.
 */
final class MirrorSender {

    private MirrorSender() {
    }

    /** Sends {@code request} (ownership taken) to {@code server}; {@code done} runs once when it is over. */
    static void send(EventLoop loop, Channel inbound, BalancedServer server, FullHttpRequest request, long timeoutMillis,
                     Runnable done) {
        UpstreamTarget target = server.server().target();
        long start = System.nanoTime();
        server.stats().begin();
        int[] status = {0};
        boolean[] finished = {false};
        Runnable finish = () -> {
            if (!finished[0]) {
                finished[0] = true;
                server.stats().end(status[0] == 0 ? 502 : status[0], System.nanoTime() - start);
                done.run();
            }
        };
        if (target.isH2c()) {
            // a copy is one HTTP/1.1 request on a connection of its own: h2c servers (as Go's) answer HTTP/1.1 too
            target = new UpstreamTarget(target.url(), "http", target.host(), target.port(), target.authority(),
                    target.rawPath(), target.transport());
        }
        // the whole mirror, dial included, is bounded by the timeout: past it the mirror is over (and counted), and a
        // connection that completes later is closed unused
        var dialed = UpstreamConnector.connect(loop, inbound, target, false);
        boolean[] timedOut = {false};
        var timer = loop.schedule(() -> {
            timedOut[0] = true;
            if (dialed.isSuccess()) {
                dialed.getNow().close();
            } else {
                finish.run();
            }
        }, timeoutMillis, TimeUnit.MILLISECONDS);
        dialed.addListener(f -> {
            if (!f.isSuccess() || timedOut[0]) {
                timer.cancel(false);
                ReferenceCountUtil.release(request);
                if (f.isSuccess()) {
                    dialed.getNow().close();
                }
                finish.run();
                return;
            }
            Channel ch = dialed.getNow();
            // the connector's exchange handler serves pooled requests; a mirror only counts the status and discards
            ch.pipeline().replace("upstream", "mirror", new ResponseSink(status));
            ch.closeFuture().addListener(c -> {
                timer.cancel(false);
                finish.run();
            });
            ch.config().setAutoRead(true); // the connector dials with auto-read off
            ch.writeAndFlush(request);
        });
    }

    /** Records the mirror's status and closes the connection once its response is complete. */
    private static final class ResponseSink extends SimpleChannelInboundHandler<HttpObject> {
        private final int[] status;

        ResponseSink(int[] status) {
            this.status = status;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
            if (msg instanceof HttpResponse r) {
                status[0] = r.status().code();
            }
            if (msg instanceof LastHttpContent && status[0] >= 200) {
                ctx.close();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
