package io.trafficcop.proxy.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerUpgradeHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.trafficcop.proxy.codec.Http1ServerCodec;
import io.trafficcop.proxy.http.EntryPointContext;
import io.trafficcop.proxy.runtime.EntryPointSettings;
import io.trafficcop.proxy.tls.TlsDetector;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Traefik entry point ({@code entryPoints.<name>}): a listening socket whose connections speak HTTP/1.1 with
 * keep-alive, or HTTP/2 cleartext by prior knowledge or by "Upgrade: h2c". Tracks its connections for graceful
 * shutdown ({@code transport.lifeCycle}).
 */
final class EntryPoint {

    private static final Logger LOG = LoggerFactory.getLogger(EntryPoint.class);
    static final int MAX_CHUNK = 64 * 1024;
    private static final int MAX_HEADER_SIZE = 1024 * 1024; // Go's http.DefaultMaxHeaderBytes
    private static final int MAX_UPGRADE_BODY = 64 * 1024;

    private final EntryPointSettings settings;
    private final EntryPointContext context;
    private final ServerState state;
    private final Http2Support http2;
    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private Channel serverChannel;

    EntryPoint(EntryPointSettings settings, ServerState state, String hostname,
               io.trafficcop.proxy.http.ExchangeObserver observer) {
        this.settings = settings;
        this.context = new EntryPointContext(settings, hostname, observer);
        this.state = state;
        this.http2 = new Http2Support(context, state);
    }

    String name() {
        return settings.name();
    }

    EntryPointSettings settings() {
        return settings;
    }

    void bind(EventLoops loops) throws InterruptedException {
        InetSocketAddress address = BindAddress.parse(settings.address());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(loops.boss(), loops.workers())
                .channel(loops.serverChannelType())
                .option(ChannelOption.SO_BACKLOG, 4096)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.AUTO_READ, false)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(64 * 1024, 256 * 1024))
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        initConnection(ch);
                    }
                });
        serverChannel = bootstrap.bind(address).sync().channel();
        LOG.info("entry point {} listening on {}", settings.name(), serverChannel.localAddress());
    }

    private void initConnection(Channel ch) {
        connections.add(ch);
        var p = ch.pipeline();
        // Traefik serves TLS and plain HTTP on every entry point: the detector picks by the first bytes, TLS gets the
        // SNI-chosen context of the current snapshot (a reload applies to the next handshake) then ALPN h2 | http/1.1.
        p.addLast(new TlsDetector(() -> state.snapshot().tls(settings.name()),
                pipeline -> pipeline.addLast(http2.connectionHandler(true)),
                pipeline -> pipeline.addLast(newCodec().handlers())
                        .addLast(new HttpExchangeHandler(context, state, false, true)),
                this::initPlain, settings.respondingTimeouts().readTimeout()));
    }

    private static Http1ServerCodec newCodec() {
        return new Http1ServerCodec(new HttpDecoderConfig()
                .setMaxInitialLineLength(64 * 1024)
                .setMaxHeaderSize(MAX_HEADER_SIZE)
                .setMaxChunkSize(MAX_CHUNK)
                .setValidateHeaders(false));
    }

    private void initPlain(io.netty.channel.ChannelPipeline p) {
        Http1ServerCodec codec = newCodec();
        HttpServerUpgradeHandler upgrade = new HttpServerUpgradeHandler(codec, http2.upgradeCodecFactory(),
                MAX_UPGRADE_BODY);
        List<ChannelHandler> http1 = new ArrayList<>(List.of(codec.handlers()));
        http1.add(upgrade);
        p.addLast(new PriorKnowledgeDetector(http1, http2.connectionHandler(false)));
        p.addLast(new HttpExchangeHandler(context, state, false, false));
    }

    int boundPort() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** Stops accepting new connections; established ones keep being served. */
    void stopAccepting() {
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
        }
    }

    /** Asks every connection to close when idle: HTTP/1.1 after its current response, HTTP/2 with GOAWAY. */
    void drainConnections() {
        for (Channel ch : connections) {
            ch.eventLoop().execute(() -> {
                HttpExchangeHandler handler = ch.pipeline().get(HttpExchangeHandler.class);
                if (handler != null) {
                    handler.drain();
                } else {
                    ch.close(); // HTTP/2: the frame codec sends GOAWAY and waits for active streams
                }
            });
        }
    }

    /** Waits for the connections to close, at most {@code millis}; returns whether all did. */
    boolean awaitConnections(long millis) throws InterruptedException {
        return connections.newCloseFuture().await(millis, TimeUnit.MILLISECONDS);
    }

    void closeConnections() {
        connections.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    int openConnections() {
        return connections.size();
    }
}
