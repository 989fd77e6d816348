package io.trafficcop.operator.model;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.trafficcop.operator.api.v1alpha1.TrafficCopStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Computes the TrafficCop status from what was observed: the Ready, ConfigValid, Progressing and Degraded
 * conditions (lastTransitionTime kept while a condition's status does not change), observedGeneration, replica
 * counts and the configuration hash in force.
 */
public final class FleetStatus {

    public static final String READY = "Ready";
    public static final String CONFIG_VALID = "ConfigValid";
    public static final String PROGRESSING = "Progressing";
    public static final String DEGRADED = "Degraded";

    /**
     * What one reconciliation saw.
     *
     * @param generation the resource's metadata.generation
     * @param configValid whether the candidate configuration passed the gate
     * @param configReason the ConfigValid reason (Valid, Invalid, ConfigMapNotFound, ...)
     * @param configMessage the ConfigValid message (every error when invalid)
     * @param inForce the configuration the pods run (the candidate when valid, else the last good one), or null
     * @param deployment the proxy Deployment as last seen, or null
     * @param desiredReplicas the replicas the fleet should have
     * @param redis the managed Redis StatefulSet, or null when Redis is not managed
     * @param redisManaged whether Redis is managed by the operator
     * @param rolloutReason why the pod template changes in this reconciliation, or null when it does not
     */
    public record Observation(long generation, boolean configValid, String configReason, String configMessage,
                              ProxyConfiguration inForce, Deployment deployment, int desiredReplicas,
                              boolean redisManaged, StatefulSet redis, String rolloutReason) {
    }

    private FleetStatus() {
    }

    public static TrafficCopStatus next(TrafficCopStatus previous, Observation o, Instant now) {
        TrafficCopStatus status = new TrafficCopStatus();
        status.observedGeneration = o.generation();
        status.replicas = o.desiredReplicas();
        DeploymentStatus ds = o.deployment() == null ? null : o.deployment().getStatus();
        int ready = ds == null || ds.getReadyReplicas() == null ? 0 : ds.getReadyReplicas();
        int updated = ds == null || ds.getUpdatedReplicas() == null ? 0 : ds.getUpdatedReplicas();
        int total = ds == null || ds.getReplicas() == null ? 0 : ds.getReplicas();
        status.readyReplicas = ready;
        if (o.inForce() != null) {
            status.configHash = o.inForce().hash();
            status.staticConfigHash = o.inForce().staticHash();
        }
        if (o.deployment() != null) {
            status.selector = o.deployment().getSpec().getSelector().getMatchLabels().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
        }

        List<Condition> conditions = new ArrayList<>();
        conditions.add(condition(CONFIG_VALID, o.configValid(), o.configReason(), o.configMessage()));

        boolean deploymentCaughtUp = o.deployment() != null && ds != null && ds.getObservedGeneration() != null
                && ds.getObservedGeneration() >= o.deployment().getMetadata().getGeneration();
        boolean rolledOut = o.rolloutReason() == null && deploymentCaughtUp && updated >= o.desiredReplicas()
                && total <= o.desiredReplicas() && ready >= o.desiredReplicas();
        if (o.inForce() == null) {
            conditions.add(condition(PROGRESSING, false, "NoValidConfiguration",
                    "nothing to deploy until the configuration is valid"));
        } else if (rolledOut) {
            conditions.add(condition(PROGRESSING, false, "RolloutComplete",
                    ready + "/" + o.desiredReplicas() + " pods run configuration " + o.inForce().staticHash()));
        } else {
            String reason = o.rolloutReason() != null ? o.rolloutReason()
                    : o.deployment() == null ? "Creating" : "RollingOut";
            conditions.add(condition(PROGRESSING, true, reason,
                    updated + "/" + o.desiredReplicas() + " pods updated, " + ready + " ready"));
        }

        boolean redisReady = !o.redisManaged() || (o.redis() != null && o.redis().getStatus() != null
                && Objects.requireNonNullElse(o.redis().getStatus().getReadyReplicas(), 0) >= 1);
        boolean fleetReady = o.inForce() != null && ready >= Math.max(1, o.desiredReplicas()) && redisReady;
        conditions.add(condition(READY, fleetReady,
                fleetReady ? "ReplicasReady" : o.inForce() == null ? "NoValidConfiguration"
                        : !redisReady ? "RedisNotReady" : "ReplicasNotReady",
                ready + "/" + o.desiredReplicas() + " pods ready"));

        List<String> degraded = new ArrayList<>();
        String degradedReason = "AsExpected";
        if (!o.configValid() && o.inForce() != null) {
            degradedReason = "LastValidConfigurationKept";
            degraded.add("the new configuration is invalid; pods keep running configuration " + o.inForce().hash());
        }
        if (o.redisManaged() && !redisReady) {
            degradedReason = degraded.isEmpty() ? "RedisNotReady" : degradedReason;
            degraded.add("managed Redis is not ready");
        }
        if (o.deployment() != null && ds != null && ds.getConditions() != null) {
            ds.getConditions().stream()
                    .filter(c -> "ReplicaFailure".equals(c.getType()) && "True".equals(c.getStatus()))
                    .findFirst().ifPresent(c -> degraded.add("Deployment: " + c.getMessage()));
        }
        if (!degraded.isEmpty() && degradedReason.equals("AsExpected")) {
            degradedReason = "ReplicaFailure";
        }
        conditions.add(condition(DEGRADED, !degraded.isEmpty(), degradedReason,
                degraded.isEmpty() ? "" : String.join("; ", degraded)));

        status.conditions = keepTransitionTimes(previous, conditions, o.generation(), now);
        return status;
    }

    /**
     * The previous status with {@code Degraded=True}, reason {@code ReconcileError}: what is known about the fleet
     * stays, the failure is shown next to it (the reconciliation is retried).
     */
    public static TrafficCopStatus withError(TrafficCopStatus previous, String message, long generation,
                                             Instant now) {
        TrafficCopStatus status = new TrafficCopStatus();
        if (previous != null) {
            status.observedGeneration = previous.observedGeneration;
            status.replicas = previous.replicas;
            status.readyReplicas = previous.readyReplicas;
            status.configHash = previous.configHash;
            status.staticConfigHash = previous.staticConfigHash;
            status.selector = previous.selector;
            previous.conditions.stream().filter(c -> !DEGRADED.equals(c.getType()))
                    .map(c -> new ConditionBuilder(c).build()).forEach(status.conditions::add);
        }
        List<Condition> degraded = new ArrayList<>(List.of(condition(DEGRADED, true, "ReconcileError", message)));
        status.conditions.addAll(keepTransitionTimes(previous, degraded, generation, now));
        return status;
    }

    /** Whether two statuses say the same thing (same fields, same conditions), so that no write is needed. */
    public static boolean sameAs(TrafficCopStatus a, TrafficCopStatus b) {
        if (a == null || b == null) {
            return a == b;
        }
        return Objects.equals(a.observedGeneration, b.observedGeneration) && Objects.equals(a.replicas, b.replicas)
                && Objects.equals(a.readyReplicas, b.readyReplicas) && Objects.equals(a.configHash, b.configHash)
                && Objects.equals(a.staticConfigHash, b.staticConfigHash) && Objects.equals(a.selector, b.selector)
                && Objects.equals(a.conditions, b.conditions);
    }

    private static Condition condition(String type, boolean status, String reason, String message) {
        return new ConditionBuilder().withType(type).withStatus(status ? "True" : "False").withReason(reason)
                .withMessage(message).build();
    }

    private static List<Condition> keepTransitionTimes(TrafficCopStatus previous, List<Condition> conditions,
                                                       long generation, Instant now) {
        Map<String, Condition> before = previous == null || previous.conditions == null ? Map.of()
                : previous.conditions.stream().collect(Collectors.toMap(Condition::getType, c -> c, (a, b) -> a));
        String nowText = now.truncatedTo(ChronoUnit.SECONDS).toString();
        for (Condition c : conditions) {
            Condition old = before.get(c.getType());
            c.setObservedGeneration(generation);
            c.setLastTransitionTime(old != null && Objects.equals(old.getStatus(), c.getStatus())
                    && old.getLastTransitionTime() != null ? old.getLastTransitionTime() : nowText);
        }
        return conditions;
    }
}
