package io.trafficcop.proxy.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TlsRouterHostsTest {

    @Test
    void conflictingOptionsOnAHostFallBackToDefault() {
        List<TlsRouterHosts> routers = List.of(
                new TlsRouterHosts("a", List.of("Foo.test", "bar.test"), "strict@file"),
                new TlsRouterHosts("b", List.of("foo.test"), "modern@file"),
                new TlsRouterHosts("c", List.of("baz.test"), null),
                new TlsRouterHosts("d", List.of("bar.test"), "strict@file"));
        assertThat(TlsRouterHosts.resolve(routers)).containsExactly(
                java.util.Map.entry("foo.test", "default"),
                java.util.Map.entry("bar.test", "strict@file"),
                java.util.Map.entry("baz.test", "default"));
        assertThat(TlsRouterHosts.conflicting(routers)).containsExactly("a", "b");
    }
}
