package io.trafficcop.proxy.config.install;


/**
 * Whether query parameters are written to the access log.
 *
 * <p>Traefik key: {@code accessLog.fields.queryParameters} (Traefik's {@code types.FieldQueryParameters}).
 *
 * @param defaultMode keep, drop or redact
 */
public record FieldQueryParameters(
        String defaultMode) {

    public static final String DEFAULT_DEFAULT_MODE = "keep";

    public FieldQueryParameters {
        if (defaultMode == null) {
            defaultMode = DEFAULT_DEFAULT_MODE;
        }
    }

    /** This section as Traefik fills it when it is present but empty. */
    public static FieldQueryParameters defaults() {
        return new FieldQueryParameters(null);
    }
}
