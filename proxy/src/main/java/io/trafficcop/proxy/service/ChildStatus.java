package io.trafficcop.proxy.service;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The up/down status of a balancer's children (servers or child services) and its propagation to parents, as every
 * Traefik balancer's {@code SetStatus}: a child starts up; parents are told only when the balancer as a whole flips
 * between "at least one child up" and "none up". Thread-safe; reads are lock-free.
 */
public final class ChildStatus {

    private static final Logger LOG = LoggerFactory.getLogger(ChildStatus.class);

    private final String serviceName;
    private final String kind;
    private final boolean wantsHealthCheck;
    private final Set<String> up = ConcurrentHashMap.newKeySet();
    private final List<StatusListener> listeners = new CopyOnWriteArrayList<>();
    private volatile io.trafficcop.proxy.service.metrics.ServiceStats stats;

    /**
     * @param kind             the balancer kind for error messages ("WRR", "P2C", "HRW", "LeastTime", ...)
     * @param wantsHealthCheck whether the service's configuration has a healthCheck (parents may then listen)
     */
    public ChildStatus(String serviceName, String kind, boolean wantsHealthCheck) {
        this.serviceName = serviceName;
        this.kind = kind;
        this.wantsHealthCheck = wantsHealthCheck;
    }

    /**
     * Makes a parent follow a child service's health, as Traefik's {@code RegisterStatusUpdater}: {@code onChange}
     * hears every change, and at once if the child is already down.
     *
     * @throws IllegalArgumentException when the child cannot report its health (it declares no healthCheck)
     */
    public static void follow(HttpService child, String childName, String parentName, StatusListener onChange) {
        try {
            child.registerStatusListener(onChange);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("cannot register " + childName + " as updater for " + parentName + ": "
                    + e.getMessage(), e);
        }
        if (!child.isUp()) {
            onChange.statusChanged(false);
        }
    }

    /** Publishes the aggregated status to {@code value} (the service's metrics), from now on. */
    public void reportTo(io.trafficcop.proxy.service.metrics.ServiceStats value) {
        this.stats = value;
        value.up(anyUp());
    }

    /** Adds a child, up. */
    public void add(String child) {
        up.add(child);
        var s = stats;
        if (s != null) {
            s.up(true);
        }
    }

    public boolean isUp(String child) {
        return up.contains(child);
    }

    public boolean anyUp() {
        return !up.isEmpty();
    }

    /** Sets a child's status; returns true when the aggregated status flipped (listeners were told). */
    public synchronized boolean set(String child, boolean isUp) {
        boolean before = !up.isEmpty();
        if (isUp) {
            up.add(child);
        } else {
            up.remove(child);
        }
        boolean after = !up.isEmpty();
        var s = stats;
        if (s != null) {
            s.up(after);
        }
        LOG.debug("service {}: {} is {}", serviceName, child, isUp ? "UP" : "DOWN");
        if (before == after) {
            return false;
        }
        LOG.debug("service {}: propagating new {} status", serviceName, after ? "UP" : "DOWN");
        for (StatusListener l : listeners) {
            l.statusChanged(after);
        }
        return true;
    }

    public void register(StatusListener listener) {
        if (!wantsHealthCheck) {
            throw new IllegalStateException("healthCheck not enabled in config for this " + kind + " service "
                    + serviceName);
        }
        listeners.add(listener);
    }
}
