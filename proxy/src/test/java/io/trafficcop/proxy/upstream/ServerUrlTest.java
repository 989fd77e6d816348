package io.trafficcop.proxy.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A server URL's parts, the same on the first parse and on every later one (they come from memory then). */
class ServerUrlTest {

    static Stream<Arguments> urls() {
        return Stream.of(
                Arguments.of("http://127.0.0.1:8080", new ServerUrl("http", "127.0.0.1", 8080, "127.0.0.1:8080", "")),
                Arguments.of("HTTPS://Backend.example/base%20x", new ServerUrl("https", "Backend.example", -1,
                        "Backend.example", "/base%20x")),
                Arguments.of("h2c://[::1]:9000", new ServerUrl("h2c", "[::1]", 9000, "[::1]:9000", "")),
                Arguments.of("//10.0.0.1:80/p", new ServerUrl(null, "10.0.0.1", 80, "10.0.0.1:80", "/p")),
                Arguments.of("backend:80", new ServerUrl("backend", null, -1, null, "")));
    }

    @ParameterizedTest
    @MethodSource("urls")
    void partsAsUriReadsThem(String url, ServerUrl expected) throws URISyntaxException {
        assertThat(ServerUrl.parse(url)).isEqualTo(expected);
        assertThat(ServerUrl.parse(url)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://bad host", "http://[::1", "http://a/%zz"})
    void invalidUrlsFailEveryTime(String url) {
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> ServerUrl.parse(url)).isInstanceOf(URISyntaxException.class)
                    .hasMessageContaining(url);
        }
    }
}
