package io.trafficcop.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

/** A single-replica Redis StatefulSet with its Service, owned by the TrafficCop. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ManagedRedisSpec {

    @JsonPropertyDescription("Redis image. Default redis:7.4-alpine.")
    public String image;

    @JsonPropertyDescription("Compute resources of the Redis container.")
    public ResourceRequirements resources;

    @JsonPropertyDescription("Size of the persistent volume (e.g. 1Gi); empty keeps the data in an emptyDir.")
    public String storage;

    @JsonPropertyDescription("Storage class of the persistent volume.")
    public String storageClassName;
}
