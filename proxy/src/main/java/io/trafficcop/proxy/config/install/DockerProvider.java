package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.GoDuration;
import io.trafficcop.proxy.config.NotImplemented;

/**
 * Docker provider; present (even empty) enables it.
 *
 * <p>Traefik key: {@code providers.docker} (Traefik's {@code docker.Provider}).
 */
@NotImplemented("provider not implemented yet; only the file provider is")
public record DockerProvider(
        Boolean exposedByDefault,
        String constraints,
        Boolean allowEmptyServices,
        String network,
        Boolean useBindPortIP,
        Boolean watch,
        String defaultRule,
        String username,
        String password,
        String endpoint,
        ClientTLS tls,
        GoDuration httpClientTimeout) {

    public static final Boolean DEFAULT_EXPOSED_BY_DEFAULT = Boolean.TRUE;
    public static final Boolean DEFAULT_WATCH = Boolean.TRUE;
    public static final String DEFAULT_DEFAULT_RULE = "Host(`{{ normalize .Name }}`)";
    public static final String DEFAULT_ENDPOINT = "unix:///var/run/docker.sock";

    public DockerProvider {
        if (exposedByDefault == null) {
            exposedByDefault = DEFAULT_EXPOSED_BY_DEFAULT;
        }
        if (watch == null) {
            watch = DEFAULT_WATCH;
        }
        if (defaultRule == null) {
            defaultRule = DEFAULT_DEFAULT_RULE;
        }
        if (endpoint == null) {
            endpoint = DEFAULT_ENDPOINT;
        }
    }

    /** This section as Traefik fills it when it is present but empty. */
    public static DockerProvider defaults() {
        return new DockerProvider(null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
