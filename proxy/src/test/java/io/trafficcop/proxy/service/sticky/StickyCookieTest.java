package io.trafficcop.proxy.service.sticky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trafficcop.proxy.config.dynamic.Cookie;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cookie names, values and Set-Cookie rendering equal Traefik's (golden values from Traefik's Go code). */
class StickyCookieTest {

    @ParameterizedTest
    @CsvSource({"whoami@docker, _633ff", "my-service@file, _4fcce", "svc@kubernetescrd, _db3b2"})
    void defaultNameIsAHashOfTheServiceName(String service, String expected) {
        assertThat(StickyCookie.of(null, service).name()).isEqualTo(expected);
        assertThat(StickyCookie.of(new Cookie("", null, null, null, null, null, null), service).name())
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"my_cookie, my_cookie", "'a b;c', a_b_c", "x.y-z~!, x.y-z~!", "été, _t_"})
    void configuredNameIsSanitized(String configured, String expected) {
        assertThat(StickyCookie.cookieName(configured, "svc@file")).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "http://10.0.0.1:80,    df5bd2f9c0180410, 6773b9eb3f0631af, a3882de487ebf0dc",
            "http://127.0.0.1:8080, d30a576c03187167, 5a1cc52f3f46040c, 7d49894b220072d5"})
    void valuesAreTraefiksHashes(String url, String sha, String fnv, String doubleFnv) {
        assertThat(StickySessions.sha256Hash(url)).isEqualTo(sha);
        assertThat(StickySessions.fnvHash(url)).isEqualTo(fnv);
        assertThat(StickySessions.fnvHash(fnv)).isEqualTo(doubleFnv);
    }

    @Test
    void setCookieIsRenderedAsGo() {
        assertThat(StickyCookie.of(new Cookie("sticky", true, true, "lax", 60, "/", ".example.com"), "s@f")
                .setCookieValue("abc"))
                .isEqualTo("sticky=abc; Path=/; Domain=example.com; Max-Age=60; HttpOnly; Secure; SameSite=Lax");
        assertThat(StickyCookie.of(new Cookie("sticky", null, null, "none", -1, "/foo", null), "s@f")
                .setCookieValue("abc")).isEqualTo("sticky=abc; Path=/foo; Max-Age=0; SameSite=None");
        assertThat(StickyCookie.of(new Cookie("sticky", null, null, null, null, null, null), "s@f")
                .setCookieValue("abc")).isEqualTo("sticky=abc; Path=/");
    }

    @Test
    void rejectsAnUnknownSameSite() {
        assertThatThrownBy(() -> StickyCookie.of(new Cookie("x", null, null, "sometimes", null, null, null), "s@f"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sameSite");
    }

    @Test
    void findsTheFirstCookieOfThatName() {
        assertThat(StickySessions.cookieValue(List.of("a=1; sticky=abc; sticky=def"), "sticky")).isEqualTo("abc");
        assertThat(StickySessions.cookieValue(List.of("a=1", "sticky=\"q\""), "sticky")).isEqualTo("q");
        assertThat(StickySessions.cookieValue(List.of("a=1"), "sticky")).isNull();
    }
}
