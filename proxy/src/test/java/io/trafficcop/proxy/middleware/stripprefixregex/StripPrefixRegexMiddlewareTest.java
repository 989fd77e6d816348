package io.trafficcop.proxy.middleware.stripprefixregex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trafficcop.proxy.config.dynamic.StripPrefixRegex;
import io.trafficcop.proxy.testing.MiddlewareHarness;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Traefik's pkg/middlewares/stripprefixregex tests. */
class StripPrefixRegexMiddlewareTest {

    @ParameterizedTest(name = "{1} ~ {0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            /a/api/                 | /a/test          | 200 | /a/test          | -
            /a/api/                 | /a/test/         | 200 | /a/test/         | -
            /a/api/                 | /a/api/          | 200 | /                | /a/api/
            /a/api/                 | /a/api/test      | 200 | /test            | /a/api/
            /a/api/                 | /a/api/test/     | 200 | /test/           | /a/api/
            /b/([a-z0-9]+)/         | /b/api/          | 200 | /                | /b/api/
            /b/([a-z0-9]+)/         | /b/api           | 200 | /b/api           | -
            /b/([a-z0-9]+)/         | /b/api/test1     | 200 | /test1           | /b/api/
            /b/([a-z0-9]+)/         | /b/api2/test2    | 200 | /test2           | /b/api2/
            /c/[a-z0-9]+/[0-9]+/    | /c/api/123/      | 200 | /                | /c/api/123/
            /c/[a-z0-9]+/[0-9]+/    | /c/api/123       | 200 | /c/api/123       | -
            /c/[a-z0-9]+/[0-9]+/    | /c/api/123/test3 | 200 | /test3           | /c/api/123/
            /c/[a-z0-9]+/[0-9]+/    | /c/api/abc/test4 | 200 | /c/api/abc/test4 | -
            /a/api/                 | /a/api/a%2Fb     | 200 | /a%2Fb           | /a/api/
            /b/([a-z0-9]+)/         | /b/ap%69/test    | 200 | /test            | /b/api/
            /b/([a-z0-9]+)/         | /b/ap%69/a%2Fb   | 200 | /a%2Fb           | /b/api/
            /t /test                | /t%2F/test/foo   | 200 | /t%2F/test/foo   | -
            /t /test                | /t%20/test/a%2Fb | 200 | /a%2Fb           | /t /test
            /api                    | /api./foo        | 400 | -                | -
            /api                    | /api../foo       | 400 | -                | -
            ^/x/(\\d+)?             | /x/12/y?q=1      | 200 | /y?q=1           | /x/12
            """)
    void stripsTheMatchedPrefix(String regex, String path, int status, String expectedUri, String expectedHeader) {
        var result = MiddlewareHarness.request(path)
                .run(new StripPrefixRegexMiddleware(new StripPrefixRegex(List.of(regex))));

        assertThat(result.status == 0 ? 200 : result.status).isEqualTo(status);
        if (status != 200) {
            assertThat(result.nextCalled).isFalse();
            return;
        }
        assertThat(result.uri).isEqualTo(expectedUri);
        assertThat(result.requestHeader("X-Forwarded-Prefix")).isEqualTo(expectedHeader);
    }

    @Test
    void firstMatchingExpressionWins() {
        var result = MiddlewareHarness.request("/api/v1/users")
                .run(new StripPrefixRegexMiddleware(new StripPrefixRegex(List.of("/nope", "/api/v[0-9]", "/api"))));

        assertThat(result.uri).isEqualTo("/users");
        assertThat(result.requestHeaders.getAll("X-Forwarded-Prefix")).containsExactly("/api/v1");
    }

    @Test
    void rejectsAnInvalidRegex() {
        assertThatThrownBy(() -> new StripPrefixRegexMiddleware(new StripPrefixRegex(List.of("a(b"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid regex \"a(b\"");
    }
}
