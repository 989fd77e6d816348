package io.trafficcop.operator.model;

import io.fabric8.kubernetes.api.model.ConfigMapVolumeSourceBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.trafficcop.operator.api.v1alpha1.TlsSecretSpec;
import io.trafficcop.operator.api.v1alpha1.TrafficCopSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The proxy Deployment. Rollouts drop no request: {@code maxUnavailable: 0} (a new pod is ready before an old one
 * goes), readiness on {@code /ping} (which answers {@code ping.terminatingStatusCode} while a pod drains), a preStop
 * sleep of {@code drain.timeout} and a termination grace period covering the entry points' lifeCycle
 * ({@link DrainBudget}). Only a static configuration change touches the pod template (its hash annotation):
 * dynamic files are a mounted ConfigMap the file provider watches.
 */
public final class ProxyDeployment {

    static final String CONTAINER = "trafficcop";
    static final String STATIC_VOLUME = "static-config";
    static final String DYNAMIC_VOLUME = "dynamic-config";
    static final String TMP_VOLUME = "tmp";
    static final int PROBE_PERIOD_SECONDS = 5;

    private ProxyDeployment() {
    }

    public static Deployment desired(Fleet fleet) {
        TrafficCopSpec spec = fleet.resource().getSpec();
        String name = fleet.name();
        DrainBudget drain = DrainBudget.of(spec, fleet.staticConfig());
        Map<String, String> podLabels = new LinkedHashMap<>(spec.podLabels);
        podLabels.putAll(FleetNames.labels(name, FleetNames.PROXY_COMPONENT));
        Map<String, String> podAnnotations = new LinkedHashMap<>(spec.podAnnotations);
        podAnnotations.put(FleetNames.STATIC_CONFIG_HASH_ANNOTATION, fleet.configuration().staticHash());

        boolean autoscaled = Boolean.TRUE.equals(spec.autoscaling.enabled);
        return new DeploymentBuilder()
                .withNewMetadata()
                    .withName(FleetNames.proxy(name))
                    .withNamespace(fleet.namespace())
                    .withLabels(FleetNames.labels(name, FleetNames.PROXY_COMPONENT))
                .endMetadata()
                .withNewSpec()
                    // Left to the HPA when autoscaling: the operator must not fight it.
                    .withReplicas(autoscaled ? null : (spec.replicas == null ? Defaults.REPLICAS : spec.replicas))
                    .withSelector(new LabelSelectorBuilder()
                            .withMatchLabels(FleetNames.selector(name, FleetNames.PROXY_COMPONENT)).build())
                    .withNewStrategy()
                        .withType("RollingUpdate")
                        .withNewRollingUpdate()
                            .withMaxUnavailable(new IntOrString(0))
                            .withMaxSurge(new IntOrString(1))
                        .endRollingUpdate()
                    .endStrategy()
                    .withNewTemplate()
                        .withNewMetadata()
                            .withLabels(podLabels)
                            .withAnnotations(podAnnotations)
                        .endMetadata()
                        .withNewSpec()
                            .withServiceAccountName(FleetNames.proxy(name))
                            .withAutomountServiceAccountToken(false)
                            .withTerminationGracePeriodSeconds(drain.terminationGracePeriodSeconds())
                            .withNewSecurityContext()
                                .withRunAsNonRoot(true)
                                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                            .endSecurityContext()
                            .withNodeSelector(spec.nodeSelector.isEmpty() ? null : spec.nodeSelector)
                            .withTolerations(spec.tolerations.isEmpty() ? null : spec.tolerations)
                            .withAffinity(spec.affinity)
                            .withTopologySpreadConstraints(topologySpread(spec, name))
                            .withContainers(container(fleet, drain))
                            .withVolumes(volumes(fleet))
                        .endSpec()
                    .endTemplate()
                .endSpec()
                .build();
    }

    /** The file the static configuration is mounted as; its extension tells the proxy YAML from TOML. */
    public static String staticConfigPath(Fleet fleet) {
        return Defaults.CONFIG_DIR + "/" + fleet.configuration().staticFileName();
    }

    /** The port the probes call: spec.pingPort, else the ping entry point's port, else Traefik's 8080. */
    public static int pingPort(Fleet fleet) {
        Integer explicit = fleet.resource().getSpec().pingPort;
        if (explicit != null) {
            return explicit;
        }
        return fleet.staticConfig().pingEntryPoint().map(StaticConfig.EntryPoint::port)
                .orElse(StaticConfigReader.INTERNAL_ENTRY_POINT_PORT);
    }

    private static Container container(Fleet fleet, DrainBudget drain) {
        TrafficCopSpec spec = fleet.resource().getSpec();
        int pingPort = pingPort(fleet);
        boolean privilegedPort = fleet.staticConfig().entryPoints().values().stream().anyMatch(ep -> ep.port() < 1024);
        ContainerBuilder container = new ContainerBuilder()
                .withName(CONTAINER)
                .withImage(spec.image == null ? Defaults.IMAGE : spec.image)
                .withImagePullPolicy(spec.imagePullPolicy)
                .withArgs("--configFile=" + staticConfigPath(fleet))
                .withPorts(containerPorts(fleet))
                .withEnv(env(fleet))
                .withResources(spec.resources)
                .withReadinessProbe(pingProbe(pingPort, 1))
                // A draining pod answers 503 then closes its ping entry point: liveness must outlast the whole
                // shutdown or the kubelet would kill a pod that is draining on purpose.
                .withLivenessProbe(pingProbe(pingPort,
                        3 + (int) Math.ceil((double) DrainBudget.ceilSeconds(drain.shutdown()) / PROBE_PERIOD_SECONDS)))
                .withNewStartupProbe()
                    .withNewHttpGet().withPath(Defaults.PING_PATH).withPort(new IntOrString(pingPort)).endHttpGet()
                    .withPeriodSeconds(1)
                    .withFailureThreshold(120)
                .endStartupProbe()
                .withNewSecurityContext()
                    .withAllowPrivilegeEscalation(false)
                    .withReadOnlyRootFilesystem(true)
                    .withNewCapabilities()
                        .withDrop("ALL")
                        .withAdd(privilegedPort ? List.of("NET_BIND_SERVICE") : null)
                    .endCapabilities()
                .endSecurityContext()
                .withVolumeMounts(volumeMounts(fleet));
        if (drain.preStopSeconds() > 0) {
            container.withNewLifecycle()
                    .withNewPreStop().withNewSleep().withSeconds(drain.preStopSeconds()).endSleep().endPreStop()
                    .endLifecycle();
        }
        return container.build();
    }

