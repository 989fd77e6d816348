package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.GoDuration;
import io.trafficcop.proxy.config.NotImplemented;
import java.util.List;
import java.util.Map;

/**
 * The providers of dynamic configuration.
 *
 * <p>Traefik key: {@code providers}.
 *
 * @param providersThrottleDuration minimum time between two applied configurations of a provider
 * @param precedence routing precedence between providers, highest first
 * @param plugin plugin provider configurations by plugin name, free-form
 */
public record Providers(
        GoDuration providersThrottleDuration,
        @NotImplemented("provider precedence is not implemented yet") List<String> precedence,
        @NotImplemented("provider not implemented yet; only the file provider is") DockerProvider docker,
        @NotImplemented("provider not implemented yet; only the file provider is") SwarmProvider swarm,
        FileProvider file,
        @NotImplemented("provider not implemented yet; only the file provider is")
        KubernetesIngressProvider kubernetesIngress,
        @NotImplemented("provider not implemented yet; only the file provider is")
        KubernetesIngressNginxProvider kubernetesIngressNGINX,
        @NotImplemented("provider not implemented yet; only the file provider is") KubernetesCrdProvider kubernetesCRD,
        @NotImplemented("provider not implemented yet; only the file provider is")
        KubernetesGatewayProvider kubernetesGateway,
        @NotImplemented("provider not implemented yet; only the file provider is") KnativeProvider knative,
        @NotImplemented("provider not implemented yet; only the file provider is") RestProvider rest,
        @NotImplemented("provider not implemented yet; only the file provider is") ConsulCatalogProvider consulCatalog,
        @NotImplemented("provider not implemented yet; only the file provider is") NomadProvider nomad,
        @NotImplemented("provider not implemented yet; only the file provider is") EcsProvider ecs,
        @NotImplemented("provider not implemented yet; only the file provider is") ConsulProvider consul,
        @NotImplemented("provider not implemented yet; only the file provider is") EtcdProvider etcd,
        @NotImplemented("provider not implemented yet; only the file provider is") ZooKeeperProvider zooKeeper,
        @NotImplemented("provider not implemented yet; only the file provider is") RedisProvider redis,
        @NotImplemented("provider not implemented yet; only the file provider is") HttpProvider http,
        @NotImplemented("plugin providers are not implemented yet") Map<String, Map<String, Object>> plugin) {

    public static final GoDuration DEFAULT_PROVIDERS_THROTTLE_DURATION = GoDuration.ofSeconds(2);
    public static final List<String> DEFAULT_PRECEDENCE = List.of(
            "kubernetesgateway", "kubernetescrd", "kubernetes", "kubernetesingressnginx", "swarm", "docker", "file",
            "redis", "knative", "consul", "consulcatalog", "nomad", "etcd", "ecs", "http", "zookeeper", "rest");

    public Providers {
        if (providersThrottleDuration == null) {
            providersThrottleDuration = DEFAULT_PROVIDERS_THROTTLE_DURATION;
        }
        if (precedence == null) {
            precedence = DEFAULT_PRECEDENCE;
        }
    }

    /** This section as Traefik fills it when it is present but empty. */
    public static Providers defaults() {
        return new Providers(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
    }
}
