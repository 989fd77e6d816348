package io.trafficcop.proxy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoDurationTest {

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("0", Duration.ZERO),
                Arguments.of("42", Duration.ofSeconds(42)),
                Arguments.of("1h30m", Duration.ofMinutes(90)),
                Arguments.of("1.5s", Duration.ofMillis(1500)),
                Arguments.of("300ms", Duration.ofMillis(300)),
                Arguments.of("42s", Duration.ofSeconds(42)),
                Arguments.of("-2us", Duration.ofNanos(-2000)),
                Arguments.of("2µs", Duration.ofNanos(2000)),
                Arguments.of("1h2m3s4ms5us6ns", Duration.ofHours(1).plusMinutes(2).plusSeconds(3).plusNanos(4_005_006)),
                Arguments.of(".5h", Duration.ofMinutes(30)),
                Arguments.of("10.s", Duration.ofSeconds(10)));
    }

    @ParameterizedTest
    @MethodSource("valid")
    void parsesGoDurationsAndBareSeconds(String text, Duration expected) {
        assertThat(GoDuration.parse(text).value()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "s", "1x", "1.2.3s", "h1", "-", "1 s"})
    void rejectsWhatGoRejects(String text) {
        assertThatThrownBy(() -> GoDuration.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid duration");
    }

    @ParameterizedTest
    @MethodSource("formats")
    void formatsAsGo(Duration d, String expected) {
        assertThat(new GoDuration(d).toString()).isEqualTo(expected);
    }

    static Stream<Arguments> formats() {
        return Stream.of(
                Arguments.of(Duration.ZERO, "0s"),
                Arguments.of(Duration.ofMinutes(90), "1h30m0s"),
                Arguments.of(Duration.ofMillis(1500), "1.5s"),
                Arguments.of(Duration.ofMillis(300), "300ms"),
                Arguments.of(Duration.ofSeconds(42), "42s"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 5, 90})
    void readsNumbersAsSeconds(int seconds) {
        assertThat(GoDuration.fromJson(seconds).value()).isEqualTo(Duration.ofSeconds(seconds));
    }
}
