package io.trafficcop.proxy.middleware.redirectscheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.handler.codec.http.HttpMethod;
import io.trafficcop.proxy.config.dynamic.RedirectScheme;
import io.trafficcop.proxy.testing.MiddlewareHarness;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Traefik's pkg/middlewares/redirect redirect_scheme_test.go. Each row runs twice as Traefik's does: with the
 * absolute-form request-target (as httptest.NewRequest), then with the origin-form one.
 */
class RedirectSchemeMiddlewareTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            HTTP to HTTPS                                      | https | -    | false | -      | http://foo               | -     | false | https://foo           | 302
            HTTP to HTTPS, with X-Forwarded-Proto              | https | -    | false | -      | http://foo               | http  | false | https://foo           | 302
            HTTP to HTTPS, with X-Forwarded-Proto to HTTPS     | https | -    | false | -      | http://foo               | https | false | -                     | 200
            HTTP to HTTPS, with X-Forwarded-Proto unknown      | https | -    | false | -      | http://foo               | bar   | false | https://foo           | 302
            HTTP to HTTPS, with X-Forwarded-Proto to ws        | https | -    | false | -      | http://foo               | ws    | false | https://foo           | 302
            HTTP to HTTPS, with X-Forwarded-Proto to wss       | https | -    | false | -      | http://foo               | wss   | false | -                     | 200
            HTTP with port to HTTPS without port               | https | -    | false | -      | http://foo:8080          | -     | false | https://foo           | 302
            HTTP without port to HTTPS with port               | https | 8443 | false | -      | http://foo               | -     | false | https://foo:8443      | 302
            HTTP with port to HTTPS with port                  | https | 8443 | false | -      | http://foo:8000          | -     | false | https://foo:8443      | 302
            HTTPS with port to HTTPS with port                 | https | 8443 | false | -      | https://foo:8000         | -     | false | https://foo:8443      | 302
            HTTPS with port to HTTPS without port              | https | -    | false | -      | https://foo:8000         | -     | false | https://foo           | 302
            redirection to HTTPS without port from https       | https | -    | false | -      | https://foo:8000/theother | -    | false | https://foo/theother  | 302
            HTTP to HTTPS permanent                            | https | 8443 | true  | -      | http://foo               | -     | false | https://foo:8443      | 301
            to HTTP 80                                         | http  | 80   | false | -      | http://foo:80            | -     | false | -                     | 200
            to HTTPS 443                                       | https | 443  | false | -      | https://foo:443          | -     | false | -                     | 200
            HTTP to wss                                        | wss   | 9443 | false | -      | http://foo               | -     | false | wss://foo:9443        | 302
            HTTP to wss without port                           | wss   | -    | false | -      | http://foo               | -     | false | wss://foo             | 302
            HTTP with port to wss without port                 | wss   | -    | false | -      | http://foo:5678          | -     | false | wss://foo             | 302
            HTTP to HTTPS without port                         | https | -    | false | -      | http://foo:443           | -     | false | https://foo           | 302
            HTTP port redirection                              | http  | 8181 | false | -      | http://foo:8080          | -     | false | http://foo:8181       | 302
            HTTPS with port 80 to HTTPS without port           | https | -    | false | -      | https://foo:80           | -     | false | https://foo           | 302
            IPV6 HTTP to HTTPS redirection without port        | https | -    | false | -      | http://[::1]             | -     | false | https://[::1]         | 302
            IPV6 HTTP to HTTPS redirection with port           | https | 8443 | false | -      | http://[::1]             | -     | false | https://[::1]:8443    | 302
            IPV6 HTTP with port 80 to HTTPS without port       | https | -    | false | -      | http://[::1]:80          | -     | false | https://[::1]         | 302
            IPV6 HTTP with port 80 to HTTPS with port          | https | 8443 | false | -      | http://[::1]:80          | -     | false | https://[::1]:8443    | 302
            POST is a 307                                      | https | -    | false | POST   | http://foo/a?b=c         | -     | false | https://foo/a?b=c     | 307
            POST permanent is a 308                            | https | -    | true  | POST   | http://foo/a             | -     | false | https://foo/a         | 308
            HEAD permanent is a 308                            | https | -    | true  | HEAD   | http://foo/a             | -     | false | https://foo/a         | 308
            TLS connection is already https                    | https | -    | false | -      | http://foo/a             | -     | true  | -                     | 200
            """)
    void redirects(String desc, String scheme, String port, boolean permanent, String method, String url,
                   String forwardedProto, boolean secured, String expectedUrl, int expectedStatus) {
        var middleware = new RedirectSchemeMiddleware(new RedirectScheme(scheme, port, permanent));
        URI parsed = URI.create(url);
        String originForm = url.substring(url.indexOf("://") + 3);
        int slash = originForm.indexOf('/');
        originForm = slash < 0 ? "" : originForm.substring(slash);

        // Go's SplitHostPort drops the brackets of an IPv6 Host header with a port: only the absolute form keeps them
        String[] targets = url.contains("[") && parsed.getPort() > 0 ? new String[] {url} : new String[] {url, originForm};
        for (String target : targets) {
            var request = MiddlewareHarness.request(method == null ? HttpMethod.GET : HttpMethod.valueOf(method), target)
                    .host(parsed.getRawAuthority())
                    .secure(secured || "https".equals(parsed.getScheme()))
                    .header("X-Foo", "bar");
            if (forwardedProto != null) {
                request.header("X-Forwarded-Proto", forwardedProto);
            }
            var result = request.run(middleware);

            if (expectedStatus == 200) {
                assertThat(result.nextCalled).as(target).isTrue();
            } else {
                assertThat(result.nextCalled).as(target).isFalse();
                assertThat(result.status).as(target).isEqualTo(expectedStatus);
                assertThat(result.responseHeader("Location")).as(target).isEqualTo(expectedUrl);
            }
        }
    }

    @Test
    void answersWithTheStatusTextAsGoDoes() {
        var result = MiddlewareHarness.request("/x").host("foo")
                .run(new RedirectSchemeMiddleware(new RedirectScheme("https", null, true)));

        assertThat(result.status).isEqualTo(301);
        assertThat(result.responseHeader("Location")).isEqualTo("https://foo/x");
        assertThat(result.body).isEqualTo("Moved Permanently");
        assertThat(result.responseHeader("Content-Type")).isEqualTo("text/plain; charset=utf-8");
    }

    @Test
    void forcePermanentRedirectIs308ForEveryMethod() {
        var result = MiddlewareHarness.request("http://foo").host("foo")
                .run(new RedirectSchemeMiddleware(new RedirectScheme("https", null, false), true));

        assertThat(result.status).isEqualTo(308);
        assertThat(result.responseHeader("Location")).isEqualTo("https://foo");
    }

    @Test
    void ipv6HostHeaderWithPortLosesItsBracketsAsInTraefik() {
        var result = MiddlewareHarness.request("/").host("[::1]:80")
                .run(new RedirectSchemeMiddleware(new RedirectScheme("https", null, false)));

        assertThat(result.responseHeader("Location")).isEqualTo("https://::1/");
    }

    @Test
    void requiresAScheme() {
        assertThatThrownBy(() -> new RedirectSchemeMiddleware(new RedirectScheme(null, null, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("redirectScheme.scheme");
    }
}
