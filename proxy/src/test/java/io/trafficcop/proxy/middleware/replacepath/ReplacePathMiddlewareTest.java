package io.trafficcop.proxy.middleware.replacepath;

import static org.assertj.core.api.Assertions.assertThat;

import io.trafficcop.proxy.config.dynamic.ReplacePath;
import io.trafficcop.proxy.testing.MiddlewareHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Traefik's pkg/middlewares/replacepath tests. */
class ReplacePathMiddlewareTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            simple path                      | /example               | /replacement-path | /replacement-path | /example
            long path                        | /some/really/long/path | /replacement-path | /replacement-path | /some/really/long/path
            path with escaped value          | /foo%2Fbar             | /replacement-path | /replacement-path | /foo%2Fbar
            replacement with escaped value   | /path                  | /foo%2Fbar        | /foo%2Fbar        | /path
            percent encoded backspace char   | /path/%08bar           | /path/%08bar      | /path/%08bar      | /path/%08bar
            query is kept                    | /a?b=c                 | /x                | /x?b=c            | /a
            """)
    void replacesThePath(String desc, String path, String replacement, String expectedUri, String expectedHeader) {
        var result = MiddlewareHarness.request(path).run(new ReplacePathMiddleware(new ReplacePath(replacement)));

        assertThat(result.nextCalled).isTrue();
        assertThat(result.uri).isEqualTo(expectedUri);
        assertThat(result.requestHeader("X-Replaced-Path")).isEqualTo(expectedHeader);
    }

    @Test
    void anInvalidReplacementIsA500AsInTraefik() {
        var result = MiddlewareHarness.request("/a").run(new ReplacePathMiddleware(new ReplacePath("/%zz")));

        assertThat(result.nextCalled).isFalse();
        assertThat(result.status).isEqualTo(500);
        assertThat(result.body).isEqualTo("invalid URL escape \"%zz\"\n");
    }
}
