package io.trafficcop.operator.dependent;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.trafficcop.operator.model.ProxyAutoscaler;

/** The HorizontalPodAutoscaler, present while spec.autoscaling.enabled. */
@KubernetesDependent(informer = @Informer(labelSelector = FleetDependent.OWNED_SELECTOR))
public class HorizontalPodAutoscalerDependent extends FleetDependent<HorizontalPodAutoscaler> {

    public HorizontalPodAutoscalerDependent() {
        super(HorizontalPodAutoscaler.class, ProxyAutoscaler::desired);
    }
}
