package io.trafficcop.proxy.service.loadbalancer;

import static org.assertj.core.api.Assertions.assertThat;

import io.trafficcop.proxy.service.BalancedServer;
import io.trafficcop.proxy.service.ProxiedServer;
import io.trafficcop.proxy.service.ScriptedRandom;
import io.trafficcop.proxy.service.loadbalancer.leastconn.LeastConnections;
import io.trafficcop.proxy.service.loadbalancer.leasttime.LeastTime;
import io.trafficcop.proxy.service.loadbalancer.p2c.PowerOfTwoChoices;
import io.trafficcop.proxy.service.loadbalancer.random.WeightedRandom;
import io.trafficcop.proxy.service.loadbalancer.wrr.WeightedRoundRobin;
import io.trafficcop.proxy.service.metrics.ServerStats;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Selection sequences of every strategy, with Traefik's test tables where they exist. */
class StrategiesTest {

    static BalancedServer server(String name, int weight, long inflight) {
        ServerStats stats = new ServerStats(name);
        for (int i = 0; i < inflight; i++) {
            stats.begin();
        }
        return new BalancedServer(new ProxiedServer(name, null, weight, false), stats, false, true);
    }

    static <S extends HealthAwareSelector<BalancedServer>> S with(S selector, BalancedServer... servers) {
        for (BalancedServer s : servers) {
            selector.add(s.name(), s, s.weight(), false);
        }
        return selector;
    }

    static Stream<Arguments> p2cCases() {
        // Traefik's TestP2C table: in-flight counts per handler, the random draws, the expected handler
        return Stream.of(
                Arguments.of("one healthy handler", new long[] {0}, new int[] {0}, "0"),
                Arguments.of("two handlers zero in flight", new long[] {0, 0}, new int[] {1, 0}, "1"),
                Arguments.of("chooses lower of two", new long[] {0, 1}, new int[] {1, 0}, "0"),
                Arguments.of("chooses lower of three", new long[] {10, 90, 40}, new int[] {1, 1}, "2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("p2cCases")
    void p2cPicksTheLessLoadedOfTwoRandomServers(String desc, long[] inflight, int[] draws, String expected) {
        var p2c = new PowerOfTwoChoices(new ScriptedRandom(draws));
        for (int i = 0; i < inflight.length; i++) {
            BalancedServer s = server(String.valueOf(i), 1, inflight[i]);
            p2c.add(s.name(), s, 1, false);
        }
        assertThat(p2c.next(null).name()).isEqualTo(expected);
    }

    @Test
    void p2cSkipsDownAndFencedServers() {
        var p2c = new PowerOfTwoChoices(new ScriptedRandom(0, 0));
        var a = server("a", 1, 0);
        var b = server("b", 1, 0);
        p2c.add("a", a, 1, false);
        p2c.add("b", b, 1, true);
        assertThat(p2c.next(null)).isSameAs(a);
        p2c.setStatus("a", false);
        assertThat(p2c.next(null)).isNull();
    }

    @ParameterizedTest(name = "weights {0}")
    @CsvSource({
            // golden sequences from Traefik's wrr.Balancer (Go container/heap tie order included)
            "'3,1',   A A B A A A A B",
            "'1,1,1', A C B C B A",
            "'5,3,2', A B A C A B A B A C"})
    void wrrFollowsTraefiksEarliestDeadlineSequence(String weights, String expected) {
        WeightedRoundRobin<String> wrr = new WeightedRoundRobin<>();
        String[] w = weights.split(",");
        for (int i = 0; i < w.length; i++) {
            String name = String.valueOf((char) ('A' + i));
            wrr.add(name, name, Integer.parseInt(w[i]), false);
        }
        List<String> picks = new ArrayList<>();
        String[] want = expected.split(" ");
        for (int i = 0; i < want.length; i++) {
            picks.add(wrr.next(null));
        }
        assertThat(picks).containsExactly(want);
    }

    @Test
    void wrrSkipsServersMarkedDownAndTakesThemBack() {
        WeightedRoundRobin<String> wrr = new WeightedRoundRobin<>();
        wrr.add("first", "first", 1, false);
        wrr.add("second", "second", 1, false);
        wrr.setStatus("first", false);
        assertThat(List.of(wrr.next(null), wrr.next(null), wrr.next(null))).containsOnly("second");
        wrr.setStatus("first", true);
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 4; i++) {
            counts.merge(wrr.next(null), 1, Integer::sum);
        }
        assertThat(counts).containsEntry("first", 2).containsEntry("second", 2);
    }

    @Test
    void leastTimePrefersTheFastestServerAndBreaksTiesByWeightedRoundRobin() {
        var fast = server("fast", 1, 0);
        var slow = server("slow", 1, 0);
        var lt = with(new LeastTime(), fast, slow);
        // no samples yet: every score is 0, ties go to the earliest deadline (deadlines start at 1 and 2, the first
        // of equal deadlines wins), as Traefik's selectWRR
        assertThat(List.of(lt.next(null).name(), lt.next(null).name(), lt.next(null).name(), lt.next(null).name()))
                .containsExactly("fast", "fast", "slow", "fast");
        fast.stats().recordTimeToFirstByte(5_000_000L);
        slow.stats().recordTimeToFirstByte(50_000_000L);
        assertThat(lt.next(null).name()).isEqualTo("fast");
        // in-flight requests weigh in: 5ms * (1 + 20) > 50ms * 1
        for (int i = 0; i < 20; i++) {
            fast.stats().begin();
        }
        assertThat(lt.next(null).name()).isEqualTo("slow");
    }

    @Test
    void leastTimeScoreIsDividedByWeight() {
        var heavy = server("heavy", 4, 0);
        var light = server("light", 1, 0);
        heavy.stats().recordTimeToFirstByte(20_000_000L);
        light.stats().recordTimeToFirstByte(10_000_000L);
        var lt = with(new LeastTime(), heavy, light);
        assertThat(lt.next(null).name()).isEqualTo("heavy"); // 20/4 = 5 < 10/1
    }

    @Test
    void leastConnectionsPicksFewestInFlightPerWeightAndRotatesTies() {
        var a = server("a", 1, 3);
        var b = server("b", 2, 3);
        var c = server("c", 1, 2);
        var lc = with(new LeastConnections(), a, b, c);
        assertThat(lc.next(null).name()).isEqualTo("b"); // 3/2 < 2/1 < 3/1
        var x = server("x", 1, 0);
        var y = server("y", 1, 0);
        var idle = with(new LeastConnections(), x, y);
        assertThat(List.of(idle.next(null).name(), idle.next(null).name(), idle.next(null).name()))
                .containsExactly("x", "y", "x");
    }

    @Test
    void weightedRandomDrawsProportionallyToWeight() {
        // draws 0..3 over weights 1 and 3: 0 -> a, 1..3 -> b
        var random = with(new WeightedRandom<BalancedServer>(new ScriptedRandom(0, 1, 2, 3)),
                server("a", 1, 0), server("b", 3, 0));
        assertThat(List.of(random.next(null).name(), random.next(null).name(), random.next(null).name(),
                random.next(null).name())).containsExactly("a", "b", "b", "b");
    }

    @Test
    void nonPositiveWeightsAreIgnoredExceptByP2c() {
        var lt = with(new LeastTime(), server("zero", 0, 0));
        assertThat(lt.next(null)).isNull();
        var p2c = new PowerOfTwoChoices(new ScriptedRandom(0));
        var zero = server("zero", 0, 0);
        p2c.add("zero", zero, 0, false);
        assertThat(p2c.next(null)).isSameAs(zero);
    }
}
