package io.trafficcop.operator.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.trafficcop.operator.api.v1alpha1.TrafficCop;
import io.trafficcop.operator.model.ProxyConfiguration;
import io.trafficcop.operator.reconciler.ConfigSources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Lints and renders charts/trafficcop through helm-java (Helm as a library) and asserts on the manifests. */
class HelmChartTest {

    static final Path CHART = Path.of("../charts/trafficcop");
    static final ObjectMapper YAML = new YAMLMapper();
    /** Strict: a rendered TrafficCop with a field the CRD classes do not know fails the test. */
    static final ObjectMapper STRICT = new YAMLMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    @Test
    void lintsCleanInStrictMode() {
        LintResult defaults = new Helm(CHART).lint().strict().call();
        assertThat(defaults.isFailed()).as(String.join("\n", defaults.getMessages())).isFalse();
    }

    @Test
    void defaultValuesInstallTheOperatorWithClusterWideLeastPrivilege() throws IOException {
        List<JsonNode> docs = render(t -> t);

        assertThat(kinds(docs)).containsExactlyInAnyOrder("ServiceAccount", "ClusterRole", "ClusterRoleBinding",
                "Role", "RoleBinding", "Deployment");
        Deployment operator = typed(find(docs, "Deployment"), Deployment.class);
        assertThat(operator.getMetadata().getNamespace()).isEqualTo("traffic");
        assertThat(operator.getSpec().getReplicas()).isEqualTo(1);
        var container = operator.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getImage()).isEqualTo("ghcr.io/trafficcop/trafficcop-operator:0.1.0");
        assertThat(env(container.getEnv())).containsEntry("WATCH_NAMESPACES", "")
                .containsEntry("TRAFFICCOP_PROXY_IMAGE", "ghcr.io/trafficcop/trafficcop:0.1.0")
                .containsEntry("LEADER_ELECTION", "true");
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(operator.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();

        JsonNode role = find(docs, "ClusterRole");
        List<String> rules = new ArrayList<>();
        role.get("rules").forEach(rule -> rules.add(rule.get("apiGroups").get(0).asText() + ":"
                + rule.get("resources") + ":" + rule.get("verbs")));
        assertThat(rules).noneMatch(r -> r.contains("secrets") || r.contains("\"*\""));
        assertThat(rules).anyMatch(r -> r.startsWith("trafficcop.io:[\"trafficcops\"]:[\"get\",\"list\",\"watch\"]"));
    }

    @Test
    void fullValuesRenderATrafficCopTheOperatorUnderstands() throws IOException {
        List<JsonNode> docs = render(t -> t
                .set("replicaCount", 2)
                .set("watchNamespaces[0]", "traffic")
                .set("watchNamespaces[1]", "apps")
                .set("image.tag", "1.2.3")
                .set("logLevel", "DEBUG")
                .set("nodeSelector.pool", "system")
                .set("trafficcop.enabled", true)
                .set("trafficcop.name", "edge")
                .set("trafficcop.config.dynamicConfig.routes\\.yml", "http:\n  routers: {}\n")
                .set("trafficcop.spec.replicas", 3)
                .set("trafficcop.spec.redis.mode", "managed")
                .set("trafficcop.spec.autoscaling.enabled", true)
                .set("trafficcop.spec.service.annotations.example\\.com/lb", "internal")
                .set("trafficcop.spec.drain.timeout", "15s"));

        assertThat(kinds(docs)).doesNotContain("ClusterRoleBinding");
        assertThat(docs.stream().filter(d -> d.at("/kind").asText().equals("RoleBinding"))
                .map(d -> d.at("/metadata/namespace").asText()))
                .containsExactlyInAnyOrder("traffic", "apps", "traffic");
        Deployment operator = typed(find(docs, "Deployment"), Deployment.class);
        assertThat(operator.getSpec().getReplicas()).isEqualTo(2);
        assertThat(operator.getSpec().getTemplate().getSpec().getNodeSelector()).containsEntry("pool", "system");
        assertThat(env(operator.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()))
                .containsEntry("WATCH_NAMESPACES", "traffic,apps").containsEntry("LOG_LEVEL", "DEBUG");

        TrafficCop tc = STRICT.treeToValue(find(docs, "TrafficCop"), TrafficCop.class);
        assertThat(tc.getMetadata().getName()).isEqualTo("edge");
        assertThat(tc.getSpec().replicas).isEqualTo(3);
        assertThat(tc.getSpec().redis.mode).isEqualTo("managed");
        assertThat(tc.getSpec().autoscaling.enabled).isTrue();
        assertThat(tc.getSpec().drain.timeout).isEqualTo("15s");
        assertThat(tc.getSpec().service.annotations).containsEntry("example.com/lb", "internal");
        assertThat(tc.getSpec().config.configMapName).isEqualTo("edge-traefik");

        // The ConfigMap the chart wrote is what the operator reads.
        var configMap = typed(find(docs, "ConfigMap"), io.fabric8.kubernetes.api.model.ConfigMap.class);
        var sources = ConfigSources.read(tc.getSpec().config, name -> name.equals("edge-traefik") ? configMap : null);
        assertThat(sources).isInstanceOf(ConfigSources.Result.Found.class);
        ProxyConfiguration configuration = ((ConfigSources.Result.Found) sources).configuration();
        assertThat(configuration.dynamicFiles()).containsOnlyKeys("routes.yml");
        assertThat(configuration.staticContent()).contains("directory: /etc/traefik/dynamic");
    }

