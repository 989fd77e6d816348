package io.trafficcop.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;

/**
 * The Redis the fleet shares its state through: none, one the operator runs ({@code managed}: a StatefulSet and
 * a Service), or an {@code external} one reached at the given endpoints with the password in a Secret.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RedisSpec {

    @JsonPropertyDescription("none, managed or external. Default none.")
    @Pattern("^(none|managed|external)$")
    public String mode;

    @JsonPropertyDescription("The Redis run by the operator when mode is managed.")
    public ManagedRedisSpec managed = new ManagedRedisSpec();

    @JsonPropertyDescription("The Redis used when mode is external.")
    public ExternalRedisSpec external = new ExternalRedisSpec();
}
