package io.trafficcop.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.trafficcop.operator.Fixtures;
import io.trafficcop.operator.api.v1alpha1.ConfigSpec;
import io.trafficcop.operator.api.v1alpha1.TrafficCopSpec;
import io.trafficcop.proxy.config.validate.Problem;
import io.trafficcop.proxy.config.validate.ValidationReport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigVerdictTest {

    static final ConfigGate ALWAYS_VALID = c -> new ValidationReport(List.of(), List.of());

    final Map<String, ConfigMap> cluster = new java.util.HashMap<>();

    ConfigMap put(String name, Map<String, String> data) {
        ConfigMap cm = new ConfigMapBuilder().withNewMetadata().withName(name).endMetadata().withData(data).build();
        cluster.put(name, cm);
        return cm;
    }

    ConfigSources.Result read(ConfigSpec spec) {
        return ConfigSources.read(spec, cluster::get);
    }

    @Test
    void readsStaticAndOtherKeysAsDynamicFromOneConfigMap() {
        put("traefik", Map.of("traefik.yml", Fixtures.STATIC_YAML, "routes.yml", "http: {}"));
        ConfigSpec spec = new ConfigSpec();
        spec.configMapName = "traefik";

        ConfigSources.Result.Found found = (ConfigSources.Result.Found) read(spec);

        assertThat(found.configuration().staticFileName()).isEqualTo("traefik.yml");
        assertThat(found.configuration().dynamicFiles()).containsOnlyKeys("routes.yml");
    }

    @Test
    void readsDynamicFilesFromTheirOwnConfigMap() {
        put("static", Map.of("traefik.toml", "[ping]\n", "notes.txt", "ignored"));
        put("dynamic", Map.of("a.yml", "http: {}", "b.toml", ""));
        ConfigSpec spec = new ConfigSpec();
        spec.configMapName = "static";
        spec.staticKey = "traefik.toml";
        spec.dynamicConfigMapName = "dynamic";

        ConfigSources.Result.Found found = (ConfigSources.Result.Found) read(spec);

        assertThat(found.configuration().dynamicFiles()).containsOnlyKeys("a.yml", "b.toml");
    }

    @Test
    void namesWhatIsMissing() {
        ConfigSpec spec = new ConfigSpec();
        spec.configMapName = "traefik";
        assertThat(read(spec)).isEqualTo(new ConfigSources.Result.Missing("ConfigMapNotFound",
                "ConfigMap 'traefik' not found"));

        put("traefik", Map.of("config.yml", ""));
        assertThat(read(spec)).isEqualTo(new ConfigSources.Result.Missing("StaticConfigNotFound",
                "ConfigMap 'traefik' has no key 'traefik.yml' (keys: config.yml)"));

        spec.staticKey = "traefik.json";
        assertThat(read(spec)).isInstanceOf(ConfigSources.Result.Missing.class)
                .extracting("reason").isEqualTo("UnsupportedFormat");
    }

    @Test
    void putsEveryValidatorAndOperatorErrorInTheMessage() {
        put("traefik", Map.of("traefik.yml", "entryPoints:\n  web:\n    address: \":8000\"\n",
                "routes.yml", "http: {}"));
        ConfigSpec spec = new ConfigSpec();
        spec.configMapName = "traefik";
        TrafficCopSpec trafficCop = new TrafficCopSpec();
        trafficCop.config = spec;
        ConfigGate gate = c -> new ValidationReport(
                List.of(new Problem("routes.yml", 3, "http.routers.r.service", "service 'x' does not exist")),
                List.of());

        ConfigVerdict verdict = ConfigVerdict.of(read(spec), gate, trafficCop);

        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.reason()).isEqualTo("Invalid");
        assertThat(verdict.message()).isEqualTo("""
                3 error(s):
                routes.yml:3: http.routers.r.service: service 'x' does not exist
                traefik.yml: ping: ping must be enabled (ping: {}): the operator's readiness and liveness probes call /ping
                traefik.yml: providers.file.directory: must be /etc/traefik/dynamic, where the dynamic configuration \
                is mounted (found no file provider)""");
    }

    @Test
    void validConfigurationNamesItsHash() {
        put("traefik", Map.of("traefik.yml", Fixtures.STATIC_YAML, "routes.yml", Fixtures.DYNAMIC_YAML));
        TrafficCopSpec trafficCop = new TrafficCopSpec();
        trafficCop.config.configMapName = "traefik";

        ConfigVerdict verdict = ConfigVerdict.of(read(trafficCop.config), ALWAYS_VALID, trafficCop);

        assertThat(verdict.valid()).isTrue();
        assertThat(verdict.message()).isEqualTo("configuration " + Fixtures.configuration().hash() + " is valid");
    }
}
