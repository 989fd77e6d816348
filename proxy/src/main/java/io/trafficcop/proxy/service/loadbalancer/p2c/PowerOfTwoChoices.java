package io.trafficcop.proxy.service.loadbalancer.p2c;

import io.trafficcop.proxy.http.Exchange;
import io.trafficcop.proxy.service.BalancedServer;
import io.trafficcop.proxy.service.loadbalancer.HealthAwareSelector;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Traefik's {@code loadBalancer.strategy: p2c} (pkg/server/service/loadbalancer/p2c): draws two distinct servers at
 * random among the available ones and takes the one with fewer in-flight requests (the first on a tie). Weights are
 * ignored, as in Traefik (every server is added, whatever its weight).
 */
public final class PowerOfTwoChoices extends HealthAwareSelector<BalancedServer> {

    private final RandomGenerator random;

    /** @param random the random source (injected so tests replay Traefik's sequences) */
    public PowerOfTwoChoices(RandomGenerator random) {
        this.random = random;
    }

    @Override
    protected boolean accepts(int weight) {
        return true;
    }

    @Override
    public BalancedServer next(Exchange exchange) {
        List<Member<BalancedServer>> healthy = selectable();
        int n = healthy.size();
        if (n == 0) {
            return null;
        }
        if (n == 1) {
            return healthy.get(0).item();
        }
        int n1;
        int n2;
        synchronized (random) {
            n1 = random.nextInt(n);
            n2 = random.nextInt(n);
        }
        if (n2 == n1) {
            n2 = (n2 + 1) % n;
        }
        BalancedServer h1 = healthy.get(n1).item();
        BalancedServer h2 = healthy.get(n2).item();
        return h2.stats().inflight() < h1.stats().inflight() ? h2 : h1;
    }
}
