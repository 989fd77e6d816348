package io.trafficcop.proxy.service.healthcheck;

import io.netty.util.concurrent.EventExecutor;
import io.trafficcop.proxy.config.dynamic.PassiveHealthCheck;
import io.trafficcop.proxy.service.StatusSetter;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Traefik's passive health check ({@code loadBalancer.passiveHealthCheck}, pkg/healthcheck
 * PassiveServiceHealthChecker): a response with status 5xx (including the proxy's own 502/504 when the server could
 * not be reached) counts as a failure of that server, any other response clears its failures. When a server reaches
 * {@code maxFailedAttempts} failures within {@code failureWindow} it is marked down; without an active health check it
 * comes back after {@code failureWindow} (timer on the event loop), with one it stays down until the active check
 * finds it healthy.
 */
public final class PassiveHealthChecker {

    private static final Logger LOG = LoggerFactory.getLogger(PassiveHealthChecker.class);

    private final String serviceName;
    private final StatusSetter balancer;
    private final int maxFailedAttempts;
    private final long windowNanos;
    private final boolean hasActiveHealthCheck;
    private final LongSupplier clock;
    private final Map<String, ArrayDeque<Long>> failures = new ConcurrentHashMap<>();
    private final Set<String> timers = ConcurrentHashMap.newKeySet();

    /** @throws IllegalArgumentException when failureWindow or maxFailedAttempts is not positive */
    public static PassiveHealthChecker of(String serviceName, PassiveHealthCheck config, StatusSetter balancer,
                                          boolean hasActiveHealthCheck) {
        Duration window = config.failureWindow() == null ? PassiveHealthCheck.DEFAULT_FAILURE_WINDOW.value()
                : config.failureWindow().value();
        int max = config.maxFailedAttempts() == null ? 1 : config.maxFailedAttempts();
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("invalid passiveHealthCheck.failureWindow " + config.failureWindow()
                    + ": must be positive");
        }
        if (max <= 0) {
            throw new IllegalArgumentException("invalid passiveHealthCheck.maxFailedAttempts " + max
                    + ": must be positive");
        }
        return new PassiveHealthChecker(serviceName, balancer, max, window, hasActiveHealthCheck, System::nanoTime);
    }

    PassiveHealthChecker(String serviceName, StatusSetter balancer, int maxFailedAttempts, Duration window,
                         boolean hasActiveHealthCheck, LongSupplier clock) {
        this.serviceName = serviceName;
        this.balancer = balancer;
        this.maxFailedAttempts = maxFailedAttempts;
        this.windowNanos = window.toNanos();
        this.hasActiveHealthCheck = hasActiveHealthCheck;
        this.clock = clock;
    }

    /** Records the outcome of one request to {@code url}; {@code loop} runs the recovery timer. */
    public void record(String url, int status, EventExecutor loop) {
        if (status > 0 && status < 500) {
            failures.remove(url);
            return;
        }
        long now = clock.getAsLong();
        ArrayDeque<Long> list = failures.computeIfAbsent(url, u -> new ArrayDeque<>());
        boolean healthy;
        synchronized (list) {
            list.addLast(now);
            long windowStart = now - windowNanos;
            while (!list.isEmpty() && list.peekFirst() <= windowStart) {
                list.pollFirst();
            }
            healthy = list.size() < maxFailedAttempts;
        }
        if (healthy || !timers.add(url)) {
            return;
        }
        LOG.warn("service {}: server {} marked down after {} failed attempts", serviceName, url, maxFailedAttempts);
        balancer.setStatus(url, false);
        if (hasActiveHealthCheck) {
            timers.remove(url);
            return;
        }
        loop.schedule(() -> {
            timers.remove(url);
            failures.remove(url);
            balancer.setStatus(url, true);
        }, windowNanos, TimeUnit.NANOSECONDS);
    }
}
