package io.trafficcop.proxy.middleware.stripprefix;

import static org.assertj.core.api.Assertions.assertThat;

import io.trafficcop.proxy.config.dynamic.StripPrefix;
import io.trafficcop.proxy.testing.MiddlewareHarness;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Traefik's pkg/middlewares/stripprefix tests (expected URI: the raw path if any, else the path, "/" if empty). */
class StripPrefixMiddlewareTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            no prefixes configured                      | ''              | /noprefixes  | 200 | /noprefixes | -
            wildcard (.*) requests                      | /               | /            | 200 | /           | /
            prefix and path matching                    | /stat           | /stat        | 200 | /           | /stat
            path prefix on exactly matching path        | /stat/          | /stat/       | 200 | /           | /stat/
            path prefix on matching longer path         | /stat/          | /stat/us     | 200 | /us         | /stat/
            path prefix on mismatching path             | /stat/          | /status      | 200 | /status     | -
            general prefix on matching path             | /stat           | /stat/       | 200 | /           | /stat
            earlier prefix matching                     | /stat,/stat/us  | /stat/us     | 200 | /us         | /stat
            later prefix matching                       | /mismatch,/stat | /stat        | 200 | /           | /stat
            prefix matching within slash boundaries     | /stat           | /status      | 200 | /us         | /stat
            raw path is also stripped                   | /stat           | /stat/a%2Fb  | 200 | /a%2Fb      | /stat
            encoded char in prefix segment of raw path  | /api/           | /ap%69/a%2Fb | 200 | /a%2Fb      | /api/
            dot in the path not stripped by the prefix  | /api            | /api./foo    | 400 | -           | -
            multiple dots in the path not stripped      | /api            | /api../foo   | 400 | -           | -
            double slash after the prefix               | /api            | /api//foo    | 400 | -           | -
            query is kept                               | /stat           | /stat/us?a=b | 200 | /us?a=b     | /stat
            prefix is trimmed                           | ' /stat '       | /stat/us     | 200 | /us         | /stat
            """)
    void stripsThePrefix(String desc, String prefixes, String path, int status, String expectedUri,
                         String expectedHeader) {
        List<String> list = prefixes.isEmpty() ? List.of() : Arrays.asList(prefixes.split(","));
        var result = MiddlewareHarness.request(path).run(new StripPrefixMiddleware(new StripPrefix(list, false)));

        if (status != 200) {
            assertThat(result.nextCalled).isFalse();
            assertThat(result.status).isEqualTo(status);
            assertThat(result.body).isEqualTo("Bad Request\n");
            return;
        }
        assertThat(result.nextCalled).isTrue();
        assertThat(result.uri).isEqualTo(expectedUri);
        assertThat(result.requestHeader("X-Forwarded-Prefix")).isEqualTo(expectedHeader);
    }

    @ParameterizedTest(name = "forceSlash {0} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            /stat  | /stat        | /
            /stat  | /stat/       | /
            /stat/ | /stat/us     | /us
            /stat  | /stat/a%2Fb  | /a%2Fb
            """)
    void forceSlashAlwaysLeavesOneLeadingSlash(String prefix, String path, String expectedUri) {
        var result = MiddlewareHarness.request(path)
                .run(new StripPrefixMiddleware(new StripPrefix(List.of(prefix), true)));

        assertThat(result.uri).isEqualTo(expectedUri);
        assertThat(result.requestHeader("X-Forwarded-Prefix")).isEqualTo(prefix);
    }

    @ParameterizedTest
    @CsvSource({"/api../foo", "/api./foo"})
    void forceSlashStillRefusesDotSegments(String path) {
        var result = MiddlewareHarness.request(path)
                .run(new StripPrefixMiddleware(new StripPrefix(List.of("/api"), true)));

        assertThat(result.status).isEqualTo(400);
    }
}
