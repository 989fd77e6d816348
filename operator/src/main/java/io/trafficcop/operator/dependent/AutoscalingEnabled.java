package io.trafficcop.operator.dependent;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.trafficcop.operator.api.v1alpha1.TrafficCop;
import io.trafficcop.operator.model.ProxyAutoscaler;

/** Reconcile precondition of the HPA: when it turns false the HPA is deleted. */
public class AutoscalingEnabled implements Condition<HorizontalPodAutoscaler, TrafficCop> {

    @Override
    public boolean isMet(DependentResource<HorizontalPodAutoscaler, TrafficCop> dependent, TrafficCop primary,
                         Context<TrafficCop> context) {
        return ProxyAutoscaler.enabled(primary.getSpec().autoscaling);
    }
}
