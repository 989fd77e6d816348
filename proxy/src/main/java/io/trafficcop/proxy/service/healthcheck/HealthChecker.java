package io.trafficcop.proxy.service.healthcheck;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.concurrent.ScheduledFuture;
import io.trafficcop.proxy.runtime.ServersTransportSettings;
import io.trafficcop.proxy.service.StatusSetter;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Traefik's active health checker of one {@code loadBalancer} service ({@code loadBalancer.healthCheck},
 * pkg/healthcheck ServiceHealthChecker): every server starts healthy and is checked every {@code interval} while
 * healthy and every {@code unhealthyInterval} while not; each result is reported to the balancer attached now
 * (Traefik's SetStatus), which takes a down server out of the rotation and back when it recovers.
 *
 * <p>Checks run as scheduled tasks on the event loops (no thread per server): each server is pinned to one loop of the
 * group. The checker outlives snapshots: {@link HealthCheckRegistry} hands the same checker to the next snapshot's
 * balancer when the service's health-check configuration, servers and transport did not change, and
 * {@link #attach} replays the known statuses into it.
 */
public final class HealthChecker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HealthChecker.class);

    private final String serviceName;
    private final HealthCheckSettings settings;
    private final HealthProbe probe;
    private final Map<String, URI> servers = new LinkedHashMap<>();
    private final Map<String, Boolean> status = new ConcurrentHashMap<>();
    private final List<ScheduledFuture<?>> scheduled = new ArrayList<>();
    private final EventLoopGroup group;
    private volatile StatusSetter setter;
    private volatile boolean closed;
    private boolean started;

    /**
     * @param serverUrls  the servers' URLs as configured (their names in the balancer)
     * @param group       the event loops the checks run on
     * @param channelType the socket channel class matching {@code group} (NIO or epoll)
     * @throws IllegalArgumentException when the configuration or a URL is invalid
     */
    public HealthChecker(String serviceName, HealthCheckSettings settings, List<String> serverUrls,
                         EventLoopGroup group, Class<? extends SocketChannel> channelType) {
        this(serviceName, settings, serverUrls, group, channelType, ServersTransportSettings.DEFAULTS);
    }

    /** @param transport the service's servers transport: https checks dial with its TLS settings, as Traefik's do */
    public HealthChecker(String serviceName, HealthCheckSettings settings, List<String> serverUrls,
                         EventLoopGroup group, Class<? extends SocketChannel> channelType,
                         ServersTransportSettings transport) {
        this.serviceName = serviceName;
        this.settings = settings;
        this.group = group;
        this.probe = settings.mode().equals("grpc") ? new GrpcHealthProbe(settings, channelType)
                : new HttpHealthProbe(settings, channelType,
                        transport == null ? ServersTransportSettings.DEFAULTS : transport);
        for (String url : serverUrls) {
            try {
                URI u = URI.create(url);
                if (u.getHost() == null) {
                    throw new IllegalArgumentException("no host");
                }
                servers.put(url, u);
                status.put(url, Boolean.TRUE);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invalid server URL \"" + url + "\": " + e.getMessage(), e);
            }
        }
    }

    public String serviceName() {
        return serviceName;
    }

    /**
     * Reports every result to {@code setter} from now on (a snapshot's balancer), after replaying the servers
     * currently known down. It replaces the previous snapshot's balancer, which is then left with the statuses it had
     * (requests still running on the old snapshot are short-lived).
     */
    public void attach(StatusSetter newSetter) {
        for (Map.Entry<String, Boolean> e : status.entrySet()) {
            if (!e.getValue()) {
                newSetter.setStatus(e.getKey(), false);
            }
        }
        this.setter = newSetter;
    }

    /** Whether a server was healthy at its last check (true before the first). */
    public boolean isHealthy(String url) {
        return status.getOrDefault(url, Boolean.TRUE);
    }

    /** Schedules the first check of every server one interval from now (as Traefik's ticker). */
    public synchronized void start() {
        if (started || closed) {
            return;
        }
        started = true;
        for (Map.Entry<String, URI> e : servers.entrySet()) {
            EventLoop loop = group.next();
            schedule(loop, e.getKey(), e.getValue(), settings.interval().toNanos());
        }
    }

    private synchronized void schedule(EventLoop loop, String name, URI url, long delayNanos) {
        if (closed) {
            return;
        }
        scheduled.removeIf(java.util.concurrent.Future::isDone);
        scheduled.add(loop.schedule(() -> check(loop, name, url), delayNanos, TimeUnit.NANOSECONDS));
    }

    private void check(EventLoop loop, String name, URI url) {
        if (closed) {
            return;
        }
        probe.check(loop, url).addListener(f -> {
            if (closed) {
                return;
            }
            String error = (String) f.getNow();
            boolean up = error == null;
            if (!up) {
                LOG.warn("service {}: health check failed for {}: {}", serviceName, name, error);
            }
            Boolean before = status.put(name, up);
            if (before == null || before != up) {
                LOG.info("service {}: server {} is now {}", serviceName, name, up ? "UP" : "DOWN");
            }
            StatusSetter s = setter;
            if (s != null) {
                s.setStatus(name, up);
            }
            long next = (up ? settings.interval() : settings.unhealthyInterval()).toNanos();
            schedule(loop, name, url, next);
        });
    }

    /** Stops checking (the service is gone or its configuration changed). */
    @Override
    public synchronized void close() {
        closed = true;
        for (ScheduledFuture<?> f : scheduled) {
            f.cancel(false);
        }
        scheduled.clear();
        setter = null;
    }

    public boolean closed() {
        return closed;
    }
}
