package io.trafficcop.proxy.tls;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Traefik serves TLS and plain HTTP on the same entry point (its TCP router peeks at the first bytes): this handler
 * reads the first byte, then installs {@link SniTlsHandler} + {@link AlpnHandler} for a TLS client hello and the plain
 * HTTP pipeline otherwise, and removes itself (handing the bytes read so far to the new handlers).
 *
 * <p>The first byte decides, as Traefik's {@code clientHelloInfo}: a TLS handshake record (0x16), or what looks like
 * an SSLv2 hello (0x80, refused by the handshake then), is TLS; anything else is plain. (Netty's
 * {@code SslHandler.isEncrypted} would also do, but initialising {@code SslHandler} creates a JDK {@code SSLContext}:
 * ~300 classes and 0.05-0.1 CPU-second on the first connection of a proxy that may never see TLS.)
 */
public final class TlsDetector extends ByteToMessageDecoder {

    /** TLS record content type of a handshake. */
    private static final int RECORD_TYPE_HANDSHAKE = 0x16;
    /** First byte of an SSLv2 client hello (a 2-byte record length with its top bit set). */
    private static final int RECORD_TYPE_SSLV2 = 0x80;

    private final Supplier<SniSslContexts> contexts;
    private final Consumer<ChannelPipeline> http2;
    private final Consumer<ChannelPipeline> http1Secure;
    private final Consumer<ChannelPipeline> plain;
    private final long timeoutNanos;
    private io.netty.util.concurrent.ScheduledFuture<?> timeout;

    /**
     * @param contexts    the entry point's contexts of the current snapshot
     * @param http2       adds the HTTP/2 handlers after ALPN h2
     * @param http1Secure adds the HTTP/1.1 handlers of a TLS connection
     * @param plain       adds the handlers of a plain connection (HTTP/1.1, h2c)
     * @param timeout     closes connections that have not sent their first bytes, or whose ClientHello is not
     *                    complete, within this time (the entry point's readTimeout; zero: never). The TLS handshake
     *                    itself is bounded by the SslHandler's handshake timeout.
     */
    public TlsDetector(Supplier<SniSslContexts> contexts, Consumer<ChannelPipeline> http2,
                       Consumer<ChannelPipeline> http1Secure, Consumer<ChannelPipeline> plain,
                       java.time.Duration timeout) {
        this.contexts = contexts;
        this.http2 = http2;
        this.http1Secure = http1Secure;
        this.plain = plain;
        this.timeoutNanos = timeout == null ? 0 : timeout.toNanos();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        super.channelActive(ctx);
        if (!ctx.channel().config().isAutoRead()) {
            ctx.read();
        }
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) throws Exception {
        if (timeoutNanos > 0) {
            ChannelPipeline p = ctx.pipeline();
            timeout = ctx.executor().schedule(() -> {
                // still detecting, or still waiting for the rest of the ClientHello
                if (p.get(TlsDetector.class) != null || p.get(SniTlsHandler.class) != null) {
                    p.channel().close();
                }
            }, timeoutNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
            p.channel().closeFuture().addListener(f -> timeout.cancel(false));
        }
        if (ctx.channel().isActive() && !ctx.channel().config().isAutoRead()) {
            ctx.read();
        }
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (!in.isReadable()) {
            if (!ctx.channel().config().isAutoRead()) {
                ctx.read();
            }
            return;
        }
        ChannelPipeline p = ctx.pipeline();
        String self = ctx.name();
        if (isTls(in.getUnsignedByte(in.readerIndex()))) {
            p.addAfter(self, "alpn", new AlpnHandler(http2, http1Secure));
            p.addAfter(self, "sni", new SniTlsHandler(contexts));
        } else {
            plain.accept(p);
            if (timeout != null) {
                timeout.cancel(false); // the HTTP handlers enforce their own timeouts from here
            }
        }
        p.remove(this);
    }

    /** Traefik's rule on the first byte of a connection. */
    static boolean isTls(int firstByte) {
        return firstByte == RECORD_TYPE_HANDSHAKE || firstByte == RECORD_TYPE_SSLV2;
    }
}
