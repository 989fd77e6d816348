package io.trafficcop.proxy.service.loadbalancer.hrw;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.trafficcop.proxy.config.dynamic.HighestRandomWeight;
import io.trafficcop.proxy.config.dynamic.HrwService;
import io.trafficcop.proxy.http.Exchange;
import io.trafficcop.proxy.service.BalancedServer;
import io.trafficcop.proxy.service.ChildStatus;
import io.trafficcop.proxy.service.HttpService;
import io.trafficcop.proxy.service.ServiceContext;
import io.trafficcop.proxy.service.ServiceResolver;
import io.trafficcop.proxy.service.StatusListener;

/**
 * Traefik's {@code http.services.<name>.highestRandomWeight}: rendezvous hashing of the client IP over weighted
 * child services ({@link io.trafficcop.proxy.service.loadbalancer.hrw.HighestRandomWeight}), with child status
 * propagation when {@code healthCheck: {}} is set.
 */
public final class HighestRandomWeightService implements HttpService {

    private static final String NO_AVAILABLE_SERVER = "no available server\n";

    private final String name;
    private final io.trafficcop.proxy.service.loadbalancer.hrw.HighestRandomWeight<HttpService> hrw =
            new io.trafficcop.proxy.service.loadbalancer.hrw.HighestRandomWeight<>();
    private final ChildStatus status;

    private HighestRandomWeightService(String name, ChildStatus status) {
        this.name = name;
        this.status = status;
    }

    /** @throws IllegalArgumentException when a child is missing or cannot report its status with healthCheck set */
    public static HighestRandomWeightService create(String serviceName, HighestRandomWeight config,
                                                    ServiceResolver children, ServiceContext context) {
        boolean wantsHealthCheck = config.healthCheck() != null;
        var service = new HighestRandomWeightService(serviceName,
                new ChildStatus(serviceName, "HRW", wantsHealthCheck));
        service.status.reportTo(context.metrics().service(serviceName));
        if (config.services() != null) {
            for (HrwService child : config.services()) {
                if (child == null || child.name() == null || child.name().isEmpty()) {
                    throw new IllegalArgumentException("highestRandomWeight service " + serviceName
                            + ": child without name");
                }
                HttpService handler = children.resolve(child.name());
                int weight = child.weight() == null ? 1 : child.weight();
                service.hrw.add(child.name(), handler, weight, false);
                if (weight > 0) {
                    service.status.add(child.name());
                }
                if (wantsHealthCheck) {
                    String childName = child.name();
                    ChildStatus.follow(handler, childName, serviceName, up -> service.setChildStatus(childName, up));
                }
            }
        }
        return service;
    }

    void setChildStatus(String child, boolean up) {
        hrw.setStatus(child, up);
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
        HttpService child = hrw.next(exchange);
        return child == null ? null : child.selectServer(exchange);
    }

    @Override
    public void handle(Exchange exchange) {
        HttpService child = hrw.next(exchange);
        if (child == null) {
            exchange.respond(HttpResponseStatus.SERVICE_UNAVAILABLE, NO_AVAILABLE_SERVER);
            return;
        }
        child.handle(exchange);
    }
}