    private static Probe pingProbe(int port, int failureThreshold) {
        return new ProbeBuilder()
                .withNewHttpGet().withPath(Defaults.PING_PATH).withPort(new IntOrString(port)).endHttpGet()
                .withPeriodSeconds(PROBE_PERIOD_SECONDS)
                .withTimeoutSeconds(2)
                .withFailureThreshold(failureThreshold)
                .build();
    }

    private static List<ContainerPort> containerPorts(Fleet fleet) {
        List<ContainerPort> ports = new ArrayList<>();
        for (StaticConfig.EntryPoint ep : fleet.staticConfig().entryPoints().values()) {
            ports.add(new ContainerPortBuilder().withName(FleetNames.portName(ep.name()))
                    .withContainerPort(ep.port()).withProtocol(ep.protocol()).build());
            if (ep.http3()) {
                ports.add(new ContainerPortBuilder().withName(FleetNames.http3PortName(ep.name()))
                        .withContainerPort(ep.port()).withProtocol("UDP").build());
            }
        }
        return ports;
    }

    private static List<EnvVar> env(Fleet fleet) {
        List<EnvVar> env = new ArrayList<>();
        env.add(new EnvVarBuilder().withName("POD_NAME").withNewValueFrom().withNewFieldRef()
                .withFieldPath("metadata.name").endFieldRef().endValueFrom().build());
        env.add(new EnvVarBuilder().withName("POD_NAMESPACE").withNewValueFrom().withNewFieldRef()
                .withFieldPath("metadata.namespace").endFieldRef().endValueFrom().build());
        env.addAll(RedisConnection.env(fleet));
        env.addAll(fleet.resource().getSpec().env);
        return env;
    }

    private static List<VolumeMount> volumeMounts(Fleet fleet) {
        List<VolumeMount> mounts = new ArrayList<>();
        // subPath: the static file is read once at start; its changes roll the pods through the hash annotation.
        mounts.add(new VolumeMountBuilder().withName(STATIC_VOLUME).withMountPath(staticConfigPath(fleet))
                .withSubPath(fleet.configuration().staticFileName()).withReadOnly(true).build());
        // A whole-directory mount (no subPath) so the kubelet refreshes it and the file provider's watch sees it.
        mounts.add(new VolumeMountBuilder().withName(DYNAMIC_VOLUME).withMountPath(Defaults.DYNAMIC_DIR)
                .withReadOnly(true).build());
        mounts.add(new VolumeMountBuilder().withName(TMP_VOLUME).withMountPath("/tmp").build());
        List<TlsSecretSpec> secrets = fleet.resource().getSpec().tlsSecrets;
        for (int i = 0; i < secrets.size(); i++) {
            TlsSecretSpec secret = secrets.get(i);
            mounts.add(new VolumeMountBuilder().withName("tls-" + i)
                    .withMountPath(secret.mountPath != null ? secret.mountPath : Defaults.TLS_DIR + "/" + secret.name)
                    .withReadOnly(true).build());
        }
        return mounts;
    }

    private static List<Volume> volumes(Fleet fleet) {
        String name = fleet.name();
        List<Volume> volumes = new ArrayList<>();
        volumes.add(new VolumeBuilder().withName(STATIC_VOLUME).withConfigMap(new ConfigMapVolumeSourceBuilder()
                .withName(FleetNames.staticConfigMap(name)).build()).build());
        volumes.add(new VolumeBuilder().withName(DYNAMIC_VOLUME).withConfigMap(new ConfigMapVolumeSourceBuilder()
                .withName(FleetNames.dynamicConfigMap(name)).build()).build());
        volumes.add(new VolumeBuilder().withName(TMP_VOLUME).withNewEmptyDir().endEmptyDir().build());
        List<TlsSecretSpec> secrets = fleet.resource().getSpec().tlsSecrets;
        for (int i = 0; i < secrets.size(); i++) {
            volumes.add(new VolumeBuilder().withName("tls-" + i).withNewSecret()
                    .withSecretName(secrets.get(i).name).endSecret().build());
        }
        return volumes;
    }

    /** The spec's constraints, or a best-effort spread across nodes and zones. */
    private static List<TopologySpreadConstraint> topologySpread(TrafficCopSpec spec, String name) {
        if (!spec.topologySpreadConstraints.isEmpty()) {
            return spec.topologySpreadConstraints;
        }
        List<TopologySpreadConstraint> spread = new ArrayList<>();
        for (String key : List.of("kubernetes.io/hostname", "topology.kubernetes.io/zone")) {
            spread.add(new TopologySpreadConstraintBuilder()
                    .withMaxSkew(1)
                    .withTopologyKey(key)
                    .withWhenUnsatisfiable("ScheduleAnyway")
                    .withNewLabelSelector()
                        .withMatchLabels(FleetNames.selector(name, FleetNames.PROXY_COMPONENT))
                    .endLabelSelector()
                    .build());
        }
        return spread;
    }
}
