package io.trafficcop.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;

/** Observed state: Kubernetes conditions (Ready, ConfigValid, Progressing, Degraded) and the configuration in force. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TrafficCopStatus {

    @JsonPropertyDescription("Ready, ConfigValid, Progressing and Degraded, with reasons and messages.")
    public List<Condition> conditions = new ArrayList<>();

    @JsonPropertyDescription("The metadata.generation this status describes.")
    public Long observedGeneration;

    @JsonPropertyDescription("Desired replicas.")
    public Integer replicas;

    @JsonPropertyDescription("Pods ready to serve.")
    public Integer readyReplicas;

    @JsonPropertyDescription("Hash of the static and dynamic configuration in force (the last valid one).")
    public String configHash;

    @JsonPropertyDescription("Hash of the static configuration the pods run (their pod-template annotation).")
    public String staticConfigHash;

    @JsonPropertyDescription("Label selector of the proxy pods.")
    public String selector;
}
