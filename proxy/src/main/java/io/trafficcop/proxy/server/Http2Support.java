package io.trafficcop.proxy.server;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpServerUpgradeHandler;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2ServerUpgradeCodec;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.util.AsciiString;
import io.trafficcop.proxy.http.EntryPointContext;

/**
 * HTTP/2 for an entry point: a frame codec with {@code http2.maxConcurrentStreams} and a multiplexer giving each
 * stream its own child channel whose pipeline converts frames to HTTP objects and serves them with the same
 * exchange handler as HTTP/1.1. Stream channels have auto-read off, so HTTP/2 flow control applies the
 * back-pressure. Used for prior knowledge, h2c upgrade and (later) ALPN "h2" after TLS.
 */
final class Http2Support {

    private final EntryPointContext entryPoint;
    private final ServerState state;

    Http2Support(EntryPointContext entryPoint, ServerState state) {
        this.entryPoint = entryPoint;
        this.state = state;
    }

    Http2FrameCodec frameCodec() {
        long grace = entryPoint.settings().lifeCycle().graceTimeOut().toMillis();
        return Http2FrameCodecBuilder.forServer()
                .initialSettings(Http2Settings.defaultSettings()
                        .maxConcurrentStreams(entryPoint.settings().http2MaxConcurrentStreams()))
                .gracefulShutdownTimeoutMillis(grace)
                .build();
    }

    Http2MultiplexHandler multiplexer(boolean secure) {
        return new Http2MultiplexHandler(new ChannelInitializer<Http2StreamChannel>() {
            @Override
            protected void initChannel(Http2StreamChannel ch) {
                ch.config().setAutoRead(false);
                ch.pipeline().addLast(Http2HostHeader.INSTANCE);
                ch.pipeline().addLast(new Http2StreamFrameToHttpObjectCodec(true, false));
                ch.pipeline().addLast(new HttpExchangeHandler(entryPoint, state, true, secure));
            }
        });
    }

    /** The handler installed when a client opens with the HTTP/2 preface (prior knowledge, or ALPN h2). */
    ChannelHandler connectionHandler(boolean secure) {
        return new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
                ch.pipeline().addLast(frameCodec(), multiplexer(secure));
            }
        };
    }

    /** Answers "Upgrade: h2c" on HTTP/1.1 connections. */
    HttpServerUpgradeHandler.UpgradeCodecFactory upgradeCodecFactory() {
        return protocol -> AsciiString.contentEquals(Http2CodecUtil.HTTP_UPGRADE_PROTOCOL_NAME, protocol)
                ? new Http2ServerUpgradeCodec(frameCodec(), multiplexer(false))
                : null;
    }
}
