package io.trafficcop.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.javaoperatorsdk.operator.Operator;
import io.trafficcop.operator.Fixtures;
import io.trafficcop.operator.api.v1alpha1.TrafficCop;
import io.trafficcop.operator.model.FleetNames;
import io.trafficcop.operator.model.FleetStatus;
import io.trafficcop.proxy.config.validate.Problem;
import io.trafficcop.proxy.config.validate.ValidationReport;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator running against fabric8's mock API server in CRUD mode, with the CRD the build generated. The mock
 * server implements neither server-side apply nor garbage collection: the operator runs with SSA off here (it is
 * on in production) and garbage collection is asserted through owner references.
 */
@EnableKubernetesMockClient(crud = true)
class TrafficCopReconcilerIT {

    static final String NS = "edge";
    static KubernetesMockServer server;
    static KubernetesClient client;
    static Operator operator;
    /** The mock web server logs every request through java.util.logging; kept referenced so the level sticks. */
    static final java.util.logging.Logger MOCK_LOG = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

    /** Stands in for the proxy's validator: every line "# invalid: <message>" of a file is an error. */
    static final ConfigGate FAKE_GATE = configuration -> {
        List<Problem> errors = new ArrayList<>();
        Consumer<Map.Entry<String, String>> scan = file -> {
            Matcher m = Pattern.compile("# invalid: (.*)").matcher(file.getValue());
            while (m.find()) {
                errors.add(new Problem(file.getKey(), 1, "(test)", m.group(1)));
            }
        };
        scan.accept(Map.entry(configuration.staticFileName(), configuration.staticContent()));
        configuration.dynamicFiles().entrySet().forEach(scan);
        return new ValidationReport(errors, List.of());
    };

    @BeforeAll
    static void startOperator() throws Exception {
        MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
        try (InputStream crd = Files.newInputStream(Path.of("../crds/trafficcops.trafficcop.io-v1.yml"))) {
            client.resource(client.getKubernetesSerialization().unmarshal(crd, CustomResourceDefinition.class))
                    .create();
        }
        operator = new Operator(o -> o.withKubernetesClient(client)
                .withCloseClientOnStop(false)
                .withSSABasedCreateUpdateMatchForDependentResources(false)
                .withUseSSAToPatchPrimaryResource(false)
                .withCacheSyncTimeout(Duration.ofSeconds(20))
                .withReconciliationTerminationTimeout(Duration.ofSeconds(2)));
        operator.register(new TrafficCopReconciler(FAKE_GATE));
        operator.start();
    }

    @AfterAll
    static void stopOperator() {
        if (operator != null) {
            operator.stop();
        }
    }

    @Test
    void createsEveryDependentOwnedByTheTrafficCop() {
        TrafficCop tc = create("create", Fixtures.STATIC_YAML, Map.of("routes.yml", Fixtures.DYNAMIC_YAML));

        Deployment deployment = awaitResource(Deployment.class, "create");
        assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
                .containsEntry(FleetNames.STATIC_CONFIG_HASH_ANNOTATION, Fixtures.configuration().staticHash());
        assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("ghcr.io/trafficcop/trafficcop:test");
        List<HasMetadata> owned = List.of(deployment,
                awaitResource(ServiceAccount.class, "create"),
                awaitResource(ConfigMap.class, "create-static"),
                awaitResource(ConfigMap.class, "create-dynamic"),
                awaitResource(Service.class, "create"),
                awaitResource(PodDisruptionBudget.class, "create"));
        TrafficCop stored = client.resource(tc).get();
        for (HasMetadata resource : owned) {
            assertThat(resource.getMetadata().getOwnerReferences()).as(resource.getKind()).singleElement()
                    .satisfies(ref -> assertOwnedBy(ref, stored));
        }
        assertThat(awaitResource(ConfigMap.class, "create-dynamic").getData())
                .containsEntry("routes.yml", Fixtures.DYNAMIC_YAML);
        assertThat(get(HorizontalPodAutoscaler.class, "create")).isNull();
        assertThat(get(StatefulSet.class, "create-redis")).isNull();

        TrafficCop withStatus = awaitCondition("create", FleetStatus.CONFIG_VALID, "True");
        assertThat(withStatus.getStatus().observedGeneration).isEqualTo(stored.getMetadata().getGeneration());
        assertThat(withStatus.getStatus().configHash).isEqualTo(Fixtures.configuration().hash());
        assertThat(condition(withStatus, FleetStatus.READY).getStatus()).isEqualTo("False");
        assertThat(condition(withStatus, FleetStatus.PROGRESSING).getStatus()).isEqualTo("True");
    }

