package io.trafficcop.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatusBuilder;
import io.trafficcop.operator.Fixtures;
import io.trafficcop.operator.api.v1alpha1.TrafficCopStatus;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FleetStatusTest {

    static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    static final ProxyConfiguration CONFIG = Fixtures.configuration();

    static Deployment deployment(long generation, Long observed, int updated, int ready) {
        Deployment d = ProxyDeployment.desired(Fixtures.fleet());
        d.getMetadata().setGeneration(generation);
        d.setStatus(new DeploymentStatusBuilder().withObservedGeneration(observed).withReplicas(updated)
                .withUpdatedReplicas(updated).withReadyReplicas(ready).build());
        return d;
    }

    static FleetStatus.Observation observation(boolean valid, ProxyConfiguration inForce, Deployment deployment,
                                               boolean redisManaged, StatefulSet redis, String rolloutReason) {
        return new FleetStatus.Observation(3, valid, valid ? "Valid" : "Invalid", valid ? "ok" : "1 error(s)",
                inForce, deployment, 2, redisManaged, redis, rolloutReason);
    }

    static Map<String, String> summary(TrafficCopStatus status) {
        return status.conditions.stream().collect(Collectors.toMap(Condition::getType,
                c -> c.getStatus() + "/" + c.getReason()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            rolled out            | true  | true  | 2 | 2 | 2 |      | True/Valid   | True/ReplicasReady          | False/RolloutComplete            | False/AsExpected
            rolling out           | true  | true  | 2 | 1 | 1 |      | True/Valid   | False/ReplicasNotReady      | True/RollingOut                  | False/AsExpected
            not observed yet      | true  | true  | 1 | 2 | 2 |      | True/Valid   | True/ReplicasReady          | True/RollingOut                  | False/AsExpected
            static change         | true  | true  | 2 | 2 | 2 | x    | True/Valid   | True/ReplicasReady          | True/StaticConfigurationChanged  | False/AsExpected
            invalid, last kept    | false | true  | 2 | 2 | 2 |      | False/Invalid| True/ReplicasReady          | False/RolloutComplete            | True/LastValidConfigurationKept
            invalid, nothing      | false | false | 0 | 0 | 0 |      | False/Invalid| False/NoValidConfiguration  | False/NoValidConfiguration       | False/AsExpected
            """)
    void conditionsFollowWhatWasObserved(String name, boolean valid, boolean hasConfig, int observedGeneration,
                                         int updated, int ready, String rollout, String configValid,
                                         String readyCondition, String progressing, String degraded) {
        Deployment d = hasConfig ? deployment(2, (long) observedGeneration, updated, ready) : null;
        TrafficCopStatus status = FleetStatus.next(null, observation(valid, hasConfig ? CONFIG : null, d, false,
                null, rollout == null ? null : "StaticConfigurationChanged"), T0);

        assertThat(summary(status)).containsExactlyInAnyOrderEntriesOf(Map.of(
                FleetStatus.CONFIG_VALID, configValid, FleetStatus.READY, readyCondition,
                FleetStatus.PROGRESSING, progressing, FleetStatus.DEGRADED, degraded));
        assertThat(status.observedGeneration).isEqualTo(3);
        assertThat(status.conditions).allSatisfy(c -> assertThat(c.getObservedGeneration()).isEqualTo(3));
        assertThat(status.configHash).isEqualTo(hasConfig ? CONFIG.hash() : null);
    }

    @Test
    void managedRedisMustBeReadyForTheFleetToBe() {
        StatefulSet redis = ManagedRedis.statefulSet(Fixtures.fleet());
        Deployment ready = deployment(1, 1L, 2, 2);

        TrafficCopStatus waiting = FleetStatus.next(null, observation(true, CONFIG, ready, true, redis, null), T0);
        redis.setStatus(new StatefulSetStatusBuilder().withReadyReplicas(1).build());
        TrafficCopStatus up = FleetStatus.next(null, observation(true, CONFIG, ready, true, redis, null), T0);

        assertThat(summary(waiting)).containsEntry(FleetStatus.READY, "False/RedisNotReady")
                .containsEntry(FleetStatus.DEGRADED, "True/RedisNotReady");
        assertThat(summary(up)).containsEntry(FleetStatus.READY, "True/ReplicasReady");
    }

    @Test
    void transitionTimesMoveOnlyWhenTheStatusChanges() {
        TrafficCopStatus first = FleetStatus.next(null,
                observation(true, CONFIG, deployment(1, 1L, 2, 1), false, null, null), T0);
        TrafficCopStatus second = FleetStatus.next(first,
                observation(true, CONFIG, deployment(1, 1L, 2, 2), false, null, null), T0.plusSeconds(60));

        Map<String, String> times = second.conditions.stream()
                .collect(Collectors.toMap(Condition::getType, Condition::getLastTransitionTime));
        assertThat(times).containsEntry(FleetStatus.CONFIG_VALID, "2026-11-22T10:00:00Z")
                .containsEntry(FleetStatus.READY, "2026-11-22T10:01:00Z");
        assertThat(FleetStatus.sameAs(second, FleetStatus.next(second,
                observation(true, CONFIG, deployment(1, 1L, 2, 2), false, null, null), T0.plusSeconds(120))))
                .isTrue();
    }

    @Test
    void reconcileErrorsShowAsDegradedKeepingTheRest() {
        TrafficCopStatus ok = FleetStatus.next(null,
                observation(true, CONFIG, deployment(1, 1L, 2, 2), false, null, null), T0);

        TrafficCopStatus failed = FleetStatus.withError(ok, "deployments.apps is forbidden", 3, T0.plusSeconds(5));

        assertThat(summary(failed)).containsEntry(FleetStatus.DEGRADED, "True/ReconcileError")
                .containsEntry(FleetStatus.READY, "True/ReplicasReady");
        assertThat(failed.configHash).isEqualTo(CONFIG.hash());
        assertThat(failed.conditions).filteredOn(c -> c.getType().equals(FleetStatus.DEGRADED)).singleElement()
                .satisfies(c -> assertThat(c.getMessage()).isEqualTo("deployments.apps is forbidden"));
    }
}
