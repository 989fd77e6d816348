package io.trafficcop.operator.dependent;

import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.trafficcop.operator.model.ProxyDisruptionBudget;

/** The PodDisruptionBudget, present while spec.podDisruptionBudget.enabled. */
@KubernetesDependent(informer = @Informer(labelSelector = FleetDependent.OWNED_SELECTOR))
public class PodDisruptionBudgetDependent extends FleetDependent<PodDisruptionBudget> {

    public PodDisruptionBudgetDependent() {
        super(PodDisruptionBudget.class, ProxyDisruptionBudget::desired);
    }
}
