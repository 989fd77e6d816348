package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.NotImplemented;
import java.util.List;

/**
 * AWS ECS provider; present (even empty) enables it.
 *
 * <p>Traefik key: {@code providers.ecs} (Traefik's {@code ecs.Provider}).
 *
 * @param refreshSeconds a plain number of seconds, not a duration
 */
@NotImplemented("provider not implemented yet; only the file provider is")
public record EcsProvider(
        String constraints,
        Boolean exposedByDefault,
        Integer refreshSeconds,
        String defaultRule,
        List<String> clusters,
        Boolean autoDiscoverClusters,
        Boolean healthyTasksOnly,
        Boolean ecsAnywhere,
        String region,
        String accessKeyID,
        String secretAccessKey) {

    public static final Boolean DEFAULT_EXPOSED_BY_DEFAULT = Boolean.TRUE;
    public static final Integer DEFAULT_REFRESH_SECONDS = 15;
    public static final String DEFAULT_DEFAULT_RULE = "Host(`{{ normalize .Name }}`)";
    public static final List<String> DEFAULT_CLUSTERS = List.of("default");
    public static final Boolean DEFAULT_AUTO_DISCOVER_CLUSTERS = Boolean.FALSE;
    public static final Boolean DEFAULT_HEALTHY_TASKS_ONLY = Boolean.FALSE;

    public EcsProvider {
        if (exposedByDefault == null) {
            exposedByDefault = DEFAULT_EXPOSED_BY_DEFAULT;
        }
        if (refreshSeconds == null) {
            refreshSeconds = DEFAULT_REFRESH_SECONDS;
        }
        if (defaultRule == null) {
            defaultRule = DEFAULT_DEFAULT_RULE;
        }
        if (clusters == null) {
            clusters = DEFAULT_CLUSTERS;
        }
        if (autoDiscoverClusters == null) {
            autoDiscoverClusters = DEFAULT_AUTO_DISCOVER_CLUSTERS;
        }
        if (healthyTasksOnly == null) {
            healthyTasksOnly = DEFAULT_HEALTHY_TASKS_ONLY;
        }
    }

    /** This section as Traefik fills it when it is present but empty. */
    public static EcsProvider defaults() {
        return new EcsProvider(null, null, null, null, null, null, null, null, null, null, null);
    }
}
