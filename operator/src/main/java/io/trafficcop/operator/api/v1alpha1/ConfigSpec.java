package io.trafficcop.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/**
 * The ConfigMap(s) holding the Traefik configuration: the static ("install") configuration under
 * {@link #staticKey} (YAML or TOML by its extension), and the dynamic ("routing") files served to the file
 * provider, either from {@link #dynamicConfigMapName} or, when it is absent, every other key of
 * {@link #configMapName}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ConfigSpec {

    @Required
    @JsonPropertyDescription("ConfigMap holding the Traefik static configuration.")
    public String configMapName;

    @JsonPropertyDescription("Key of the static configuration in that ConfigMap (traefik.yml, traefik.yaml or"
            + " traefik.toml). Default traefik.yml.")
    public String staticKey;

    @JsonPropertyDescription("ConfigMap whose every key is a dynamic configuration file, mounted at"
            + " /etc/traefik/dynamic for the file provider. Default: the other keys of configMapName.")
    public String dynamicConfigMapName;
}
