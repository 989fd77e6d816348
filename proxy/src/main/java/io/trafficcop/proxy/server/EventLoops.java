package io.trafficcop.proxy.server;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.util.concurrent.TimeUnit;

/**
 * The proxy's threads: one boss loop accepting on every entry point and N worker loops (default: one per core)
 * shared by all entry points and by the upstream connections they open. Native epoll when available, NIO
 * otherwise.
 */
public final class EventLoops implements AutoCloseable {

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final Class<? extends ServerChannel> serverChannelType;

    public EventLoops(int workerThreads) {
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory factory = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        this.boss = new MultiThreadIoEventLoopGroup(1, factory);
        this.workers = new MultiThreadIoEventLoopGroup(
                workerThreads > 0 ? workerThreads : Runtime.getRuntime().availableProcessors(), factory);
        this.serverChannelType = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    public EventLoopGroup boss() {
        return boss;
    }

    public EventLoopGroup workers() {
        return workers;
    }

    public Class<? extends ServerChannel> serverChannelType() {
        return serverChannelType;
    }

    @Override
    public void close() {
        var b = boss.shutdownGracefully(0, 5, TimeUnit.SECONDS);
        var w = workers.shutdownGracefully(0, 5, TimeUnit.SECONDS);
        b.syncUninterruptibly();
        w.syncUninterruptibly();
    }
}
