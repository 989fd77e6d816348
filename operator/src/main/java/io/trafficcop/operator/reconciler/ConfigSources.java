package io.trafficcop.operator.reconciler;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.trafficcop.operator.api.v1alpha1.ConfigSpec;
import io.trafficcop.operator.model.Defaults;
import io.trafficcop.operator.model.ProxyConfiguration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Assembles the candidate {@link ProxyConfiguration} from the user's ConfigMaps named in {@code spec.config}: the
 * static file under {@code staticKey}, the dynamic files from {@code dynamicConfigMapName} or, without one, the
 * other keys of the same ConfigMap.
 */
public final class ConfigSources {

    /** Either a configuration or why none could be read (a reason and a message for the ConfigValid condition). */
    public sealed interface Result {
        record Found(ProxyConfiguration configuration) implements Result {
        }

        record Missing(String reason, String message) implements Result {
        }
    }

    private ConfigSources() {
    }

    /**
     * @param configMaps looks a ConfigMap up by name in the TrafficCop's namespace (null when absent)
     */
    public static Result read(ConfigSpec spec, Function<String, ConfigMap> configMaps) {
        if (spec == null || spec.configMapName == null) {
            return new Result.Missing("ConfigMapNotSet", "spec.config.configMapName is required");
        }
        String staticKey = spec.staticKey == null ? Defaults.STATIC_KEY : spec.staticKey;
        String lower = staticKey.toLowerCase(Locale.ROOT);
        if (!(lower.endsWith(".yml") || lower.endsWith(".yaml") || lower.endsWith(".toml"))) {
            return new Result.Missing("UnsupportedFormat", "spec.config.staticKey '" + staticKey
                    + "' must end with .yml, .yaml or .toml");
        }
        ConfigMap main = configMaps.apply(spec.configMapName);
        if (main == null) {
            return new Result.Missing("ConfigMapNotFound", "ConfigMap '" + spec.configMapName + "' not found");
        }
        Map<String, String> data = main.getData() == null ? Map.of() : main.getData();
        String staticContent = data.get(staticKey);
        if (staticContent == null) {
            return new Result.Missing("StaticConfigNotFound", "ConfigMap '" + spec.configMapName
                    + "' has no key '" + staticKey + "' (keys: " + String.join(", ", new TreeMap<>(data).keySet())
                    + ")");
        }
        Map<String, String> dynamic = new TreeMap<>();
        if (spec.dynamicConfigMapName != null) {
            ConfigMap dynamicMap = configMaps.apply(spec.dynamicConfigMapName);
            if (dynamicMap == null) {
                return new Result.Missing("ConfigMapNotFound", "ConfigMap '" + spec.dynamicConfigMapName
                        + "' not found");
            }
            if (dynamicMap.getData() != null) {
                dynamic.putAll(dynamicMap.getData());
            }
        } else {
            dynamic.putAll(data);
            dynamic.remove(staticKey);
        }
        return new Result.Found(ProxyConfiguration.of(staticKey, staticContent, dynamic));
    }
}
