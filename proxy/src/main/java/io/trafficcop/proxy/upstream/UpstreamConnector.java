package io.trafficcop.proxy.upstream;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.NetUtil;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import io.trafficcop.proxy.codec.Http1ClientCodec;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Opens connections to backends on the caller's event loop with the servers transport's dialTimeout and
 * TCP_NODELAY: plain HTTP/1.1 for {@code http://}, HTTP/2 with prior knowledge for {@code h2c://}, TLS for
 * {@code https://} (SNI {@code serverName}, host name and {@code peerCertSANs}/{@code peerCertURI} verification) then HTTP/2 when ALPN
 * chose h2, HTTP/1.1 otherwise. The returned promise completes with the channel once its protocol pipeline is in
 * place: an {@link UpstreamConnection} (HTTP/1.1, auto-read off so the exchange reads when the client can take more)
 * or an {@link UpstreamH2Connection} (HTTP/2, whose streams carry exchanges).
 */
public final class UpstreamConnector {

    private static final String DIALING = "dialing";
    private static final int MAX_CHUNK = 64 * 1024;

    private UpstreamConnector() {
    }

    /** Dials {@code target}; {@code allowH2} false keeps a TLS connection on HTTP/1.1 (upgrades, disableHTTP2). */
    public static Promise<Channel> connect(EventLoop loop, Channel inbound, UpstreamTarget target, boolean allowH2) {
        Promise<Channel> ready = loop.newPromise();
        ChannelFuture registered = PreparedBootstrap.of(loop, inbound).register();
        if (registered.isDone()) {
            dial(registered, target, allowH2, ready);
        } else {
            registered.addListener(f -> dial(registered, target, allowH2, ready));
        }
        return ready;
    }

    private static void dial(ChannelFuture registered, UpstreamTarget target, boolean allowH2, Promise<Channel> ready) {
        if (!registered.isSuccess()) {
            ready.tryFailure(registered.cause());
            return;
        }
        Channel ch = registered.channel();
        long dialMillis = target.transport().dialTimeout().toMillis();
        ch.config().setConnectTimeoutMillis(dialMillis <= 0 ? 0 : (int) Math.min(dialMillis, Integer.MAX_VALUE));
        if (target.isTls()) {
            ch.pipeline().addLast("tls", UpstreamSslContexts.newHandler(ch.alloc(), target.transport(), target.host(),
                    target.port(), allowH2));
            // a failed handshake fails the promise; do not let it reach the pipeline's tail too
            ch.pipeline().addLast(DIALING, new ChannelInboundHandlerAdapter() {
                @Override
                public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                    ctx.close();
                }
            });
        }
        InetAddress literal = NetUtil.createInetAddressFromIpAddressString(target.host());
        if (literal != null) {
            // an IP literal (the usual server URL, and Kubernetes endpoints): no lookup, no hop to the DNS threads
            connect(ch, new InetSocketAddress(literal, target.port()), target, ready);
            return;
        }
        // resolved off the event loop (a slow DNS answer must not stall the loop); the JDK caches the answers
        Future<InetSocketAddress> resolved = OffLoopAddressResolverGroup.INSTANCE.getResolver(ch.eventLoop())
                .resolve(InetSocketAddress.createUnresolved(target.host(), target.port()));
        resolved.addListener(f -> {
            if (!f.isSuccess()) {
                ch.close();
                ready.tryFailure(f.cause());
                return;
            }
            connect(ch, resolved.getNow(), target, ready); // Channel.connect hands over to the channel's loop
        });
    }

    private static void connect(Channel ch, InetSocketAddress address, UpstreamTarget target, Promise<Channel> ready) {
        ChannelFuture connected = ch.connect(address);
        connected.addListener(f -> {
            if (!f.isSuccess()) {
                ch.close();
                ready.tryFailure(f.cause());
                return;
            }
            if (!target.isTls()) {
                if (target.isH2c()) {
                    UpstreamH2Connection.configure(ch, target);
                } else {
                    configureHttp1(ch, target);
                }
                ready.trySuccess(ch);
                return;
            }
            SslHandler ssl = ch.pipeline().get(SslHandler.class);
            ssl.handshakeFuture().addListener(h -> {
                if (!h.isSuccess()) {
                    ch.close();
                    ready.tryFailure(h.cause());
                    return;
                }
                ch.pipeline().remove(DIALING);
                try {
                    UpstreamSslContexts.verifyPeer(ssl.engine().getSession(), target.transport());
                } catch (javax.net.ssl.SSLException e) {
                    ch.close();
                    ready.tryFailure(e);
                    return;
                }
                if (ApplicationProtocolNames.HTTP_2.equals(ssl.applicationProtocol())) {
                    UpstreamH2Connection.configure(ch, target);
                } else {
                    configureHttp1(ch, target);
                }
                ready.trySuccess(ch);
            });
            ch.read(); // auto-read is off: let the handshake in
        });
    }

    private static void configureHttp1(Channel ch, UpstreamTarget target) {
        ChannelPipeline p = ch.pipeline();
        // no idle handler: idleConnTimeout is the pool's (IdleConnections), one timer per pool instead of per connection
        new Http1ClientCodec(new HttpDecoderConfig()
                .setMaxChunkSize(MAX_CHUNK)
                .setMaxHeaderSize(64 * 1024)
                .setValidateHeaders(false)).addTo(p);
        p.addLast("upstream", new UpstreamConnection(target));
    }
}
