package io.trafficcop.proxy.service.failover;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.trafficcop.proxy.config.dynamic.Failover;
import io.trafficcop.proxy.http.Exchange;
import io.trafficcop.proxy.middleware.HttpCodeRanges;
import io.trafficcop.proxy.service.BalancedServer;
import io.trafficcop.proxy.service.ChildStatus;
import io.trafficcop.proxy.service.HttpService;
import io.trafficcop.proxy.service.ServiceContext;
import io.trafficcop.proxy.service.ServiceResolver;
import io.trafficcop.proxy.service.StatusListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Traefik's {@code http.services.<name>.failover}: requests go to {@code service} while it has an available server
 * (it must report its status: it needs its own healthCheck) and to {@code fallback} otherwise; when neither is up the
 * answer is 503 "Service Unavailable". The fallback's status is followed only when this service declares
 * {@code healthCheck: {}}, which also makes this service report "up" to its parents while either child is up.
 * With Traefik 3.7's {@code failover.errors} ({@code status} codes or ranges, {@code maxRequestBodyBytes}), a
 * primary response with one of those statuses is discarded and the request replayed to the fallback
 * ({@link StatusFailover}); the primary then need not report its status.
 */
public final class FailoverService implements HttpService {

    private static final String SERVICE_UNAVAILABLE = "Service Unavailable\n";

    private final String name;
    private final boolean wantsHealthCheck;
    private final HttpService primary;
    private final HttpService fallback;
    private final List<StatusListener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean primaryUp = true;
    private volatile boolean fallbackUp = true;
    private HttpCodeRanges errorStatuses;
    private long maxRequestBodyBytes = -1;
    private io.trafficcop.proxy.service.metrics.ServiceStats stats;

    private FailoverService(String name, boolean wantsHealthCheck, HttpService primary, HttpService fallback) {
        this.name = name;
        this.wantsHealthCheck = wantsHealthCheck;
        this.primary = primary;
        this.fallback = fallback;
    }

    /**
     * @throws IllegalArgumentException when a child is missing, the primary cannot report its status, or
     *                                  healthCheck is set and the fallback cannot
     */
    public static FailoverService create(String serviceName, Failover config, ServiceResolver children,
                                         ServiceContext context) {
        if (config.service() == null || config.service().isEmpty()) {
            throw new IllegalArgumentException("failover service " + serviceName + ": failover.service is required");
        }
        if (config.fallback() == null || config.fallback().isEmpty()) {
            throw new IllegalArgumentException("failover service " + serviceName + ": failover.fallback is required");
        }
        boolean errorsDefined = config.errors() != null && config.errors().status() != null
                && !config.errors().status().isEmpty();
        HttpService primary = children.resolve(config.service());
        HttpService fallback = children.resolve(config.fallback());
        FailoverService f = new FailoverService(serviceName, config.healthCheck() != null, primary, fallback);
        f.stats = context.metrics().service(serviceName);
        if (errorsDefined) {
            f.errorStatuses = HttpCodeRanges.parse("failover.errors.status", config.errors().status());
            Long max = config.errors().maxRequestBodyBytes();
            f.maxRequestBodyBytes = max == null ? -1 : max;
        }
        try {
            primary.registerStatusListener(f::setPrimaryStatus);
        } catch (IllegalStateException e) {
            if (!errorsDefined) {
                throw new IllegalArgumentException("cannot register " + config.service() + " as updater for "
                        + serviceName + ": " + e.getMessage(), e);
            }
        }
        if (!primary.isUp()) {
            f.setPrimaryStatus(false);
        }
        if (config.healthCheck() != null) {
            ChildStatus.follow(fallback, config.fallback(), serviceName, f::setFallbackStatus);
        }
        return f;
    }

    synchronized void setPrimaryStatus(boolean up) {
        if (up == primaryUp) {
            return;
        }
        primaryUp = up;
        propagate();
    }

    synchronized void setFallbackStatus(boolean up) {
        if (up == fallbackUp) {
            return;
        }
        fallbackUp = up;
        propagate();
    }

    private void propagate() {
        boolean up = primaryUp || fallbackUp;
        stats.up(up);
        for (StatusListener l : listeners) {
            l.statusChanged(up);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void registerStatusListener(StatusListener listener) {
        if (!wantsHealthCheck) {
            throw new IllegalStateException("healthCheck not enabled in config for this failover service " + name);
        }
        listeners.add(listener);
    }

    @Override
    public boolean isUp() {
        return primaryUp || fallbackUp;
    }

    @Override
    public BalancedServer selectServer(Exchange exchange) {
        if (primaryUp) {
            return primary.selectServer(exchange);
        }
        return fallbackUp ? fallback.selectServer(exchange) : null;
    }

    boolean fallbackUp() {
        return fallbackUp;
    }

    @Override
    public void handle(Exchange exchange) {
        if (primaryUp && errorStatuses != null) {
            new StatusFailover(this, exchange, primary, fallback, errorStatuses, maxRequestBodyBytes).start();
        } else if (primaryUp) {
            primary.handle(exchange);
        } else if (fallbackUp) {
            fallback.handle(exchange);
        } else {
            exchange.respond(HttpResponseStatus.SERVICE_UNAVAILABLE, SERVICE_UNAVAILABLE);
        }
    }
}
