package io.trafficcop.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrafficCopWorkerThreadsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "null", value = {
            "null, 0",
            "'', 0",
            "1, 1",
            "' 4 ', 4",
            "-3, 0",
            "many, 0",
    })
    void workerThreadsFromTheEnvironment(String value, int expected) {
        Map<String, String> env = value == null ? Map.of() : Map.of(TrafficCop.WORKER_THREADS_ENV, value);
        assertThat(TrafficCop.workerThreads(env)).isEqualTo(expected);
    }
}
