package io.trafficcop.proxy.tls;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import java.util.function.Consumer;

/**
 * Follows {@link SniTlsHandler}: once the handshake completes, installs the HTTP/2 pipeline for ALPN {@code h2} and the
 * HTTP/1.1 pipeline otherwise (no ALPN, or {@code http/1.1}). An {@code acme-tls/1} connection only proves the
 * challenge certificate during the handshake and is closed.
 */
public final class AlpnHandler extends ApplicationProtocolNegotiationHandler {

    private final Consumer<ChannelPipeline> http2;
    private final Consumer<ChannelPipeline> http1;

    /**
     * @param http2 adds the HTTP/2 handlers to the pipeline (after this handler, which removes itself)
     * @param http1 adds the HTTP/1.1 handlers
     */
    public AlpnHandler(Consumer<ChannelPipeline> http2, Consumer<ChannelPipeline> http1) {
        super(ApplicationProtocolNames.HTTP_1_1);
        this.http2 = http2;
        this.http1 = http1;
    }

    @Override
    protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
        if (TlsAlpnChallengeCertificates.ACME_TLS_1.equals(protocol)) {
            ctx.close();
            return;
        }
        if (ApplicationProtocolNames.HTTP_2.equals(protocol)) {
            http2.accept(ctx.pipeline());
        } else {
            http1.accept(ctx.pipeline());
        }
        if (!ctx.channel().config().isAutoRead()) {
            ctx.read();
        }
    }

    @Override
    protected void handshakeFailure(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close(); // a failed handshake is the client's problem: no stack trace in the logs
    }
}