    @Test
    void reportsReadyOnceTheDeploymentIs() {
        create("ready", Fixtures.STATIC_YAML, Map.of("routes.yml", Fixtures.DYNAMIC_YAML));
        awaitResource(Deployment.class, "ready");

        // What the Deployment controller would report after a complete rollout.
        retryOnConflict(() -> {
            Deployment deployment = get(Deployment.class, "ready");
            deployment.setStatus(new DeploymentStatusBuilder().withObservedGeneration(
                            deployment.getMetadata().getGeneration()).withReplicas(2).withUpdatedReplicas(2)
                    .withReadyReplicas(2).withAvailableReplicas(2).build());
            client.resource(deployment).updateStatus();
        });

        TrafficCop ready = awaitCondition("ready", FleetStatus.READY, "True");
        assertThat(ready.getStatus().readyReplicas).isEqualTo(2);
        assertThat(condition(ready, FleetStatus.PROGRESSING).getReason()).isEqualTo("RolloutComplete");
        assertThat(condition(ready, FleetStatus.DEGRADED).getStatus()).isEqualTo("False");
    }

    @Test
    void dynamicChangesReachThePodsWithoutRestart() {
        create("dynamic", Fixtures.STATIC_YAML, Map.of("routes.yml", Fixtures.DYNAMIC_YAML));
        Deployment before = awaitResource(Deployment.class, "dynamic");
        String hashBefore = awaitCondition("dynamic", FleetStatus.CONFIG_VALID, "True").getStatus().configHash;

        editSource("dynamic", data -> data.put("routes.yml", Fixtures.DYNAMIC_YAML + "# more routes\n"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                get(ConfigMap.class, "dynamic-dynamic").getData().get("routes.yml")).endsWith("# more routes\n"));
        TrafficCop after = await().atMost(Duration.ofSeconds(20)).until(() -> client.resource(trafficCop("dynamic"))
                .get(), t -> t.getStatus() != null && !hashBefore.equals(t.getStatus().configHash));
        assertThat(after.getStatus().staticConfigHash).isEqualTo(Fixtures.configuration().staticHash());
        assertThat(get(Deployment.class, "dynamic").getSpec().getTemplate())
                .isEqualTo(before.getSpec().getTemplate());
    }

