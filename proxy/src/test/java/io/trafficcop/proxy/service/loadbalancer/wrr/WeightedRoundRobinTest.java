package io.trafficcop.proxy.service.loadbalancer.wrr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Traefik's pkg/server/service/loadbalancer/wrr tests, ported with their exact counts and sequences. */
class WeightedRoundRobinTest {

    private static List<String> pick(WeightedRoundRobin<String> wrr, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(wrr.next(null));
        }
        return out;
    }

    private static Map<String, Integer> count(List<String> picks) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String p : picks) {
            counts.merge(String.valueOf(p), 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void balancer() {
        var wrr = new WeightedRoundRobin<String>();
        wrr.add("first", "first", 3, false);
        wrr.add("second", "second", 1, false);
        assertThat(count(pick(wrr, 4))).isEqualTo(Map.of("first", 3, "second", 1));
    }

    @Test
    void noService() {
        assertThat(new WeightedRoundRobin<String>().next(null)).isNull(); // 503
    }

    @Test
    void oneServerZeroWeight() {
        var wrr = new WeightedRoundRobin<String>();
        wrr.add("first", "first", 1, false);
        wrr.add("second", "second", 0, false);
        assertThat(count(pick(wrr, 3))).isEqualTo(Map.of("first", 3));
    }

    @Test
    void noServiceUp() {
        var wrr = new WeightedRoundRobin<String>();
        wrr.add("first", "first", 1, false);
        wrr.add("second", "second", 1, false);
        wrr.setStatus("first", false);
        wrr.setStatus("second", false);
        assertThat(wrr.next(null)).isNull();
    }

    @Test
    void oneServerDown() {
        var wrr = new WeightedRoundRobin<String>();
        wrr.add("first", "first", 1, false);
        wrr.add("second", "second", 1, false);
        wrr.setStatus("second", false);
        assertThat(count(pick(wrr, 3))).isEqualTo(Map.of("first", 3));
    }

    @Test
    void downThenUp() {
        var wrr = new WeightedRoundRobin<String>();
        wrr.add("first", "first", 1, false);
        wrr.add("second", "second", 1, false);
        wrr.setStatus("second", false);
        assertThat(count(pick(wrr, 3))).isEqualTo(Map.of("first", 3));
        wrr.setStatus("second", true);
        assertThat(count(pick(wrr, 2))).isEqualTo(Map.of("first", 1, "second", 1));
    }

    @Test
    void allServersZeroWeight() {
        var wrr = new WeightedRoundRobin<String>();
        wrr.add("test", "test", 0, false);
        wrr.add("test2", "test2", 0, false);
        assertThat(wrr.next(null)).isNull();
    }

    @Test
    void allServersFenced() {
        var wrr = new WeightedRoundRobin<String>();
        wrr.add("test", "test", 1, true);
        wrr.add("test2", "test2", 1, true);
        assertThat(wrr.next(null)).isNull();
    }

    @Test
    void fencedServerGetsNoNewRequests() {
        var wrr = new WeightedRoundRobin<String>();
        wrr.add("first", "first", 1, false);
        wrr.add("second", "second", 1, false);
        wrr.add("fenced", "fenced", 1, true);
        assertThat(count(pick(wrr, 4))).isEqualTo(Map.of("first", 2, "second", 2));
    }

    @Test
    void bias() {
        var wrr = new WeightedRoundRobin<String>();
        wrr.add("first", "A", 11, false);
        wrr.add("second", "B", 3, false);
        assertThat(pick(wrr, 14)).containsExactly("A", "A", "A", "B", "A", "A", "A", "A", "B", "A", "A", "A", "B", "A");
    }

    @Test
    void propagatesThroughNestedBalancers() {
        var b1 = new WeightedRoundRobin<String>();
        b1.add("first", "first", 1, false);
        b1.add("second", "second", 1, false);
        var b2 = new WeightedRoundRobin<String>();
        b2.add("third", "third", 1, false);
        b2.add("fourth", "fourth", 1, false);
        var top = new WeightedRoundRobin<WeightedRoundRobin<String>>();
        top.add("balancer1", b1, 1, false);
        top.add("balancer2", b2, 1, false);
        List<String> picks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            picks.add(top.next(null).next(null));
        }
        assertThat(count(picks)).isEqualTo(Map.of("first", 2, "second", 2, "third", 2, "fourth", 2));

        b2.setStatus("fourth", false);
        picks.clear();
        for (int i = 0; i < 8; i++) {
            picks.add(top.next(null).next(null));
        }
        assertThat(count(picks)).isEqualTo(Map.of("first", 2, "second", 2, "third", 4));

        b2.setStatus("third", false);
        top.setStatus("balancer2", b2.anyUp());
        picks.clear();
        for (int i = 0; i < 8; i++) {
            picks.add(top.next(null).next(null));
        }
        assertThat(count(picks)).isEqualTo(Map.of("first", 4, "second", 4));
    }
}