    @Test
    void existingConfigMapIsReferencedNotCreated() throws IOException {
        List<JsonNode> docs = render(t -> t.set("trafficcop.enabled", true)
                .set("trafficcop.config.existingConfigMap", "my-traefik")
                .set("trafficcop.config.staticKey", "traefik.toml"));

        assertThat(kinds(docs)).contains("TrafficCop").doesNotContain("ConfigMap");
        assertThat(find(docs, "TrafficCop").at("/spec/config/configMapName").asText()).isEqualTo("my-traefik");
        assertThat(find(docs, "TrafficCop").at("/spec/config/staticKey").asText()).isEqualTo("traefik.toml");
    }

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                Arguments.of("replicaCount 0", (UnaryOperator<TemplateCommand>) t -> t.set("replicaCount", 0),
                        "replicaCount"),
                Arguments.of("two operators without leader election", (UnaryOperator<TemplateCommand>) t -> t
                        .set("replicaCount", 2).set("leaderElection.enabled", false),
                        "replicaCount > 1 needs leaderElection.enabled=true"),
                Arguments.of("unknown log level", (UnaryOperator<TemplateCommand>) t -> t.set("logLevel", "LOUD"),
                        "logLevel"),
                Arguments.of("misspelt top-level value", (UnaryOperator<TemplateCommand>) t -> t.set("replicas", 2),
                        "replicas"),
                Arguments.of("instance without configuration", (UnaryOperator<TemplateCommand>) t -> t
                        .set("trafficcop.enabled", true).set("trafficcop.config.staticConfig", ""),
                        "trafficcop.enabled needs trafficcop.config.existingConfigMap or trafficcop.config.staticConfig"),
                Arguments.of("static key of an unknown format", (UnaryOperator<TemplateCommand>) t -> t
                        .set("trafficcop.enabled", true).set("trafficcop.config.staticKey", "traefik.json"),
                        "must end with .yml, .yaml or .toml"),
                Arguments.of("unknown redis mode", (UnaryOperator<TemplateCommand>) t -> t
                        .set("trafficcop.spec.redis.mode", "cluster"), "mode"),
                Arguments.of("bad drain duration", (UnaryOperator<TemplateCommand>) t -> t
                        .set("trafficcop.spec.drain.timeout", "ten seconds"), "timeout"),
                Arguments.of("instance outside the watched namespaces", (UnaryOperator<TemplateCommand>) t -> t
                        .set("trafficcop.enabled", true).set("watchNamespaces[0]", "apps"),
                        "not in watchNamespaces"),
                Arguments.of("service account name required", (UnaryOperator<TemplateCommand>) t -> t
                        .set("serviceAccount.create", false),
                        "serviceAccount.name is required when serviceAccount.create is false"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidValues")
    void invalidValuesFailToRenderWithAClearMessage(String name, UnaryOperator<TemplateCommand> values,
                                                    String message) {
        assertThatThrownBy(() -> render(values)).hasMessageContaining(message);
    }

    /** Helm installs crds/ verbatim (helm template leaves it out): it must be the build's generated CRD. */
    @Test
    void chartCarriesTheGeneratedCrd() throws IOException {
        Path generated = Path.of("../crds/trafficcops.trafficcop.io-v1.yml");
        assertThat(Files.readString(CHART.resolve("crds/trafficcops.trafficcop.io-v1.yml")))
                .isEqualTo(Files.readString(generated));
    }

    // ---- helpers

    static List<JsonNode> render(UnaryOperator<TemplateCommand> values) throws IOException {
        String manifests = values.apply(new Helm(CHART).template().withName("tc").withNamespace("traffic")
                .withKubeVersion("1.31.0")).call();
        List<JsonNode> docs = new ArrayList<>();
        try (var parser = YAML.getFactory().createParser(manifests)) {
            var it = YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                    docs.add(doc);
                }
            }
        }
        return docs;
    }

    static List<String> kinds(List<JsonNode> docs) {
        return docs.stream().map(d -> d.at("/kind").asText()).toList();
    }

    static JsonNode find(List<JsonNode> docs, String kind) {
        return docs.stream().filter(d -> d.at("/kind").asText().equals(kind)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in " + kinds(docs)));
    }

    static <T> T typed(JsonNode doc, Class<T> type) throws IOException {
        return YAML.treeToValue(doc, type);
    }

    static Map<String, String> env(List<EnvVar> env) {
        Map<String, String> result = new java.util.LinkedHashMap<>();
        env.forEach(e -> result.put(e.getName(), e.getValue()));
        return result;
    }
}