    @Test
    void staticChangesRollTheDeployment() {
        create("static", Fixtures.STATIC_YAML, Map.of("routes.yml", Fixtures.DYNAMIC_YAML));
        String before = awaitResource(Deployment.class, "static").getSpec().getTemplate().getMetadata()
                .getAnnotations().get(FleetNames.STATIC_CONFIG_HASH_ANNOTATION);

        editSource("static", data -> data.put("traefik.yml", Fixtures.STATIC_YAML + "log:\n  level: DEBUG\n"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(get(Deployment.class, "static")
                .getSpec().getTemplate().getMetadata().getAnnotations()
                .get(FleetNames.STATIC_CONFIG_HASH_ANNOTATION)).isNotEqualTo(before));
        assertThat(get(ConfigMap.class, "static-static").getData().get("traefik.yml")).endsWith("level: DEBUG\n");
        assertThat(get(Deployment.class, "static").getSpec().getStrategy().getRollingUpdate().getMaxUnavailable()
                .getIntVal()).isZero();
    }

    @Test
    void invalidConfigurationRollsNothingAndListsEveryError() {
        create("invalid", Fixtures.STATIC_YAML, Map.of("routes.yml", Fixtures.DYNAMIC_YAML));
        Deployment before = awaitResource(Deployment.class, "invalid");
        awaitCondition("invalid", FleetStatus.CONFIG_VALID, "True");

        editSource("invalid", data -> {
            data.put("traefik.yml", Fixtures.STATIC_YAML + "# invalid: unknown key entryPoints.web.adress\n");
            data.put("routes.yml", "# invalid: router r has no rule\n# invalid: service s has no servers\n");
        });

        TrafficCop rejected = awaitCondition("invalid", FleetStatus.CONFIG_VALID, "False");
        Condition configValid = condition(rejected, FleetStatus.CONFIG_VALID);
        assertThat(configValid.getReason()).isEqualTo("Invalid");
        assertThat(configValid.getMessage()).contains("3 error(s)",
                "traefik.yml:1: (test): unknown key entryPoints.web.adress",
                "routes.yml:1: (test): router r has no rule", "routes.yml:1: (test): service s has no servers");
        assertThat(condition(rejected, FleetStatus.DEGRADED).getReason()).isEqualTo("LastValidConfigurationKept");
        assertThat(rejected.getStatus().configHash).isEqualTo(Fixtures.configuration().hash());
        assertThat(get(Deployment.class, "invalid").getSpec().getTemplate()).isEqualTo(before.getSpec().getTemplate());
        assertThat(get(ConfigMap.class, "invalid-static").getData().get("traefik.yml")).isEqualTo(Fixtures.STATIC_YAML);
        assertThat(get(ConfigMap.class, "invalid-dynamic").getData().get("routes.yml"))
                .isEqualTo(Fixtures.DYNAMIC_YAML);
    }

    @Test
    void invalidFirstConfigurationDeploysNothing() {
        create("never", Fixtures.STATIC_YAML + "# invalid: broken from the start\n", Map.of());

        TrafficCop rejected = awaitCondition("never", FleetStatus.CONFIG_VALID, "False");
        assertThat(condition(rejected, FleetStatus.READY).getReason()).isEqualTo("NoValidConfiguration");
        assertThat(rejected.getStatus().configHash).isNull();
        assertThat(get(Deployment.class, "never")).isNull();
        assertThat(get(ConfigMap.class, "never-static")).isNull();
    }

    @Test
    void missingConfigMapIsReported() {
        TrafficCop tc = trafficCop("orphan");
        client.resource(tc).create();

        TrafficCop rejected = awaitCondition("orphan", FleetStatus.CONFIG_VALID, "False");
        assertThat(condition(rejected, FleetStatus.CONFIG_VALID).getReason()).isEqualTo("ConfigMapNotFound");

        source("orphan", Fixtures.STATIC_YAML, Map.of());
        awaitCondition("orphan", FleetStatus.CONFIG_VALID, "True");
        awaitResource(Deployment.class, "orphan");
    }

    @Test
    void managedThenExternalRedis() {
        TrafficCop tc = trafficCop("redis");
        tc.getSpec().redis.mode = "managed";
        source("redis", Fixtures.STATIC_YAML, Map.of());
        client.resource(tc).create();

        StatefulSet redis = awaitResource(StatefulSet.class, "redis-redis");
        assertThat(redis.getMetadata().getOwnerReferences()).singleElement()
                .extracting(OwnerReference::getKind).isEqualTo("TrafficCop");
        awaitResource(Service.class, "redis-redis");
        assertThat(env(awaitResource(Deployment.class, "redis"))).containsEntry("TRAFFICCOP_REDIS_ENDPOINTS",
                "redis-redis:6379");

        editTrafficCop("redis", t -> {
            t.getSpec().redis.mode = "external";
            t.getSpec().redis.external.endpoints = List.of("redis.shared:6379");
        });

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(get(StatefulSet.class, "redis-redis")).isNull();
            assertThat(get(Service.class, "redis-redis")).isNull();
            assertThat(env(get(Deployment.class, "redis")))
                    .containsEntry("TRAFFICCOP_REDIS_ENDPOINTS", "redis.shared:6379");
        });
    }

    @Test
    void autoscalingAndDisruptionBudgetFollowTheSpec() {
        create("scale", Fixtures.STATIC_YAML, Map.of());
        awaitResource(PodDisruptionBudget.class, "scale");

        editTrafficCop("scale", t -> {
            t.getSpec().autoscaling.enabled = true;
            t.getSpec().autoscaling.maxReplicas = 5;
            t.getSpec().podDisruptionBudget.enabled = false;
        });

        HorizontalPodAutoscaler hpa = awaitResource(HorizontalPodAutoscaler.class, "scale");
        assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(5);
        await().atMost(Duration.ofSeconds(20)).until(() -> get(PodDisruptionBudget.class, "scale") == null);
        TrafficCop updated = await().atMost(Duration.ofSeconds(20)).until(
                () -> client.resource(trafficCop("scale")).get(),
                t -> t.getStatus() != null && t.getStatus().observedGeneration != null
                        && t.getStatus().observedGeneration.equals(t.getMetadata().getGeneration()));
        assertThat(updated.getMetadata().getGeneration()).isEqualTo(2L);
    }

    @Test
    void aSeparateDynamicConfigMapIsWatchedToo() {
        source("split", Fixtures.STATIC_YAML, Map.of());
        client.resource(new ConfigMapBuilder().withNewMetadata().withName("split-routes").withNamespace(NS)
                .endMetadata().addToData("routes.yml", Fixtures.DYNAMIC_YAML).build()).create();
        TrafficCop tc = trafficCop("split");
        tc.getSpec().config.dynamicConfigMapName = "split-routes";
        client.resource(tc).create();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(get(ConfigMap.class, "split-dynamic"))
                .isNotNull().extracting(ConfigMap::getData).isEqualTo(Map.of("routes.yml", Fixtures.DYNAMIC_YAML)));

        client.configMaps().inNamespace(NS).withName("split-routes").edit(cm -> {
            cm.getData().put("more.yml", "http: {}\n");
            return cm;
        });

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                get(ConfigMap.class, "split-dynamic").getData()).containsKeys("routes.yml", "more.yml"));
    }

    @Test
    void reconcileFailuresShowAsDegraded() {
        TrafficCop tc = trafficCop("broken");
        tc.getSpec().drain.timeout = "soon"; // the API server's CRD validation would refuse it; the mock does not
        source("broken", Fixtures.STATIC_YAML, Map.of());
        client.resource(tc).create();

        TrafficCop failed = awaitCondition("broken", FleetStatus.DEGRADED, "True");
        assertThat(condition(failed, FleetStatus.DEGRADED).getReason()).isEqualTo("ReconcileError");
        assertThat(condition(failed, FleetStatus.DEGRADED).getMessage()).contains("soon");
    }

    // ---- helpers

    static TrafficCop trafficCop(String name) {
        TrafficCop tc = Fixtures.trafficCop(name);
        tc.getMetadata().setGeneration(null);
        tc.getSpec().config.configMapName = name + "-traefik";
        return tc;
    }

    static void source(String name, String staticYaml, Map<String, String> dynamic) {
        ConfigMapBuilder cm = new ConfigMapBuilder().withNewMetadata().withName(name + "-traefik").withNamespace(NS)
                .endMetadata().addToData("traefik.yml", staticYaml);
        dynamic.forEach(cm::addToData);
        client.resource(cm.build()).create();
    }

    static TrafficCop create(String name, String staticYaml, Map<String, String> dynamic) {
        source(name, staticYaml, dynamic);
        return client.resource(trafficCop(name)).create();
    }

    /** Edits the TrafficCop as a user would, again on the newer version when the operator's status write won. */
    static void editTrafficCop(String name, Consumer<TrafficCop> edit) {
        retryOnConflict(() -> client.resources(TrafficCop.class).inNamespace(NS).withName(name).edit(t -> {
            edit.accept(t);
            return t;
        }));
    }

    static void retryOnConflict(Runnable write) {
        await().atMost(Duration.ofSeconds(20)).ignoreExceptionsMatching(e -> e instanceof KubernetesClientException k
                && k.getCode() == 409).until(() -> {
                    write.run();
                    return true;
                });
    }

    static void editSource(String name, Consumer<Map<String, String>> edit) {
        client.configMaps().inNamespace(NS).withName(name + "-traefik").edit(cm -> {
            edit.accept(cm.getData());
            return cm;
        });
    }

    static <T extends HasMetadata> T get(Class<T> type, String name) {
        return client.resources(type).inNamespace(NS).withName(name).get();
    }

    static <T extends HasMetadata> T awaitResource(Class<T> type, String name) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> get(type, name), r -> r != null);
    }

    static TrafficCop awaitCondition(String name, String type, String status) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> get(TrafficCop.class, name),
                t -> t.getStatus() != null && t.getStatus().conditions.stream()
                        .anyMatch(c -> c.getType().equals(type) && c.getStatus().equals(status)));
    }

    static Condition condition(TrafficCop tc, String type) {
        return tc.getStatus().conditions.stream().filter(c -> c.getType().equals(type)).findFirst().orElseThrow();
    }

    static void assertOwnedBy(OwnerReference ref, TrafficCop owner) {
        assertThat(ref.getKind()).isEqualTo("TrafficCop");
        assertThat(ref.getApiVersion()).isEqualTo("trafficcop.io/v1alpha1");
        assertThat(ref.getName()).isEqualTo(owner.getMetadata().getName());
        assertThat(ref.getUid()).isEqualTo(owner.getMetadata().getUid());
    }

    static Map<String, String> env(Deployment deployment) {
        Map<String, String> env = new java.util.HashMap<>();
        deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()
                .forEach(e -> env.put(e.getName(), e.getValue()));
        return env;
    }
}
