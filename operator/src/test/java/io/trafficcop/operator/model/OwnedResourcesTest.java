package io.trafficcop.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.trafficcop.operator.Fixtures;
import io.trafficcop.operator.api.v1alpha1.ServicePortSpec;
import io.trafficcop.operator.api.v1alpha1.TrafficCop;
import org.junit.jupiter.api.Test;

/** Service, PDB, HPA, ServiceAccount, ConfigMaps and the managed Redis. */
class OwnedResourcesTest {

    @Test
    void serviceExposesEveryEntryPointButThePingOneByDefault() {
        Service service = ProxyService.desired(Fixtures.fleet());

        assertThat(service.getSpec().getType()).isEqualTo("LoadBalancer");
        assertThat(service.getSpec().getPorts()).extracting(p -> p.getName() + ":" + p.getPort() + "->"
                + p.getTargetPort().getStrVal()).containsExactly("web:8000->web", "websecure:8443->websecure");
        assertThat(service.getSpec().getSelector()).isEqualTo(FleetNames.selector("edge-proxy", "proxy"));
    }

    @Test
    void serviceUsesTheSpecPortsTypeAndAnnotations() {
        TrafficCop tc = Fixtures.trafficCop("p");
        tc.getSpec().service.type = "NodePort";
        tc.getSpec().service.annotations.put("service.beta.kubernetes.io/aws-load-balancer-type", "nlb");
        ServicePortSpec https = new ServicePortSpec();
        https.entryPoint = "websecure";
        https.port = 443;
        https.nodePort = 30443;
        tc.getSpec().service.ports.add(https);
        Service service = ProxyService.desired(Fixtures.fleet(tc));

        assertThat(service.getSpec().getType()).isEqualTo("NodePort");
        assertThat(service.getMetadata().getAnnotations()).containsKey("service.beta.kubernetes.io/aws-load-balancer-type");
        ServicePort port = service.getSpec().getPorts().get(0);
        assertThat(port.getPort()).isEqualTo(443);
        assertThat(port.getNodePort()).isEqualTo(30443);
        assertThat(port.getTargetPort()).isEqualTo(new IntOrString("websecure"));

        tc.getSpec().service.type = "ClusterIP";
        assertThat(ProxyService.desired(Fixtures.fleet(tc)).getSpec().getPorts().get(0).getNodePort()).isNull();
    }

    @Test
    void http3EntryPointsAreAlsoExposedOverUdp() {
        TrafficCop tc = Fixtures.trafficCop("p");
        Fleet fleet = Fleet.of(tc, ProxyConfiguration.of("traefik.yml", """
                entryPoints:
                  websecure:
                    address: ":8443"
                    http3: {}
                ping: {}
                """, java.util.Map.of()));

        assertThat(ProxyService.desired(fleet).getSpec().getPorts())
                .extracting(p -> p.getName() + ":" + p.getPort() + "/" + p.getProtocol())
                .containsExactly("websecure:8443/TCP", "websecure-h3:8443/UDP");
        assertThat(ProxyDeployment.desired(fleet).getSpec().getTemplate().getSpec().getContainers().get(0).getPorts())
                .extracting(p -> p.getName() + ":" + p.getContainerPort() + "/" + p.getProtocol())
                .containsExactly("websecure:8443/TCP", "websecure-h3:8443/UDP", "traefik:8080/TCP");
    }

    @Test
    void disruptionBudgetDefaultsToOneUnavailable() {
        TrafficCop tc = Fixtures.trafficCop("p");
        PodDisruptionBudget pdb = ProxyDisruptionBudget.desired(Fixtures.fleet(tc));
        assertThat(pdb.getSpec().getMaxUnavailable()).isEqualTo(new IntOrString(1));
        assertThat(pdb.getSpec().getMinAvailable()).isNull();
        assertThat(ProxyDisruptionBudget.enabled(tc.getSpec().podDisruptionBudget)).isTrue();

        tc.getSpec().podDisruptionBudget.minAvailable = new IntOrString("50%");
        pdb = ProxyDisruptionBudget.desired(Fixtures.fleet(tc));
        assertThat(pdb.getSpec().getMinAvailable()).isEqualTo(new IntOrString("50%"));
        assertThat(pdb.getSpec().getMaxUnavailable()).isNull();

        tc.getSpec().podDisruptionBudget.enabled = false;
        assertThat(ProxyDisruptionBudget.enabled(tc.getSpec().podDisruptionBudget)).isFalse();
    }

    @Test
    void autoscalerTargetsTheDeployment() {
        TrafficCop tc = Fixtures.trafficCop("p");
        assertThat(ProxyAutoscaler.enabled(tc.getSpec().autoscaling)).isFalse();
        tc.getSpec().autoscaling.enabled = true;
        tc.getSpec().autoscaling.maxReplicas = 6;
        tc.getSpec().autoscaling.targetMemoryUtilizationPercentage = 80;

        HorizontalPodAutoscaler hpa = ProxyAutoscaler.desired(Fixtures.fleet(tc));

        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("p");
        assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(2);
        assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(6);
        assertThat(hpa.getSpec().getMetrics()).extracting(m -> m.getResource().getName())
                .containsExactly("memory");
    }

    @Test
    void configMapsHoldTheConfigurationInForceAndReadBack() {
        Fleet fleet = Fixtures.fleet();
        var staticCm = ProxyConfigMaps.staticConfig(fleet);
        var dynamicCm = ProxyConfigMaps.dynamicConfig(fleet);

        assertThat(staticCm.getMetadata().getName()).isEqualTo("edge-proxy-static");
        assertThat(staticCm.getData()).containsOnlyKeys("traefik.yml");
        assertThat(dynamicCm.getData()).containsOnlyKeys("routes.yml");
        assertThat(staticCm.getMetadata().getAnnotations())
                .containsEntry(ProxyConfigMaps.HASH_ANNOTATION, fleet.configuration().hash());
        assertThat(ProxyConfigMaps.read(staticCm, dynamicCm)).isEqualTo(fleet.configuration());
        assertThat(ProxyServiceAccount.desired(fleet).getAutomountServiceAccountToken()).isFalse();
    }

    @Test
    void managedRedisIsAStatefulSetWithAService() {
        TrafficCop tc = Fixtures.trafficCop("p");
        assertThat(ManagedRedis.enabled(Fixtures.fleet(tc))).isFalse();
        tc.getSpec().redis.mode = "managed";
        Fleet fleet = Fixtures.fleet(tc);
        assertThat(ManagedRedis.enabled(fleet)).isTrue();

        StatefulSet sts = ManagedRedis.statefulSet(fleet);
        assertThat(sts.getMetadata().getName()).isEqualTo("p-redis");
        assertThat(sts.getSpec().getServiceName()).isEqualTo("p-redis");
        assertThat(sts.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("redis:7.4-alpine");
        assertThat(sts.getSpec().getVolumeClaimTemplates()).isNullOrEmpty();
        assertThat(ManagedRedis.service(fleet).getSpec().getSelector())
                .isEqualTo(FleetNames.selector("p", "redis"))
                .isEqualTo(sts.getSpec().getSelector().getMatchLabels());

        tc.getSpec().redis.managed.storage = "1Gi";
        sts = ManagedRedis.statefulSet(Fixtures.fleet(tc));
        assertThat(sts.getSpec().getVolumeClaimTemplates()).singleElement()
                .satisfies(pvc -> assertThat(pvc.getSpec().getResources().getRequests().get("storage").toString())
                        .isEqualTo("1Gi"));
    }
}
