package io.trafficcop.proxy.config.install;

import java.util.Map;

/**
 * Which fields are written to the access log.
 *
 * <p>Traefik key: {@code accessLog.fields} (Traefik's {@code types.AccessLogFields}).
 */
public record AccessLogFields(
        String defaultMode,
        Map<String, String> names,
        FieldHeaders headers,
        FieldQueryParameters queryParameters) {

    public static final String DEFAULT_DEFAULT_MODE = "keep";
    public static final FieldHeaders DEFAULT_HEADERS = FieldHeaders.defaults();
    public static final FieldQueryParameters DEFAULT_QUERY_PARAMETERS = FieldQueryParameters.defaults();

    public AccessLogFields {
        if (defaultMode == null) {
            defaultMode = DEFAULT_DEFAULT_MODE;
        }
        if (headers == null) {
            headers = DEFAULT_HEADERS;
        }
        if (queryParameters == null) {
            queryParameters = DEFAULT_QUERY_PARAMETERS;
        }
    }

    /** This section as Traefik fills it when it is present but empty. */
    public static AccessLogFields defaults() {
        return new AccessLogFields(null, null, null, null);
    }
}
