package io.trafficcop.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.trafficcop.operator.api.v1alpha1.TrafficCopSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DrainBudgetTest {

    @ParameterizedTest(name = "drain {0}, lifeCycle {1}/{2} → grace {3}s, preStop {4}s")
    @CsvSource({
            // drain.timeout, requestAcceptGraceTimeout, graceTimeOut, terminationGracePeriodSeconds, preStop
            ",      ,      ,     20, 5",   // defaults: 5s + (0 + 10s) + 5s margin
            "0s,    ,      ,     15, 0",
            "30s,   10s,   20s,  65, 30",
            "1.5s,  ,      1m,   67, 2",   // 66.5s rounded up
            "1m,    500ms, 0s,   66, 60",
    })
    void coversPreStopLifeCycleAndMargin(String drain, String accept, String grace, long expectedGrace,
                                         long expectedPreStop) {
        StringBuilder yaml = new StringBuilder("entryPoints:\n  web:\n    address: \":8000\"\n");
        if (accept != null || grace != null) {
            yaml.append("    transport:\n      lifeCycle:\n");
            if (accept != null) {
                yaml.append("        requestAcceptGraceTimeout: ").append(accept).append('\n');
            }
            if (grace != null) {
                yaml.append("        graceTimeOut: ").append(grace).append('\n');
            }
        }
        TrafficCopSpec spec = new TrafficCopSpec();
        spec.drain.timeout = drain;

        DrainBudget budget = DrainBudget.of(spec, StaticConfigReader.read("traefik.yml", yaml.toString()));

        assertThat(budget.terminationGracePeriodSeconds()).isEqualTo(expectedGrace);
        assertThat(budget.preStopSeconds()).isEqualTo(expectedPreStop);
    }
}
