package io.trafficcop.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.trafficcop.operator.Fixtures;
import io.trafficcop.proxy.config.validate.ValidationReport;
import org.junit.jupiter.api.Test;

/** The production gate calls the proxy's real validator. */
class ProxyConfigGateTest {

    @Test
    void acceptsAValidConfiguration() {
        ValidationReport report = new ProxyConfigGate().check(Fixtures.configuration());

        assertThat(report.errors()).isEmpty();
        assertThat(report.valid()).isTrue();
    }
}
