package io.trafficcop.proxy.middleware.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trafficcop.proxy.config.dynamic.AddPrefix;
import io.trafficcop.proxy.config.dynamic.Chain;
import io.trafficcop.proxy.config.dynamic.StripPrefix;
import io.trafficcop.proxy.middleware.Middleware;
import io.trafficcop.proxy.middleware.addprefix.AddPrefixMiddleware;
import io.trafficcop.proxy.middleware.stripprefix.StripPrefixMiddleware;
import io.trafficcop.proxy.testing.MiddlewareHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The chain middleware: listed middlewares in order, the first sees the request first. */
class ChainMiddlewareTest {

    private static final Map<String, Middleware> MIDDLEWARES = Map.of(
            "strip", new StripPrefixMiddleware(new StripPrefix(List.of("/api"), null)),
            "add", new AddPrefixMiddleware(new AddPrefix("/v2")),
            "tag", next -> exchange -> {
                exchange.request().headers().add("X-Order", exchange.request().uri());
                next.handle(exchange);
            });

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource(delimiter = '|', textBlock = """
            strip,add         | /api/users | /v2/users
            add,strip         | /api/users | /v2/api/users
            ''                | /api/users | /api/users
            tag,strip,tag,add | /api/x     | /v2/x
            """)
    void appliesTheMiddlewaresInOrder(String names, String path, String expectedUri) {
        List<String> list = names.isEmpty() ? List.of() : List.of(names.split(","));
        var chain = ChainMiddleware.of(new Chain(list), MIDDLEWARES::get);

        var result = MiddlewareHarness.request(path).run(chain);

        assertThat(result.uri).isEqualTo(expectedUri);
        assertThat(chain.middlewares()).hasSize(list.size());
        if (names.startsWith("tag")) {
            assertThat(result.requestHeaders.getAll("X-Order")).containsExactly("/api/x", "/x");
        }
    }

    @org.junit.jupiter.api.Test
    void anUnknownNameFails() {
        assertThatThrownBy(() -> ChainMiddleware.of(new Chain(List.of("strip", "nope")), MIDDLEWARES::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"nope\"");
    }
}
