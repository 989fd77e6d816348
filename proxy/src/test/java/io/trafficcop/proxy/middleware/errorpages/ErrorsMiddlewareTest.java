package io.trafficcop.proxy.middleware.errorpages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trafficcop.proxy.config.dynamic.ErrorPage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorsMiddlewareTest {

    private static ErrorsMiddleware middleware(String query) {
        return ErrorsMiddleware.create("e", new ErrorPage(List.of("500-599"), null, "svc", query, null),
                name -> exchange -> { });
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
        "''|/",
        "/{status}|/503",
        "{status}.html|/503.html",
        "/{originalStatus}/{status}|/500/503",
        "/?status={status}&url={url}|/?status=503&url=https%3A%2F%2Fexample.com%3A8443%2Fa+b%2Fc~d%3Fq%3D1%2A",
    })
    void pageUri(String query, String expected) {
        assertThat(middleware(query).pageUri(503, 500, "https", "example.com:8443", "/a b/c~d", "q=1*"))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "status|abc|''|invalid errors.status \"abc\"",
        "service|500|''|errors.service is required",
        "rewrite range|500|x-y|invalid errors.statusRewrites \"x-y\"",
    })
    void invalidConfiguration(String desc, String status, String rewrite, String error) {
        ErrorPage config = new ErrorPage(List.of(status), rewrite.isEmpty() ? null : Map.of(rewrite, 200),
                desc.equals("service") ? null : "svc", "/", null);
        assertThatThrownBy(() -> ErrorsMiddleware.create("e", config, name -> exchange -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(error);
    }
}
