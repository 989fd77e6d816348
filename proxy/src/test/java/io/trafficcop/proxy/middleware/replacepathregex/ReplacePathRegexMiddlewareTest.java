package io.trafficcop.proxy.middleware.replacepathregex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trafficcop.proxy.config.dynamic.ReplacePathRegex;
import io.trafficcop.proxy.testing.MiddlewareHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Traefik's pkg/middlewares/replacepathregex tests. */
class ReplacePathRegexMiddlewareTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            simple regex                  | /whoami/and/whoami       | ^/whoami/(.*)                          | /who-am-i/$1      | 200 | /who-am-i/and/whoami   | /whoami/and/whoami
            simple replace (no regex)     | /whoami/and/whoami       | /whoami                                | /who-am-i         | 200 | /who-am-i/and/who-am-i | /whoami/and/whoami
            empty replacement             | /whoami/and/whoami       | /whoami                                | ''                | 200 | /and                   | /whoami/and/whoami
            empty trimmed replacement     | /whoami/and/whoami       | /whoami                                | ' '               | 200 | /and                   | /whoami/and/whoami
            no match                      | /whoami/and/whoami       | /no-match                              | /whoami           | 200 | /whoami/and/whoami     | -
            multiple replacement          | /downloads/src/source.go | ^(?i)/downloads/([^/]+)/([^/]+)$       | /downloads/$1-$2  | 200 | /downloads/src-source.go | /downloads/src/source.go
            replacement with escaped char | /aaa/bbb                 | /aaa/bbb                               | /foo%2Fbar        | 200 | /foo%2Fbar             | /aaa/bbb
            path and regex with escaped   | /aaa%2Fbbb               | /aaa%2Fbbb                             | /foo/bar          | 200 | /foo/bar               | /aaa%2Fbbb
            path with escaped (no match)  | /aaa%2Fbbb               | /aaa/bbb                               | /foo/bar          | 200 | /aaa%2Fbbb             | -
            percent encoded backspace     | /foo/%08bar              | ^/foo/(.*)                             | /$1               | 200 | /%08bar                | /foo/%08bar
            path with ..                  | /foo../bar               | ^/foo(.*)                              | /$1               | 400 | -                      | -
            named group                   | /v1/users                | ^/v(?P<version>\\d+)/(.*)              | /${2}/v${version} | 200 | /users/v1              | /v1/users
            Go reads $1x as group 1x      | /ab                      | ^/(a)(b)                               | /$1x-${1}x        | 200 | /-ax                   | /ab
            dollar dollar is a dollar     | /ab                      | ^/ab                                   | /$$a              | 200 | /$a                    | /ab
            invalid escape is a 500       | /ab                      | ^/ab                                   | /%zz              | 500 | -                      | -
            """)
    void replacesThePath(String desc, String path, String regex, String replacement, int status, String expectedUri,
                         String expectedHeader) {
        var result = MiddlewareHarness.request(path)
                .run(new ReplacePathRegexMiddleware(new ReplacePathRegex(regex, replacement)));

        if (status != 200) {
            assertThat(result.nextCalled).isFalse();
            assertThat(result.status).isEqualTo(status);
            return;
        }
        assertThat(result.nextCalled).isTrue();
        assertThat(result.uri).isEqualTo(expectedUri);
        assertThat(result.requestHeader("X-Replaced-Path")).isEqualTo(expectedHeader);
    }

    @Test
    void rejectsAnInvalidRegex() {
        assertThatThrownBy(() -> new ReplacePathRegexMiddleware(
                new ReplacePathRegex("^(?err)/invalid/regexp/([^/]+)$", "/valid/regexp/$1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("replacePathRegex.regex");
    }
}
