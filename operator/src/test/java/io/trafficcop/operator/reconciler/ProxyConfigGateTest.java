package io.trafficcop.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.trafficcop.operator.Fixtures;
import io.trafficcop.proxy.config.validate.Problem;
import io.trafficcop.proxy.config.validate.ValidationReport;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The production gate calls the proxy's real validator. */
class ProxyConfigGateTest {

    @Test
    void acceptsAValidConfiguration() {
        ValidationReport report = new ProxyConfigGate().check(Fixtures.configuration());

        assertThat(report.errors()).isEmpty();
        assertThat(report.valid()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            /tmp/gate-1/traefik.yml          | 3 | entryPoints.web.adress  | unknown key                            | traefik.yml:3: entryPoints.web.adress: unknown key
            /tmp/gate-1/dynamic/routes.yml   | 7 | http.routers.r.service  | service 'x' does not exist             | routes.yml:7: http.routers.r.service: service 'x' does not exist
            /tmp/gate-1/dynamic              | 0 | providers.file          | cannot read /tmp/gate-1/dynamic/a.yml  | /etc/traefik/dynamic: providers.file: cannot read /etc/traefik/dynamic/a.yml
            """)
    void reportsProblemsUnderTheNamesTheUserKnows(String file, int line, String path, String message,
                                                  String expected) {
        var layout = new ProxyConfigGate.Layout(Path.of("/tmp/gate-1/traefik.yml"), "traefik.yml",
                Path.of("/tmp/gate-1/dynamic"));

        Problem relabelled = layout.relabel(new Problem(file, line, path, message));

        assertThat(relabelled.toString()).isEqualTo(expected);
    }
}
