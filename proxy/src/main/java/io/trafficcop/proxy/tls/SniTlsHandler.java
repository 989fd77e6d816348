package io.trafficcop.proxy.tls;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.SslClientHelloHandler;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first handler of a TLS entry point's pipeline: reads the ClientHello, asks the current snapshot's
 * {@link SniSslContexts} for a context (so a reload applies to the next handshake and never to established
 * connections), and replaces itself with that context's {@link SslHandler}. When no context fits (sniStrict without a
 * matching certificate, broken options, unknown acme-tls/1 domain) the connection is closed.
 *
 * <p>The chosen SNI is stored in the channel attribute {@link TlsConnection#SERVER_NAME}.
 */
public final class SniTlsHandler extends SslClientHelloHandler<SniSslContexts.Selection> {

    private static final Logger LOG = LoggerFactory.getLogger(SniTlsHandler.class);

    private final Supplier<SniSslContexts> contexts;
    private String serverName = "";

    /** @param contexts the current snapshot's contexts of this entry point (read once per handshake) */
    public SniTlsHandler(Supplier<SniSslContexts> contexts) {
        this.contexts = contexts;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) throws Exception {
        super.handlerAdded(ctx);
        if (ctx.channel().isActive() && !ctx.channel().config().isAutoRead()) {
            ctx.read();
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        if (!ctx.channel().config().isAutoRead()) {
            ctx.read(); // entry points read on demand: ask for the ClientHello
        }
        super.channelActive(ctx);
    }

    @Override
    protected Future<SniSslContexts.Selection> lookup(ChannelHandlerContext ctx, ByteBuf clientHello) {
        ClientHello hello = ClientHello.parse(clientHello);
        serverName = hello.serverName();
        SniSslContexts current = contexts.get();
        if (current == null) {
            return ctx.executor().newSucceededFuture(null);
        }
        CompletableFuture<SniSslContexts.Selection> selection = current.select(hello, ctx.channel().localAddress());
        if (selection.isDone() && !selection.isCompletedExceptionally()) {
            return ctx.executor().newSucceededFuture(selection.join());
        }
        // the generated default certificate is not ready yet: Netty holds the reads and completes the handshake
        // set-up on this channel's event loop when it is (the detector's timeout still bounds the wait)
        Promise<SniSslContexts.Selection> promise = ctx.executor().newPromise();
        selection.whenComplete((chosen, failure) -> {
            if (failure == null) {
                promise.trySuccess(chosen);
            } else {
                promise.tryFailure(failure);
            }
        });
        return promise;
    }

    @Override
    protected void onLookupComplete(ChannelHandlerContext ctx, Future<SniSslContexts.Selection> future) {
        SniSslContexts.Selection selection = future.isSuccess() ? future.getNow() : null;
        if (ctx.isRemoved()) {
            return; // the connection closed while the certificate was being generated
        }
        if (selection == null) {
            ctx.close();
            return;
        }
        ctx.channel().attr(TlsConnection.SERVER_NAME).set(serverName);
        ctx.channel().attr(TlsConnection.OPTIONS_NAME).set(selection.optionsName());
        SslHandler ssl = selection.context().newHandler(ctx.alloc());
        if (!selection.jdkNamedGroups().isEmpty() && !ServerTlsOptions.openSsl()) {
            SSLEngine engine = ssl.engine();
            SSLParameters params = engine.getSSLParameters();
            params.setNamedGroups(selection.jdkNamedGroups().toArray(String[]::new));
            engine.setSSLParameters(params);
        }
        try {
            ctx.pipeline().replace(this, SslHandler.class.getName(), ssl);
        } catch (RuntimeException e) {
            // the handshake never started: free the engine's native memory
            io.netty.util.ReferenceCountUtil.safeRelease(ssl.engine());
            throw e;
        }
        if (!ctx.channel().config().isAutoRead()) {
            ctx.read();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("TLS handshake failed on {}: {}", ctx.channel(), cause.toString());
        ctx.close();
    }
}
