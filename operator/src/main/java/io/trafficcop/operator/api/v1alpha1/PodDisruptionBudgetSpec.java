package io.trafficcop.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.IntOrString;

/** The PodDisruptionBudget of the fleet. Either minAvailable or maxUnavailable; default maxUnavailable 1. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PodDisruptionBudgetSpec {

    @JsonPropertyDescription("Create a PodDisruptionBudget. Default true.")
    public Boolean enabled;

    @JsonPropertyDescription("Minimum available pods (number or percentage).")
    public IntOrString minAvailable;

    @JsonPropertyDescription("Maximum unavailable pods (number or percentage). Default 1.")
    public IntOrString maxUnavailable;
}
