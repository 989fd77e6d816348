package io.trafficcop.proxy.server;

import io.trafficcop.proxy.runtime.EntryPointSettings;
import io.trafficcop.proxy.runtime.Snapshot;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TrafficCop's HTTP data plane: the entry points (Traefik's {@code entryPoints}) serving the current
 * {@link Snapshot}. {@link #apply} swaps the snapshot atomically (requests in flight finish on the one they started
 * on; no connection is reset); {@link #shutdown} follows Traefik's lifeCycle.
 */
public final class ProxyServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyServer.class);

    private final int workerThreads;
    private final String hostname;
    private final Map<String, EntryPoint> entryPoints = new LinkedHashMap<>();
    private io.trafficcop.proxy.http.ExchangeObserver observer = io.trafficcop.proxy.http.ExchangeObserver.NONE;
    private ServerState state;
    private EventLoops loops;
    private boolean stopped;

    /** A server with one worker event loop per core. */
    public ProxyServer() {
        this(0);
    }

    /** @param workerThreads worker event loops (0 = one per core) */
    public ProxyServer(int workerThreads) {
        this.workerThreads = workerThreads;
        this.hostname = localHostname();
    }

    /**
     * Sets what sees every exchange of every entry point as it starts (the access log); call before
     * {@link #start}.
     */
    public synchronized ProxyServer exchangeObserver(io.trafficcop.proxy.http.ExchangeObserver value) {
        if (loops != null) {
            throw new IllegalStateException("already started");
        }
        this.observer = value == null ? io.trafficcop.proxy.http.ExchangeObserver.NONE : value;
        return this;
    }

    /** Binds every entry point and starts serving {@code initial}. */
    public synchronized void start(List<EntryPointSettings> settings, Snapshot initial) throws InterruptedException {
        if (loops != null) {
            throw new IllegalStateException("already started");
        }
        state = new ServerState(initial == null ? Snapshot.EMPTY : initial);
        loops = new EventLoops(workerThreads);
        try {
            for (EntryPointSettings s : settings) {
                if (entryPoints.containsKey(s.name())) {
                    throw new IllegalArgumentException("duplicate entry point " + s.name());
                }
                EntryPoint ep = new EntryPoint(s, state, hostname, observer);
                ep.bind(loops);
                entryPoints.put(s.name(), ep);
            }
        } catch (RuntimeException | InterruptedException e) {
            for (EntryPoint ep : entryPoints.values()) {
                ep.stopAccepting();
            }
            loops.close();
            throw e;
        }
    }

    /** Serves {@code snapshot} from now on (the next request of every connection). */
    public void apply(Snapshot snapshot) {
        state.snapshot(snapshot);
    }

    public Snapshot snapshot() {
        return state.snapshot();
    }

    /** The port an entry point listens on (the real one when its address asked for port 0). */
    /** The worker event loops, for work that belongs on them (health checks); null before start. */
    public io.netty.channel.EventLoopGroup workers() {
        return loops == null ? null : loops.workers();
    }

    /** The client socket channel type matching the transport in use (epoll or NIO). */
    public static Class<? extends io.netty.channel.socket.SocketChannel> socketChannelType() {
        return io.netty.channel.epoll.Epoll.isAvailable() ? io.netty.channel.epoll.EpollSocketChannel.class
                : io.netty.channel.socket.nio.NioSocketChannel.class;
    }

    public int boundPort(String entryPoint) {
        EntryPoint ep = entryPoints.get(entryPoint);
        if (ep == null) {
            throw new IllegalArgumentException("unknown entry point " + entryPoint);
        }
        return ep.boundPort();
    }

    /** Whether shutdown has begun (ping answers its terminatingStatusCode). */
    public boolean terminating() {
        return state != null && state.terminating();
    }

    /**
     * Traefik's graceful shutdown, all entry points in parallel: keep serving for requestAcceptGraceTimeout (ping
     * answers its terminating status), stop accepting, let in-flight requests finish within graceTimeOut while idle
     * keep-alive connections close, then close what remains and stop the event loops. Blocks until done.
     */
    public void shutdown() {
        synchronized (this) {
            if (stopped || loops == null) {
                return;
            }
            stopped = true;
        }
        state.terminating(true);
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (EntryPoint ep : entryPoints.values()) {
            all.add(CompletableFuture.runAsync(() -> shutdown(ep), Thread::startVirtualThread));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        loops.close();
    }

    private void shutdown(EntryPoint ep) {
        var lifeCycle = ep.settings().lifeCycle();
        try {
            long acceptGrace = lifeCycle.requestAcceptGraceTimeout().toMillis();
            if (acceptGrace > 0) {
                LOG.info("entry point {}: waiting {} ms for incoming requests to cease", ep.name(), acceptGrace);
                loops.boss().schedule(() -> { }, acceptGrace, java.util.concurrent.TimeUnit.MILLISECONDS).await();
            }
            ep.stopAccepting();
            ep.drainConnections();
            long grace = lifeCycle.graceTimeOut().toMillis();
            if (!ep.awaitConnections(Math.max(grace, 1))) {
                LOG.warn("entry point {}: {} connections still open after graceTimeOut, closing them", ep.name(),
                        ep.openConnections());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ep.closeConnections();
    }

    @Override
    public void close() {
        shutdown();
    }

    /** Go's os.Hostname (X-Forwarded-Server): the kernel's node name, "localhost" when unknown. */
    static String localHostname() {
        try {
            String name = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
            if (!name.isEmpty()) {
                return name;
            }
        } catch (IOException | RuntimeException ignored) {
            // not Linux
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
