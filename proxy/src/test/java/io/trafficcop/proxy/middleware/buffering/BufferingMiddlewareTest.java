package io.trafficcop.proxy.middleware.buffering;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trafficcop.proxy.config.dynamic.Buffering;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BufferingMiddlewareTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "defaults||||||",
        "limits|100|2000|10|10||",
        "negative request limit|-1|||||invalid buffering.maxRequestBodyBytes -1",
        "negative response limit||-5||||invalid buffering.maxResponseBodyBytes -5",
        "memory threshold|||0|||",
        "negative memory threshold|||-1|||invalid buffering.memRequestBodyBytes -1",
        "response memory threshold||||0||",
        "negative response memory threshold||||-1||invalid buffering.memResponseBodyBytes -1",
        "retry expression|||||IsNetworkError() && Attempts() < 2|",
        "bad retry expression|||||Attempts() <|invalid buffering.retryExpression",
    })
    void configuration(String desc, Long maxRequest, Long maxResponse, Long memRequest, Long memResponse, String retry,
            String error) {
        Buffering config = new Buffering(maxRequest, memRequest, maxResponse, memResponse, retry);
        if (error == null) {
            assertThatCode(() -> BufferingMiddleware.create("b", config)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> BufferingMiddleware.create("b", config))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(error);
        }
    }
}
