package io.trafficcop.operator.model;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.trafficcop.operator.api.v1alpha1.ManagedRedisSpec;
import java.util.List;

/** {@code redis.mode: managed}: a one-replica Redis StatefulSet and its ClusterIP Service, owned by the TrafficCop. */
public final class ManagedRedis {

    static final String DATA_VOLUME = "data";
    /** The redis user of the official image. */
    static final long REDIS_UID = 999;

    private ManagedRedis() {
    }

    public static boolean enabled(Fleet fleet) {
        return RedisConnection.mode(fleet.resource().getSpec().redis) == RedisConnection.Mode.MANAGED;
    }

    public static StatefulSet statefulSet(Fleet fleet) {
        ManagedRedisSpec spec = fleet.resource().getSpec().redis.managed;
        String name = FleetNames.redis(fleet.name());
        boolean persistent = spec.storage != null && !spec.storage.isBlank();
        List<Volume> volumes = persistent ? null
                : List.of(new VolumeBuilder().withName(DATA_VOLUME).withNewEmptyDir().endEmptyDir().build());
        List<PersistentVolumeClaim> claims = !persistent ? null : List.of(new PersistentVolumeClaimBuilder()
                .withNewMetadata().withName(DATA_VOLUME).endMetadata()
                .withNewSpec()
                    .withAccessModes("ReadWriteOnce")
                    .withStorageClassName(spec.storageClassName)
                    .withNewResources().addToRequests("storage", new Quantity(spec.storage)).endResources()
                .endSpec()
                .build());
        return new StatefulSetBuilder()
                .withNewMetadata()
                    .withName(name)
                    .withNamespace(fleet.namespace())
                    .withLabels(FleetNames.labels(fleet.name(), FleetNames.REDIS_COMPONENT))
                .endMetadata()
                .withNewSpec()
                    .withReplicas(1)
                    .withServiceName(name)
                    .withNewSelector()
                        .withMatchLabels(FleetNames.selector(fleet.name(), FleetNames.REDIS_COMPONENT))
                    .endSelector()
                    .withNewTemplate()
                        .withNewMetadata()
                            .withLabels(FleetNames.labels(fleet.name(), FleetNames.REDIS_COMPONENT))
                        .endMetadata()
                        .withNewSpec()
                            .withAutomountServiceAccountToken(false)
                            .withNewSecurityContext()
                                .withRunAsNonRoot(true)
                                .withRunAsUser(REDIS_UID)
                                .withFsGroup(REDIS_UID)
                                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                            .endSecurityContext()
                            .addNewContainer()
                                .withName("redis")
                                .withImage(spec.image == null ? Defaults.REDIS_IMAGE : spec.image)
                                .withArgs("--appendonly", persistent ? "yes" : "no", "--save", "")
                                .addNewPort().withName("redis").withContainerPort(Defaults.REDIS_PORT).endPort()
                                .withResources(spec.resources)
                                .withNewReadinessProbe()
                                    .withNewTcpSocket().withPort(new IntOrString(Defaults.REDIS_PORT)).endTcpSocket()
                                    .withPeriodSeconds(5)
                                .endReadinessProbe()
                                .withNewSecurityContext()
                                    .withAllowPrivilegeEscalation(false)
                                    .withNewCapabilities().withDrop("ALL").endCapabilities()
                                .endSecurityContext()
                                .addNewVolumeMount().withName(DATA_VOLUME).withMountPath("/data").endVolumeMount()
                            .endContainer()
                            .withVolumes(volumes)
                        .endSpec()
                    .endTemplate()
                    .withVolumeClaimTemplates(claims)
                .endSpec()
                .build();
    }

    public static Service service(Fleet fleet) {
        return new ServiceBuilder()
                .withNewMetadata()
                    .withName(FleetNames.redis(fleet.name()))
                    .withNamespace(fleet.namespace())
                    .withLabels(FleetNames.labels(fleet.name(), FleetNames.REDIS_COMPONENT))
                .endMetadata()
                .withNewSpec()
                    .withType("ClusterIP")
                    .withSelector(FleetNames.selector(fleet.name(), FleetNames.REDIS_COMPONENT))
                    .addNewPort().withName("redis").withPort(Defaults.REDIS_PORT)
                        .withTargetPort(new IntOrString("redis")).withProtocol("TCP").endPort()
                .endSpec()
                .build();
    }
}
