package io.trafficcop.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProxyConfigurationTest {

    final ProxyConfiguration base = ProxyConfiguration.of("traefik.yml", "ping: {}", Map.of("a.yml", "x: 1"));

    @Test
    void dynamicChangeKeepsTheStaticHashButChangesTheHash() {
        ProxyConfiguration changed = ProxyConfiguration.of("traefik.yml", "ping: {}", Map.of("a.yml", "x: 2"));

        assertThat(changed.staticHash()).isEqualTo(base.staticHash());
        assertThat(changed.hash()).isNotEqualTo(base.hash());
    }

    @Test
    void staticChangeChangesBothHashes() {
        ProxyConfiguration changed = ProxyConfiguration.of("traefik.yml", "ping: {} ", Map.of("a.yml", "x: 1"));

        assertThat(changed.staticHash()).isNotEqualTo(base.staticHash());
        assertThat(changed.hash()).isNotEqualTo(base.hash());
    }

    @Test
    void hashIsStableAndIndependentOfMapOrder() {
        ProxyConfiguration a = ProxyConfiguration.of("t.yml", "s", Map.of("a", "1", "b", "2"));
        ProxyConfiguration b = ProxyConfiguration.of("t.yml", "s", Map.of("b", "2", "a", "1"));

        assertThat(a.hash()).isEqualTo(b.hash()).hasSize(16);
        assertThat(ProxyConfiguration.of("t.yml", "s", Map.of("ab", "c")).hash())
                .isNotEqualTo(ProxyConfiguration.of("t.yml", "s", Map.of("a", "bc")).hash());
    }
}
