package io.trafficcop.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** A key of a Secret in the TrafficCop's namespace. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SecretKeySpec {

    @Required
    @JsonPropertyDescription("Name of the Secret.")
    public String name;

    @JsonPropertyDescription("Key in the Secret. Default password.")
    public String key;
}
