package io.trafficcop.proxy.server;

import io.netty.channel.DefaultSelectStrategyFactory;
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

    /**
     * Ready channels handled per epoll wake-up (Netty's default grows to every ready channel, nginx handles 512).
     * With many clients, a loop that reads every waiting request before the responses of the previous ones come
     * back has that many requests in flight towards the backend at once: beyond the 200 idle connections kept per
     * backend (maxIdleConnsPerHost) each of them dials a connection that is closed afterwards (~40 µs of kernel time).
     * 256 per wake-up: 0.16-0.22 dials per request instead of 0.50-0.58 with 1,000 clients, 27-29k instead of 17k
     * requests per CPU-second (bench/RESULTS.md, "1,000 connections (conns branch)"); fewer clients never have that
     * many channels ready at once. {@code -Dtrafficcop.epollMaxEvents=0} restores Netty's growing array.
     */
    static final int MAX_EVENTS = 256;
    static final String MAX_EVENTS_PROPERTY = "trafficcop.epollMaxEvents";

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final Class<? extends ServerChannel> serverChannelType;

    public EventLoops(int workerThreads) {
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory factory = epoll
                ? EpollIoHandler.newFactory(Integer.getInteger(MAX_EVENTS_PROPERTY, MAX_EVENTS),
                        DefaultSelectStrategyFactory.INSTANCE)
                : NioIoHandler.newFactory();
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
