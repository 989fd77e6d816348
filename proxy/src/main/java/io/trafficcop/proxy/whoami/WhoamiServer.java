package io.trafficcop.proxy.whoami;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A built-in echo server behaving like Traefik's traefik/whoami: {@code /} (any other path too) prints Hostname,
 * IP, RemoteAddr, the request line and headers; {@code /data?size=N} streams N bytes; {@code /echo} is a WebSocket
 * echo (any frame size; the text "close" makes the server close); {@code POST /echo-body} streams the request body
 * back; {@code ?wait=250ms} delays the answer. The README's demo backend and the test suites' backend.
 */
public final class WhoamiServer implements AutoCloseable {

    private final String name;
    private final EventLoopGroup group;
    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final AtomicInteger accepted = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong dataWritten = new java.util.concurrent.atomic.AtomicLong();
    private Channel serverChannel;

    /** @param name printed as "Name:" (whoami's {@code --name}); null for none */
    public WhoamiServer(String name) {
        this.name = name;
        this.group = new MultiThreadIoEventLoopGroup(1,
                Epoll.isAvailable() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    }

    /** Starts listening on {@code host:port} (port 0: any free port); returns this. */
    public WhoamiServer start(String host, int port) throws InterruptedException {
        serverChannel = new ServerBootstrap()
                .group(group)
                .channel(Epoll.isAvailable() ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        accepted.incrementAndGet();
                        connections.add(ch);
                        ch.pipeline().addLast("http", new HttpServerCodec(new HttpDecoderConfig()
                                .setMaxChunkSize(64 * 1024).setMaxHeaderSize(1024 * 1024)));
                        ch.pipeline().addLast("whoami", new WhoamiHandler(name, dataWritten));
                    }
                })
                .bind(new InetSocketAddress(host, port)).sync().channel();
        return this;
    }

    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** "http://127.0.0.1:port". */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    /** Connections accepted since start (tests count upstream connection reuse with it). */
    public int acceptedConnections() {
        return accepted.get();
    }

    /** Bytes of {@code /data} bodies handed to the network so far (tests watch back-pressure with it). */
    public long dataBytesWritten() {
        return dataWritten.get();
    }

    /** Connections open now. */
    public int openConnections() {
        return connections.size();
    }

    @Override
    public void close() {
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
        }
        connections.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 80;
        String name = args.length > 1 ? args[1] : null;
        WhoamiServer server = new WhoamiServer(name).start("0.0.0.0", port);
        server.serverChannel.closeFuture().sync();
    }
}
