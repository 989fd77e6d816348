package io.trafficcop.proxy.service.loadbalancer.random;

import io.trafficcop.proxy.http.Exchange;
import io.trafficcop.proxy.service.loadbalancer.HealthAwareSelector;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * TrafficCop's {@code loadBalancer.strategy: x-trafficcop-random} (not a Traefik value; the {@code x-trafficcop-}
 * prefix keeps it from clashing with a future one): an available server drawn at random with probability
 * proportional to its weight.
 *
 * @param <T> the selected item
 */
public final class WeightedRandom<T> extends HealthAwareSelector<T> {

    /** The configuration value selecting this strategy. */
    public static final String STRATEGY = "x-trafficcop-random";

    private final RandomGenerator random;

    public WeightedRandom(RandomGenerator random) {
        this.random = random;
    }

    @Override
    public T next(Exchange exchange) {
        List<Member<T>> healthy = selectable();
        int n = healthy.size();
        if (n == 0) {
            return null;
        }
        long total = 0;
        for (int i = 0; i < n; i++) {
            total += healthy.get(i).weight();
        }
        long pick;
        synchronized (random) {
            pick = random.nextLong(total);
        }
        for (int i = 0; i < n; i++) {
            pick -= healthy.get(i).weight();
            if (pick < 0) {
                return healthy.get(i).item();
            }
        }
        return healthy.get(n - 1).item();
    }
}
