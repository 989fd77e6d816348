package io.trafficcop.proxy.middleware.redirectregex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.handler.codec.http.HttpMethod;
import io.trafficcop.proxy.config.dynamic.RedirectRegex;
import io.trafficcop.proxy.testing.MiddlewareHarness;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Traefik's pkg/middlewares/redirect redirect_regex_test.go, plus Location normalization as Go's url.URL. */
class RedirectRegexMiddlewareTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            simple redirection              | ^(?:http?:\\/\\/)(foo)(\\.com)(:\\d+)(.*)$ | https://${1}bar$2:443$4 | false | -    | http://foo.com:80             | -     | false | https://foobar.com:443       | 302
            URL doesn't match regex         | ^(?:http?:\\/\\/)(foo)(\\.com)(:\\d+)(.*)$ | https://${1}bar$2:443$4 | false | -    | http://bar.com:80             | -     | false | -                            | 200
            invalid rewritten URL           | ^(.*)$                                 | http://192.168.0.%31/    | false | -    | http://foo.com:80             | -     | false | -                            | 502
            HTTP to HTTPS permanent         | ^http://                               | https://$1               | true  | -    | http://foo                    | -     | false | https://foo                  | 301
            HTTPS to HTTP permanent         | https://foo                            | http://foo               | true  | -    | https://foo                   | -     | true  | http://foo                   | 301
            HTTP to HTTPS                   | http://foo:80                          | https://foo:443          | false | -    | http://foo:80                 | -     | false | https://foo:443              | 302
            HTTP to HTTPS, X-Forwarded-Proto| http://foo:80                          | https://foo:443          | false | -    | http://foo:80                 | https | false | https://foo:443              | 302
            HTTPS to HTTP                   | https://foo:443                        | http://foo:80            | false | -    | https://foo:443               | -     | true  | http://foo:80                | 302
            HTTP to HTTP                    | http://foo:80                          | http://foo:88            | false | -    | http://foo:80                 | -     | false | http://foo:88                | 302
            HTTP to HTTP POST               | ^http://                               | https://$1               | false | POST | http://foo                    | -     | false | https://foo                  | 307
            www-redirect without port       | (https?)://[^/:]+(:[0-9]+)?/(.*)       | $1://example.com$2/$3    | true  | -    | http://www.example.com/path   | -     | false | http://example.com/path      | 301
            www-redirect with port          | (https?)://[^/:]+(:[0-9]+)?/(.*)       | $1://example.com$2/$3    | true  | -    | http://www.example.com:8080/path | -  | false | http://example.com:8080/path | 301
            www-redirect root path          | (https?)://[^/:]+(:[0-9]+)?/(.*)       | $1://example.com$2/$3    | true  | -    | http://www.example.com/       | -     | false | http://example.com/          | 301
            www-redirect HTTPS without port | (https?)://[^/:]+(:[0-9]+)?/(.*)       | $1://example.com$2/$3    | true  | -    | https://www.example.com/path  | -     | true  | https://example.com/path     | 301
            HTTP to HTTP POST permanent     | ^http://                               | https://$1               | true  | POST | http://foo                    | -     | false | https://foo                  | 308
            scheme is lower-cased by Go     | ^http://foo/(.*)                       | HTTPS://bar/$1           | false | -    | http://foo/x                  | -     | false | https://bar/x                | 302
            space in path is escaped        | ^http://foo/(.*)                       | http://bar/a b/$1        | false | -    | http://foo/x?q=1              | -     | false | http://bar/a%20b/x?q=1       | 302
            invalid port is a 502           | ^http://foo/(.*)                       | http://bar:8x/$1         | false | -    | http://foo/x                  | -     | false | -                            | 502
            same URL goes on                | ^http://foo/(.*)                       | http://foo/$1            | false | -    | http://foo/x                  | -     | false | -                            | 200
            """)
    void redirects(String desc, String regex, String replacement, boolean permanent, String method, String url,
                   String forwardedProto, boolean secured, String expectedUrl, int expectedStatus) {
        var middleware = new RedirectRegexMiddleware(new RedirectRegex(regex, replacement, permanent));
        URI parsed = URI.create(url);
        var request = MiddlewareHarness.request(method == null ? HttpMethod.GET : HttpMethod.valueOf(method), url)
                .host(parsed.getRawAuthority())
                .secure(secured)
                .header("X-Foo", "bar");
        if (forwardedProto != null) {
            request.header("X-Forwarded-Proto", forwardedProto);
        }
        var result = request.run(middleware);

        if (expectedStatus == 200) {
            assertThat(result.nextCalled).isTrue();
            return;
        }
        assertThat(result.nextCalled).isFalse();
        assertThat(result.status).isEqualTo(expectedStatus);
        assertThat(result.responseHeader("Location")).isEqualTo(expectedUrl);
    }

    @Test
    void matchesOnHostHeaderAndOriginFormTarget() {
        var result = MiddlewareHarness.request("/old/page?x=1").host("example.com:8080")
                .run(new RedirectRegexMiddleware(new RedirectRegex("^http://([^/]+)/old/(.*)", "https://$1/new/${2}", false)));

        assertThat(result.status).isEqualTo(302);
        assertThat(result.responseHeader("Location")).isEqualTo("https://example.com:8080/new/page?x=1");
        assertThat(result.body).isEqualTo("Found");
    }

    @Test
    void rejectsAnInvalidRegex() {
        assertThatThrownBy(() -> new RedirectRegexMiddleware(new RedirectRegex("^(.*", "$1", false)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("redirectRegex.regex");
    }
}
