package io.trafficcop.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** An autoscaling/v2 HorizontalPodAutoscaler on CPU and/or memory utilisation. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AutoscalingSpec {

    @JsonPropertyDescription("Create a HorizontalPodAutoscaler; spec.replicas is then left to it. Default false.")
    public Boolean enabled;

    @JsonPropertyDescription("Lower bound of replicas. Default 2.")
    @Min(1)
    public Integer minReplicas;

    @JsonPropertyDescription("Upper bound of replicas. Default 10.")
    @Min(1)
    public Integer maxReplicas;

    @JsonPropertyDescription("Target average CPU utilisation in percent. Default 75 when no target is set.")
    @Min(1)
    @Max(1000)
    public Integer targetCPUUtilizationPercentage;

    @JsonPropertyDescription("Target average memory utilisation in percent.")
    @Min(1)
    @Max(1000)
    public Integer targetMemoryUtilizationPercentage;
}
