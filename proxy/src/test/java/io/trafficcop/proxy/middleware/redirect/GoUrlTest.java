package io.trafficcop.proxy.middleware.redirect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Go's url.Parse(s).String(), which is how the redirect middlewares write Location. */
class GoUrlTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            http://www.google.com                      | http://www.google.com
            http://www.google.com/                     | http://www.google.com/
            http://www.google.com/file%20one%26two     | http://www.google.com/file%20one%26two
            http://www.google.com/a b                  | http://www.google.com/a%20b
            http://user:password@google.com            | http://user:password@google.com
            http://www.google.com/?q=go+language       | http://www.google.com/?q=go+language
            http://www.google.com/?                    | http://www.google.com/?
            http://www.google.com/a%2Fb                | http://www.google.com/a%2Fb
            HTTP://www.google.com/                     | http://www.google.com/
            http://[fe80::1]:8080/x                    | http://[fe80::1]:8080/x
            http://www.google.com/#frag ment           | http://www.google.com/#frag%20ment
            http://www.google.com/#a/b?c               | http://www.google.com/#a/b?c
            mailto:webmaster@golang.org                | mailto:webmaster@golang.org
            /relative/path                             | /relative/path
            https://example.com:443                    | https://example.com:443
            """)
    void normalizesAsGo(String raw, String expected) {
        assertThat(GoUrl.normalize(raw)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            http://192.168.0.%31/           | invalid URL escape "%31"
            http://exa mple.com/            | invalid character " " in host name
            http://host:8x/                 | invalid port ":8x" after host
            http://[::1/                    | missing ']' in host
            http://host/%zz                 | invalid URL escape "%zz"
            :foo                            | missing protocol scheme
            a:b/c:d                         | x
            """)
    void refusesWhatGoRefuses(String raw, String message) {
        if (raw.startsWith("a:")) {
            assertThat(GoUrl.normalize(raw)).isEqualTo("a:b/c:d"); // an opaque URL is fine
            return;
        }
        assertThatThrownBy(() -> GoUrl.normalize(raw)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }
}
