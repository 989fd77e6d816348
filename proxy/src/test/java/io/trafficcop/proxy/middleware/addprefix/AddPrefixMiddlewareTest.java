package io.trafficcop.proxy.middleware.addprefix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trafficcop.proxy.config.dynamic.AddPrefix;
import io.trafficcop.proxy.testing.MiddlewareHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Traefik's pkg/middlewares/addprefix tests. */
class AddPrefixMiddlewareTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Works with a regular path          | /a | /b       | /a/b
            Works with missing leading slash   | a  | /        | /a/
            Works with a raw path              | /a | /b%2Fc   | /a/b%2Fc
            Keeps the query                    | /a | /b?x=1&y | /a/b?x=1&y
            Keeps an empty query               | /a | /b?      | /a/b?
            Keeps an escaped space             | /a | /b%20c   | /a/b%20c
            Keeps a needless escape as raw     | /a | /b%7Ec   | /a/b%7Ec
            """)
    void addsThePrefix(String desc, String prefix, String path, String expectedUri) {
        var result = MiddlewareHarness.request(path).run(new AddPrefixMiddleware(new AddPrefix(prefix)));

        assertThat(result.nextCalled).isTrue();
        assertThat(result.uri).isEqualTo(expectedUri);
    }

    @Test
    void failsWithAnEmptyPrefix() {
        assertThatThrownBy(() -> new AddPrefixMiddleware(new AddPrefix("")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("addPrefix.prefix");
        assertThatThrownBy(() -> new AddPrefixMiddleware(new AddPrefix(null)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAnInvalidEscapeAsGoServerDoes() {
        var result = MiddlewareHarness.request("/b%zz").run(new AddPrefixMiddleware(new AddPrefix("/a")));

        assertThat(result.nextCalled).isFalse();
        assertThat(result.status).isEqualTo(400);
    }
}
