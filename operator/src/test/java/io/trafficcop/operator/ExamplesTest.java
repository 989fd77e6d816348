package io.trafficcop.operator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.trafficcop.operator.api.v1alpha1.TrafficCop;
import io.trafficcop.operator.model.Fleet;
import io.trafficcop.operator.model.ProxyDeployment;
import io.trafficcop.operator.model.ProxyService;
import io.trafficcop.operator.reconciler.ConfigSources;
import io.trafficcop.operator.reconciler.ConfigVerdict;
import io.trafficcop.operator.reconciler.ProxyConfigGate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The examples in examples/kubernetes pass the operator's gate and produce the fleet they describe. */
class ExamplesTest {

    static final Path EXAMPLES = Path.of("../examples/kubernetes");
    static final ObjectMapper STRICT = new YAMLMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    @ParameterizedTest
    @ValueSource(strings = {"trafficcop.yaml", "trafficcop-external-redis.yaml"})
    void exampleFleetsAreValidAndDrainAware(String file) throws IOException {
        TrafficCop tc = STRICT.treeToValue(document(file, "TrafficCop"), TrafficCop.class);
        ConfigMap configMap = new YAMLMapper().treeToValue(document("traefik-config.yaml", "ConfigMap"),
                ConfigMap.class);

        ConfigVerdict verdict = ConfigVerdict.of(ConfigSources.read(tc.getSpec().config,
                name -> name.equals(configMap.getMetadata().getName()) ? configMap : null),
                new ProxyConfigGate(), tc.getSpec());

        assertThat(verdict.valid()).as(verdict.message()).isTrue();
        Fleet fleet = Fleet.of(tc, verdict.candidate());
        Deployment deployment = ProxyDeployment.desired(fleet);
        var pod = deployment.getSpec().getTemplate().getSpec();
        // drain.timeout (10s, or the 5s default) + websecure's 5s + 30s lifeCycle + 5s margin
        assertThat(pod.getTerminationGracePeriodSeconds())
                .isEqualTo(tc.getSpec().drain.timeout == null ? 45L : 50L);
        assertThat(pod.getContainers().get(0).getReadinessProbe().getHttpGet().getPort().getIntVal())
                .isEqualTo(8080);
        assertThat(ProxyService.desired(fleet).getSpec().getPorts()).isNotEmpty();
    }

    static JsonNode document(String file, String kind) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (var parser = STRICT.getFactory().createParser(Files.readString(EXAMPLES.resolve(file)))) {
            STRICT.readValues(parser, JsonNode.class).forEachRemaining(docs::add);
        }
        return docs.stream().filter(d -> kind.equals(d.path("kind").asText())).findFirst().orElseThrow();
    }
}
