package io.trafficcop.proxy.middleware.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.embedded.EmbeddedChannel;
import io.trafficcop.proxy.config.GoDuration;
import io.trafficcop.proxy.config.dynamic.RateLimit;
import io.trafficcop.proxy.config.dynamic.SourceCriterion;
import io.trafficcop.proxy.config.dynamic.IpStrategy;
import io.trafficcop.proxy.testing.LeakCheck;
import io.trafficcop.proxy.testing.MiddlewareProbe;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rows mirror Traefik's pkg/middlewares/ratelimiter/rate_limiter_test.go. Traefik's load test runs in real time;
 * here the same load runs against a virtual clock (requests at the load's ticks, a held request waiting its
 * delay), with Traefik's tolerances (95%..102% of average·duration + burst).
 */
class RateLimitMiddlewareTest {

    static final long SECOND = 1_000_000_000L;
    /** The virtual time one request takes when requests are sent back to back. */
    static final long HAMMER_STEP = 20_000L;

    @BeforeAll
    static void leaks() {
        LeakCheck.paranoid();
    }

    static RateLimit config(long average, GoDuration period, long burst) {
        return new RateLimit(average, period, burst, null, null);
    }

    static Stream<Arguments> parameters() {
        return Stream.of(
                Arguments.of("no ratelimit on Average == 0", config(0, null, 10), TokenBucket.INFINITE, 0L),
                Arguments.of("maxDelay computation", config(200, null, 10), 200.0, 2_500_000L),
                Arguments.of("maxDelay computation, low rate regime", config(2, GoDuration.ofSeconds(10), 10), 0.2,
                        500_000_000L),
                Arguments.of("period below 1 second", config(50, GoDuration.ofMillis(500), 1), 100.0, 5_000_000L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void parameters(String desc, RateLimit config, double rate, long maxDelay) {
        RateLimitParameters p = RateLimitParameters.of(config);
        assertThat(p.rate()).isCloseTo(rate, org.assertj.core.data.Offset.offset(1e-10));
        assertThat(p.maxDelayNanos()).isEqualTo(maxDelay);
    }

    @Test
    void defaultsAndTtl() {
        RateLimitParameters p = RateLimitParameters.of(new RateLimit(100L, null, null, null, null));
        assertThat(p.burst()).isEqualTo(1);
        assertThat(p.ttlSeconds()).isEqualTo(2);
        assertThat(RateLimitParameters.of(config(1, GoDuration.ofSeconds(60), 1)).ttlSeconds()).isEqualTo(61);
        assertThat(RateLimitParameters.of(config(5, GoDuration.ofSeconds(10), 0)).burst()).isEqualTo(1);
    }

    @Test
    void rejectsANegativePeriodAndConflictingCriteria() {
        assertThatThrownBy(() -> RateLimitParameters.of(config(1, GoDuration.parse("-1s"), 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative value not valid");
        RateLimit conflicting = new RateLimit(200L, null, 10L,
                new SourceCriterion(new IpStrategy(null, null, null), "Foo", null), null);
        assertThatThrownBy(() -> new RateLimitMiddleware("rl", conflicting, new RateLimitRegistry()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rateLimit.sourceCriterion: iPStrategy and RequestHeaderName are mutually exclusive");
    }

    static Stream<Arguments> inMemoryRateLimit() {
        return Stream.of(
                Arguments.of("Average is respected", config(100, null, 1), 2 * SECOND, 400, 0),
                Arguments.of("burst allowed, no bursty traffic", config(100, null, 100), 2 * SECOND, 200, 0),
                Arguments.of("burst allowed, initial burst, under capacity", config(100, null, 100), 2 * SECOND, 200,
                        50),
                Arguments.of("burst allowed, initial burst, over capacity", config(100, null, 100), 2 * SECOND, 200,
                        150),
                Arguments.of("burst over average, initial burst, over capacity", config(100, null, 200), 2 * SECOND,
                        200, 300),
                Arguments.of("lower than 1/s", config(5, GoDuration.ofSeconds(10), 0), 2 * SECOND, 100, 0),
                Arguments.of("lower than 1/s, longer", config(5, GoDuration.ofSeconds(10), 0), 60 * SECOND, 100, 0),
                Arguments.of("lower than 1/s, longer, harsher", config(1, GoDuration.ofSeconds(60), 0), 60 * SECOND,
                        100, 0),
                Arguments.of("period below 1 second", config(50, GoDuration.ofMillis(500), 0), 2 * SECOND, 300, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void inMemoryRateLimit(String desc, RateLimit config, long loadDuration, int incomingLoad, int burstLoad) {
        RateLimitParameters p = RateLimitParameters.of(config);
        SourceBuckets buckets = new SourceBuckets(p);
        long loadPeriod = SECOND / incomingLoad;
        long now = 0;
        long nextTick = loadPeriod;
        int served = 0;
        while (now <= loadDuration) {
            long delay = buckets.reserve("127.0.0.1", now);
            if (delay >= 0 && delay <= p.maxDelayNanos()) {
                served++;
                now += delay; // the request is held that long
            }
            if (burstLoad > 0 && served < burstLoad) {
                now += HAMMER_STEP; // hammer the first burst as fast as possible (a request still takes a little)
                continue;
            }
            if (now >= nextTick) {
                // Go's ticker keeps one missed tick: it is received at once, the others are dropped
                nextTick = (now / loadPeriod + 1) * loadPeriod;
            } else {
                now = nextTick;
                nextTick += loadPeriod;
            }
        }
        double rate = (double) config.average() / config.period().toNanos();
        int wantCount = (int) ((long) (rate * loadDuration) + p.burst());
        assertThat(served).isBetween(wantCount * 95 / 100, wantCount * 102 / 100);
    }

    @Test
    void refusesBeyondMaxDelayWithRetryHeadersAndHoldsWithinIt() {
        AtomicLong clock = new AtomicLong(0);
        RateLimit config = config(1, null, 1);
        var middleware = new RateLimitMiddleware(config, new SourceBuckets(RateLimitParameters.of(config)),
                clock::get);
        var probe = new MiddlewareProbe();
        try {
            ((EmbeddedChannel) probe.channel()).freezeTime();
            assertThat(probe.start(middleware, MiddlewareProbe.request("/", Map.of()), "10.0.0.1", null).result()
                    .status()).isEqualTo(200);
            var refused = probe.start(middleware, MiddlewareProbe.request("/", Map.of()), "10.0.0.1", null).result();
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.body()).isEqualTo("Too Many Requests");
            assertThat(refused.headers().get("Retry-After")).isEqualTo("1");
            assertThat(refused.headers().get("X-Retry-In")).isEqualTo("1s");
            assertThat(refused.headers().get("Content-Type")).isEqualTo("text/plain; charset=utf-8");
            assertThat(refused.nextCalled()).isFalse();

            // another source has its own bucket
            assertThat(probe.start(middleware, MiddlewareProbe.request("/", Map.of()), "10.0.0.2", null).result()
                    .status()).isEqualTo(200);

            // 600ms later the refused reservation was given back: 400ms to wait, within maxDelay (500ms): held
            clock.set(600_000_000L);
            var held = probe.start(middleware, MiddlewareProbe.request("/", Map.of()), "10.0.0.1", null);
            assertThat(held.answered()).isFalse();
            ((EmbeddedChannel) probe.channel()).advanceTimeBy(399, TimeUnit.MILLISECONDS);
            ((EmbeddedChannel) probe.channel()).runScheduledPendingTasks();
            assertThat(held.answered()).isFalse();
            ((EmbeddedChannel) probe.channel()).advanceTimeBy(1, TimeUnit.MILLISECONDS);
            ((EmbeddedChannel) probe.channel()).runScheduledPendingTasks();
            assertThat(held.result().status()).isEqualTo(200);
        } finally {
            probe.close();
        }
    }

    @Test
    void retryAfterRoundsUp() {
        assertThat(RateLimitMiddleware.retryAfter(1)).isEqualTo("1");
        assertThat(RateLimitMiddleware.retryAfter(SECOND)).isEqualTo("1");
        assertThat(RateLimitMiddleware.retryAfter(SECOND + 1)).isEqualTo("2");
    }

    @Test
    void sourceHeaderGroupsRequests() {
        AtomicLong clock = new AtomicLong(0);
        RateLimit config = new RateLimit(1L, null, 1L, new SourceCriterion(null, "X-Tenant", null), null);
        var middleware = new RateLimitMiddleware(config, new SourceBuckets(RateLimitParameters.of(config)),
                clock::get);
        assertThat(MiddlewareProbe.run(middleware, MiddlewareProbe.request("/", Map.of("X-Tenant", "a")), "10.0.0.1")
                .status()).isEqualTo(200);
        assertThat(MiddlewareProbe.run(middleware, MiddlewareProbe.request("/", Map.of("X-Tenant", "a")), "10.0.0.2")
                .status()).isEqualTo(429);
        assertThat(MiddlewareProbe.run(middleware, MiddlewareProbe.request("/", Map.of("X-Tenant", "b")), "10.0.0.1")
                .status()).isEqualTo(200);
    }

    @Test
    void averageZeroNeverLimits() {
        RateLimit config = config(0, null, 1);
        var middleware = new RateLimitMiddleware(config, new SourceBuckets(RateLimitParameters.of(config)), () -> 0);
        for (int i = 0; i < 20; i++) {
            assertThat(MiddlewareProbe.run(middleware, Map.of()).status()).isEqualTo(200);
        }
    }

    @Test
    void idleSourcesExpireAndTheMapIsBounded() {
        RateLimitParameters p = RateLimitParameters.of(config(1, null, 1)); // ttl 2s
        SourceBuckets buckets = new SourceBuckets(p, 2);
        assertThat(buckets.reserve("a", 0)).isZero();
        assertThat(buckets.reserve("a", 0)).isEqualTo(SECOND);
        // unseen for its TTL, the source starts over with a full bucket
        assertThat(buckets.reserve("a", 2 * SECOND + 1)).isZero();
        buckets.reserve("b", 3 * SECOND);
        buckets.reserve("c", 3 * SECOND);
        assertThat(buckets.size()).isEqualTo(2);
    }

    @Test
    void registryKeepsStateOfUnchangedMiddlewares() {
        RateLimitRegistry registry = new RateLimitRegistry();
        RateLimit config = config(10, null, 5);
        SourceBuckets first = registry.buckets("rl@file", config);
        assertThat(registry.buckets("rl@file", config(10, null, 5))).isSameAs(first);
        SourceBuckets changed = registry.buckets("rl@file", config(20, null, 5));
        assertThat(changed).isNotSameAs(first);
        assertThat(registry.buckets("other@file", config)).isNotSameAs(first);
        registry.retainOnly(List.of(new RateLimitRegistry.Key("rl@file", config(20, null, 5))));
        assertThat(registry.keys()).containsExactly(new RateLimitRegistry.Key("rl@file", config(20, null, 5)));
        assertThat(registry.buckets("rl@file", config(20, null, 5))).isSameAs(changed);
    }
}
