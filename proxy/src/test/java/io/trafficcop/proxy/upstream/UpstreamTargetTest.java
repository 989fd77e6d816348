package io.trafficcop.proxy.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.trafficcop.proxy.runtime.ServersTransportSettings;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Targets are the keys of the connection pools: equal ones (a reload keeping the URL) must find the same pool. */
class UpstreamTargetTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080", "https://backend.example/base", "h2c://[::1]:9000"})
    void equalTargetsShareAPool(String url) {
        UpstreamTarget first = UpstreamTarget.of(url, null);
        UpstreamTarget reloaded = UpstreamTarget.of(url, ServersTransportSettings.DEFAULTS);
        Map<UpstreamTarget, String> pools = new HashMap<>();
        pools.put(first, "pool");

        assertThat(reloaded).isEqualTo(first).isNotSameAs(first);
        assertThat(reloaded.hashCode()).isEqualTo(first.hashCode());
        assertThat(pools.get(reloaded)).isEqualTo("pool");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080", "https://backend.example/base"})
    void aDifferentTransportIsAnotherPool(String url) {
        UpstreamTarget byDefault = UpstreamTarget.of(url, null);
        var d = ServersTransportSettings.DEFAULTS;
        var fewerIdle = new ServersTransportSettings("fewer-idle", 2, d.dialTimeout(), d.responseHeaderTimeout(),
                d.idleConnTimeout(), d.tls(), d.disableHttp2(), d.readIdleTimeout(), d.pingTimeout());
        UpstreamTarget other = UpstreamTarget.of(url, fewerIdle);
        Map<UpstreamTarget, String> pools = new HashMap<>();
        pools.put(byDefault, "pool");

        assertThat(other).isNotEqualTo(byDefault);
        assertThat(pools.get(other)).isNull();
    }
}
