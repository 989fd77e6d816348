package io.trafficcop.operator.model;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.trafficcop.operator.api.v1alpha1.PodDisruptionBudgetSpec;

/** The policy/v1 PodDisruptionBudget of the proxy pods: minAvailable if set, else maxUnavailable (default 1). */
public final class ProxyDisruptionBudget {

    private ProxyDisruptionBudget() {
    }

    public static boolean enabled(PodDisruptionBudgetSpec spec) {
        return spec == null || spec.enabled == null || spec.enabled;
    }

    public static PodDisruptionBudget desired(Fleet fleet) {
        PodDisruptionBudgetSpec spec = fleet.resource().getSpec().podDisruptionBudget;
        IntOrString minAvailable = spec.minAvailable;
        IntOrString maxUnavailable = minAvailable != null ? null
                : spec.maxUnavailable != null ? spec.maxUnavailable : new IntOrString(1);
        return new PodDisruptionBudgetBuilder()
                .withNewMetadata()
                    .withName(FleetNames.proxy(fleet.name()))
                    .withNamespace(fleet.namespace())
                    .withLabels(FleetNames.labels(fleet.name(), FleetNames.PROXY_COMPONENT))
                .endMetadata()
                .withNewSpec()
                    .withMinAvailable(minAvailable)
                    .withMaxUnavailable(maxUnavailable)
                    .withNewSelector()
                        .withMatchLabels(FleetNames.selector(fleet.name(), FleetNames.PROXY_COMPONENT))
                    .endSelector()
                .endSpec()
                .build();
    }
}
