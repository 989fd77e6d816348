package io.trafficcop.proxy.service.weighted;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.trafficcop.proxy.config.dynamic.WeightedRoundRobin;
import io.trafficcop.proxy.config.dynamic.WrrService;
import io.trafficcop.proxy.http.Exchange;
import io.trafficcop.proxy.service.BalancedServer;
import io.trafficcop.proxy.service.ChildStatus;
import io.trafficcop.proxy.service.HttpService;
import io.trafficcop.proxy.service.ServiceContext;
import io.trafficcop.proxy.service.ServiceResolver;
import io.trafficcop.proxy.service.StatusListener;
import io.trafficcop.proxy.service.sticky.StickyCookie;
import io.trafficcop.proxy.service.sticky.StickySessions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Traefik's {@code http.services.<name>.weighted}: weighted round robin (Traefik's EDF scheduler, the data plane's
 * {@link io.trafficcop.proxy.service.loadbalancer.wrr.WeightedRoundRobin}) over child services, with its own
 * {@code sticky.cookie} (a nested loadBalancer with stickiness sets a second cookie: the client sticks at both
 * levels) and, with {@code healthCheck: {}}, child status propagation: a child with no available server leaves the
 * rotation, and this service reports itself down to its parents when no child is up.
 */
public final class WeightedService implements HttpService {

    private static final String NO_AVAILABLE_SERVER = "no available server\n";

    private final String name;
    /** A child service under the name it is configured with (its sticky and status key). */
    private record Child(String name, HttpService service) {
    }

    private final io.trafficcop.proxy.service.loadbalancer.wrr.WeightedRoundRobin<Child> wrr =
            new io.trafficcop.proxy.service.loadbalancer.wrr.WeightedRoundRobin<>();
    private final ChildStatus status;
    private final StickySessions<Child> sticky;

    private WeightedService(String name, ChildStatus status, StickySessions<Child> sticky) {
        this.name = name;
        this.status = status;
        this.sticky = sticky;
    }

    /**
     * Builds service {@code serviceName} (qualified) from {@code config}, resolving children through
     * {@code children}.
     *
     * @throws IllegalArgumentException when a child is missing, or healthCheck is set and a child cannot report its
     *                                  status (it has no healthCheck itself)
     */
    public static WeightedService create(String serviceName, WeightedRoundRobin config, ServiceResolver children,
                                         ServiceContext context) {
        boolean wantsHealthCheck = config.healthCheck() != null;
        StickySessions<Child> sticky = config.sticky() != null && config.sticky().cookie() != null
                ? new StickySessions<>(StickyCookie.of(config.sticky().cookie(), serviceName)) : null;
        WeightedService service = new WeightedService(serviceName,
                new ChildStatus(serviceName, "WRR", wantsHealthCheck), sticky);
        service.status.reportTo(context.metrics().service(serviceName));
        List<WrrService> configured = config.services() == null ? new ArrayList<>()
                : new ArrayList<>(config.services());
        Collections.shuffle(configured, java.util.Random.from(context.random()));
        for (WrrService child : configured) {
            if (child == null || child.name() == null || child.name().isEmpty()) {
                throw new IllegalArgumentException("weighted service " + serviceName + ": child without name");
            }
            HttpService handler = children.resolve(child.name());
            int weight = child.weight() == null ? 1 : child.weight();
            Child entry = new Child(child.name(), handler);
            service.wrr.add(child.name(), entry, weight, false);
            if (weight > 0) {
                service.status.add(child.name());
                if (sticky != null) {
                    sticky.add(child.name(), entry);
                }
            }
            if (wantsHealthCheck) {
                String childName = child.name();
                ChildStatus.follow(handler, childName, serviceName, up -> service.setChildStatus(childName, up));
            }
        }
        return service;
    }

    void setChildStatus(String child, boolean up) {
        wrr.setStatus(child, up);
        status.set(child, up);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void registerStatusListener(StatusListener listener) {
        status.register(listener);
    }

    @Override
    public boolean isUp() {
        return status.anyUp();
    }

    @Override
    public BalancedServer selectServer(Exchange exchange) {
        Child child = wrr.next(exchange);
        return child == null ? null : child.service().selectServer(exchange);
    }

    @Override
    public void handle(Exchange exchange) {
        if (sticky != null) {
            StickySessions.Hit<Child> hit = sticky.lookup(exchange);
            if (hit != null && status.isUp(hit.name())) {
                if (hit.rewrite()) {
                    sticky.stick(exchange, hit.name());
                }
                hit.item().service().handle(exchange);
                return;
            }
        }
        Child child = wrr.next(exchange);
        if (child == null) {
            exchange.respond(HttpResponseStatus.SERVICE_UNAVAILABLE, NO_AVAILABLE_SERVER);
            return;
        }
        if (sticky != null) {
            sticky.stick(exchange, child.name());
        }
        child.service().handle(exchange);
    }
}
