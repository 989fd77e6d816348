package io.trafficcop.proxy.service.loadbalancer.leasttime;

import io.trafficcop.proxy.http.Exchange;
import io.trafficcop.proxy.service.BalancedServer;
import io.trafficcop.proxy.service.loadbalancer.HealthAwareSelector;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Traefik's {@code loadBalancer.strategy: leasttime} (pkg/server/service/loadbalancer/leasttime): each available
 * server scores {@code avgTTFB * (1 + inflight) / weight} (the mean of its last 100 times to first byte, in whole
 * milliseconds) and the lowest score wins; ties go to weighted round robin by earliest deadline among the tied
 * servers (a server's deadline starts at the running deadline + 1/weight when added).
 */
public final class LeastTime extends HealthAwareSelector<BalancedServer> {

    private final Map<BalancedServer, double[]> deadlines = new IdentityHashMap<>();
    private double currentDeadline;

    @Override
    protected void onAdded(Member<BalancedServer> member) {
        double deadline = currentDeadline + 1.0 / member.weight();
        currentDeadline = deadline;
        deadlines.put(member.item(), new double[] {deadline});
    }

    @Override
    public BalancedServer next(Exchange exchange) {
        List<Member<BalancedServer>> healthy = selectable();
        if (healthy.isEmpty()) {
            return null;
        }
        if (healthy.size() == 1) {
            return healthy.get(0).item();
        }
        double minScore = Double.MAX_VALUE;
        List<Member<BalancedServer>> candidates = new ArrayList<>(2);
        for (int i = 0; i < healthy.size(); i++) {
            Member<BalancedServer> m = healthy.get(i);
            var stats = m.item().stats();
            double score = stats.averageTimeToFirstByteMillis() * (1 + stats.inflight()) / m.weight();
            if (score < minScore) {
                minScore = score;
                candidates.clear();
                candidates.add(m);
            } else if (score == minScore) {
                candidates.add(m);
            }
        }
        if (candidates.size() == 1) {
            return candidates.get(0).item();
        }
        return selectWrr(candidates);
    }

    private synchronized BalancedServer selectWrr(List<Member<BalancedServer>> candidates) {
        Member<BalancedServer> selected = candidates.get(0);
        double min = Double.MAX_VALUE;
        for (Member<BalancedServer> m : candidates) {
            double d = deadlines.get(m.item())[0];
            if (d < min) {
                min = d;
                selected = m;
            }
        }
        double next = min + 1.0 / selected.weight();
        deadlines.get(selected.item())[0] = next;
        if (next > currentDeadline) {
            currentDeadline = next;
        }
        return selected.item();
    }
}
