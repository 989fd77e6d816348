package io.trafficcop.proxy.middleware.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trafficcop.proxy.config.dynamic.Retry;
import io.trafficcop.proxy.middleware.HttpCodeRanges;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryMiddlewareTest {

    /** Traefik's TestRetryHTTPStatusCodesConfigValidation. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "valid single status code|3|503|false|",
        "valid status code range|3|500-599|false|",
        "invalid status code|3|abc|false|invalid retry.status \"abc\"",
        "empty status and disableRetryOnNetworkError true should fail|3||true|retry middleware requires at least HTTP status codes or retry on TCP",
        "zero attempts should fail|0|503|false|incorrect (or empty) value for attempt (0)",
    })
    void configValidation(String desc, int attempts, String status, boolean disableNetwork, String error) {
        Retry config = new Retry(attempts, null, null, null, status == null ? null : List.of(status), disableNetwork,
                null);
        if (error == null) {
            assertThatCode(() -> RetryMiddleware.create("r", config)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> RetryMiddleware.create("r", config))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(error);
        }
    }

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "500-599|500|true", "500-599|599|true", "500-599|600|false", "404|404|true", "404|405|false",
        "502,503|503|true", "400-404,500-599|450|false",
    })
    void httpCodeRanges(String blocks, int code, boolean contained) {
        assertThat(HttpCodeRanges.parse("status", Arrays.asList(blocks.split(","))).contains(code))
                .isEqualTo(contained);
    }

    /**
     * cenkalti/backoff with the random value at 0.5 (the middle of the ±50 % window): the interval grows by
     * 2^(1/(attempts-1)) per attempt.
     */
    @ParameterizedTest(name = "attempts {0}, initial {1} ms")
    @CsvSource(delimiter = '|', value = {
        "2|100|100000000,200000000,400000000",
        "3|100|100000000,141421356,200000000",
        "5|0|0,0,0",
        "1|100|0,0,0",
    })
    void exponentialBackoff(int attempts, long initialMillis, String expectedNanos) {
        ExponentialBackoff backoff = new ExponentialBackoff(attempts, Duration.ofMillis(initialMillis), () -> 0.5, 0);
        for (String expected : expectedNanos.split(",")) {
            assertThat((double) backoff.next(0)).isCloseTo(Long.parseLong(expected), org.assertj.core.data.Offset.offset(2.0));
        }
    }

    @Test
    void backoffStopsAfterFifteenMinutes() {
        ExponentialBackoff backoff = new ExponentialBackoff(3, Duration.ofMillis(100), () -> 0.5, 0);
        assertThat(backoff.next(Duration.ofMinutes(15).toNanos())).isEqualTo(ExponentialBackoff.STOP);
    }

    @Test
    void backoffIntervalIsCappedAtSixtySeconds() {
        ExponentialBackoff backoff = new ExponentialBackoff(2, Duration.ofSeconds(40), () -> 0.5, 0);
        backoff.next(0);
        assertThat(backoff.next(0)).isCloseTo(Duration.ofSeconds(60).toNanos(), org.assertj.core.data.Offset.offset(2L));
    }
}
