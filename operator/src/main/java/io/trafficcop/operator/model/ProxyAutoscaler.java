package io.trafficcop.operator.model;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpecBuilder;
import io.trafficcop.operator.api.v1alpha1.AutoscalingSpec;
import java.util.ArrayList;
import java.util.List;

/** The autoscaling/v2 HorizontalPodAutoscaler of the proxy Deployment (CPU 75% when no target is given). */
public final class ProxyAutoscaler {

    private ProxyAutoscaler() {
    }

    public static boolean enabled(AutoscalingSpec spec) {
        return spec != null && Boolean.TRUE.equals(spec.enabled);
    }

    public static HorizontalPodAutoscaler desired(Fleet fleet) {
        AutoscalingSpec spec = fleet.resource().getSpec().autoscaling;
        List<MetricSpec> metrics = new ArrayList<>();
        Integer cpu = spec.targetCPUUtilizationPercentage;
        if (cpu == null && spec.targetMemoryUtilizationPercentage == null) {
            cpu = Defaults.AUTOSCALING_CPU;
        }
        if (cpu != null) {
            metrics.add(utilization("cpu", cpu));
        }
        if (spec.targetMemoryUtilizationPercentage != null) {
            metrics.add(utilization("memory", spec.targetMemoryUtilizationPercentage));
        }
        return new HorizontalPodAutoscalerBuilder()
                .withNewMetadata()
                    .withName(FleetNames.proxy(fleet.name()))
                    .withNamespace(fleet.namespace())
                    .withLabels(FleetNames.labels(fleet.name(), FleetNames.PROXY_COMPONENT))
                .endMetadata()
                .withNewSpec()
                    .withNewScaleTargetRef()
                        .withApiVersion("apps/v1").withKind("Deployment").withName(FleetNames.proxy(fleet.name()))
                    .endScaleTargetRef()
                    .withMinReplicas(spec.minReplicas == null ? Defaults.AUTOSCALING_MIN : spec.minReplicas)
                    .withMaxReplicas(spec.maxReplicas == null ? Defaults.AUTOSCALING_MAX : spec.maxReplicas)
                    .withMetrics(metrics)
                .endSpec()
                .build();
    }

    private static MetricSpec utilization(String resource, int percent) {
        return new MetricSpecBuilder().withType("Resource").withNewResource().withName(resource)
                .withNewTarget().withType("Utilization").withAverageUtilization(percent).endTarget()
                .endResource().build();
    }
}
