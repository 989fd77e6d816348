package io.trafficcop.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.trafficcop.operator.Fixtures;
import io.trafficcop.operator.api.v1alpha1.SecretKeySpec;
import io.trafficcop.operator.api.v1alpha1.TlsSecretSpec;
import io.trafficcop.operator.api.v1alpha1.TrafficCop;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProxyDeploymentTest {

    @Test
    void rollsWithoutUnavailabilityAndCarriesTheStaticHash() {
        Fleet fleet = Fixtures.fleet();
        Deployment deployment = ProxyDeployment.desired(fleet);

        assertThat(deployment.getMetadata().getName()).isEqualTo("edge-proxy");
        assertThat(deployment.getMetadata().getNamespace()).isEqualTo("edge");
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
        assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isZero();
        assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
                .containsEntry(FleetNames.STATIC_CONFIG_HASH_ANNOTATION, fleet.configuration().staticHash());
        assertThat(deployment.getSpec().getSelector().getMatchLabels())
                .isEqualTo(FleetNames.selector("edge-proxy", "proxy"));
        assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
    }

    @Test
    void dynamicChangesLeaveThePodTemplateUntouched() {
        TrafficCop tc = Fixtures.trafficCop("edge-proxy");
        Deployment before = ProxyDeployment.desired(Fleet.of(tc, Fixtures.configuration()));
        Deployment after = ProxyDeployment.desired(Fleet.of(tc, ProxyConfiguration.of("traefik.yml",
                Fixtures.STATIC_YAML, Map.of("routes.yml", Fixtures.DYNAMIC_YAML + "# changed\n",
                        "more.yml", "http: {}"))));
        Deployment staticChanged = ProxyDeployment.desired(Fleet.of(tc, ProxyConfiguration.of("traefik.yml",
                Fixtures.STATIC_YAML + "log:\n  level: DEBUG\n", Map.of())));

        assertThat(after.getSpec().getTemplate()).isEqualTo(before.getSpec().getTemplate());
        assertThat(staticChanged.getSpec().getTemplate()).isNotEqualTo(before.getSpec().getTemplate());
    }

    @Test
    void probesPingAndDrainsWithinTheGracePeriod() {
        PodSpec pod = ProxyDeployment.desired(Fixtures.fleet()).getSpec().getTemplate().getSpec();
        Container proxy = pod.getContainers().get(0);

        // 5s drain + (5s + 20s) websecure lifeCycle + 5s margin
        assertThat(pod.getTerminationGracePeriodSeconds()).isEqualTo(35L);
        assertThat(proxy.getLifecycle().getPreStop().getSleep().getSeconds()).isEqualTo(5L);
        assertThat(proxy.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/ping");
        assertThat(proxy.getReadinessProbe().getHttpGet().getPort().getIntVal()).isEqualTo(9000);
        assertThat(proxy.getLivenessProbe().getHttpGet().getPort().getIntVal()).isEqualTo(9000);
        // liveness tolerates the 25s shutdown (5 periods of 5s) plus 3 failures
        assertThat(proxy.getLivenessProbe().getFailureThreshold()).isEqualTo(8);
        assertThat(proxy.getArgs()).containsExactly("--configFile=/etc/traefik/traefik.yml");
        assertThat(proxy.getPorts()).extracting(p -> p.getName() + "=" + p.getContainerPort())
                .containsExactly("web=8000", "websecure=8443", "traefik=9000");
        assertThat(proxy.getSecurityContext().getCapabilities().getAdd()).isNullOrEmpty();
        assertThat(proxy.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    }

    @Test
    void pingPortFromTheSpecWinsAndNoPreStopWhenDrainIsZero() {
        TrafficCop tc = Fixtures.trafficCop("p");
        tc.getSpec().pingPort = 8082;
        tc.getSpec().drain.timeout = "0s";
        Container proxy = ProxyDeployment.desired(Fixtures.fleet(tc)).getSpec().getTemplate().getSpec()
                .getContainers().get(0);

        assertThat(proxy.getReadinessProbe().getHttpGet().getPort().getIntVal()).isEqualTo(8082);
        assertThat(proxy.getLifecycle()).isNull();
    }

    @Test
    void mountsStaticFileDynamicDirectoryAndTlsSecrets() {
        TrafficCop tc = Fixtures.trafficCop("p");
        TlsSecretSpec wildcard = new TlsSecretSpec();
        wildcard.name = "wildcard-tls";
        TlsSecretSpec custom = new TlsSecretSpec();
        custom.name = "ca";
        custom.mountPath = "/certs/ca";
        tc.getSpec().tlsSecrets.add(wildcard);
        tc.getSpec().tlsSecrets.add(custom);
        PodSpec pod = ProxyDeployment.desired(Fixtures.fleet(tc)).getSpec().getTemplate().getSpec();

        assertThat(pod.getContainers().get(0).getVolumeMounts())
                .extracting(VolumeMount::getMountPath, VolumeMount::getSubPath)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("/etc/traefik/traefik.yml", "traefik.yml"),
                        org.assertj.core.groups.Tuple.tuple("/etc/traefik/dynamic", null),
                        org.assertj.core.groups.Tuple.tuple("/tmp", null),
                        org.assertj.core.groups.Tuple.tuple("/etc/traefik/tls/wildcard-tls", null),
                        org.assertj.core.groups.Tuple.tuple("/certs/ca", null));
        assertThat(pod.getVolumes()).extracting(v -> v.getConfigMap() != null ? v.getConfigMap().getName()
                        : v.getSecret() != null ? v.getSecret().getSecretName() : v.getName())
                .containsExactly("p-static", "p-dynamic", "tmp", "wildcard-tls", "ca");
    }

    @Test
    void leavesReplicasToTheAutoscaler() {
        TrafficCop tc = Fixtures.trafficCop("p");
        tc.getSpec().autoscaling.enabled = true;
        tc.getSpec().replicas = 7;

        assertThat(ProxyDeployment.desired(Fixtures.fleet(tc)).getSpec().getReplicas()).isNull();
    }

    @Test
    void privilegedPortsGetNetBindServiceOnly() {
        TrafficCop tc = Fixtures.trafficCop("p");
        Fleet fleet = Fleet.of(tc, ProxyConfiguration.of("traefik.toml",
                "[entryPoints.web]\naddress = \":80\"\n[ping]\n", Map.of()));
        Container proxy = ProxyDeployment.desired(fleet).getSpec().getTemplate().getSpec().getContainers().get(0);

        assertThat(proxy.getSecurityContext().getCapabilities().getAdd()).containsExactly("NET_BIND_SERVICE");
        assertThat(proxy.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(proxy.getArgs()).containsExactly("--configFile=/etc/traefik/traefik.toml");
        assertThat(proxy.getReadinessProbe().getHttpGet().getPort().getIntVal()).isEqualTo(8080);
    }

    @Test
    void passesRedisAndExtraEnv() {
        TrafficCop managed = Fixtures.trafficCop("p");
        managed.getSpec().redis.mode = "managed";
        managed.getSpec().env.add(new EnvVar("LOG", "debug", null));
        TrafficCop external = Fixtures.trafficCop("p");
        external.getSpec().redis.mode = "external";
        external.getSpec().redis.external.endpoints.add("redis-a:6379");
        external.getSpec().redis.external.endpoints.add("redis-b:6379");
        external.getSpec().redis.external.passwordSecret = new SecretKeySpec();
        external.getSpec().redis.external.passwordSecret.name = "redis-auth";

        assertThat(env(managed)).containsEntry("TRAFFICCOP_REDIS_ENDPOINTS", "p-redis:6379")
                .containsEntry("LOG", "debug").doesNotContainKey("TRAFFICCOP_REDIS_PASSWORD");
        assertThat(env(external)).containsEntry("TRAFFICCOP_REDIS_ENDPOINTS", "redis-a:6379,redis-b:6379")
                .containsEntry("TRAFFICCOP_REDIS_PASSWORD", "secret redis-auth/password");
        assertThat(env(Fixtures.trafficCop("p"))).doesNotContainKey("TRAFFICCOP_REDIS_ENDPOINTS")
                .containsKeys("POD_NAME", "POD_NAMESPACE");
    }

    private static Map<String, String> env(TrafficCop tc) {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        for (EnvVar e : ProxyDeployment.desired(Fixtures.fleet(tc)).getSpec().getTemplate().getSpec()
                .getContainers().get(0).getEnv()) {
            String value = e.getValue();
            if (e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null) {
                value = "secret " + e.getValueFrom().getSecretKeyRef().getName() + "/"
                        + e.getValueFrom().getSecretKeyRef().getKey();
            }
            env.put(e.getName(), value);
        }
        return env;
    }
}
