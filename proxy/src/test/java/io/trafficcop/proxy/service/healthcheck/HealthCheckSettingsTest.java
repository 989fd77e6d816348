package io.trafficcop.proxy.service.healthcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trafficcop.proxy.config.GoDuration;
import io.trafficcop.proxy.config.dynamic.HealthCheck;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Traefik's health-check defaults, validation, accepted statuses and request URL. */
class HealthCheckSettingsTest {

    static HealthCheck config(String scheme, String mode, String path, Integer status, Integer port,
                              GoDuration interval, GoDuration unhealthy, GoDuration timeout) {
        return new HealthCheck(scheme, mode, path, null, status, port, interval, unhealthy, timeout, null, null,
                Map.of());
    }

    @Test
    void defaultsAreTraefiks() {
        var s = HealthCheckSettings.of(new HealthCheck(null, null, "/health", null, null, null, null, null, null,
                null, null, null));
        assertThat(s.mode()).isEqualTo("http");
        assertThat(s.method()).isEqualTo("GET");
        assertThat(s.interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.unhealthyInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.followRedirects()).isTrue();
        var t = HealthCheckSettings.of(config(null, null, "/", null, null, GoDuration.ofSeconds(-1),
                GoDuration.ZERO, GoDuration.ZERO));
        assertThat(t.interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(t.unhealthyInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(t.timeout()).isEqualTo(Duration.ofSeconds(5));
        var u = HealthCheckSettings.of(config(null, null, "/", null, null, GoDuration.ofSeconds(3), null, null));
        assertThat(u.unhealthyInterval()).isEqualTo(Duration.ofSeconds(3));
    }

    @ParameterizedTest
    @CsvSource({"0, 200, true", "0, 302, true", "0, 399, true", "0, 404, false", "0, 199, false",
            "204, 204, true", "204, 200, false"})
    void acceptsTheConfiguredStatusOrAny2xx3xx(int configured, int received, boolean healthy) {
        var s = HealthCheckSettings.of(config(null, null, "/", configured, null, null, null, null));
        assertThat(s.healthy(received)).isEqualTo(healthy);
    }

    @ParameterizedTest
    @CsvSource({
            "'', '', 0, http://10.0.0.1:81/base, http://10.0.0.1:81/base",
            "'', /health, 0, http://10.0.0.1:81, http://10.0.0.1:81/health",
            "https, /health?x=1, 8443, http://10.0.0.1:81, https://10.0.0.1:8443/health?x=1",
            "'', health, 0, http://10.0.0.1:81/api/, http://10.0.0.1:81/api/health"})
    void requestUrlIsThePathResolvedAgainstTheServer(String scheme, String path, int port, String server,
                                                     String expected) {
        var s = HealthCheckSettings.of(config(scheme, null, path, null, port, null, null, null));
        assertThat(new HttpHealthProbe(s, io.netty.channel.socket.nio.NioSocketChannel.class,
                io.trafficcop.proxy.runtime.ServersTransportSettings.DEFAULTS)
                .requestUrl(URI.create(server))).hasToString(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "tcp, '', 0, 0, healthCheck.mode",
            "http, http://evil/health, 0, 0, healthCheck.path",
            "http, /, 42, 0, healthCheck.status",
            "http, /, 0, 70000, healthCheck.port",
            "grpc, /, 0, 0, healthCheck.scheme",
            "http, /, 0, 0, healthCheck.scheme"})
    void rejectsInvalidValuesNamingTheOption(String mode, String path, int status, int port, String option) {
        // the scheme rows: https is refused with grpc, "ftp" always
        String scheme = option.equals("healthCheck.scheme") ? (mode.equals("grpc") ? "https" : "ftp") : null;
        assertThatThrownBy(() -> HealthCheckSettings.of(config(scheme, mode, path, status, port, null, null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(option);
    }
}
