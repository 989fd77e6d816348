package io.trafficcop.proxy.service.healthcheck;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.trafficcop.proxy.runtime.ServersTransportSettings;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The active health checkers of every {@code loadBalancer} service, keyed by qualified service name, outliving
 * snapshots: building a snapshot asks {@link #checker} for each service with a {@code healthCheck}; an unchanged
 * service (same health-check settings, same server URLs, same servers transport) gets its running checker back with
 * the statuses it already knows, a changed one gets a new checker (the old one is stopped). After the new snapshot
 * is swapped in, {@link #retainOnly} stops the checkers of services that are gone. Thread-safe.
 */
public final class HealthCheckRegistry implements AutoCloseable {

    private record Key(HealthCheckSettings settings, List<String> urls, ServersTransportSettings transport) {
    }

    private record Entry(Key key, HealthChecker checker) {
    }

    private final EventLoopGroup group;
    private final Class<? extends SocketChannel> channelType;
    private final Map<String, Entry> checkers = new HashMap<>();

    /**
     * @param group       the event loops health checks run on (the proxy's workers)
     * @param channelType the client socket channel class for {@code group} (NioSocketChannel or EpollSocketChannel)
     */
    public HealthCheckRegistry(EventLoopGroup group, Class<? extends SocketChannel> channelType) {
        this.group = group;
        this.channelType = channelType;
    }

    /** The running checker of service {@code serviceName} for this configuration: the same one if unchanged. */
    public synchronized HealthChecker checker(String serviceName, HealthCheckSettings settings, List<String> urls,
                                              ServersTransportSettings transport) {
        Key key = new Key(settings, List.copyOf(urls), transport);
        Entry e = checkers.get(serviceName);
        if (e != null && e.key.equals(key) && !e.checker.closed()) {
            return e.checker;
        }
        if (e != null) {
            e.checker.close();
        }
        HealthChecker checker = new HealthChecker(serviceName, settings, urls, group, channelType, transport);
        checkers.put(serviceName, new Entry(key, checker));
        checker.start();
        return checker;
    }

    /** Stops the checkers of services not in {@code serviceNames} (call after swapping in a snapshot). */
    public synchronized void retainOnly(Collection<String> serviceNames) {
        Set<String> keep = Set.copyOf(serviceNames);
        checkers.entrySet().removeIf(e -> {
            if (keep.contains(e.getKey())) {
                return false;
            }
            e.getValue().checker.close();
            return true;
        });
    }

    /** The checker currently running for a service, or null. */
    public synchronized HealthChecker get(String serviceName) {
        Entry e = checkers.get(serviceName);
        return e == null ? null : e.checker;
    }

    @Override
    public synchronized void close() {
        for (Entry e : checkers.values()) {
            e.checker.close();
        }
        checkers.clear();
    }
}
