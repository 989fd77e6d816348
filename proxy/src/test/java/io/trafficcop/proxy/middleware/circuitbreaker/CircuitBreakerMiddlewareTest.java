package io.trafficcop.proxy.middleware.circuitbreaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trafficcop.proxy.config.GoDuration;
import io.trafficcop.proxy.config.dynamic.CircuitBreaker;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CircuitBreakerMiddlewareTest {

    private static final long MS = 1_000_000L;

    /** Metrics: 10 requests at t=0: 3 × 502, 1 × 504, 2 × 500, 4 × 200, latencies 10..100 ms. */
    private static BreakerMetrics metrics() {
        BreakerMetrics m = new BreakerMetrics();
        m.advance(0);
        int[] codes = {502, 502, 502, 504, 500, 500, 200, 200, 200, 200};
        for (int i = 0; i < codes.length; i++) {
            m.record(codes[i], (i + 1) * 10 * MS);
        }
        return m;
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
        "NetworkErrorRatio() > 0.3;true",
        "NetworkErrorRatio() > 0.4;false",
        "NetworkErrorRatio() >= 0.4;true",
        "ResponseCodeRatio(500, 600, 0, 600) > 0.5;true",
        "ResponseCodeRatio(500, 600, 0, 600) == 0.6;true",
        "ResponseCodeRatio(500, 501, 0, 600) < 0.25;true",
        "ResponseCodeRatio(300, 400, 300, 400) > 0;false",
        "LatencyAtQuantileMS(50.0) > 50;false",
        "LatencyAtQuantileMS(50.0) == 50;true",
        "LatencyAtQuantileMS(90) >= 90;true",
        "NetworkErrorRatio() > 0.5 || LatencyAtQuantileMS(50) > 40;true",
        "NetworkErrorRatio() > 0.3 && LatencyAtQuantileMS(50) > 60;false",
        "(NetworkErrorRatio() > 0.5 || NetworkErrorRatio() < 0.1) && ResponseCodeRatio(500, 600, 0, 600) > 0.1;false",
        "NetworkErrorRatio() != 0;true",
        "0.3 < NetworkErrorRatio();true",
    })
    void expressions(String expression, boolean expected) {
        assertThat(BreakerExpression.parse(expression).test(metrics())).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
        "''|circuitBreaker.expression is required",
        "Foo() > 1|unsupported function \"Foo\"",
        "NetworkErrorRatio()|expected a comparison",
        "NetworkErrorRatio(1) > 0|takes 0 argument(s)",
        "ResponseCodeRatio(500, 600) > 0|takes 4 argument(s)",
        "NetworkErrorRatio() > 0.5 &&|unexpected end",
        "NetworkErrorRatio() > 0.5 $|unexpected '$'",
    })
    void invalidExpressions(String expression, String error) {
        assertThatThrownBy(() -> BreakerExpression.parse(expression))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(error);
    }

    @Test
    void metricsForgetWhatIsOlderThanTenSeconds() {
        BreakerMetrics m = metrics();
        m.advance(9_999 * MS);
        assertThat(m.networkErrorRatio()).isEqualTo(0.4);
        m.advance(10_000 * MS);
        assertThat(m.networkErrorRatio()).isZero();
    }

    /** The state machine with a hand-moved clock: trip, fallback, recovery ramp, standby. */
    @Test
    void tripsFallsBackRecoversAndCloses() {
        AtomicLong clock = new AtomicLong(1_000 * MS);
        CircuitBreakerMiddleware breaker = CircuitBreakerMiddleware.create("cb", new CircuitBreaker(
                "NetworkErrorRatio() > 0.5", GoDuration.ofMillis(100), GoDuration.ofSeconds(10),
                GoDuration.ofSeconds(10), null), clock::get);

        assertThat(breaker.activateFallback()).isFalse();
        recordOnBreaker(breaker, clock, 502);
        assertThat(breaker.state()).isEqualTo(CircuitBreakerMiddleware.State.TRIPPED);
        assertThat(breaker.activateFallback()).isTrue();

        clock.addAndGet(9_999 * MS);
        assertThat(breaker.activateFallback()).isTrue();

        clock.addAndGet(2 * MS); // fallbackDuration over: recovering, the ramp starts at 0
        assertThat(breaker.activateFallback()).isTrue();
        assertThat(breaker.state()).isEqualTo(CircuitBreakerMiddleware.State.RECOVERING);

        clock.addAndGet(9_000 * MS); // late in the recovery: some requests get through
        int through = 0;
        for (int i = 0; i < 100; i++) {
            if (!breaker.activateFallback()) {
                through++;
            }
        }
        assertThat(through).isBetween(1, 99);

        clock.addAndGet(1_001 * MS); // recoveryDuration over: closed
        assertThat(breaker.activateFallback()).isFalse();
        assertThat(breaker.state()).isEqualTo(CircuitBreakerMiddleware.State.STANDBY);
    }

    @Test
    void conditionIsCheckedAtMostEveryCheckPeriod() {
        AtomicLong clock = new AtomicLong(1_000 * MS);
        CircuitBreakerMiddleware breaker = CircuitBreakerMiddleware.create("cb", new CircuitBreaker(
                "ResponseCodeRatio(500, 600, 0, 600) > 0.5", GoDuration.ofSeconds(1), null, null, null), clock::get);

        recordOnBreaker(breaker, clock, 200); // checked now: fine, next check in 1 s
        recordOnBreaker(breaker, clock, 500);
        recordOnBreaker(breaker, clock, 500);
        assertThat(breaker.state()).isEqualTo(CircuitBreakerMiddleware.State.STANDBY);
        clock.addAndGet(1_000 * MS);
        recordOnBreaker(breaker, clock, 500);
        assertThat(breaker.state()).isEqualTo(CircuitBreakerMiddleware.State.TRIPPED);
    }

    private static void recordOnBreaker(CircuitBreakerMiddleware breaker, AtomicLong clock, int status) {
        breaker.recordForTest(status, clock.get());
    }
}
