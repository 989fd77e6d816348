package io.trafficcop.proxy.service.loadbalancer.leastconn;

import io.trafficcop.proxy.http.Exchange;
import io.trafficcop.proxy.service.BalancedServer;
import io.trafficcop.proxy.service.loadbalancer.HealthAwareSelector;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * TrafficCop's {@code loadBalancer.strategy: x-trafficcop-leastconn} (not a Traefik value; the {@code x-trafficcop-}
 * prefix keeps it from clashing with a future one): the available server with the fewest in-flight requests per unit
 * of weight wins; ties rotate so that idle servers share the load evenly.
 */
public final class LeastConnections extends HealthAwareSelector<BalancedServer> {

    /** The configuration value selecting this strategy. */
    public static final String STRATEGY = "x-trafficcop-leastconn";

    private final AtomicInteger rotation = new AtomicInteger();

    @Override
    public BalancedServer next(Exchange exchange) {
        List<Member<BalancedServer>> healthy = selectable();
        int n = healthy.size();
        if (n == 0) {
            return null;
        }
        int start = Math.floorMod(rotation.getAndIncrement(), n);
        Member<BalancedServer> best = null;
        double bestLoad = Double.MAX_VALUE;
        for (int k = 0; k < n; k++) {
            Member<BalancedServer> m = healthy.get((start + k) % n);
            double load = (double) m.item().stats().inflight() / m.weight();
            if (load < bestLoad) {
                bestLoad = load;
                best = m;
            }
        }
        return best.item();
    }
}
