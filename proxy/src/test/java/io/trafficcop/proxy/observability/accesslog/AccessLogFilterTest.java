package io.trafficcop.proxy.observability.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import io.trafficcop.proxy.config.GoDuration;
import io.trafficcop.proxy.config.install.AccessLogFilters;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Traefik's keepAccessLog (logger.go): any matching filter keeps the entry; no filter keeps everything. */
class AccessLogFilterTest {

    static Stream<Arguments> cases() {
        AccessLogFilters none = null;
        AccessLogFilters empty = AccessLogFilters.defaults();
        AccessLogFilters errors = new AccessLogFilters(List.of("404", "500-599"), null, null);
        AccessLogFilters retries = new AccessLogFilters(null, true, null);
        AccessLogFilters slow = new AccessLogFilters(null, null, GoDuration.ofMillis(100));
        AccessLogFilters invalid = new AccessLogFilters(List.of("50x"), null, null);
        AccessLogFilters all = new AccessLogFilters(List.of("500-599"), true, GoDuration.ofMillis(100));
        return Stream.of(
                Arguments.of("no filters", none, 200, 0, 1, true),
                Arguments.of("empty filters", empty, 200, 0, 1, true),
                Arguments.of("status in a single code", errors, 404, 0, 1, true),
                Arguments.of("status in a range", errors, 503, 0, 1, true),
                Arguments.of("status at the range's end", errors, 599, 0, 1, true),
                Arguments.of("status outside", errors, 200, 0, 1, false),
                Arguments.of("client closed request outside", errors, 499, 0, 1, false),
                Arguments.of("retried", retries, 200, 1, 1, true),
                Arguments.of("not retried", retries, 200, 0, 1, false),
                Arguments.of("longer than minDuration", slow, 200, 0, 101, true),
                Arguments.of("exactly minDuration", slow, 200, 0, 100, false),
                Arguments.of("shorter than minDuration", slow, 200, 0, 5, false),
                Arguments.of("invalid status codes are ignored", invalid, 200, 0, 1, true),
                Arguments.of("any filter: status", all, 502, 0, 1, true),
                Arguments.of("any filter: retry", all, 200, 2, 1, true),
                Arguments.of("any filter: duration", all, 200, 0, 150, true),
                Arguments.of("any filter: none matches", all, 200, 0, 1, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void keeps(String name, AccessLogFilters config, int status, int retries, long millis, boolean kept) {
        assertThat(new AccessLogFilter(config).keep(status, retries, Duration.ofMillis(millis))).isEqualTo(kept);
    }
}
