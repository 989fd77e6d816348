package io.trafficcop.proxy.middleware.buffering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trafficcop.proxy.middleware.buffering.RetryExpression.Attempt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryExpressionTest {

    @ParameterizedTest(name = "{0} after attempt {1} with {2}")
    @CsvSource(delimiter = ';', value = {
        "IsNetworkError() && Attempts() < 2;1;502;true",
        "IsNetworkError() && Attempts() < 2;2;502;false",
        "IsNetworkError() && Attempts() < 2;1;504;true",
        "IsNetworkError() && Attempts() < 2;1;500;false",
        "IsNetworkError() && Attempts() < 2;1;200;false",
        "ResponseCode() == 503 || ResponseCode() >= 520;1;503;true",
        "ResponseCode() == 503 || ResponseCode() >= 520;1;521;true",
        "ResponseCode() == 503 || ResponseCode() >= 520;1;500;false",
        "(IsNetworkError() || ResponseCode() == 500) && Attempts() <= 3;3;500;true",
        "(IsNetworkError() || ResponseCode() == 500) && Attempts() <= 3;4;500;false",
        "IsNetworkError();10;502;true",
        "IsNetworkError();11;502;false", // oxy's cap of 10 retried attempts
    })
    void decides(String expression, int attempt, int code, boolean retried) {
        assertThat(RetryExpression.retries(RetryExpression.parse(expression), new Attempt(attempt, code)))
                .isEqualTo(retried);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "Attempts();expected a comparison",
        "IsNetworkError() &&;unexpected end",
        "Foo() < 2;unsupported function \"Foo\"",
        "Attempts(1) < 2;Attempts takes 0 argument(s), got 1",
        "IsNetworkError() # 1;unexpected '#'",
    })
    void rejects(String expression, String error) {
        assertThatThrownBy(() -> RetryExpression.parse(expression)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid buffering.retryExpression \"" + expression + "\"")
                .hasMessageContaining(error);
    }
}
