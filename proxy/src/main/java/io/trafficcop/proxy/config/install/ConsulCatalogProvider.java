package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.GoDuration;
import io.trafficcop.proxy.config.NotImplemented;
import java.util.List;

/**
 * Consul Catalog provider; present (even empty) enables it.
 *
 * <p>Traefik key: {@code providers.consulCatalog} (Traefik's {@code consulcatalog.ProviderBuilder}).
 */
@NotImplemented("provider not implemented yet; only the file provider is")
public record ConsulCatalogProvider(
        String constraints,
        ConsulCatalogEndpoint endpoint,
        String prefix,
        GoDuration refreshInterval,
        Boolean requireConsistent,
        Boolean stale,
        Boolean cache,
        Boolean exposedByDefault,
        String defaultRule,
        Boolean connectAware,
        Boolean connectByDefault,
        String serviceName,
        Boolean watch,
        List<String> strictChecks,
        List<String> namespaces) {

    public static final ConsulCatalogEndpoint DEFAULT_ENDPOINT = ConsulCatalogEndpoint.defaults();
    public static final String DEFAULT_PREFIX = "traefik";
    public static final GoDuration DEFAULT_REFRESH_INTERVAL = GoDuration.ofSeconds(15);
    public static final Boolean DEFAULT_EXPOSED_BY_DEFAULT = Boolean.TRUE;
    public static final String DEFAULT_DEFAULT_RULE = "Host(`{{ normalize .Name }}`)";
    public static final String DEFAULT_SERVICE_NAME = "traefik";
    public static final List<String> DEFAULT_STRICT_CHECKS = List.of("passing", "warning");

    public ConsulCatalogProvider {
        if (endpoint == null) {
            endpoint = DEFAULT_ENDPOINT;
        }
        if (prefix == null) {
            prefix = DEFAULT_PREFIX;
        }
        if (refreshInterval == null) {
            refreshInterval = DEFAULT_REFRESH_INTERVAL;
        }
        if (exposedByDefault == null) {
            exposedByDefault = DEFAULT_EXPOSED_BY_DEFAULT;
        }
        if (defaultRule == null) {
            defaultRule = DEFAULT_DEFAULT_RULE;
        }
        if (serviceName == null) {
            serviceName = DEFAULT_SERVICE_NAME;
        }
        if (strictChecks == null) {
            strictChecks = DEFAULT_STRICT_CHECKS;
        }
    }

    /** This section as Traefik fills it when it is present but empty. */
    public static ConsulCatalogProvider defaults() {
        return new ConsulCatalogProvider(null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }
}
