package io.trafficcop.operator.dependent;

import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.trafficcop.operator.api.v1alpha1.TrafficCop;
import io.trafficcop.operator.model.ProxyDisruptionBudget;

/** Reconcile precondition of the PDB: when it turns false the PDB is deleted. */
public class PodDisruptionBudgetEnabled implements Condition<PodDisruptionBudget, TrafficCop> {

    @Override
    public boolean isMet(DependentResource<PodDisruptionBudget, TrafficCop> dependent, TrafficCop primary,
                         Context<TrafficCop> context) {
        return ProxyDisruptionBudget.enabled(primary.getSpec().podDisruptionBudget);
    }
}
