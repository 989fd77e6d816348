package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.NotImplemented;

/**
 * CNAME flattening of backend host names; present (even empty) enables the resolver.
 *
 * <p>Traefik key: {@code hostResolver} (Traefik's {@code types.HostResolverConfig}).
 */
@NotImplemented("CNAME flattening is not implemented yet")
public record HostResolver(
        Boolean cnameFlattening,
        String resolvConfig,
        Integer resolvDepth) {

    public static final Boolean DEFAULT_CNAME_FLATTENING = Boolean.FALSE;
    public static final String DEFAULT_RESOLV_CONFIG = "/etc/resolv.conf";
    public static final Integer DEFAULT_RESOLV_DEPTH = 5;

    public HostResolver {
        if (cnameFlattening == null) {
            cnameFlattening = DEFAULT_CNAME_FLATTENING;
        }
        if (resolvConfig == null) {
            resolvConfig = DEFAULT_RESOLV_CONFIG;
        }
        if (resolvDepth == null) {
            resolvDepth = DEFAULT_RESOLV_DEPTH;
        }
    }

    /** This section as Traefik fills it when it is present but empty. */
    public static HostResolver defaults() {
        return new HostResolver(null, null, null);
    }
}
