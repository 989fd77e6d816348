package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.GoDuration;
import io.trafficcop.proxy.config.NotImplemented;
import java.util.List;

/**
 * Nomad provider; present (even empty) enables it.
 *
 * <p>Traefik key: {@code providers.nomad} (Traefik's {@code nomad.ProviderBuilder}).
 */
@NotImplemented("provider not implemented yet; only the file provider is")
public record NomadProvider(
        String defaultRule,
        String constraints,
        NomadEndpoint endpoint,
        String prefix,
        Boolean stale,
        Boolean exposedByDefault,
        GoDuration refreshInterval,
        Boolean allowEmptyServices,
        Boolean watch,
        GoDuration throttleDuration,
        List<String> namespaces) {

    public static final String DEFAULT_DEFAULT_RULE = "Host(`{{ normalize .Name }}`)";
    public static final NomadEndpoint DEFAULT_ENDPOINT = NomadEndpoint.defaults();
    public static final String DEFAULT_PREFIX = "traefik";
    public static final Boolean DEFAULT_EXPOSED_BY_DEFAULT = Boolean.TRUE;
    public static final GoDuration DEFAULT_REFRESH_INTERVAL = GoDuration.ofSeconds(15);
    public static final GoDuration DEFAULT_THROTTLE_DURATION = GoDuration.ZERO;

    public NomadProvider {
        if (defaultRule == null) {
            defaultRule = DEFAULT_DEFAULT_RULE;
        }
        if (endpoint == null) {
            endpoint = DEFAULT_ENDPOINT;
        }
        if (prefix == null) {
            prefix = DEFAULT_PREFIX;
        }
        if (exposedByDefault == null) {
            exposedByDefault = DEFAULT_EXPOSED_BY_DEFAULT;
        }
        if (refreshInterval == null) {
            refreshInterval = DEFAULT_REFRESH_INTERVAL;
        }
        if (throttleDuration == null) {
            throttleDuration = DEFAULT_THROTTLE_DURATION;
        }
    }

    /** This section as Traefik fills it when it is present but empty. */
    public static NomadProvider defaults() {
        return new NomadProvider(null, null, null, null, null, null, null, null, null, null, null);
    }
}
